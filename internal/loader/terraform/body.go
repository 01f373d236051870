package terraform

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/onus-project/onus/internal/resource"
)

// bodyOut collects, while a resource body is evaluated, where each
// attribute path is written and which resources it refers to.
type bodyOut struct {
	locs resource.MapLocator
	refs map[string][]string
}

func (o *bodyOut) loc(p resource.Path, r hcl.Range) {
	if o == nil {
		return
	}
	o.locs[p.String()] = rangeOf(r)
}

func (o *bodyOut) addRefs(p resource.Path, ids []string) {
	if o == nil || len(ids) == 0 {
		return
	}
	k := p.String()
	o.refs[k] = mergeIDs(o.refs[k], ids)
}

// bodyTraversals lists every variable read anywhere in a body, nested and
// dynamic blocks included.
func bodyTraversals(body hcl.Body) []hcl.Traversal {
	switch b := body.(type) {
	case *hclsyntax.Body:
		var out []hcl.Traversal
		for _, a := range b.Attributes {
			out = append(out, hclsyntax.Variables(a.Expr)...)
		}
		for _, blk := range b.Blocks {
			out = append(out, bodyTraversals(blk.Body)...)
		}
		return out
	default:
		attrs, _ := body.JustAttributes()
		var out []hcl.Traversal
		for _, a := range attrs {
			out = append(out, a.Expr.Variables()...)
		}
		return out
	}
}

// evalBody evaluates a resource body (or a nested block's body) at path p
// into an object: attributes as their values, nested blocks as lists of
// objects, dynamic blocks expanded. top skips meta-arguments.
func (ev *evaluator) evalBody(sc *scope, body hcl.Body, ctx *hcl.EvalContext, p resource.Path, out *bodyOut, top bool) cty.Value {
	if sb, ok := body.(*hclsyntax.Body); ok {
		return ev.evalSyntaxBody(sc, sb, ctx, p, out, top)
	}
	return ev.evalJSONBody(sc, body, ctx, p, out, top)
}

func sortedSyntaxAttrs(b *hclsyntax.Body) []*hclsyntax.Attribute {
	out := make([]*hclsyntax.Attribute, 0, len(b.Attributes))
	for _, a := range b.Attributes {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SrcRange.Start.Byte < out[j].SrcRange.Start.Byte })
	return out
}

func (ev *evaluator) evalSyntaxBody(sc *scope, b *hclsyntax.Body, ctx *hcl.EvalContext, p resource.Path, out *bodyOut, top bool) cty.Value {
	vals := map[string]cty.Value{}
	for _, a := range sortedSyntaxAttrs(b) {
		if top && metaArgs[a.Name] {
			continue
		}
		ap := p.Append(resource.Key(a.Name))
		vals[a.Name] = ev.value(sc, a.Expr, ctx)
		out.loc(ap, a.SrcRange)
		exprLocs(a.Expr, ap, out)
		out.addRefs(ap, ev.refsOf(sc, a.Expr))
	}
	lists := map[string][]cty.Value{}
	unknown := map[string]bool{}
	var order []string
	add := func(typ string, v cty.Value) {
		if _, ok := lists[typ]; !ok {
			order = append(order, typ)
		}
		lists[typ] = append(lists[typ], v)
	}
	for _, blk := range b.Blocks {
		if top && metaBlocks[blk.Type] {
			continue
		}
		if blk.Type == "dynamic" {
			ev.expandDynamic(sc, blk, ctx, p, out, lists, unknown, &order)
			continue
		}
		i := len(lists[blk.Type])
		bp := p.Append(resource.Key(blk.Type), resource.Index(i))
		rng := hcl.RangeBetween(blk.TypeRange, blk.CloseBraceRange)
		if i == 0 {
			out.loc(p.Append(resource.Key(blk.Type)), rng)
		}
		out.loc(bp, rng)
		add(blk.Type, ev.evalSyntaxBody(sc, blk.Body, ctx, bp, out, false))
	}
	for _, typ := range order {
		if unknown[typ] {
			vals[typ] = cty.DynamicVal
			continue
		}
		if _, clash := vals[typ]; clash {
			continue // an attribute and a block of one name: HCL would not decode it; keep the attribute
		}
		vals[typ] = cty.TupleVal(lists[typ])
	}
	for typ := range unknown {
		if _, ok := lists[typ]; !ok {
			vals[typ] = cty.DynamicVal
		}
	}
	return cty.ObjectVal(vals)
}

