package lockfile

import (
	"context"
	"io/fs"
	"strings"

	"github.com/onus-project/onus/internal/ecosystem"
	"github.com/onus-project/onus/internal/loader/inventory"
	"github.com/onus-project/onus/internal/loader/jsonpos"
	"github.com/onus-project/onus/internal/source"
)

func jsonDiag(file string, ls *jsonpos.Lines, summary string, err error) *source.Diagnostic {
	if je, ok := err.(*jsonpos.Error); ok {
		r := ls.Range(file, je.Off)
		return source.Errorf(&r, summary, "%s", je.Msg)
	}
	return source.Errorf(&source.Range{Filename: file}, summary, "%v", err)
}

// memberLine returns the line of key inside an object value, or 0.
func memberLine(ls *jsonpos.Lines, v jsonpos.Value, key string) int {
	m, ok, err := v.Get(key)
	if err != nil || !ok {
		return 0
	}
	return ls.Pos(m.KeyOff).Line
}

func rangeOrNil(file string, line int) *source.Range {
	if line == 0 {
		return nil
	}
	return atp(file, line)
}

type npmEntry struct {
	Name         string            `json:"name"`
	Version      string            `json:"version"`
	Resolved     string            `json:"resolved"`
	Dev          bool              `json:"dev"`
	Optional     bool              `json:"optional"`
	DevOptional  bool              `json:"devOptional"`
	Link         bool              `json:"link"`
	License      any               `json:"license"`
	Dependencies map[string]string `json:"dependencies"`
	DevDeps      map[string]string `json:"devDependencies"`
	OptDeps      map[string]string `json:"optionalDependencies"`
	PeerDeps     map[string]string `json:"peerDependencies"`
}

// parsePackageLock reads package-lock.json: the "packages" map of
// lockfile versions 2 and 3, else the nested "dependencies" of version 1.
func parsePackageLock(ctx context.Context, _ fs.FS, file string, b []byte, _ int64) ([]inventory.Package, source.Diagnostics) {
	ls := jsonpos.NewLines(b)
	members, err := jsonpos.Root(b).Members()
	if err != nil {
		return nil, source.Diagnostics{jsonDiag(file, ls, "invalid package-lock.json", err)}
	}
	var packages, deps jsonpos.Value
	for _, m := range members {
		switch m.Key {
		case "packages":
			packages = m.Value
		case "dependencies":
			deps = m.Value
		}
	}
	if packages.Kind() == '{' {
		return npmPackages(ctx, file, ls, packages)
	}
	if deps.Kind() == '{' {
		var out []inventory.Package
		var diags source.Diagnostics
		npmV1(ctx, file, ls, deps, 0, &out, &diags)
		return out, diags
	}
	return nil, nil
}

func npmPackages(ctx context.Context, file string, ls *jsonpos.Lines, packages jsonpos.Value) ([]inventory.Package, source.Diagnostics) {
	ms, err := packages.Members()
	if err != nil {
		return nil, source.Diagnostics{jsonDiag(file, ls, "invalid package-lock.json", err)}
	}
	var diags source.Diagnostics
	direct := map[string]bool{}
	for _, m := range ms {
		if m.Key != "" {
			continue
		}
		var root npmEntry
		if err := m.Value.Decode(&root); err == nil {
			for _, d := range []map[string]string{root.Dependencies, root.DevDeps, root.OptDeps, root.PeerDeps} {
				for n := range d {
					direct[n] = true
				}
			}
		}
	}
	var out []inventory.Package
	for _, m := range ms {
		if ctx.Err() != nil {
			break
		}
		i := strings.LastIndex(m.Key, "node_modules/")
		if m.Key == "" || i < 0 {
			continue // the root package, or a workspace folder (local code)
		}
		line := ls.Pos(m.KeyOff).Line
		var e npmEntry
		if err := m.Value.Decode(&e); err != nil {
			diags = append(diags, source.Errorf(atp(file, line), "invalid package-lock.json entry", "%s: %v", m.Key, err))
			continue
		}
		if e.Link {
			continue // a symlink to a workspace package
		}
		name := m.Key[i+len("node_modules/"):]
		if e.Name != "" {
			name = e.Name // an aliased package
		}
		if e.Version == "" {
			diags = append(diags, source.Warningf(atp(file, line), "package without a version", "%s cannot be checked", m.Key))
			continue
		}
		p := inventory.Package{
			Type: ecosystem.Npm, OSV: "npm", Name: name, Version: e.Version,
			Dev: inventory.Bool(e.Dev || e.DevOptional), Optional: inventory.Bool(e.Optional),
			Direct:       inventory.Bool(i == 0 && direct[m.Key[len("node_modules/"):]]),
			Licenses:     licenses(e.License),
			Range:        at(file, line),
			VersionRange: rangeOrNil(file, memberLine(ls, m.Value, "version")),
		}
		if strings.HasPrefix(e.Version, "git") || strings.HasPrefix(e.Version, "file:") {
			diags = append(diags, source.Warningf(atp(file, line), "package not from the registry", "%s is %s; not checked against advisories", m.Key, e.Version))
			continue
		}
		out = append(out, p)
	}
	return out, diags
}

