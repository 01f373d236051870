// Package arm loads Azure Resource Manager (ARM) JSON templates (comments
// allowed, as ARM allows them) into resources. Parameters (defaults and a
// parameter file beside the template), variables, copy loops and the
// template functions are evaluated by a small expression evaluator; values
// that exist only at deployment (the resource group's location, a
// subscription id, a resource's runtime properties) are unknown: absent
// from attrs and listed in unknown. resourceId(), reference() and
// dependsOn become refs. Child resources nested in "resources" arrays get
// their full type and name.
//
// Attrs are the resource's evaluated "properties"; the other resource-level
// keys (location, sku, kind, identity, tags, zones, apiVersion, dependsOn…)
// are under the reserved key "_resource". See docs/arm.md.
package arm

import (
	"context"
	"io/fs"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/loader/yamlnode"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// Provider is the provider of ARM resources.
const Provider = "azure"

// ResourceKey is the reserved attrs key holding resource-level keys.
const ResourceKey = "_resource"

// Loader reads ARM templates.
type Loader struct {
	// MaxFileSize bounds a read; 0 means the discover default.
	MaxFileSize int64
}

var _ loader.Loader = (*Loader)(nil)

// New returns an ARM loader.
func New() *Loader { return &Loader{} }

// Options tune Parse.
type Options struct {
	// Params holds parameter values as a parameter file gives them
	// (name → value); they win over defaultValue.
	Params map[string]any
	// Unknown names parameters whose value is known only at deployment
	// (Key Vault references of a parameter file).
	Unknown map[string]bool
}

// Load implements loader.Loader.
func (l *Loader) Load(ctx context.Context, fsys fs.FS, in discover.Input) ([]*resource.Resource, source.Diagnostics) {
	b, err := discover.ReadFile(fsys, in.Path, l.MaxFileSize)
	if err != nil {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: in.Path}, "cannot read", "%v", err)}
	}
	var opts Options
	var diags source.Diagnostics
	if pf, ok := findParamsFile(fsys, in.Path); ok {
		pb, err := discover.ReadFile(fsys, pf, l.MaxFileSize)
		if err != nil {
			diags = append(diags, source.Errorf(&source.Range{Filename: pf}, "cannot read parameter file", "%v", err))
		} else {
			var ds source.Diagnostics
			opts.Params, opts.Unknown, ds = ParseParams(pf, pb)
			diags = append(diags, ds...)
		}
	}
	rs, ds := Parse(ctx, in.Path, b, opts)
	return rs, append(diags, ds...)
}

// findParamsFile looks for <base>.parameters.json beside the template
// (azuredeploy.json → azuredeploy.parameters.json).
func findParamsFile(fsys fs.FS, tpl string) (string, bool) {
	base := strings.TrimSuffix(tpl, path.Ext(tpl))
	for _, suffix := range []string{".parameters.json", ".params.json"} {
		p := base + suffix
		if st, err := fs.Stat(fsys, p); err == nil && !st.IsDir() {
			return p, true
		}
	}
	return "", false
}

// ParseParams reads a deployment parameter file:
//
//	{"parameters": {"name": {"value": ...}, "secret": {"reference": {"keyVault": ...}}}}
//
// Key Vault references are unknown values.
func ParseParams(file string, b []byte) (map[string]any, map[string]bool, source.Diagnostics) {
	root, _, err := yamlnode.ParseJSON(b, true)
	if err != nil {
		d := source.Errorf(&source.Range{Filename: file}, "invalid parameter file", "%v", err)
		if je, ok := err.(*yamlnode.JSONError); ok {
			d.Subject, d.Detail = je.Range(file), je.Msg
		}
		return nil, nil, source.Diagnostics{d}
	}
	_, ps := yamlnode.Lookup(root, "parameters")
	ps = yamlnode.Deref(ps)
	if ps == nil || ps.Kind != yaml.MappingNode {
		top := yamlnode.Deref(root)
		return nil, nil, source.Diagnostics{source.Errorf(source.At(file, top.Line, top.Column), "invalid parameter file", `want {"parameters": {"name": {"value": ...}}}`)}
	}
	values, unknown := map[string]any{}, map[string]bool{}
	conv := yamlnode.NewConverter(len(b))
	for i := 0; i+1 < len(ps.Content); i += 2 {
		name := ps.Content[i].Value
		if _, ref := yamlnode.Lookup(ps.Content[i+1], "reference"); ref != nil {
			unknown[strings.ToLower(name)] = true
			continue
		}
		_, v := yamlnode.Lookup(ps.Content[i+1], "value")
		if v == nil {
			return nil, nil, source.Diagnostics{source.Errorf(source.At(file, ps.Content[i].Line, ps.Content[i].Column), "invalid parameter file", "%s has neither value nor reference", name)}
		}
		val, err := conv.Value(v)
		if err != nil {
			return nil, nil, source.Diagnostics{source.Errorf(source.At(file, v.Line, v.Column), "invalid parameter file", "%v", err)}
		}
		values[strings.ToLower(name)] = val
	}
	return values, unknown, nil
}

// Parse reads one template; file is its root-relative name.
func Parse(ctx context.Context, file string, b []byte, opts Options) ([]*resource.Resource, source.Diagnostics) {
	root, comments, err := yamlnode.ParseJSON(b, true)
	if err != nil {
		d := source.Errorf(&source.Range{Filename: file}, "invalid JSON", "%v", err)
		if je, ok := err.(*yamlnode.JSONError); ok {
			d.Subject, d.Detail = je.Range(file), je.Msg
		}
		return nil, source.Diagnostics{d}
	}
	top := yamlnode.Deref(root)
	if top == nil || top.Kind != yaml.MappingNode {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: file}, "invalid template", "a template is a JSON object")}
	}
	t := newTemplate(file, top, len(b), opts)
	rs := t.resources(ctx)
	t.assignComments(comments, rs)
	return rs, t.diags
}
