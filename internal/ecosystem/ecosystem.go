// Package ecosystem names the package ecosystems onus reads: the resource
// type loaders give a package, the Package URL type that identifies it and
// the OSV ecosystem advisories use, and how each ecosystem spells a package
// name so that an inventory and an advisory agree on it.
package ecosystem

import (
	"strings"
)

// Type is the resource type of a package (resource.Resource.Type and
// Provider). It names the ecosystem the package comes from.
type Type string

const (
	Npm      Type = "npm"      // npm registry packages (package-lock.json, yarn.lock, pnpm-lock.yaml)
	Maven    Type = "maven"    // Maven Central artifacts, groupId:artifactId (pom.xml, gradle.lockfile)
	PyPI     Type = "pypi"     // Python packages (requirements.txt, poetry.lock, Pipfile.lock)
	Go       Type = "go"       // Go modules (go.mod)
	RubyGems Type = "rubygems" // Ruby gems (Gemfile.lock)
	Cargo    Type = "cargo"    // Rust crates (Cargo.lock)
	Composer Type = "composer" // PHP packages from Packagist (composer.lock)
	NuGet    Type = "nuget"    // .NET packages (from SBOMs)
)

// Info describes one ecosystem.
type Info struct {
	Type Type
	// Purl is the Package URL type (pkg:<purl>/...).
	Purl string
	// OSV is the ecosystem name in OSV advisories.
	OSV string
}

// known lists the ecosystems with a resource type of their own. Packages of
// other Package URL types keep the purl type as their resource type.
var known = []Info{
	{Npm, "npm", "npm"},
	{Maven, "maven", "Maven"},
	{PyPI, "pypi", "PyPI"},
	{Go, "golang", "Go"},
	{RubyGems, "gem", "RubyGems"},
	{Cargo, "cargo", "crates.io"},
	{Composer, "composer", "Packagist"},
	{NuGet, "nuget", "NuGet"},
}

// extraOSV maps further Package URL types to OSV ecosystems; their
// advisories match by exact version only (see the advisory package).
var extraOSV = map[string]string{
	"hex": "Hex", "pub": "Pub", "hackage": "Hackage", "cran": "CRAN",
	"swift": "SwiftURL", "conan": "ConanCenter", "github": "GitHub Actions",
}

// FromPurl returns the resource type and OSV ecosystem of a Package URL
// type. A type onus does not know keeps its purl name and has no OSV
// ecosystem ("").
func FromPurl(purlType string) (Type, string) {
	pt := strings.ToLower(purlType)
	for _, k := range known {
		if k.Purl == pt {
			return k.Type, k.OSV
		}
	}
	return Type(pt), extraOSV[pt]
}

// Lookup returns what onus knows of a resource type.
func Lookup(t Type) (Info, bool) {
	for _, k := range known {
		if k.Type == t {
			return k, true
		}
	}
	return Info{}, false
}

// FromOSV returns the ecosystem of an OSV ecosystem name. OSV names may
// carry a ":suffix" (Maven:https://repo, Debian:12); the suffix is kept out
// of the base name returned.
func FromOSV(osv string) (base string) {
	base, _, _ = strings.Cut(osv, ":")
	for _, k := range known {
		if strings.EqualFold(k.OSV, base) {
			return k.OSV
		}
	}
	for _, e := range extraOSV {
		if strings.EqualFold(e, base) {
			return e
		}
	}
	return base
}

// NormalizeName returns the name under which a package is looked up in an
// OSV ecosystem: PyPI names are compared after PEP 503 normalisation,
// Packagist and NuGet names are case-insensitive, the others are exact.
func NormalizeName(osvEcosystem, name string) string {
	switch osvEcosystem {
	case "PyPI":
		return pep503(name)
	case "Packagist", "NuGet":
		return strings.ToLower(name)
	case "Maven":
		return strings.TrimSpace(name)
	}
	return name
}

// pep503 lower-cases a Python package name and folds runs of "-", "_" and
// "." into one "-".
func pep503(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	sep := false
	for _, r := range strings.ToLower(strings.TrimSpace(name)) {
		if r == '-' || r == '_' || r == '.' {
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteRune(r)
	}
	return b.String()
}
