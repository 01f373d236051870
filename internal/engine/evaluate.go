package engine

import (
	"context"
	"encoding/json"
	"fmt"
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
	docs := make([]ast.Value, len(rs))
	if err := e.parallel(ctx, len(rs), func(i int) error {
		v, err := newConverter().value(Document(rs[i]))
		if err != nil {
			return fmt.Errorf("convert %s: %w", rs[i].Address, err)
		}
		docs[i] = v
		return nil
	}); err != nil {
		return nil, err
	}
	ev := e.standalone
	if !eo.Standalone {
		ev = e.newEvaluation(estate(rs, docs), false)
	}

	type local struct {
		findings []finding.Finding
		checks   []Check
		diags    source.Diagnostics
	}
	workers := min(e.opts.Workers, max(1, len(rs)))
	parts := make([]local, workers)
	work := func(out *local, i int) {
		if ctx.Err() != nil {
			return
		}
		r := rs[i]
		results, diags := ev.run(ctx, r, docs[i])
		out.diags = append(out.diags, diags...)
		for _, pr := range results {
			if eo.Skip != nil && eo.Skip(pr.c.pol) {
				continue
			}
			fs, undetermined, ds := e.findings(pr.c, r, pr.values)
			out.findings = append(out.findings, fs...)
			out.diags = append(out.diags, ds...)
			out.checks = append(out.checks, Check{Policy: pr.c.pol, Resource: r, Failed: len(fs), Undetermined: undetermined})
		}
		if rel, ok := r.Locs.(resource.Releaser); ok {
			rel.Release()
		}
	}
	if workers == 1 {
		// one resource (admission) or one worker: evaluate on the caller's
		// goroutine, whose stack has already grown, rather than a fresh one
		for i := range rs {
			work(&parts[0], i)
		}
	} else {
		next := make(chan int, workers)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func(out *local) {
				defer wg.Done()
				for i := range next {
					work(out, i)
				}
			}(&parts[w])
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
	res := &Result{}
	for _, p := range parts {
		res.Findings = append(res.Findings, p.findings...)
		res.Checks = append(res.Checks, p.checks...)
		res.Diagnostics = append(res.Diagnostics, p.diags...)
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

// parallel runs fn for 0..n-1 on the engine's workers (inline for one).
func (e *Engine) parallel(ctx context.Context, n int, fn func(i int) error) error {
	if n == 1 {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fn(0)
	}
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	next := make(chan int, e.opts.Workers)
	for range min(e.opts.Workers, max(1, n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if ctx.Err() != nil {
					continue
				}
				if err := fn(i); err != nil {
					once.Do(func() { first = err })
				}
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
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
	root := ast.NewObject(ast.Item(ast.InternedTerm("onus"), ast.NewTerm(ast.NewObject(ast.Item(ast.InternedTerm("estate"), ast.NewTerm(est))))))
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
func resultVar(i int) string { return fmt.Sprintf("__onus_%d", i) }

var paramsRef = ast.MustParseTerm("input.params")

// prepare builds the query "v0 = data.p0.deny; v1 = data.p1.deny with
// input.params as {...}; ..." over the evaluation's store.
func (ev *evaluation) prepare(ctx context.Context, pols []*compiled) (rego.PreparedEvalQuery, error) {
	body := make(ast.Body, 0, len(pols))
	for i, c := range pols {
		expr := ast.Equality.Expr(ast.VarTerm(resultVar(i)), ast.NewTerm(c.ref))
		if c.hasParams {
			expr = expr.IncludeWith(paramsRef, c.params)
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
	opts := []rego.EvalOption{rego.EvalParsedInput(input)}
	if !ev.e.opts.Now.IsZero() {
		opts = append(opts, rego.EvalTime(ev.e.opts.Now))
	}
	rs, err := g.pq.Eval(ctx, opts...)
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, fmt.Errorf("the deny rules of %s were undefined", r.Address)
	}
	out := make([]policyResult, len(g.pols))
	for i, c := range g.pols {
		v, _ := rs[0].Bindings[resultVar(i)].([]any)
		out[i] = policyResult{c: c, values: v}
	}
	return out, nil
}

// estate builds data.onus.estate: every resource by id, ids by kind and
// type, by namespace, and the resources that refer to each resource.
func estate(rs []*resource.Resource, docs []ast.Value) ast.Object {
	resources := ast.NewObject()
	byType := map[string]map[string][]*ast.Term{}
	byNS := map[string][]*ast.Term{}
	referrers := map[string][]*ast.Term{}
	for i, r := range rs {
		id := ast.StringTerm(r.ID)
		resources.Insert(id, ast.NewTerm(docs[i]))
		k := string(r.Kind)
		if byType[k] == nil {
			byType[k] = map[string][]*ast.Term{}
		}
		byType[k][r.Type] = append(byType[k][r.Type], id)
		if r.Namespace != "" || r.Kind == resource.Kubernetes {
			byNS[r.Namespace] = append(byNS[r.Namespace], id)
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
	types := ast.NewObject()
	for k, m := range byType {
		o := ast.NewObject()
		for t, ids := range m {
			o.Insert(ast.StringTerm(t), ast.ArrayTerm(ids...))
		}
		types.Insert(ast.StringTerm(k), ast.NewTerm(o))
	}
	ns := ast.NewObject()
	for n, ids := range byNS {
		ns.Insert(ast.StringTerm(n), ast.ArrayTerm(ids...))
	}
	refs := ast.NewObject()
	for t, ids := range referrers {
		refs.Insert(ast.StringTerm(t), ast.ArrayTerm(ids...))
	}
	return ast.NewObject(
		ast.Item(ast.StringTerm("resources"), ast.NewTerm(resources)),
		ast.Item(ast.StringTerm("by_type"), ast.NewTerm(types)),
		ast.Item(ast.StringTerm("by_namespace"), ast.NewTerm(ns)),
		ast.Item(ast.StringTerm("referrers"), ast.NewTerm(refs)),
	)
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

// findings turns one policy's deny set into findings, dropping those that
// rest on unknown values.
func (e *Engine) findings(c *compiled, r *resource.Resource, results []any) ([]finding.Finding, int, source.Diagnostics) {
	var out []finding.Finding
	var diags source.Diagnostics
	undetermined := 0
	for _, res := range results {
		f, paths, err := e.toFinding(c.pol, r, res)
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
func (e *Engine) toFinding(p *policy.Policy, r *resource.Resource, res any) (finding.Finding, []resource.Path, error) {
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
			f.Details = normalise(d).(map[string]any)
		}
	default:
		return f, nil, fmt.Errorf("result must be a string or an object with msg, got %T", res)
	}
	rng := r.Range
	if len(paths) > 0 {
		rng = r.Locate(paths[0])
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

// normalise turns json.Number values from Rego results into int64 or float64.
func normalise(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = normalise(e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = normalise(e)
		}
		return x
	}
	return v
}
