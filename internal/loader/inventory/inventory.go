// Package inventory turns the packages that SBOM and lockfile loaders read
// into package resources of one shape: Kind "package", Type the ecosystem
// (npm, maven, pypi, go, rubygems, cargo, composer, nuget, or the Package
// URL type of others), Name the package as its ecosystem spells it,
// Address its Package URL, and attrs a policy can rely on.
package inventory

import (
	"strconv"
	"strings"

	"github.com/package-url/packageurl-go"

	"github.com/onus-project/onus/internal/ecosystem"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// MaxPackages bounds the packages read from one file.
const MaxPackages = 200_000

// Package is one package read from a file.
type Package struct {
	Type ecosystem.Type
	// OSV is the OSV ecosystem ("" when advisories cannot name it).
	OSV string
	// Name is the name as the ecosystem writes it: groupId:artifactId for
	// Maven, @scope/name for npm, vendor/name for Composer, the module
	// path for Go.
	Name    string
	Version string
	// Purl is the Package URL when the source gives one (SBOMs); else it
	// is built from Type, Name and Version.
	Purl string
	// Direct, Dev and Optional are set when the source says so.
	Direct   *bool
	Dev      *bool
	Optional *bool
	// Scope is the source's own scope word (Maven compile/test, CycloneDX
	// required/optional).
	Scope    string
	Licenses []string
	// Source says where the package comes from when not the default
	// registry (a git URL, a path).
	Source string
	// Range is where the package is declared; VersionRange where its
	// version is written, when that is elsewhere.
	Range        source.Range
	VersionRange *source.Range
}

// Bool returns a pointer to b, for the optional flags.
func Bool(b bool) *bool { return &b }

// Resource builds the resource of the i-th package of a file.
func Resource(file string, i int, p Package) *resource.Resource {
	purl := p.Purl
	if purl == "" {
		purl = Purl(p.Type, p.Name, p.Version)
	}
	attrs := map[string]any{
		"name":      p.Name,
		"version":   p.Version,
		"purl":      purl,
		"ecosystem": p.OSV,
		"file":      file,
	}
	if p.Direct != nil {
		attrs["direct"] = *p.Direct
	}
	if p.Dev != nil {
		attrs["dev"] = *p.Dev
	}
	if p.Optional != nil {
		attrs["optional"] = *p.Optional
	}
	if p.Scope != "" {
		attrs["scope"] = p.Scope
	}
	if p.Source != "" {
		attrs["source"] = p.Source
	}
	if len(p.Licenses) > 0 {
		ls := make([]any, len(p.Licenses))
		for i, l := range p.Licenses {
			ls[i] = l
		}
		attrs["licenses"] = ls
	}
	rng := p.Range
	if rng.Filename == "" {
		rng.Filename = file
	}
	locs := resource.MapLocator{"name": rng, "purl": rng}
	if p.VersionRange != nil {
		locs["version"] = *p.VersionRange
	} else {
		locs["version"] = rng
	}
	return &resource.Resource{
		ID:       file + "#" + strconv.Itoa(i),
		Kind:     resource.Package,
		Provider: string(p.Type),
		Type:     string(p.Type),
		Name:     p.Name,
		Address:  purl,
		Attrs:    attrs,
		Range:    rng,
		Locs:     locs,
	}
}

// Purl builds the Package URL of a package.
func Purl(t ecosystem.Type, name, version string) string {
	info, ok := ecosystem.Lookup(t)
	typ := string(t)
	if ok {
		typ = info.Purl
	}
	ns, n := "", name
	switch t {
	case ecosystem.Maven:
		if g, a, ok := strings.Cut(name, ":"); ok {
			ns, n = g, a
		}
	case ecosystem.Npm, ecosystem.Composer, ecosystem.Go:
		if i := strings.LastIndex(name, "/"); i > 0 {
			ns, n = name[:i], name[i+1:]
		}
		if t == ecosystem.Composer {
			ns, n = strings.ToLower(ns), strings.ToLower(n)
		}
	case ecosystem.PyPI:
		n = strings.ReplaceAll(ecosystem.NormalizeName("PyPI", name), "_", "-")
	}
	return packageurl.NewPackageURL(typ, ns, n, version, nil, "").ToString()
}

// FromPurl reads a Package URL into a package's type, OSV ecosystem, name
// (as the ecosystem spells it) and version.
func FromPurl(s string) (t ecosystem.Type, osv, name, version string, err error) {
	u, err := packageurl.FromString(s)
	if err != nil {
		return "", "", "", "", err
	}
	t, osv = ecosystem.FromPurl(u.Type)
	name = u.Name
	switch t {
	case ecosystem.Maven:
		if u.Namespace != "" {
			name = u.Namespace + ":" + u.Name
		}
	case ecosystem.Npm, ecosystem.Composer, ecosystem.Go:
		if u.Namespace != "" {
			name = u.Namespace + "/" + u.Name
		}
	default:
		if u.Namespace != "" && t != ecosystem.PyPI && t != ecosystem.RubyGems && t != ecosystem.Cargo && t != ecosystem.NuGet {
			name = u.Namespace + "/" + u.Name
		}
	}
	return t, osv, name, u.Version, nil
}