// npmV1 walks the nested "dependencies" of lockfile version 1.
func npmV1(ctx context.Context, file string, ls *jsonpos.Lines, deps jsonpos.Value, depth int, out *[]inventory.Package, diags *source.Diagnostics) {
	if depth > 64 || ctx.Err() != nil {
		return
	}
	ms, err := deps.Members()
	if err != nil {
		*diags = append(*diags, jsonDiag(file, ls, "invalid package-lock.json", err))
		return
	}
	for _, m := range ms {
		line := ls.Pos(m.KeyOff).Line
		var e struct {
			Version  string `json:"version"`
			Dev      bool   `json:"dev"`
			Optional bool   `json:"optional"`
		}
		if err := m.Value.Decode(&e); err != nil {
			*diags = append(*diags, source.Errorf(atp(file, line), "invalid package-lock.json entry", "%s: %v", m.Key, err))
			continue
		}
		switch {
		case e.Version == "":
		case strings.Contains(e.Version, ":"):
			*diags = append(*diags, source.Warningf(atp(file, line), "package not from the registry", "%s is %s; not checked against advisories", m.Key, e.Version))
		default:
			*out = append(*out, inventory.Package{
				Type: ecosystem.Npm, OSV: "npm", Name: m.Key, Version: e.Version,
				Dev: inventory.Bool(e.Dev), Optional: inventory.Bool(e.Optional), Direct: inventory.Bool(depth == 0),
				Range: at(file, line), VersionRange: rangeOrNil(file, memberLine(ls, m.Value, "version")),
			})
		}
		if nested, ok, _ := m.Value.Get("dependencies"); ok && nested.Value.Kind() == '{' {
			npmV1(ctx, file, ls, nested.Value, depth+1, out, diags)
		}
	}
}

// licenses reads a license field: a string, an object with a type, or a
// list of either.
func licenses(v any) []string {
	switch x := v.(type) {
	case string:
		if x != "" {
			return []string{x}
		}
	case map[string]any:
		if t, ok := x["type"].(string); ok && t != "" {
			return []string{t}
		}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, licenses(e)...)
		}
		return out
	}
	return nil
}

// parsePipfileLock reads Pipfile.lock: "default" and "develop" sections.
func parsePipfileLock(ctx context.Context, _ fs.FS, file string, b []byte, _ int64) ([]inventory.Package, source.Diagnostics) {
	ls := jsonpos.NewLines(b)
	members, err := jsonpos.Root(b).Members()
	if err != nil {
		return nil, source.Diagnostics{jsonDiag(file, ls, "invalid Pipfile.lock", err)}
	}
	var out []inventory.Package
	var diags source.Diagnostics
	for _, sec := range members {
		if sec.Key != "default" && sec.Key != "develop" {
			continue
		}
		ms, err := sec.Value.Members()
		if err != nil {
			diags = append(diags, jsonDiag(file, ls, "invalid Pipfile.lock", err))
			continue
		}
		for _, m := range ms {
			if ctx.Err() != nil {
				break
			}
			line := ls.Pos(m.KeyOff).Line
			var e struct {
				Version string `json:"version"`
				Git     string `json:"git"`
				Path    string `json:"path"`
				File    string `json:"file"`
			}
			if err := m.Value.Decode(&e); err != nil {
				diags = append(diags, source.Errorf(atp(file, line), "invalid Pipfile.lock entry", "%s: %v", m.Key, err))
				continue
			}
			v, ok := strings.CutPrefix(e.Version, "==")
			if !ok {
				v, ok = strings.CutPrefix(e.Version, "===")
			}
			if !ok || v == "" {
				what := e.Git + e.Path + e.File
				if what == "" {
					what = "no pinned version"
				}
				diags = append(diags, source.Warningf(atp(file, line), "package not pinned", "%s: %s; not checked against advisories", m.Key, what))
				continue
			}
			out = append(out, inventory.Package{
				Type: ecosystem.PyPI, OSV: "PyPI", Name: m.Key, Version: v,
				Dev:   inventory.Bool(sec.Key == "develop"),
				Range: at(file, line), VersionRange: rangeOrNil(file, memberLine(ls, m.Value, "version")),
			})
		}
	}
	return out, diags
}

// parseComposerLock reads composer.lock: "packages" and "packages-dev".
func parseComposerLock(ctx context.Context, _ fs.FS, file string, b []byte, _ int64) ([]inventory.Package, source.Diagnostics) {
	ls := jsonpos.NewLines(b)
	members, err := jsonpos.Root(b).Members()
	if err != nil {
		return nil, source.Diagnostics{jsonDiag(file, ls, "invalid composer.lock", err)}
	}
	var out []inventory.Package
	var diags source.Diagnostics
	for _, sec := range members {
		if sec.Key != "packages" && sec.Key != "packages-dev" {
			continue
		}
		if sec.Value.Kind() != '[' {
			continue
		}
		elems, err := sec.Value.Elements()
		if err != nil {
			diags = append(diags, jsonDiag(file, ls, "invalid composer.lock", err))
			continue
		}
		for _, e := range elems {
			if ctx.Err() != nil {
				break
			}
			line := ls.Pos(e.Off).Line
			var p struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				License any    `json:"license"`
			}
			if err := e.Decode(&p); err != nil {
				diags = append(diags, source.Errorf(atp(file, line), "invalid composer.lock entry", "%v", err))
				continue
			}
			if p.Name == "" || p.Version == "" {
				diags = append(diags, source.Warningf(atp(file, line), "package without a name or version", "not checked"))
				continue
			}
			if strings.HasPrefix(p.Version, "dev-") || strings.HasSuffix(p.Version, "-dev") {
				diags = append(diags, source.Warningf(atp(file, line), "package at a branch", "%s %s is a development branch, not a release; not checked against advisories", p.Name, p.Version))
				continue
			}
			out = append(out, inventory.Package{
				Type: ecosystem.Composer, OSV: "Packagist", Name: p.Name, Version: p.Version,
				Dev: inventory.Bool(sec.Key == "packages-dev"), Licenses: licenses(p.License),
				Range: at(file, line), VersionRange: rangeOrNil(file, memberLine(ls, e, "version")),
			})
		}
	}
	return out, diags
}
