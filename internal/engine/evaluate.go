package engine

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// EvalOptions tune one evaluation.
type EvalOptions struct {
	// Standalone judges each resource alone: the estate document is empty
	// and policies that read it are skipped (admission does this).
	Standalone bool
	// Skip, when set, leaves out the policies it returns true for.
	Skip func(*policy.Policy) bool
	// DropAttrs lets Evaluate set each resource's Attrs and Extra to nil
	// once it has turned them into a Rego value, and its Locs once its
	// findings have their lines, for callers that read none of them again
	// (scan.Evaluate): on a large scan the plain values, the Rego values and the
	// text a locator reads lines from would otherwise all stay in memory
	// until the end.
	DropAttrs bool
	// NoLines leaves findings at the resource's own range instead of
	// looking up the line of the attribute they name (admission: an object
	// sent by the API server has no file a line would point into, and the
	// lookup parses the object again).
	NoLines bool
}

// Check is the outcome of one policy on one resource.
type Check struct {
	Policy   *policy.Policy
	Resource *resource.Resource
	// Failed counts the findings the policy reported on the resource.
	Failed int
	// Undetermined counts results dropped because they rest on values that
	// cannot be known before apply.
	Undetermined int
}

// Result is what an evaluation found.
type Result struct {
	Findings    []finding.Finding
	Checks      []Check
	Diagnostics source.Diagnostics
}

// Evaluate runs every applicable policy against every resource.
func (e *Engine) Evaluate(ctx context.Context, rs []*resource.Resource, eo EvalOptions) (*Result, error) {
	docs, err := e.convert(ctx, rs, eo.DropAttrs)
	if err != nil {
		return nil, err
	}
	ev := e.standalone
	if !eo.Standalone {
		ev = e.newEvaluation(estate(rs, docs), false)
	}

	// each resource's outcome lands in its own slot, so that the findings
	// are copied once, into a slice of the right size, at the end
	type outcome struct {
		findings []finding.Finding
		checks   []Check
		diags    source.Diagnostics
	}
	outcomes := make([]outcome, len(rs))
	work := func(i int) {
		if ctx.Err() != nil {
			return
		}
		r, out := rs[i], &outcomes[i]
		results, diags := ev.run(ctx, r, docs[i])
		out.diags = append(out.diags, diags...)
		total := 0
		for _, pr := range results {
			total += len(pr.values)
		}
		if total > 0 {
			out.findings = make([]finding.Finding, 0, total)
		}
		out.checks = make([]Check, 0, len(results))
		for _, pr := range results {
			if eo.Skip != nil && eo.Skip(pr.c.pol) {
				continue
			}
			before := len(out.findings)
			var undetermined int
			var ds source.Diagnostics
			out.findings, undetermined, ds = e.findings(out.findings, pr.c, r, pr.values, !eo.NoLines)
			out.diags = append(out.diags, ds...)
			out.checks = append(out.checks, Check{Policy: pr.c.pol, Resource: r, Failed: len(out.findings) - before, Undetermined: undetermined})
		}
		if eo.DropAttrs {
			r.Locs = nil
		} else if rel, ok := r.Locs.(resource.Releaser); ok {
			rel.Release()
		}
	}
	workers := min(e.opts.Workers, max(1, len(rs)))
	if workers == 1 {
		// one resource (admission) or one worker: evaluate on the caller's
		// goroutine, whose stack has already grown, rather than a fresh one
		for i := range rs {
			work(i)
		}
	} else {
		next := make(chan int, workers)
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					work(i)
				}
			}()
		}
		for i := range rs {
			next <- i
		}
		close(next)
		wg.Wait()
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	nf, nc := 0, 0
	for _, o := range outcomes {
		nf += len(o.findings)
		nc += len(o.checks)
	}
	res := &Result{Findings: make([]finding.Finding, 0, nf), Checks: make([]Check, 0, nc)}
	for _, o := range outcomes {
		res.Findings = append(res.Findings, o.findings...)
		res.Checks = append(res.Checks, o.checks...)
		res.Diagnostics = append(res.Diagnostics, o.diags...)
	}
	finding.Sort(res.Findings)
	sort.SliceStable(res.Checks, func(i, j int) bool {
		a, b := res.Checks[i], res.Checks[j]
		if a.Resource.ID != b.Resource.ID {
			return a.Resource.ID < b.Resource.ID
		}
		return a.Policy.ID < b.Policy.ID
	})
	res.Diagnostics.Sort()
	return res, nil
}

