// Package engine compiles policies once and evaluates them against
// resources. Policies are indexed by target; the policies that apply to one
// resource type are evaluated together by one prepared query (each policy's
// deny set bound to its own variable), prepared once per evaluation and
// shared by the workers that evaluate resources in parallel.
package engine

import (
	"fmt"
	"log/slog"
	"maps"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// EstatePath is where the whole-estate document lives in data.
const EstatePath = "onus.estate"

// denied are the builtins policies may not call: network access and
// facts about the machine, which would make results depend on where onus
// runs.
var denied = []string{"http.send", "net.lookup_ip_addr", "net.cidr_expand", "opa.runtime", "rego.parse_module", "trace", "print"}

// Capabilities returns the builtins available to policies.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	caps.Builtins = slices.DeleteFunc(slices.Clone(caps.Builtins), func(b *ast.Builtin) bool {
		return slices.Contains(denied, b.Name)
	})
	caps.AllowNet = []string{}
	return caps
}

// Options tune an engine. The zero value is usable.
type Options struct {
	// Params overrides policy parameter defaults: policy ID → name → value.
	Params map[string]map[string]any
	// Workers bounds parallel evaluation; 0 means GOMAXPROCS.
	Workers int
	// Now is the time policies see (time.now_ns); zero means the wall clock
	// at each evaluation.
	Now time.Time
	// Logger receives operator logs; nil discards them.
	Logger *slog.Logger
}

// Engine holds compiled policies. It is safe for concurrent use.
type Engine struct {
	set      *policy.Set
	compiler *ast.Compiler
	compiled []*compiled
	index    map[resource.Kind]map[string][]*compiled
	any      map[resource.Kind][]*compiled
	opts     Options
	log      *slog.Logger

	// standalone is an evaluation over an empty estate, prepared once, for
	// judging objects alone (admission).
	standalone *evaluation
	// params is data.onus.policy_params: policy ID → parameters, for the
	// policies whose input.params references were rewritten to it.
	params ast.Object
}

type compiled struct {
	pol        *policy.Policy
	params     *ast.Term
	usesEstate bool
	hasParams  bool
	ref        ast.Ref
}

