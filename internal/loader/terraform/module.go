package terraform

import (
	"encoding/json"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/onus-project/onus/internal/discover"
)

// isLocalSource reports whether a module source is a local path.
func isLocalSource(src string) bool {
	return strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") || src == "." || src == ".."
}

// modulesManifest is .terraform/modules/modules.json, written by
// terraform init.
type modulesManifest struct {
	Modules []struct {
		Key    string `json:"Key"`
		Source string `json:"Source"`
		Dir    string `json:"Dir"`
	} `json:"Modules"`
}

// readModulesJSON reads the module manifest of a root module, mapping
// module keys ("net", "net.subnets") to directories relative to the scan
// root. A missing manifest is no manifest.
func readModulesJSON(fsys fs.FS, rootDir string, maxSize int64) map[string]string {
	b, err := discover.ReadFile(fsys, path.Join(rootDir, ".terraform/modules/modules.json"), maxSize)
	if err != nil {
		return nil
	}
	var mf modulesManifest
	if json.Unmarshal(b, &mf) != nil {
		return nil
	}
	out := map[string]string{}
	for _, m := range mf.Modules {
		if m.Key == "" || m.Dir == "" || path.IsAbs(m.Dir) {
			continue
		}
		if dir, ok := joinDir(rootDir, m.Dir); ok {
			out[m.Key] = dir
		}
	}
	return out
}

// config returns the parsed configuration of a module directory.
func (ev *evaluator) config(dir string) *config {
	if c, ok := ev.configs[dir]; ok {
		return c
	}
	files := listConfigFiles(ev.fsys, dir)
	c := loadConfig(ev.fsys, dir, files, ev.opts.MaxFileSize)
	ev.configs[dir] = c
	ev.diags = append(ev.diags, c.diags...)
	return c
}

// module expands a module call of m and creates its instances.
func (ev *evaluator) module(m *modInst, c *moduleCall) *modNode {
	mn, ok := m.calls[c.name]
	if ok {
		return mn
	}
	mn = &modNode{call: c, state: running}
	m.calls[c.name] = mn
	defer func() { mn.state = done }()
	key := c.name
	if m.key != "" {
		key = m.key + "." + c.name
	}
	dir := ev.moduleDir(m, c, key)
	if dir == "" {
		mn.exp = single
		mn.insts = []*modInst{nil}
		return mn
	}
	if m.depth+1 > ev.limits.MaxModuleDepth {
		ev.limit(c.rng.Ptr(), "Modules nested too deeply",
			"Modules are nested more than %d levels deep here; onus stopped evaluating.", ev.limits.MaxModuleDepth)
		return mn
	}
	if slices.Contains(m.dirs, dir) {
		ev.diags = append(ev.diags, hclErr(c.sourceRange.Ptr(), "Module cycle",
			"module.%s calls %s, which is already being evaluated on this path (%s); it was not evaluated again.", c.name, dir, strings.Join(m.dirs, " → ")))
		mn.exp = single
		mn.insts = []*modInst{nil}
		return mn
	}
	cfg := ev.config(dir)
	mn.exp = ev.expand(&scope{m: m}, c.count, c.forEach, "module."+c.name)
	if len(ev.modules)+len(mn.exp.keys) > ev.limits.MaxModules {
		ev.limit(c.rng.Ptr(), "Too many module instances",
			"The configuration expands to more than %d module instances; onus stopped evaluating.", ev.limits.MaxModules)
		return mn
	}
	for n := range c.inputs {
		if cfg.variables[n] == nil && len(cfg.diags) == 0 {
			a := c.inputs[n]
			ev.diags = append(ev.diags, hclErr(a.NameRange.Ptr(), "Unsupported argument",
				"An argument named %q is not expected here: %s declares no such variable.", n, dir))
		}
	}
	for i, k := range mn.exp.keys {
		addr := "module." + c.name + k.String()
		if m.addr != "" {
			addr = m.addr + "." + addr
		}
		child := ev.newModInst(cfg, addr, key, m)
		child.call = c
		child.callScope = mn.exp.scope(m, i)
		mn.insts = append(mn.insts, child)
	}
	return mn
}

// moduleDir finds the directory of a module call: a local path, or where
// terraform init downloaded it. It returns "" (with a diagnostic) when the
// module cannot be read.
func (ev *evaluator) moduleDir(m *modInst, c *moduleCall, key string) string {
	if c.source == "" {
		return ""
	}
	if isLocalSource(c.source) {
		dir, ok := joinDir(m.cfg.dir, c.source)
		if !ok {
			ev.diags = append(ev.diags, hclWarn(c.sourceRange.Ptr(), "Module not loaded",
				"module.%s is at %s, outside the scan root; its resources were not evaluated and its outputs are unknown.", c.name, c.source))
			return ""
		}
		if st, err := fs.Stat(ev.fsys, dir); err != nil || !st.IsDir() {
			ev.diags = append(ev.diags, hclErr(c.sourceRange.Ptr(), "Unreadable module directory",
				"The directory %s of module.%s does not exist or cannot be read.", dir, c.name))
			return ""
		}
		return dir
	}
	if dir, ok := ev.modulesJSON[key]; ok {
		if st, err := fs.Stat(ev.fsys, dir); err == nil && st.IsDir() {
			return dir
		}
	}
	ev.diags = append(ev.diags, hclWarn(c.sourceRange.Ptr(), "Module not fetched",
		"module.%s comes from %q, which onus does not download; run terraform init first to scan it from .terraform/modules. Its resources were not evaluated and its outputs are unknown.", c.name, c.source))
	return ""
}

// moduleValue returns what module.name reads: an object of the module's
// outputs (only outs when given), a tuple of them (count) or an object of
// them (for_each).
func (ev *evaluator) moduleValue(sc *scope, name string, outs map[string]bool, subject *hcl.Range) cty.Value {
	m := sc.m
	c := m.cfg.callByKey[name]
	if c == nil {
		ev.diags = append(ev.diags, hclErr(subject, "Reference to undeclared module",
			"No module call named %q is declared in %s.", name, moduleName(m)))
		return cty.DynamicVal
	}
	mn := ev.module(m, c)
	if mn.state == running {
		return cty.DynamicVal
	}
	return expansionValue(mn.exp, len(mn.insts), func(i int) cty.Value {
		child := mn.insts[i]
		if child == nil {
			return cty.DynamicVal
		}
		vals := map[string]cty.Value{}
		if outs == nil {
			for n := range child.cfg.outputs {
				vals[n] = ev.output(child, n)
			}
		} else {
			for n := range outs {
				if child.cfg.outputs[n] == nil {
					ev.diags = append(ev.diags, hclErr(subject, "Unsupported attribute",
						"module.%s has no output named %q (%s declares none).", name, n, child.cfg.dir))
					vals[n] = cty.DynamicVal
					continue
				}
				vals[n] = ev.output(child, n)
			}
		}
		return cty.ObjectVal(vals)
	})
}