// convert turns every resource document into a Rego value, in parallel;
// each worker keeps one converter, so equal strings are shared.
func (e *Engine) convert(ctx context.Context, rs []*resource.Resource, drop bool) ([]ast.Value, error) {
	docs := make([]ast.Value, len(rs))
	errs := make([]error, len(rs))
	convert := func(conv *converter, i int) {
		if ctx.Err() != nil {
			return
		}
		docs[i], errs[i] = conv.document(Document(rs[i]))
		if drop && errs[i] == nil {
			rs[i].Attrs, rs[i].Extra = nil, nil
		}
	}
	workers := min(e.opts.Workers, max(1, len(rs)))
	if workers == 1 {
		conv := getConverter()
		for i := range rs {
			convert(conv, i)
		}
		putConverter(conv)
	} else {
		next := make(chan int, workers)
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				conv := getConverter()
				for i := range next {
					convert(conv, i)
				}
				putConverter(conv)
			}()
		}
		for i := range rs {
			next <- i
		}
		close(next)
		wg.Wait()
	}
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("convert %s: %w", rs[i].Address, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("convert: %w", err)
	}
	return docs, nil
}

// evaluation holds the queries prepared over one estate: one per resource
// kind and type, evaluating every policy that applies to it, plus single
// policy queries used when a combined one fails (to isolate the policy).
type evaluation struct {
	e          *Engine
	store      storage.Store
	standalone bool

	mu      sync.Mutex
	groups  map[string]*group
	singles map[*compiled]*group
}

type group struct {
	once sync.Once
	pols []*compiled
	pq   rego.PreparedEvalQuery
	err  error
}

func (e *Engine) newEvaluation(est ast.Object, standalone bool) *evaluation {
	root := ast.NewObject(ast.Item(ast.InternedTerm("onus"), ast.NewTerm(ast.NewObject(
		ast.Item(ast.InternedTerm("estate"), ast.NewTerm(est)),
		ast.Item(ast.InternedTerm("policy_params"), ast.NewTerm(e.params)),
	))))
	return &evaluation{e: e, store: inmem.NewFromASTObject(root), standalone: standalone,
		groups: map[string]*group{}, singles: map[*compiled]*group{}}
}

// groupFor returns the prepared query of a resource's kind and type.
func (ev *evaluation) groupFor(ctx context.Context, r *resource.Resource) *group {
	key := string(r.Kind) + "\x00" + r.Type
	ev.mu.Lock()
	g, ok := ev.groups[key]
	if !ok {
		g = &group{}
		for _, c := range ev.e.applicable(r) {
			if ev.standalone && c.usesEstate {
				continue
			}
			g.pols = append(g.pols, c)
		}
		ev.groups[key] = g
	}
	ev.mu.Unlock()
	g.once.Do(func() { g.pq, g.err = ev.prepare(ctx, g.pols) })
	return g
}

func (ev *evaluation) single(ctx context.Context, c *compiled) *group {
	ev.mu.Lock()
	g, ok := ev.singles[c]
	if !ok {
		g = &group{pols: []*compiled{c}}
		ev.singles[c] = g
	}
	ev.mu.Unlock()
	g.once.Do(func() { g.pq, g.err = ev.prepare(ctx, g.pols) })
	return g
}

// resultVar names the variable policy i of a group binds.
func resultVar(i int) string {
	if i < len(resultVars) {
		return resultVars[i]
	}
	return fmt.Sprintf("__onus_%d", i)
}

// resultVars holds the first names resultVar gives, made once: they are
// looked up for every policy on every resource.
var resultVars = func() []string {
	out := make([]string, 256)
	for i := range out {
		out[i] = fmt.Sprintf("__onus_%d", i)
	}
	return out
}()

// resultTerm is the result generator of every evaluation: it hands each
// policy's deny set back as a Rego term, so that an empty set (most
// policies on most resources) costs no conversion; policyValues converts
// the others.
func resultTerm(t *ast.Term, _ *rego.EvalContext) (any, error) { return t, nil }