// New compiles every module of set. Compile errors are diagnostics at their
// position; an engine is returned only when there are none.
func New(set *policy.Set, opts Options) (*Engine, source.Diagnostics) {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	var diags source.Diagnostics
	params := map[*policy.Policy]*ast.Term{}
	for _, p := range set.Policies {
		t, err := paramsTerm(p, opts.Params[p.ID])
		if err != nil {
			diags = append(diags, source.Errorf(nil, "invalid policy parameters", "%s: %v", p.ID, err))
			continue
		}
		params[p] = t
	}
	modules, paramDoc, inData := paramsInData(set, params)
	comp := ast.NewCompiler().
		WithCapabilities(Capabilities()).
		WithEnablePrintStatements(false).
		WithDefaultRegoVersion(ast.RegoV1)
	comp.Compile(modules)
	if comp.Failed() {
		return nil, policy.FromRegoError(comp.Errors)
	}
	e := &Engine{
		set:      set,
		compiler: comp,
		index:    map[resource.Kind]map[string][]*compiled{},
		any:      map[resource.Kind][]*compiled{},
		opts:     opts,
		log:      log.With("component", "engine"),
		params:   paramDoc,
	}
	users := estateUsers(set.Modules)
	for _, p := range set.Policies {
		if params[p] == nil {
			continue
		}
		ref, err := ast.ParseRef(p.Query())
		if err != nil {
			diags = append(diags, source.Errorf(nil, "invalid policy query", "%s: %v", p.ID, err))
			continue
		}
		c := &compiled{pol: p, params: params[p], usesEstate: usesEstate(p.Module, users), hasParams: len(p.Params) > 0 && !inData[p], ref: ref}
		e.compiled = append(e.compiled, c)
		for _, t := range p.Targets {
			for _, ty := range t.Types {
				if ty == "*" {
					e.any[t.Kind] = append(e.any[t.Kind], c)
					continue
				}
				if e.index[t.Kind] == nil {
					e.index[t.Kind] = map[string][]*compiled{}
				}
				e.index[t.Kind][ty] = append(e.index[t.Kind][ty], c)
			}
		}
	}
	for unknown := range opts.Params {
		if set.Get(unknown) == nil {
			diags = append(diags, source.Warningf(nil, "parameters for an unknown policy", "%s is not loaded", unknown))
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	e.standalone = e.newEvaluation(ast.NewObject(), true)
	return e, diags
}

// paramsPath is where the parameters of policies live in data once their
// input.params references are rewritten (see paramsInData).
var paramsPath = ast.MustParseRef("data.onus.policy_params")

// paramsInData returns the modules to compile: a policy with parameters
// reads them as input.params, which the engine could only provide by
// evaluating it "with input as {resource, params}". OPA evaluates a with
// scope apart from the rest of the query, so every helper rule the policy
// shares with the other policies of the query (the containers of a pod
// spec, a resource's attribute lookups) would be computed again for it.
// Since the parameters are known when the engine is built, each such
// policy module is compiled with input.params.x rewritten to
// data.onus.policy_params[ID].x instead, and the parameters are put in
// data. A module that reads input other than through input.resource and
// input.params (all of input, input[x], an import of input) keeps the with
// scope. Rego unit tests compile the modules as written, so tests that set
// input.params still work.
func paramsInData(set *policy.Set, params map[*policy.Policy]*ast.Term) (map[string]*ast.Module, ast.Object, map[*policy.Policy]bool) {
	modules := maps.Clone(set.Modules)
	keyOf := make(map[*ast.Module]string, len(set.Modules))
	for k, m := range set.Modules {
		keyOf[m] = k
	}
	doc := ast.NewObject()
	inData := map[*policy.Policy]bool{}
	for _, p := range set.Policies {
		key, ok := keyOf[p.Module]
		if len(p.Params) == 0 || params[p] == nil || !ok || !readsInputByKeys(p.Module) {
			continue
		}
		target := paramsPath.Append(ast.StringTerm(p.ID))
		m := p.Module.Copy()
		// ast.TransformRefs does not reach the collections of some-in
		// declarations, so terms are rewritten in place on the copy
		ast.NewGenericVisitor(func(x any) bool {
			if t, ok := x.(*ast.Term); ok {
				if r, ok := t.Value.(ast.Ref); ok && isInputParams(r) {
					t.Value = target.Concat(r[2:])
					return true
				}
			}
			return false
		}).Walk(m)
		modules[key] = m
		doc.Insert(ast.StringTerm(p.ID), params[p])
		inData[p] = true
	}
	return modules, doc, inData
}

func isInputParams(r ast.Ref) bool {
	return len(r) >= 2 && r[0].Equal(ast.InputRootDocument) && r[1].Equal(termParams)
}

// readsInputByKeys reports whether a module reads input only as
// input.resource... and input.params..., so that rewriting input.params
// cannot change what it sees.
func readsInputByKeys(m *ast.Module) bool {
	for _, imp := range m.Imports {
		if r, ok := imp.Path.Value.(ast.Ref); ok && r[0].Equal(ast.InputRootDocument) {
			return false
		}
	}
	ok := true
	ast.NewGenericVisitor(func(x any) bool {
		switch v := x.(type) {
		case ast.Ref:
			if v[0].Equal(ast.InputRootDocument) {
				if len(v) < 2 || !(v[1].Equal(termParams) || v[1].Equal(termResource)) {
					ok = false
				}
				return true
			}
		case ast.Var:
			if v.Equal(ast.InputRootDocument.Value) {
				ok = false
			}
		}
		return !ok
	}).Walk(m)
	return ok
}

// Policies returns the compiled policies.
func (e *Engine) Policies() []*policy.Policy {
	out := make([]*policy.Policy, len(e.compiled))
	for i, c := range e.compiled {
		out[i] = c.pol
	}
	return out
}

// applicable returns the policies targeting a resource, without duplicates.
func (e *Engine) applicable(r *resource.Resource) []*compiled {
	byType := e.index[r.Kind][r.Type]
	wild := e.any[r.Kind]
	if len(wild) == 0 {
		return byType
	}
	out := slices.Clone(byType)
	for _, c := range wild {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func paramsTerm(p *policy.Policy, overrides map[string]any) (*ast.Term, error) {
	vals := map[string]any{}
	for name, prm := range p.Params {
		vals[name] = prm.Default
	}
	for name, v := range overrides {
		if _, ok := p.Params[name]; !ok {
			known := slices.Sorted(maps.Keys(p.Params))
			return nil, fmt.Errorf("unknown parameter %q (the policy has %s)", name, orNone(known))
		}
		vals[name] = v
	}
	v, err := ast.InterfaceToValue(vals)
	if err != nil {
		return nil, err
	}
	return ast.NewTerm(v), nil
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

// estateUsers returns data.onus.estate and the packages that read it,
// directly or through other packages (a policy library built on
// data.onus.lib.estate, say), so that a policy using such a library is
// known to need the estate.
func estateUsers(mods map[string]*ast.Module) []ast.Ref {
	users := []ast.Ref{ast.MustParseRef("data." + EstatePath)}
	done := map[*ast.Module]bool{}
	for changed := true; changed; {
		changed = false
		for _, m := range mods {
			if m == nil || m.Package == nil || done[m] || !refersTo(m, users) {
				continue
			}
			done[m] = true
			users = append(users, m.Package.Path)
			changed = true
		}
	}
	return users
}

// usesEstate reports whether a module reads the estate: it refers to
// data.onus.estate or imports a package that does.
func usesEstate(m *ast.Module, users []ast.Ref) bool {
	return m != nil && refersTo(m, users)
}

// refersTo reports whether a module refers to, or imports, one of targets
// (or a package above one, with more than data.x).
func refersTo(m *ast.Module, targets []ast.Ref) bool {
	hit := func(r ast.Ref) bool {
		for _, t := range targets {
			if r.HasPrefix(t) || t.HasPrefix(r) && len(r) > 2 {
				return true
			}
		}
		return false
	}
	found := false
	ast.WalkRefs(m, func(r ast.Ref) bool {
		if hit(r) {
			found = true
		}
		return found
	})
	if found {
		return true
	}
	for _, imp := range m.Imports {
		if ref, ok := imp.Path.Value.(ast.Ref); ok && hit(ref) {
			return true
		}
	}
	return false
}
