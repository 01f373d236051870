package terraform

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/onus-project/onus/internal/discover"
)

// convertTo converts v to type ty (any type when ty is dynamic).
func convertTo(v cty.Value, ty cty.Type) (cty.Value, error) {
	if ty == cty.DynamicPseudoType || ty == cty.NilType {
		return v, nil
	}
	return convert.Convert(v, ty)
}

// setRootVariables gives the root module's variables their values, in
// Terraform's order of precedence, lowest first: defaults, TF_VAR_*
// environment variables, terraform.tfvars, terraform.tfvars.json,
// *.auto.tfvars and *.auto.tfvars.json in name order, then --var-file
// files and --var values in command-line order.
func (ev *evaluator) setRootVariables(m *modInst) {
	vals := map[string]cty.Value{}
	cfg := m.cfg
	if ev.opts.Getenv != nil {
		for name, v := range cfg.variables {
			if raw := ev.opts.Getenv("TF_VAR_" + name); raw != "" {
				if val, ok := ev.parseRaw(v, raw, "TF_VAR_"+name); ok {
					vals[name] = val
				}
			}
		}
	}
	for _, name := range tfvarsFiles(ev.fsys, ev.rootDir) {
		b, err := discover.ReadFile(ev.fsys, name, ev.opts.MaxFileSize)
		if err != nil {
			ev.diags = append(ev.diags, hclErr(&hcl.Range{Filename: name}, "cannot read", "%v", err))
			continue
		}
		ev.readVarFile(cfg, name, b, vals)
	}
	for _, f := range ev.opts.VarFiles {
		ev.readVarFile(cfg, f.Name, f.Body, vals)
	}
	for _, kv := range ev.opts.Vars {
		v := cfg.variables[kv.Name]
		if v == nil {
			continue // the variable belongs to another root module
		}
		if val, ok := ev.parseRaw(v, kv.Value, "--var "+kv.Name); ok {
			vals[kv.Name] = val
		}
	}
	for name, v := range cfg.variables {
		n := &node{state: done}
		if val, ok := vals[name]; ok {
			n.val = ev.finishVariable(v, val, v.rng)
		} else {
			n.val = unknownOrDefault(v)
		}
		m.vars[name] = n
	}
}

// tfvarsFiles lists the variable files Terraform reads automatically from
// a root module directory, in the order it applies them.
func tfvarsFiles(fsys fs.FS, dir string) []string {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil
	}
	var out, auto []string
	has := map[string]bool{}
	for _, e := range ents {
		if !e.Type().IsRegular() {
			continue
		}
		n := e.Name()
		has[n] = true
		if strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json") {
			auto = append(auto, n)
		}
	}
	for _, n := range []string{"terraform.tfvars", "terraform.tfvars.json"} {
		if has[n] {
			out = append(out, path.Join(dir, n))
		}
	}
	sort.Strings(auto)
	for _, n := range auto {
		out = append(out, path.Join(dir, n))
	}
	return out
}

// readVarFile reads a .tfvars (or .tfvars.json) file into vals. Values for
// variables the module does not declare are ignored, as the same files
// may serve several root modules.
func (ev *evaluator) readVarFile(cfg *config, name string, b []byte, vals map[string]cty.Value) {
	f, diags := parseFile(name, b)
	ev.diags = append(ev.diags, diags...)
	if f == nil || f.Body == nil {
		return
	}
	attrs, diags := f.Body.JustAttributes()
	ev.diags = append(ev.diags, diags...)
	for n, a := range attrs {
		if cfg.variables[n] == nil {
			continue
		}
		v, diags := a.Expr.Value(nil)
		if diags.HasErrors() {
			ev.diags = append(ev.diags, diags...)
			continue
		}
		vals[n] = v
	}
}

// parseRaw reads a value given as a string (--var, TF_VAR_*): literally
// for variables of a primitive or unspecified type, as an HCL expression
// otherwise, as Terraform does.
func (ev *evaluator) parseRaw(v *variable, raw, origin string) (cty.Value, bool) {
	if v.typ == cty.DynamicPseudoType || v.typ.IsPrimitiveType() {
		return cty.StringVal(raw), true
	}
	expr, diags := hclsyntax.ParseExpression([]byte(raw), origin, hcl.InitialPos)
	if diags.HasErrors() {
		ev.diags = append(ev.diags, diags...)
		return cty.NilVal, false
	}
	val, diags := expr.Value(nil)
	if diags.HasErrors() {
		ev.diags = append(ev.diags, diags...)
		return cty.NilVal, false
	}
	return val, true
}
