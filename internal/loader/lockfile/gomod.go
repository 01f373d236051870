package lockfile

import (
	"context"
	"errors"
	"io/fs"

	"golang.org/x/mod/modfile"

	"github.com/onus-project/onus/internal/ecosystem"
	"github.com/onus-project/onus/internal/loader/inventory"
	"github.com/onus-project/onus/internal/source"
)

// parseGoMod reads the require directives of a go.mod, with replace
// directives applied. Since Go 1.17 go.mod lists every module of the build
// list (direct and // indirect), so go.sum, which also lists versions the
// build does not select, is not read.
func parseGoMod(_ context.Context, _ fs.FS, file string, b []byte, _ int64) ([]inventory.Package, source.Diagnostics) {
	f, err := modfile.Parse(file, b, nil)
	if err != nil {
		var el modfile.ErrorList
		if errors.As(err, &el) {
			var diags source.Diagnostics
			for _, e := range el {
				diags = append(diags, source.Errorf(atp(file, e.Pos.Line), "invalid go.mod", "%v", e.Err))
			}
			return nil, diags
		}
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: file}, "invalid go.mod", "%v", err)}
	}
	var out []inventory.Package
	var diags source.Diagnostics
	for _, r := range f.Require {
		name, version := r.Mod.Path, r.Mod.Version
		line := r.Syntax.Start.Line
		src := ""
		for _, rep := range f.Replace {
			if rep.Old.Path != name || (rep.Old.Version != "" && rep.Old.Version != version) {
				continue
			}
			if rep.New.Version == "" {
				src = rep.New.Path
			} else {
				name, version, line = rep.New.Path, rep.New.Version, rep.Syntax.Start.Line
			}
		}
		if src != "" {
			diags = append(diags, source.Warningf(atp(file, r.Syntax.Start.Line), "module replaced by a local directory", "%s is replaced by %s; its code is yours, not checked against advisories", r.Mod.Path, src))
			continue
		}
		out = append(out, inventory.Package{
			Type: ecosystem.Go, OSV: "Go", Name: name, Version: version,
			Direct: inventory.Bool(!r.Indirect),
			Range:  at(file, line),
		})
	}
	return out, diags
}