// expandDynamic expands a dynamic block into blocks of its label's type.
func (ev *evaluator) expandDynamic(sc *scope, blk *hclsyntax.Block, ctx *hcl.EvalContext, p resource.Path, out *bodyOut,
	lists map[string][]cty.Value, unknown map[string]bool, order *[]string) {
	if len(blk.Labels) != 1 {
		ev.diags = append(ev.diags, hclErr(blk.TypeRange.Ptr(), "Invalid dynamic block", "A dynamic block needs one label: the type of the blocks it generates."))
		return
	}
	typ := blk.Labels[0]
	iter := typ
	var forEach hcl.Expression
	for n, a := range blk.Body.Attributes {
		switch n {
		case "for_each":
			forEach = a.Expr
		case "iterator":
			if kw := hcl.ExprAsKeyword(a.Expr); kw != "" {
				iter = kw
			} else {
				ev.diags = append(ev.diags, hclErr(a.Expr.Range().Ptr(), "Invalid dynamic iterator name", "The iterator must be a single identifier."))
				return
			}
		}
	}
	var content *hclsyntax.Block
	for _, c := range blk.Body.Blocks {
		if c.Type == "content" {
			content = c
		}
	}
	if forEach == nil || content == nil {
		ev.diags = append(ev.diags, hclErr(blk.TypeRange.Ptr(), "Invalid dynamic block", "A dynamic block needs a for_each argument and a content block."))
		return
	}
	listPath := p.Append(resource.Key(typ))
	if _, seen := lists[typ]; !seen {
		*order = append(*order, typ)
		lists[typ] = nil
		out.loc(listPath, hcl.RangeBetween(blk.TypeRange, blk.CloseBraceRange))
	}
	out.addRefs(listPath, ev.refsOf(sc, forEach))
	fe := ev.value(sc, forEach, ctx)
	if !fe.IsWhollyKnown() {
		unknown[typ] = true
		return
	}
	if fe.IsNull() {
		ev.diags = append(ev.diags, hclErr(forEach.Range().Ptr(), "Invalid dynamic for_each value", "Cannot use a null value in for_each."))
		return
	}
	if !fe.CanIterateElements() {
		ev.diags = append(ev.diags, hclErr(forEach.Range().Ptr(), "Invalid dynamic for_each value", "Cannot use a %s value in for_each. An iterable collection is required.", fe.Type().FriendlyName()))
		return
	}
	if fe.LengthInt() > ev.limits.MaxInstances {
		ev.diags = append(ev.diags, hclErr(forEach.Range().Ptr(), "Too many dynamic blocks",
			"for_each has %d elements, over onus's limit of %d; the %s blocks were not generated.", fe.LengthInt(), ev.limits.MaxInstances, typ))
		return
	}
	rng := hcl.RangeBetween(blk.TypeRange, blk.CloseBraceRange)
	for it := fe.ElementIterator(); it.Next(); {
		k, v := it.Element()
		if fe.Type().IsSetType() {
			k = v
		}
		child := ctx.NewChild()
		child.Variables = map[string]cty.Value{iter: cty.ObjectVal(map[string]cty.Value{"key": k, "value": v})}
		i := len(lists[typ])
		bp := listPath.Append(resource.Index(i))
		out.loc(bp, rng)
		lists[typ] = append(lists[typ], ev.evalSyntaxBody(sc, content.Body, child, bp, out, false))
	}
}

// mapAttributes are attributes whose value is a map, not a nested block,
// when a .tf.json file writes them as an object.
var mapAttributes = map[string]bool{
	"tags": true, "tags_all": true, "labels": true, "annotations": true, "variables": true,
	"parameters": true, "triggers": true, "user_labels": true, "resource_labels": true,
	"metadata": true, "environment_variables": true, "app_settings": true,
	"policy": true, "assume_role_policy": true, "properties": true, "settings": true,
}