// policyValues converts a deny set as rego's own result generator does.
func policyValues(b any) ([]any, error) {
	t, ok := b.(*ast.Term)
	if !ok {
		return nil, nil
	}
	if s, ok := t.Value.(ast.Set); ok && s.Len() == 0 {
		return nil, nil
	}
	v, err := ast.JSONWithOpt(t.Value, ast.JSONOpt{})
	if err != nil {
		return nil, err
	}
	values, _ := v.([]any)
	return values, nil
}

var (
	inputRef    = ast.NewTerm(ast.InputRootRef)
	resourceVar = ast.VarTerm("__local_onus_resource__") // generated vars stay out of the result bindings
)

// prepare builds the query "v0 = data.p0.deny; v1 = data.p1.deny with
// input as {"resource": input.resource, "params": {...}}; ..." over the
// evaluation's store. A policy's parameters replace the whole input rather
// than only input.params: OPA merges "with input.params" into a deep copy of
// the input, which for every policy and resource would copy the resource
// document; replacing the input with a two-key object shares it.
func (ev *evaluation) prepare(ctx context.Context, pols []*compiled) (rego.PreparedEvalQuery, error) {
	body := make(ast.Body, 0, len(pols)+1)
	for _, c := range pols {
		if c.hasParams {
			body.Append(ast.Equality.Expr(resourceVar, ast.NewTerm(ast.InputRootRef.Append(termResource))))
			break
		}
	}
	for i, c := range pols {
		expr := ast.Equality.Expr(ast.VarTerm(resultVar(i)), ast.NewTerm(c.ref))
		if c.hasParams {
			expr = expr.IncludeWith(inputRef, ast.ObjectTerm(
				ast.Item(termResource, resourceVar),
				ast.Item(termParams, c.params),
			))
		}
		body.Append(expr)
	}
	if len(body) == 0 {
		body.Append(ast.NewExpr(ast.BooleanTerm(true)))
	}
	pq, err := rego.New(
		rego.ParsedQuery(body),
		rego.Compiler(ev.e.compiler),
		rego.Store(ev.store),
		rego.Capabilities(Capabilities()),
		rego.StoreReadAST(true),
	).PrepareForEval(ctx)
	if err != nil {
		return pq, fmt.Errorf("prepare policies: %w", err)
	}
	return pq, nil
}

var emptyParams = ast.NewTerm(ast.NewObject())

// policyResult is one policy's raw deny set on one resource.
type policyResult struct {
	c      *compiled
	values []any
}

// run evaluates every policy that applies to r in one query. When the
// combined query fails, each policy is evaluated alone so that one broken
// policy does not hide the others' results.
func (ev *evaluation) run(ctx context.Context, r *resource.Resource, doc ast.Value) ([]policyResult, source.Diagnostics) {
	g := ev.groupFor(ctx, r)
	if len(g.pols) == 0 {
		return nil, nil
	}
	if g.err == nil {
		out, err := ev.eval(ctx, g, r, doc, emptyParams)
		if err == nil {
			return out, nil
		}
	}
	var out []policyResult
	var diags source.Diagnostics
	for _, c := range g.pols {
		sg := ev.single(ctx, c)
		if sg.err != nil {
			diags = append(diags, source.Errorf(&source.Range{Filename: c.pol.File}, "policy failed", "%s: %v", c.pol.ID, sg.err))
			continue
		}
		res, err := ev.eval(ctx, sg, r, doc, c.params)
		if err != nil {
			if ctx.Err() == nil {
				diags = append(diags, source.Errorf(&source.Range{Filename: c.pol.File}, "policy failed", "%s on %s: %v", c.pol.ID, r.Address, err))
			}
			continue
		}
		out = append(out, res...)
	}
	return out, diags
}

func (ev *evaluation) eval(ctx context.Context, g *group, r *resource.Resource, doc ast.Value, params *ast.Term) ([]policyResult, error) {
	input := ast.NewObject(ast.Item(termResource, ast.NewTerm(doc)), ast.Item(termParams, params))
	vc := getVirtualCache()
	opts := []rego.EvalOption{rego.EvalParsedInput(input), rego.EvalGenerateJSON(resultTerm), rego.EvalVirtualCache(vc)}
	if !ev.e.opts.Now.IsZero() {
		opts = append(opts, rego.EvalTime(ev.e.opts.Now))
	}
	rs, err := g.pq.Eval(ctx, opts...)
	putVirtualCache(vc)
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, fmt.Errorf("the deny rules of %s were undefined", r.Address)
	}
	out := make([]policyResult, len(g.pols))
	for i, c := range g.pols {
		v, err := policyValues(rs[0].Bindings[resultVar(i)])
		if err != nil {
			return nil, fmt.Errorf("the deny rules of %s: %w", c.pol.ID, err)
		}
		out[i] = policyResult{c: c, values: v}
	}
	return out, nil
}

