package plan

import (
	"sort"
	"strings"

	"github.com/onus-project/onus/internal/resource"
)

// refs reads the references of a resource's configuration expressions
// and resolves them to the IDs of planned resources: directly, through
// module inputs and outputs, and through data sources. References through
// locals are not followed: the configuration section does not describe
// locals.
func (pl *planLoad) refs(modAddr string, cm *cfgModule, key string) map[string][]string {
	var res *cfgResource
	for i := range cm.Resources {
		if r := &cm.Resources[i]; r.Mode == "managed" && r.Type+"."+r.Name == key {
			res = r
		}
	}
	if res == nil {
		return nil
	}
	out := map[string][]string{}
	for name, e := range res.Expressions {
		pl.walkExpr(e, resource.Path{resource.Key(name)}, func(p resource.Path, refs []any) {
			var ids []string
			for _, r := range refs {
				if s, ok := r.(string); ok {
					ids = append(ids, pl.resolve(modAddr, cm, s, 0)...)
				}
			}
			if ids = dedupe(ids); len(ids) > 0 {
				out[p.String()] = dedupe(append(out[p.String()], ids...))
			}
		}, 0)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// walkExpr visits the expressions of a configuration block: an expression
// is {"references": [...]} or {"constant_value": ...}; a nested block is a
// list of objects of expressions.
func (pl *planLoad) walkExpr(e any, p resource.Path, visit func(resource.Path, []any), depth int) {
	if depth > 32 {
		return
	}
	switch x := e.(type) {
	case map[string]any:
		if refs, ok := x["references"].([]any); ok {
			visit(p, refs)
			return
		}
		if _, ok := x["constant_value"]; ok {
			return
		}
		for k, v := range x {
			pl.walkExpr(v, p.Append(resource.Key(k)), visit, depth+1)
		}
	case []any:
		for i, v := range x {
			pl.walkExpr(v, p.Append(resource.Index(i)), visit, depth+1)
		}
	}
}

// allRefs lists every reference in a set of expressions.
func (pl *planLoad) allRefs(exprs map[string]any) []string {
	var out []string
	for _, e := range exprs {
		pl.walkExpr(e, nil, func(_ resource.Path, refs []any) {
			for _, r := range refs {
				if s, ok := r.(string); ok {
					out = append(out, s)
				}
			}
		}, 0)
	}
	return out
}

// resolve turns one reference written in module instance modAddr into
// the IDs of the planned resources it reaches.
func (pl *planLoad) resolve(modAddr string, cm *cfgModule, ref string, depth int) []string {
	if depth > 16 || cm == nil {
		return nil
	}
	key := modAddr + "\x00" + ref
	if ids, ok := pl.resolved[key]; ok {
		return ids // memoised; nil while in progress (a cycle)
	}
	pl.resolved[key] = nil
	ids := pl.resolveRef(modAddr, cm, ref, depth)
	pl.resolved[key] = ids
	return ids
}

func (pl *planLoad) resolveRef(modAddr string, cm *cfgModule, ref string, depth int) []string {
	steps := splitAddress(ref)
	if len(steps) < 2 {
		return nil
	}
	switch steps[0].name {
	case "var":
		return pl.varRefs(modAddr, steps[1].name, depth)
	case "local", "count", "each", "path", "terraform", "self":
		return nil
	case "data":
		if len(steps) < 3 {
			return nil
		}
		var out []string
		for _, r := range cm.Resources {
			if r.Mode == "data" && r.Type == steps[1].name && r.Name == steps[2].name {
				for _, s := range pl.allRefs(r.Expressions) {
					out = append(out, pl.resolve(modAddr, cm, s, depth+1)...)
				}
			}
		}
		return dedupe(out)
	case "module":
		call := cm.ModuleCalls[steps[1].name]
		if call == nil || call.Module == nil {
			return nil
		}
		prefix := "module." + steps[1].name
		if modAddr != "" {
			prefix = modAddr + "." + prefix
		}
		var outputs []string
		if len(steps) > 2 {
			outputs = []string{steps[2].name}
		} else {
			for n := range call.Module.Outputs {
				outputs = append(outputs, n)
			}
		}
		var out []string
		for _, inst := range pl.moduleInstances(prefix, steps[1].key) {
			for _, o := range outputs {
				oe, ok := call.Module.Outputs[o]
				if !ok {
					continue
				}
				pl.walkExpr(oe.Expression, nil, func(_ resource.Path, refs []any) {
					for _, r := range refs {
						if s, ok := r.(string); ok {
							out = append(out, pl.resolve(inst, call.Module, s, depth+1)...)
						}
					}
				}, 0)
			}
		}
		return dedupe(out)
	default:
		addrs := pl.byBlock[modAddr+"\x00"+steps[0].name+"."+steps[1].name]
		var out []string
		for _, a := range addrs {
			if steps[1].key != "" && !strings.HasSuffix(a, steps[0].name+"."+steps[1].name+steps[1].key) {
				continue
			}
			out = append(out, pl.id(a))
		}
		return out
	}
}

// moduleInstances lists the instance addresses of a module call: prefix
// itself, or prefix with any key (or only key when given).
func (pl *planLoad) moduleInstances(prefix, key string) []string {
	seen := map[string]bool{}
	for _, r := range pl.planned {
		m := r.module
		for m != "" {
			if m == prefix+key || (key == "" && (m == prefix || strings.HasPrefix(m, prefix+"["))) {
				if i := instanceEnd(m, prefix); i > 0 {
					seen[m[:i]] = true
				}
			}
			m = parentModule(m)
		}
	}
	out := make([]string, 0, len(seen))
	for m := range seen {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// instanceEnd returns the length of the module instance address that
// starts with prefix at the start of m.
func instanceEnd(m, prefix string) int {
	if !strings.HasPrefix(m, prefix) {
		return -1
	}
	rest := m[len(prefix):]
	if rest == "" || rest[0] == '.' {
		return len(prefix)
	}
	steps := splitAddress("x" + rest)
	if len(steps) == 0 {
		return -1
	}
	return len(prefix) + len(steps[0].key)
}

// parentModule drops the last module step of a module instance address.
func parentModule(m string) string {
	i := strings.LastIndex(m, ".module.")
	if i < 0 {
		return ""
	}
	return m[:i]
}

// varRefs resolves var.name inside module instance modAddr through the
// argument its caller passes.
func (pl *planLoad) varRefs(modAddr, name string, depth int) []string {
	if modAddr == "" {
		return nil
	}
	steps := splitAddress(modAddr)
	callName := steps[len(steps)-1].name
	parent := parentModule(modAddr)
	pcm := pl.cfgModule(moduleCalls(parent))
	if pcm == nil || pcm.ModuleCalls[callName] == nil {
		return nil
	}
	e, ok := pcm.ModuleCalls[callName].Expressions[name]
	if !ok {
		return nil
	}
	var out []string
	pl.walkExpr(e, nil, func(_ resource.Path, refs []any) {
		for _, r := range refs {
			if s, ok := r.(string); ok {
				out = append(out, pl.resolve(parent, pcm, s, depth+1)...)
			}
		}
	}, 0)
	return dedupe(out)
}

func dedupe(ids []string) []string {
	if len(ids) == 0 {
		return nil
	}
	sort.Strings(ids)
	out := ids[:1]
	for _, id := range ids[1:] {
		if id != out[len(out)-1] {
			out = append(out, id)
		}
	}
	return out
}
