package terraform

import (
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// refsOf returns the IDs of the resources expr refers to: directly, or
// through locals, module inputs and outputs, and data sources. A counted
// or for_each resource named without an index refers to all its
// instances.
func (ev *evaluator) refsOf(sc *scope, expr hcl.Expression) []string {
	if expr == nil {
		return nil
	}
	if !ev.enter(expr.Range()) {
		return nil
	}
	defer ev.leave()
	se, native := expr.(hclsyntax.Expression)
	if !native {
		var out []string
		for _, t := range expr.Variables() {
			out = mergeIDs(out, ev.traversalRefs(sc, t, nil))
		}
		return out
	}
	var out []string
	indexed := map[*hclsyntax.ScopeTraversalExpr]hclsyntax.Expression{}
	hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
		switch e := n.(type) {
		case *hclsyntax.IndexExpr:
			if st, ok := e.Collection.(*hclsyntax.ScopeTraversalExpr); ok {
				indexed[st] = e.Key
			}
		case *hclsyntax.ScopeTraversalExpr:
			out = mergeIDs(out, ev.traversalRefs(sc, e.Traversal, indexed[e]))
		}
		return nil
	})
	return out
}

// traversalRefs resolves one traversal. keyExpr is an index applied to
// the traversal by an enclosing expression (aws_s3_bucket.b[each.key]).
func (ev *evaluator) traversalRefs(sc *scope, t hcl.Traversal, keyExpr hclsyntax.Expression) []string {
	m := sc.m
	key := func(i int) (cty.Value, bool) {
		if i < len(t) {
			if ix, ok := t[i].(hcl.TraverseIndex); ok {
				return ix.Key, true
			}
			return cty.NilVal, false
		}
		if keyExpr != nil {
			v := ev.eval(sc, keyExpr)
			if v.IsKnown() && !v.IsNull() {
				return v, true
			}
		}
		return cty.NilVal, false
	}
	switch root := t.RootName(); root {
	case "var":
		return ev.varRefs(m, attrStep(t, 1))
	case "local":
		return ev.localRefs(m, attrStep(t, 1))
	case "data":
		return ev.dataRefs(m, attrStep(t, 1), attrStep(t, 2))
	case "module":
		name := attrStep(t, 1)
		c := m.cfg.callByKey[name]
		if c == nil {
			return nil
		}
		k, ok := key(2)
		return ev.moduleRefs(m, c, k, ok, attrAfterInstance(t, 2))
	case "each":
		return ev.eachRefs(sc)
	case "count", "path", "terraform", "self":
		return nil
	default:
		if !m.cfg.types[root] {
			return nil
		}
		b := m.cfg.blocks[root+"."+attrStep(t, 1)]
		if b == nil {
			return nil
		}
		rn := ev.resource(m, b)
		k, ok := key(2)
		var out []string
		for _, inst := range rn.insts {
			if ok && !keyMatches(inst.key, k) {
				continue
			}
			out = append(out, ev.idOf(addrOf(m, b.key(), inst.key)))
		}
		sort.Strings(out)
		return out
	}
}

// keyMatches reports whether instance key k is the index v.
func keyMatches(k instanceKey, v cty.Value) bool {
	switch k.kind {
	case 1:
		if n, err := convertTo(v, cty.Number); err == nil && n.IsKnown() && !n.IsNull() {
			i, acc := n.AsBigFloat().Int64()
			return acc == 0 && int(i) == k.i
		}
	case 2:
		if s, err := convertTo(v, cty.String); err == nil && s.IsKnown() && !s.IsNull() {
			return s.AsString() == k.s
		}
	default:
		return true
	}
	return false
}

func (ev *evaluator) varRefs(m *modInst, name string) []string {
	if m.parent == nil || name == "" {
		return nil
	}
	a := m.call.inputs[name]
	if a == nil {
		return nil
	}
	n := m.vars[name]
	if n == nil {
		n = &node{}
		m.vars[name] = n
	}
	return ev.memoRefs(n, func() []string { return ev.refsOf(m.callScope, a.Expr) })
}

func (ev *evaluator) localRefs(m *modInst, name string) []string {
	a := m.cfg.locals[name]
	if a == nil {
		return nil
	}
	n := m.locals[name]
	if n == nil {
		n = &node{}
		m.locals[name] = n
	}
	return ev.memoRefs(n, func() []string { return ev.refsOf(&scope{m: m}, a.Expr) })
}

func (ev *evaluator) outputRefs(m *modInst, name string) []string {
	a := m.cfg.outputs[name]
	if a == nil {
		return nil
	}
	n := m.outputs[name]
	if n == nil {
		n = &node{}
		m.outputs[name] = n
	}
	return ev.memoRefs(n, func() []string { return ev.refsOf(&scope{m: m}, a.Expr) })
}

func (ev *evaluator) memoRefs(n *node, compute func() []string) []string {
	switch n.refsState {
	case done:
		return n.refs
	case running:
		return nil // a cycle; the value's evaluation reports it
	}
	n.refsState = running
	n.refs = compute()
	n.refsState = done
	return n.refs
}

// dataRefs is every resource a data block's arguments refer to: a policy
// document that names a bucket's ARN makes the policy refer to the bucket.
func (ev *evaluator) dataRefs(m *modInst, typ, name string) []string {
	b := m.cfg.blocks["data."+typ+"."+name]
	if b == nil {
		return nil
	}
	rn := ev.resource(m, b)
	switch rn.refsState {
	case done:
		return rn.refs
	case running:
		return nil
	}
	rn.refsState = running
	var out []string
	for _, inst := range rn.insts {
		for _, ids := range inst.out.refs {
			out = mergeIDs(out, ids)
		}
	}
	rn.refs, rn.refsState = out, done
	return out
}

// moduleRefs resolves module.name[key].output to the resources the
// output refers to inside the module (every output when output is "").
func (ev *evaluator) moduleRefs(m *modInst, c *moduleCall, k cty.Value, keyed bool, output string) []string {
	mn := ev.module(m, c)
	var out []string
	for i, child := range mn.insts {
		if child == nil || (keyed && !keyMatches(mn.exp.keys[i], k)) {
			continue
		}
		if output != "" {
			out = mergeIDs(out, ev.outputRefs(child, output))
			continue
		}
		for n := range child.cfg.outputs {
			out = mergeIDs(out, ev.outputRefs(child, n))
		}
	}
	return out
}

// mergeIDs returns the sorted union of two sorted-or-not ID lists.
func mergeIDs(a, b []string) []string {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		out := slices.Clone(b)
		sort.Strings(out)
		return slices.Compact(out)
	}
	out := append(slices.Clone(a), b...)
	sort.Strings(out)
	return slices.Compact(out)
}

// eachRefs is what each.key and each.value refer to: the resources of the
// for_each expression; only the instance with this key when for_each
// names a resource or module expanded with for_each itself.
func (ev *evaluator) eachRefs(sc *scope) []string {
	if sc.forEach == nil || sc.eachKey == cty.NilVal || !sc.eachKey.IsKnown() {
		return nil
	}
	ids := ev.refsOf(&scope{m: sc.m}, sc.forEach)
	suffix := instanceKey{kind: 2, s: sc.eachKey.AsString()}.String()
	var narrowed []string
	for _, id := range ids {
		if strings.HasSuffix(id, suffix) {
			narrowed = append(narrowed, id)
		}
	}
	if len(narrowed) > 0 {
		return narrowed
	}
	return ids
}
