package lockfile

import (
	"context"
	"errors"
	"io/fs"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/onus-project/onus/internal/ecosystem"
	"github.com/onus-project/onus/internal/loader/inventory"
	"github.com/onus-project/onus/internal/source"
)

type tomlPackage struct {
	Name     string   `toml:"name"`
	Version  string   `toml:"version"`
	Category string   `toml:"category"`
	Optional bool     `toml:"optional"`
	Groups   []string `toml:"groups"`
	Source   any      `toml:"source"`
}

var packageHeader = regexp.MustCompile(`^\s*\[\[\s*package\s*\]\]\s*(#.*)?$`)
var versionLine = regexp.MustCompile(`^\s*version\s*=`)

// packageLines returns, for each [[package]] table of a TOML lockfile, the
// line of its header and of its version key. BurntSushi/toml decodes the
// values but keeps no positions; the tools that write these lockfiles put
// each [[package]] header on a line of its own.
func packageLines(b []byte) (headers, versions []int) {
	for i, l := range lines(b) {
		switch {
		case packageHeader.MatchString(l):
			headers = append(headers, i+1)
			versions = append(versions, 0)
		case strings.HasPrefix(strings.TrimSpace(l), "["):
			if len(headers) > 0 && versions[len(versions)-1] == 0 {
				versions[len(versions)-1] = -1 // a sub-table: the version key is not below
			}
		case versionLine.MatchString(l) && len(versions) > 0 && versions[len(versions)-1] == 0:
			versions[len(versions)-1] = i + 1
		}
	}
	return headers, versions
}

func decodeTOML(file string, b []byte, what string, dst any) source.Diagnostics {
	if _, err := toml.Decode(string(b), dst); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return source.Diagnostics{source.Errorf(atp(file, pe.Position.Line), "invalid "+what, "%s", pe.Message)}
		}
		return source.Diagnostics{source.Errorf(&source.Range{Filename: file}, "invalid "+what, "%v", err)}
	}
	return nil
}

func tomlPackages(ctx context.Context, file string, b []byte, what string, each func(p tomlPackage, line, vline int) (inventory.Package, *source.Diagnostic, bool)) ([]inventory.Package, source.Diagnostics) {
	var doc struct {
		Package []tomlPackage `toml:"package"`
	}
	if diags := decodeTOML(file, b, what, &doc); diags != nil {
		return nil, diags
	}
	headers, versions := packageLines(b)
	var out []inventory.Package
	var diags source.Diagnostics
	for i, p := range doc.Package {
		if ctx.Err() != nil {
			break
		}
		line, vline := 1, 0
		if len(headers) == len(doc.Package) {
			line, vline = headers[i], max(versions[i], 0)
		}
		if p.Name == "" || p.Version == "" {
			diags = append(diags, source.Errorf(atp(file, line), "invalid "+what+" package", "name and version are required"))
			continue
		}
		pkg, d, ok := each(p, line, vline)
		if d != nil {
			diags = append(diags, d)
		}
		if ok {
			out = append(out, pkg)
		}
	}
	return out, diags
}

// parsePoetryLock reads poetry.lock.
func parsePoetryLock(ctx context.Context, _ fs.FS, file string, b []byte, _ int64) ([]inventory.Package, source.Diagnostics) {
	return tomlPackages(ctx, file, b, "poetry.lock", func(p tomlPackage, line, vline int) (inventory.Package, *source.Diagnostic, bool) {
		pkg := inventory.Package{
			Type: ecosystem.PyPI, OSV: "PyPI", Name: p.Name, Version: p.Version,
			Optional: inventory.Bool(p.Optional), Range: at(file, line), VersionRange: rangeOrNil(file, vline),
		}
		switch {
		case p.Category != "":
			pkg.Dev, pkg.Scope = inventory.Bool(p.Category == "dev"), p.Category
		case len(p.Groups) > 0:
			main := false
			for _, g := range p.Groups {
				main = main || g == "main"
			}
			pkg.Dev, pkg.Scope = inventory.Bool(!main), strings.Join(p.Groups, ",")
		}
		if src, ok := p.Source.(map[string]any); ok {
			typ, _ := src["type"].(string)
			url, _ := src["url"].(string)
			if typ == "directory" || typ == "file" {
				return pkg, source.Warningf(atp(file, line), "package from a local path", "%s comes from %s; not checked against advisories", p.Name, url), false
			}
			pkg.Source = typ + ": " + url
		}
		return pkg, nil, true
	})
}

// parseCargoLock reads Cargo.lock. Packages without a source are the
// workspace's own crates and are left out.
func parseCargoLock(ctx context.Context, _ fs.FS, file string, b []byte, _ int64) ([]inventory.Package, source.Diagnostics) {
	return tomlPackages(ctx, file, b, "Cargo.lock", func(p tomlPackage, line, vline int) (inventory.Package, *source.Diagnostic, bool) {
		src, _ := p.Source.(string)
		if src == "" {
			return inventory.Package{}, nil, false
		}
		pkg := inventory.Package{
			Type: ecosystem.Cargo, OSV: "crates.io", Name: p.Name, Version: p.Version,
			Range: at(file, line), VersionRange: rangeOrNil(file, vline),
		}
		if !strings.HasPrefix(src, "registry+https://github.com/rust-lang/crates.io-index") && !strings.HasPrefix(src, "sparse+https://index.crates.io/") {
			pkg.Source = src
		}
		return pkg, nil, true
	})
}
