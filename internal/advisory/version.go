package advisory

import (
	"fmt"
	"strings"

	"github.com/Masterminds/semver/v3"
	gem "github.com/aquasecurity/go-gem-version"
	npm "github.com/aquasecurity/go-npm-version/pkg"
	pep440 "github.com/aquasecurity/go-pep440-version"
	genericversion "github.com/aquasecurity/go-version/pkg/version"
	mvn "github.com/masahiro331/go-mvn-version"
	gosemver "golang.org/x/mod/semver"
)

// Version is a parsed version of one ordering.
type Version interface {
	// Compare returns -1, 0 or +1. Both versions come from the same
	// Ordering.
	Compare(Version) int
}

// Ordering parses the versions of one ecosystem into values that compare
// the way the ecosystem's package manager compares them.
type Ordering interface {
	// Name says which ordering this is (for messages and docs).
	Name() string
	// Parse reads a version; an error when it is not one of this ordering.
	Parse(s string) (Version, error)
}

// Compare parses and compares two versions under an ordering.
func Compare(o Ordering, a, b string) (int, error) {
	va, err := o.Parse(a)
	if err != nil {
		return 0, err
	}
	vb, err := o.Parse(b)
	if err != nil {
		return 0, err
	}
	return va.Compare(vb), nil
}

// OrderingFor returns the version ordering of an OSV ecosystem and range
// type, or nil when onus has none (only exact versions lists then match).
//
//   - SEMVER ranges compare by Semantic Versioning 2.0 (Go modules with
//     golang.org/x/mod/semver, npm with node-semver rules, the others with
//     Masterminds/semver);
//   - ECOSYSTEM ranges use the ecosystem's own rules: npm (node-semver),
//     PyPI (PEP 440), Maven (ComparableVersion), RubyGems (Gem::Version),
//     crates.io (SemVer), Packagist and NuGet (numeric segments with
//     pre-releases), Go (module SemVer).
func OrderingFor(ecosystem, rangeType string) Ordering {
	switch ecosystem {
	case "Go":
		return goOrdering{}
	case "npm":
		return npmOrdering{}
	}
	if rangeType == RangeSemver {
		return semverOrdering{}
	}
	if rangeType != RangeEcosystem {
		return nil
	}
	switch ecosystem {
	case "PyPI":
		return pep440Ordering{}
	case "Maven":
		return mavenOrdering{}
	case "RubyGems":
		return gemOrdering{}
	case "crates.io":
		return semverOrdering{}
	case "Packagist", "NuGet":
		return genericOrdering{name: ecosystem}
	}
	return nil
}

// versionOf adapts a library's version type to Version.
type versionOf[T interface{ Compare(T) int }] struct{ v T }

func (a versionOf[T]) Compare(b Version) int { return a.v.Compare(b.(versionOf[T]).v) }

type goOrdering struct{}

func (goOrdering) Name() string { return "Go module versions (golang.org/x/mod/semver)" }

type goVersion string

func (a goVersion) Compare(b Version) int { return gosemver.Compare(string(a), string(b.(goVersion))) }

func (goOrdering) Parse(s string) (Version, error) {
	v := strings.TrimSuffix(strings.TrimSpace(s), "+incompatible")
	if !strings.HasPrefix(v, "v") {
		v = "v" + v
	}
	if !gosemver.IsValid(v) {
		return nil, fmt.Errorf("%q is not a Go module version", s)
	}
	return goVersion(v), nil
}

type semverOrdering struct{}

func (semverOrdering) Name() string { return "Semantic Versioning 2.0 (Masterminds/semver)" }

type semverVersion struct{ v *semver.Version }

func (a semverVersion) Compare(b Version) int { return a.v.Compare(b.(semverVersion).v) }

func (semverOrdering) Parse(s string) (Version, error) {
	v, err := semver.NewVersion(s)
	if err != nil {
		return nil, fmt.Errorf("%q is not a semantic version: %w", s, err)
	}
	return semverVersion{v}, nil
}

type npmOrdering struct{}

func (npmOrdering) Name() string { return "npm (aquasecurity/go-npm-version)" }

func (npmOrdering) Parse(s string) (Version, error) {
	// npm accepts a leading "v" or "=" (semver.clean)
	v, err := npm.NewVersion(strings.TrimLeft(strings.TrimSpace(s), "v="))
	if err != nil {
		return nil, fmt.Errorf("%q is not an npm version: %w", s, err)
	}
	return versionOf[npm.Version]{v}, nil
}

type pep440Ordering struct{}

func (pep440Ordering) Name() string { return "PEP 440 (aquasecurity/go-pep440-version)" }

func (pep440Ordering) Parse(s string) (Version, error) {
	v, err := pep440.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("%q is not a PEP 440 version: %w", s, err)
	}
	return versionOf[pep440.Version]{v}, nil
}

type mavenOrdering struct{}

func (mavenOrdering) Name() string { return "Maven ComparableVersion (masahiro331/go-mvn-version)" }

func (mavenOrdering) Parse(s string) (Version, error) {
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("empty Maven version")
	}
	v, err := mvn.NewVersion(s)
	if err != nil {
		return nil, fmt.Errorf("%q is not a Maven version: %w", s, err)
	}
	return versionOf[mvn.Version]{v}, nil
}

type gemOrdering struct{}

func (gemOrdering) Name() string { return "RubyGems Gem::Version (aquasecurity/go-gem-version)" }

func (gemOrdering) Parse(s string) (Version, error) {
	v, err := gem.NewVersion(s)
	if err != nil {
		return nil, fmt.Errorf("%q is not a RubyGems version: %w", s, err)
	}
	return versionOf[gem.Version]{v}, nil
}

type genericOrdering struct{ name string }

func (g genericOrdering) Name() string { return g.name + " (aquasecurity/go-version)" }

func (g genericOrdering) Parse(s string) (Version, error) {
	v, err := genericversion.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("%q is not a %s version: %w", s, g.name, err)
	}
	return versionOf[genericversion.Version]{v}, nil
}
