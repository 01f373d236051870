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

// Ordering parses the versions of one ecosystem into values that compare
// the way the ecosystem's package manager compares them.
type Ordering interface {
	// Name says which ordering this is (for messages and docs).
	Name() string
	// Compare returns -1, 0 or +1; an error when either version cannot be
	// read under this ordering.
	Compare(a, b string) (int, error)
}

// OrderingFor returns the version ordering of an OSV ecosystem and range
// type, or nil when onus has none (only exact versions lists then match).
//
//   - SEMVER ranges compare by Semantic Versioning 2.0 (Go modules with
//     golang.org/x/mod/semver, the others with Masterminds/semver);
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

type goOrdering struct{}

func (goOrdering) Name() string { return "Go module versions (golang.org/x/mod/semver)" }

func (goOrdering) Compare(a, b string) (int, error) {
	va, vb := goVersion(a), goVersion(b)
	if !gosemver.IsValid(va) {
		return 0, fmt.Errorf("%q is not a Go module version", a)
	}
	if !gosemver.IsValid(vb) {
		return 0, fmt.Errorf("%q is not a Go module version", b)
	}
	return gosemver.Compare(va, vb), nil
}

func goVersion(s string) string {
	s = strings.TrimSuffix(strings.TrimSpace(s), "+incompatible")
	if !strings.HasPrefix(s, "v") {
		s = "v" + s
	}
	return s
}

type semverOrdering struct{}

func (semverOrdering) Name() string { return "Semantic Versioning 2.0 (Masterminds/semver)" }

func (semverOrdering) Compare(a, b string) (int, error) {
	va, err := semver.NewVersion(a)
	if err != nil {
		return 0, fmt.Errorf("%q is not a semantic version: %w", a, err)
	}
	vb, err := semver.NewVersion(b)
	if err != nil {
		return 0, fmt.Errorf("%q is not a semantic version: %w", b, err)
	}
	return va.Compare(vb), nil
}

type npmOrdering struct{}

func (npmOrdering) Name() string { return "npm (aquasecurity/go-npm-version)" }

func (npmOrdering) Compare(a, b string) (int, error) {
	// npm accepts a leading "v" or "=" (semver.clean)
	a, b = strings.TrimLeft(strings.TrimSpace(a), "v="), strings.TrimLeft(strings.TrimSpace(b), "v=")
	va, err := npm.NewVersion(a)
	if err != nil {
		return 0, fmt.Errorf("%q is not an npm version: %w", a, err)
	}
	vb, err := npm.NewVersion(b)
	if err != nil {
		return 0, fmt.Errorf("%q is not an npm version: %w", b, err)
	}
	return va.Compare(vb), nil
}

type pep440Ordering struct{}

func (pep440Ordering) Name() string { return "PEP 440 (aquasecurity/go-pep440-version)" }

func (pep440Ordering) Compare(a, b string) (int, error) {
	va, err := pep440.Parse(a)
	if err != nil {
		return 0, fmt.Errorf("%q is not a PEP 440 version: %w", a, err)
	}
	vb, err := pep440.Parse(b)
	if err != nil {
		return 0, fmt.Errorf("%q is not a PEP 440 version: %w", b, err)
	}
	return va.Compare(vb), nil
}

type mavenOrdering struct{}

func (mavenOrdering) Name() string { return "Maven ComparableVersion (masahiro331/go-mvn-version)" }

func (mavenOrdering) Compare(a, b string) (int, error) {
	if strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
		return 0, fmt.Errorf("empty Maven version")
	}
	va, err := mvn.NewVersion(a)
	if err != nil {
		return 0, fmt.Errorf("%q is not a Maven version: %w", a, err)
	}
	vb, err := mvn.NewVersion(b)
	if err != nil {
		return 0, fmt.Errorf("%q is not a Maven version: %w", b, err)
	}
	return va.Compare(vb), nil
}

type gemOrdering struct{}

func (gemOrdering) Name() string { return "RubyGems Gem::Version (aquasecurity/go-gem-version)" }

func (gemOrdering) Compare(a, b string) (int, error) {
	va, err := gem.NewVersion(a)
	if err != nil {
		return 0, fmt.Errorf("%q is not a RubyGems version: %w", a, err)
	}
	vb, err := gem.NewVersion(b)
	if err != nil {
		return 0, fmt.Errorf("%q is not a RubyGems version: %w", b, err)
	}
	return va.Compare(vb), nil
}

type genericOrdering struct{ name string }

func (g genericOrdering) Name() string { return g.name + " (aquasecurity/go-version)" }

func (g genericOrdering) Compare(a, b string) (int, error) {
	va, err := genericversion.Parse(a)
	if err != nil {
		return 0, fmt.Errorf("%q is not a %s version: %w", a, g.name, err)
	}
	vb, err := genericversion.Parse(b)
	if err != nil {
		return 0, fmt.Errorf("%q is not a %s version: %w", b, g.name, err)
	}
	return va.Compare(vb), nil
}