// estate builds data.onus.estate: every resource by id, ids by kind and
// type, by namespace and by namespace and type, and the resources that
// refer to each resource. Three indexes hold the resource documents
// themselves rather than ids, so that the estate helper library answers
// "the NetworkPolicies of this namespace" or "the ServiceAccount named x"
// with one lookup instead of a walk over resources: index.type[kind][type],
// index.namespace_type[ns][type] and index.name[ns][type][name] (the first
// resource of that name). index.selector[ns][type]["key=value"] holds the
// resources whose label selector (the "selector" a loader presents, such
// as a NetworkPolicy's podSelector) requires that label, and
// index.selector[ns][type][""] those that require none, so that "which
// NetworkPolicies may select this pod" is a few lookups.
func estate(rs []*resource.Resource, docs []ast.Value) ast.Object {
	resources := ast.NewObject()
	byType := map[string]map[string][]*ast.Term{}
	byNS := map[string][]*ast.Term{}
	byNSType := map[string]map[string][]*ast.Term{}
	docsByType := map[string]map[string][]*ast.Term{}
	docsByNSType := map[string]map[string][]*ast.Term{}
	byName := map[string]map[string]map[string]*ast.Term{}
	bySelector := map[string]map[string]map[string][]*ast.Term{}
	referrers := map[string][]*ast.Term{}
	add := func(m map[string]map[string][]*ast.Term, k1, k2 string, t *ast.Term) {
		if m[k1] == nil {
			m[k1] = map[string][]*ast.Term{}
		}
		m[k1][k2] = append(m[k1][k2], t)
	}
	for i, r := range rs {
		id := ast.StringTerm(r.ID)
		doc := ast.NewTerm(docs[i])
		resources.Insert(id, doc)
		k := string(r.Kind)
		add(byType, k, r.Type, id)
		add(docsByType, k, r.Type, doc)
		if r.Namespace != "" || r.Kind == resource.Kubernetes {
			byNS[r.Namespace] = append(byNS[r.Namespace], id)
			add(byNSType, r.Namespace, r.Type, id)
			add(docsByNSType, r.Namespace, r.Type, doc)
			if byName[r.Namespace] == nil {
				byName[r.Namespace] = map[string]map[string]*ast.Term{}
			}
			if byName[r.Namespace][r.Type] == nil {
				byName[r.Namespace][r.Type] = map[string]*ast.Term{}
			}
			if _, dup := byName[r.Namespace][r.Type][r.Name]; !dup {
				byName[r.Namespace][r.Type][r.Name] = doc
			}
			if keys := selectorKeys(docs[i]); keys != nil {
				if bySelector[r.Namespace] == nil {
					bySelector[r.Namespace] = map[string]map[string][]*ast.Term{}
				}
				for _, k := range keys {
					add(bySelector[r.Namespace], r.Type, k, doc)
				}
			}
		}
		seen := map[string]bool{}
		for _, targets := range r.Refs {
			for _, t := range targets {
				if !seen[t] {
					seen[t] = true
					referrers[t] = append(referrers[t], id)
				}
			}
		}
	}
	ns := ast.NewObject()
	for n, ids := range byNS {
		ns.Insert(ast.StringTerm(n), ast.ArrayTerm(ids...))
	}
	names := ast.NewObject()
	for n, types := range byName {
		o := ast.NewObject()
		for t, docs := range types {
			d := ast.NewObject()
			for name, doc := range docs {
				d.Insert(ast.StringTerm(name), doc)
			}
			o.Insert(ast.StringTerm(t), ast.NewTerm(d))
		}
		names.Insert(ast.StringTerm(n), ast.NewTerm(o))
	}
	selectors := ast.NewObject()
	for n, m := range bySelector {
		selectors.Insert(ast.StringTerm(n), ast.NewTerm(nested(m)))
	}
	refs := ast.NewObject()
	for t, ids := range referrers {
		refs.Insert(ast.StringTerm(t), ast.ArrayTerm(ids...))
	}
	return ast.NewObject(
		ast.Item(ast.StringTerm("resources"), ast.NewTerm(resources)),
		ast.Item(ast.StringTerm("by_type"), ast.NewTerm(nested(byType))),
		ast.Item(ast.StringTerm("by_namespace"), ast.NewTerm(ns)),
		ast.Item(ast.StringTerm("by_namespace_type"), ast.NewTerm(nested(byNSType))),
		ast.Item(ast.StringTerm("referrers"), ast.NewTerm(refs)),
		ast.Item(ast.StringTerm("index"), ast.ObjectTerm(
			ast.Item(ast.StringTerm("type"), ast.NewTerm(nested(docsByType))),
			ast.Item(ast.StringTerm("namespace_type"), ast.NewTerm(nested(docsByNSType))),
			ast.Item(ast.StringTerm("name"), ast.NewTerm(names)),
			ast.Item(ast.StringTerm("selector"), ast.NewTerm(selectors)),
		)),
	)
}

