package terraform

import (
	"bytes"
	"io/fs"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/onus-project/onus/internal/discover"
)

// Group implements loader.Grouper: a directory that another scanned
// directory calls as a local module is evaluated as part of its caller
// (with the caller's inputs and module.x addresses), not as a root module
// of its own. A module directory scanned alone, or called only from
// outside the scan, stays a root module: its variables without defaults
// are unknown. Directories that only call one another (a cycle) stay
// roots.
func (l *Loader) Group(fsys fs.FS, ins []discover.Input) []discover.Input {
	scanned := map[string]bool{}
	for _, in := range ins {
		scanned[in.Path] = true
	}
	calls := map[string][]string{} // dir → scanned dirs it calls
	called := map[string]bool{}
	for _, in := range ins {
		for _, src := range localSources(fsys, in.Files, l.opts.MaxFileSize) {
			dir, ok := joinDir(in.Path, src)
			if !ok || dir == in.Path || !scanned[dir] {
				continue
			}
			calls[in.Path] = append(calls[in.Path], dir)
			called[dir] = true
		}
	}
	// keep the roots, and directories no root reaches (cycles)
	reached := map[string]bool{}
	var visit func(dir string, depth int)
	visit = func(dir string, depth int) {
		if depth > 64 {
			return
		}
		for _, c := range calls[dir] {
			if !reached[c] {
				reached[c] = true
				visit(c, depth+1)
			}
		}
	}
	for _, in := range ins {
		if !called[in.Path] {
			visit(in.Path, 0)
		}
	}
	var out []discover.Input
	for _, in := range ins {
		if called[in.Path] && reached[in.Path] {
			l.log.Debug("module directory evaluated by its caller", "path", in.Path)
			continue
		}
		out = append(out, in)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

var moduleCallSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "module", LabelNames: []string{"name"}}}}

// localSources lists the local module sources called in files.
func localSources(fsys fs.FS, files []string, maxSize int64) []string {
	var out []string
	for _, name := range files {
		b, err := discover.ReadFile(fsys, name, maxSize)
		if err != nil || !bytes.Contains(b, []byte("module")) || !bytes.Contains(b, []byte("source")) {
			continue
		}
		f, _ := parseFile(name, b)
		if f == nil || f.Body == nil {
			continue
		}
		content, _, _ := f.Body.PartialContent(moduleCallSchema)
		if content == nil {
			continue
		}
		for _, blk := range content.Blocks {
			attrs, _ := blk.Body.JustAttributes()
			a, ok := attrs["source"]
			if !ok {
				continue
			}
			v, diags := a.Expr.Value(nil)
			if diags.HasErrors() || v.Type() != cty.String || !v.IsKnown() || v.IsNull() {
				continue
			}
			if src := v.AsString(); isLocalSource(src) {
				out = append(out, src)
			}
		}
	}
	return out
}