func (ev *evaluator) evalJSONBody(sc *scope, body hcl.Body, ctx *hcl.EvalContext, p resource.Path, out *bodyOut, top bool) cty.Value {
	attrs, diags := body.JustAttributes()
	ev.diags = append(ev.diags, diags...)
	vals := map[string]cty.Value{}
	for _, a := range sortedAttrs(attrs) {
		if a.Name == "//" || (top && (metaArgs[a.Name] || metaBlocks[a.Name])) {
			continue
		}
		if a.Name == "dynamic" {
			ev.diags = append(ev.diags, hclWarn(a.NameRange.Ptr(), "Dynamic block not expanded",
				"onus expands dynamic blocks in native syntax only; in .tf.json the generated blocks are unknown."))
			continue
		}
		ap := p.Append(resource.Key(a.Name))
		v := ev.value(sc, a.Expr, ctx)
		wrapped := false
		if !mapAttributes[a.Name] && v.IsKnown() && !v.IsNull() && v.Type().IsObjectType() {
			v = cty.TupleVal([]cty.Value{v}) // a nested block written as one object
			wrapped = true
		}
		vals[a.Name] = v
		out.loc(ap, a.Range)
		if wrapped {
			out.loc(ap.Append(resource.Index(0)), a.Expr.Range())
			exprLocs(a.Expr, ap.Append(resource.Index(0)), out)
		} else {
			exprLocs(a.Expr, ap, out)
		}
		out.addRefs(ap, ev.refsOf(sc, a.Expr))
	}
	return cty.ObjectVal(vals)
}

// exprLocs records where the elements of an object or tuple constructor
// are written, so a finding on tags.Name or cidr_blocks[1] points there.
func exprLocs(expr hcl.Expression, p resource.Path, out *bodyOut) {
	exprLocsDepth(expr, p, out, 0)
}

func exprLocsDepth(expr hcl.Expression, p resource.Path, out *bodyOut, depth int) {
	if depth > 32 || out == nil {
		return
	}
	switch e := expr.(type) {
	case *hclsyntax.ObjectConsExpr:
		for _, it := range e.Items {
			k := objectKey(it.KeyExpr)
			if k == "" {
				continue
			}
			kp := p.Append(resource.Key(k))
			out.loc(kp, hcl.RangeBetween(it.KeyExpr.Range(), it.ValueExpr.Range()))
			exprLocsDepth(it.ValueExpr, kp, out, depth+1)
		}
		return
	case *hclsyntax.TupleConsExpr:
		for i, x := range e.Exprs {
			ip := p.Append(resource.Index(i))
			out.loc(ip, x.Range())
			exprLocsDepth(x, ip, out, depth+1)
		}
		return
	case hclsyntax.Expression:
		return // other native expressions have no written elements
	}
	// JSON expressions
	if pairs, diags := hcl.ExprMap(expr); !diags.HasErrors() {
		for _, kv := range pairs {
			kval, d := kv.Key.Value(nil)
			if d.HasErrors() || kval.Type() != cty.String || !kval.IsKnown() || kval.IsNull() {
				continue
			}
			kp := p.Append(resource.Key(kval.AsString()))
			out.loc(kp, hcl.RangeBetween(kv.Key.Range(), kv.Value.Range()))
			exprLocsDepth(kv.Value, kp, out, depth+1)
		}
		return
	}
	if list, diags := hcl.ExprList(expr); !diags.HasErrors() {
		for i, x := range list {
			ip := p.Append(resource.Index(i))
			out.loc(ip, x.Range())
			exprLocsDepth(x, ip, out, depth+1)
		}
	}
}

// objectKey returns the literal key of an object constructor item.
func objectKey(expr hclsyntax.Expression) string {
	if k, ok := expr.(*hclsyntax.ObjectConsKeyExpr); ok {
		if !k.ForceNonLiteral {
			if kw := hcl.ExprAsKeyword(k.Wrapped); kw != "" {
				return kw
			}
		}
		expr = k.Wrapped
	}
	if t, ok := expr.(*hclsyntax.TemplateExpr); ok && t.IsStringLiteral() {
		v, _ := t.Value(nil)
		return v.AsString()
	}
	if l, ok := expr.(*hclsyntax.LiteralValueExpr); ok && l.Val.Type() == cty.String {
		return l.Val.AsString()
	}
	return ""
}