// selectorKeys returns the index keys of a document's label selector: one
// "key=value" per matchLabels entry, or [""] when the selector requires no
// label (or one that is not a string); nil without a selector.
func selectorKeys(doc ast.Value) []string {
	obj, ok := doc.(ast.Object)
	if !ok {
		return nil
	}
	t := obj.Get(termSelector)
	if t == nil {
		return nil
	}
	sel, ok := t.Value.(ast.Object)
	if !ok {
		return []string{""}
	}
	var keys []string
	if ml := sel.Get(termMatchLabels); ml != nil {
		if m, ok := ml.Value.(ast.Object); ok {
			m.Foreach(func(k, v *ast.Term) {
				ks, ok1 := k.Value.(ast.String)
				vs, ok2 := v.Value.(ast.String)
				if !ok1 || !ok2 {
					keys = append(keys, "")
					return
				}
				keys = append(keys, string(ks)+"="+string(vs))
			})
		}
	}
	if len(keys) == 0 || slices.Contains(keys, "") {
		return []string{""}
	}
	return keys
}

var (
	termSelector    = ast.StringTerm("selector")
	termMatchLabels = ast.StringTerm("matchLabels")
)

// nested turns a two-level map of term lists into an object of objects of
// arrays.
func nested(m map[string]map[string][]*ast.Term) ast.Object {
	out := ast.NewObject()
	for k1, inner := range m {
		o := ast.NewObject()
		for k2, terms := range inner {
			o.Insert(ast.StringTerm(k2), ast.ArrayTerm(terms...))
		}
		out.Insert(ast.StringTerm(k1), ast.NewTerm(o))
	}
	return out
}

// Document is the view of a resource that policies see as input.resource.
func Document(r *resource.Resource) map[string]any {
	labels := make(map[string]any, len(r.Labels))
	for k, v := range r.Labels {
		labels[k] = v
	}
	refs := make(map[string]any, len(r.Refs))
	for k, ids := range r.Refs {
		l := make([]any, len(ids))
		for i, id := range ids {
			l[i] = id
		}
		refs[k] = l
	}
	unknown := make([]any, len(r.Unknown))
	for i, u := range r.Unknown {
		unknown[i] = u
	}
	attrs := r.Attrs
	if attrs == nil {
		attrs = map[string]any{}
	}
	doc := map[string]any{
		"id":        r.ID,
		"kind":      string(r.Kind),
		"provider":  r.Provider,
		"type":      r.Type,
		"name":      r.Name,
		"namespace": r.Namespace,
		"address":   r.Address,
		"module":    r.Module,
		"file":      r.Range.Filename,
		"labels":    labels,
		"attrs":     attrs,
		"refs":      refs,
		"unknown":   unknown,
	}
	for k, v := range r.Extra {
		if _, clash := doc[k]; !clash {
			doc[k] = v
		}
	}
	return doc
}

var (
	termResource = ast.InternedTerm("resource")
	termParams   = ast.InternedTerm("params")
)

// findings appends one policy's deny set to out as findings, dropping
// those that rest on unknown values.
func (e *Engine) findings(out []finding.Finding, c *compiled, r *resource.Resource, results []any, lines bool) ([]finding.Finding, int, source.Diagnostics) {
	var diags source.Diagnostics
	undetermined := 0
	for _, res := range results {
		f, paths, err := e.toFinding(c.pol, r, res, lines)
		if err != nil {
			diags = append(diags, source.Errorf(&source.Range{Filename: c.pol.File}, "policy result", "%s on %s: %v", c.pol.ID, r.Address, err))
			continue
		}
		if unknownAny(r, paths) || isUndetermined(res) {
			undetermined++
			continue
		}
		out = append(out, f)
	}
	return out, undetermined, diags
}

// isUndetermined reports whether a result says it rests on a value that
// cannot be known before apply in another resource of the estate
// ({"msg": ..., "undetermined": true}); such a result is counted as
// undetermined, like one whose path is unknown.
func isUndetermined(res any) bool {
	m, ok := res.(map[string]any)
	return ok && m["undetermined"] == true
}

func unknownAny(r *resource.Resource, paths []resource.Path) bool {
	if len(r.Unknown) == 0 {
		return false
	}
	for _, p := range paths {
		if r.IsUnknown(p) {
			return true
		}
	}
	return false
}

// toFinding reads one policy result: a message string, or an object
//
//	{"msg": "...", "path": "a.b[0]" | ["a", "b", 0] | a set of either,
//	 "severity": "high", "remediation": "...", "details": {...}}
func (e *Engine) toFinding(p *policy.Policy, r *resource.Resource, res any, lines bool) (finding.Finding, []resource.Path, error) {
	f := finding.Finding{
		Rule:        p.ID,
		Title:       p.Title,
		Severity:    p.Severity,
		Category:    p.Category,
		Layer:       p.Layer,
		Remediation: p.Remediation,
		Controls:    p.Controls,
		Status:      finding.Fail,
		Labels:      r.Labels,
		ResourceID:  r.ID,
		Resource: finding.ResourceRef{
			Address: r.Address, Type: r.Type, Name: r.Name, Kind: r.Kind,
			Provider: r.Provider, Namespace: r.Namespace, Module: r.Module,
		},
	}
	var paths []resource.Path
	switch x := res.(type) {
	case string:
		f.Message = x
	case map[string]any:
		msg, ok := x["msg"].(string)
		if !ok {
			return f, nil, fmt.Errorf("result object needs a string msg, got %v", x["msg"])
		}
		f.Message = msg
		var err error
		if paths, err = resultPaths(x); err != nil {
			return f, nil, err
		}
		if s, ok := x["severity"].(string); ok {
			sev, err := finding.ParseSeverity(s)
			if err != nil {
				return f, nil, err
			}
			f.Severity = sev
		}
		if s, ok := x["remediation"].(string); ok && s != "" {
			f.Remediation = s
		}
		if d, ok := x["details"].(map[string]any); ok {
			f.Details = resource.PlainNumbers(d).(map[string]any)
		}
	default:
		return f, nil, fmt.Errorf("result must be a string or an object with msg, got %T", res)
	}
	rng := r.Range
	if len(paths) > 0 {
		if lines {
			rng = r.Locate(paths[0])
		}
		f.Path = paths[0].String()
	}
	f.Location = finding.Location{File: rng.Filename, StartLine: rng.Start.Line, EndLine: max(rng.End.Line, rng.Start.Line), StartColumn: rng.Start.Column}
	if f.Location.File == "" {
		f.Location.File = r.Range.Filename
	}
	f.ComputeFingerprint()
	return f, paths, nil
}

// resultPaths reads "path" (a dotted string or an array of steps) and
// "paths" (several of either; the first is where the finding points).
func resultPaths(x map[string]any) ([]resource.Path, error) {
	var out []resource.Path
	if raw, ok := x["path"]; ok {
		p, err := resource.PathOf(raw)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	if raw, ok := x["paths"]; ok {
		list, ok := raw.([]any)
		if !ok {
			return nil, fmt.Errorf("paths must be an array or a set, got %T", raw)
		}
		for _, e := range list {
			p, err := resource.PathOf(e)
			if err != nil {
				return nil, err
			}
			out = append(out, p)
		}
	}
	return out, nil
}
