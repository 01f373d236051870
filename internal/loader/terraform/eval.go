package terraform

import (
	"context"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/onus-project/onus/internal/loader/terraform/funcs"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// node states, for memoised values and cycle detection.
const (
	pending int8 = iota
	running
	done
)

// evaluator evaluates one root module and the modules it calls. It is used
// by one goroutine.
type evaluator struct {
	ctx     context.Context
	fsys    fs.FS
	opts    Options
	limits  Limits
	rootDir string

	configs     map[string]*config
	funcs       map[string]function.Function
	unsupported map[string]bool
	modulesJSON map[string]string // module key ("net.sub") → directory
	forEachRefs map[forEachKey][]string
	root        *modInst
	modules     []*modInst // every instance, in evaluation order

	diags      hcl.Diagnostics
	pending    []string // warnings raised by file functions, reported at the calling expression
	nResources int
	depth      int
	stop       bool // a limit was hit: evaluation winds down
}

// modInst is one instance of a module: the root module, or one instance of
// a module call.
type modInst struct {
	cfg    *config
	addr   string // "" for the root, module.net, module.net[0].module.sub
	key    string // module key as modules.json writes it: "net.sub"
	parent *modInst
	call   *moduleCall
	// callScope evaluates the call's arguments (inputs) in the parent,
	// with count.index or each of this instance.
	callScope *scope
	depth     int
	dirs      []string // module directories from the root to here, for cycles

	vars    map[string]*node
	locals  map[string]*node
	outputs map[string]*node
	blocks  map[string]*resNode
	calls   map[string]*modNode
	// defaultTags memoises provider default_tags by provider key.
	defaultTags map[string]map[string]string
}

// scope is where an expression is evaluated: a module instance and, inside
// a counted or for_each block, the instance's count.index or each.
type scope struct {
	m       *modInst
	count   cty.Value // cty.NilVal outside count
	eachKey cty.Value // cty.NilVal outside for_each
	eachVal cty.Value
	forEach hcl.Expression
}

// node is a memoised named value (variable, local, output) and the
// resources it refers to.
type node struct {
	state     int8
	val       cty.Value
	refsState int8
	refs      []string
}

// resNode is a resource or data block of a module instance, expanded.
type resNode struct {
	blk       *block
	state     int8
	exp       expansion
	insts     []*instance
	refsState int8
	refs      []string // data blocks: every resource the body refers to
}

// instance is one instance of a resource or data block.
type instance struct {
	key   instanceKey
	scope *scope
	obj   cty.Value
	out   *bodyOut
}

// modNode is a module call of a module instance, expanded.
type modNode struct {
	call  *moduleCall
	state int8
	exp   expansion
	insts []*modInst // nil entries where the module could not be loaded
}

func newEvaluator(ctx context.Context, fsys fs.FS, opts Options, rootDir string) *evaluator {
	ev := &evaluator{
		ctx: ctx, fsys: fsys, opts: opts, limits: opts.Limits.withDefaults(), rootDir: rootDir,
		configs: map[string]*config{}, unsupported: map[string]bool{}, forEachRefs: map[forEachKey][]string{},
	}
	ev.funcs = funcs.Table(funcs.Files{FS: fsys, Dir: rootDir, MaxFileSize: opts.MaxFileSize,
		Warn: func(msg string) { ev.pending = append(ev.pending, msg) }})
	return ev
}

func (ev *evaluator) newModInst(cfg *config, addr, key string, parent *modInst) *modInst {
	m := &modInst{
		cfg: cfg, addr: addr, key: key, parent: parent,
		vars: map[string]*node{}, locals: map[string]*node{}, outputs: map[string]*node{},
		blocks: map[string]*resNode{}, calls: map[string]*modNode{},
	}
	if parent != nil {
		m.depth = parent.depth + 1
		m.dirs = append(append([]string(nil), parent.dirs...), cfg.dir)
	} else {
		m.dirs = []string{cfg.dir}
	}
	ev.modules = append(ev.modules, m)
	return m
}

// run loads the root module from files and evaluates everything in it.
func (ev *evaluator) run(files []string) {
	cfg := loadConfig(ev.fsys, ev.rootDir, files, ev.opts.MaxFileSize)
	ev.configs[ev.rootDir] = cfg
	ev.diags = append(ev.diags, cfg.diags...)
	ev.modulesJSON = readModulesJSON(ev.fsys, ev.rootDir, ev.opts.MaxFileSize)
	ev.root = ev.newModInst(cfg, "", "", nil)
	ev.setRootVariables(ev.root)
	ev.evalModule(ev.root)
}

// evalModule evaluates every local, resource, data block and module call
// of m, then the modules it calls.
func (ev *evaluator) evalModule(m *modInst) {
	sc := &scope{m: m}
	for _, name := range m.cfg.localList {
		ev.local(sc, name, nil)
	}
	for _, b := range m.cfg.managed {
		if ev.halted() {
			return
		}
		ev.resource(m, b)
	}
	for _, b := range m.cfg.data {
		if ev.halted() {
			return
		}
		ev.resource(m, b)
	}
	for _, c := range m.cfg.calls {
		if ev.halted() {
			return
		}
		mn := ev.module(m, c)
		for _, child := range mn.insts {
			if child != nil {
				ev.evalModule(child)
			}
		}
	}
	if m.parent != nil {
		names := make([]string, 0, len(m.cfg.outputs))
		for n := range m.cfg.outputs {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			ev.output(m, n)
		}
	}
}

func (ev *evaluator) halted() bool {
	return ev.stop || ev.ctx.Err() != nil
}

// limit records that a limit was hit and stops further evaluation.
func (ev *evaluator) limit(subject *hcl.Range, summary, format string, args ...any) {
	ev.diags = append(ev.diags, hclErr(subject, summary, format, args...))
	ev.stop = true
}

// enter guards recursion between values; it reports false (and a
// diagnostic) when values depend on one another too deeply.
func (ev *evaluator) enter(subject hcl.Range) bool {
	if ev.depth >= ev.limits.MaxEvalDepth {
		if !ev.stop {
			ev.limit(&subject, "References nested too deeply",
				"Values here depend on one another more than %d levels deep; onus stopped evaluating this module.", ev.limits.MaxEvalDepth)
		}
		return false
	}
	ev.depth++
	return true
}

func (ev *evaluator) leave() { ev.depth-- }

// value evaluates expr in ctx. An expression that fails only because it
// reads a resource, data source or module output that onus approximates
// (an attribute known after apply, a module not fetched) is unknown
// without a diagnostic; other errors are reported.
func (ev *evaluator) value(sc *scope, expr hcl.Expression, ctx *hcl.EvalContext) cty.Value {
	v, diags := expr.Value(ctx)
	if diags.HasErrors() && ev.addUnsupportedFuncs(expr, diags) {
		v, diags = expr.Value(ctx)
	}
	if len(ev.pending) > 0 {
		for _, msg := range ev.pending {
			ev.diags = append(ev.diags, hclWarn(expr.Range().Ptr(), "File not found", "%s.", msg))
		}
		ev.pending = ev.pending[:0]
	}
	if !diags.HasErrors() && tooLarge(v) {
		ev.diags = append(ev.diags, hclErr(expr.Range().Ptr(), "Value too large",
			"This expression produces a value of more than %d elements or bytes; onus treats it as unknown.", maxValueSize))
		return cty.DynamicVal
	}
	if diags.HasErrors() {
		if ev.approximated(sc, expr) {
			return cty.DynamicVal
		}
		ev.diags = append(ev.diags, diags...)
		return cty.DynamicVal
	}
	ev.diags = append(ev.diags, diags...)
	if v.IsMarked() {
		v, _ = v.UnmarkDeep()
	}
	if v == cty.NilVal {
		return cty.DynamicVal
	}
	return v
}

// eval evaluates expr in a scope, building its context.
func (ev *evaluator) eval(sc *scope, expr hcl.Expression) cty.Value {
	if expr == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	if !ev.enter(expr.Range()) {
		return cty.DynamicVal
	}
	defer ev.leave()
	return ev.value(sc, expr, ev.context(sc, expr.Variables()))
}

// maxValueSize bounds the size of one evaluated value, counting one per
// element and one per two bytes of string.
const maxValueSize = 8 << 20

// tooLarge reports whether v is over maxValueSize; it stops counting as
// soon as it is.
func tooLarge(v cty.Value) bool {
	budget := maxValueSize
	var walk func(v cty.Value, depth int) bool
	walk = func(v cty.Value, depth int) bool {
		budget--
		if budget < 0 || depth > 512 {
			return true
		}
		if !v.IsKnown() || v.IsNull() {
			return false
		}
		ty := v.Type()
		switch {
		case ty == cty.String:
			budget -= len(v.AsString()) / 2
			return budget < 0
		case ty.IsPrimitiveType():
			return false
		}
		if !v.CanIterateElements() {
			return false
		}
		if v.LengthInt() > budget {
			return true
		}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if walk(e, depth+1) {
				return true
			}
		}
		return false
	}
	return walk(v, 0)
}

// approximated reports whether expr reads a value onus does not know in
// full: a resource, a data source or a module.
func (ev *evaluator) approximated(sc *scope, expr hcl.Expression) bool {
	for _, t := range expr.Variables() {
		switch root := t.RootName(); root {
		case "data", "module":
			return true
		default:
			if sc.m.cfg.types[root] {
				return true
			}
		}
	}
	return false
}

// addUnsupportedFuncs gives functions onus does not implement a stand-in
// that returns an unknown value, with one warning per function. It reports
// whether it added any.
func (ev *evaluator) addUnsupportedFuncs(expr hcl.Expression, diags hcl.Diagnostics) bool {
	found := false
	for _, d := range diags {
		if d.Summary == "Call to unknown function" {
			found = true
		}
	}
	se, ok := expr.(hclsyntax.Expression)
	if !found || !ok {
		return false
	}
	added := false
	hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
		call, ok := n.(*hclsyntax.FunctionCallExpr)
		if !ok {
			return nil
		}
		if _, known := ev.funcs[call.Name]; known {
			return nil
		}
		ev.funcs[call.Name] = funcs.Unknown
		added = true
		if !ev.unsupported[call.Name] {
			ev.unsupported[call.Name] = true
			ev.diags = append(ev.diags, hclWarn(call.NameRange.Ptr(), "Function not evaluated",
				"onus does not implement %s(); its result is treated as unknown.", call.Name))
		}
		return nil
	})
	return added
}

// context builds the evaluation context for traversals read in scope sc:
// only the variables, locals, resources, data sources and module outputs
// the traversals name are evaluated.
func (ev *evaluator) context(sc *scope, travs []hcl.Traversal) *hcl.EvalContext {
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: ev.funcs}
	if len(travs) == 0 {
		return ctx
	}
	m := sc.m
	type need struct {
		rng   hcl.Range
		all   bool
		attrs map[string]bool
	}
	addNeed := func(needs map[string]*need, key, attr string, rng hcl.Range) {
		n := needs[key]
		if n == nil {
			n = &need{rng: rng, attrs: map[string]bool{}}
			needs[key] = n
		}
		if attr == "" {
			n.all = true
		} else {
			n.attrs[attr] = true
		}
	}
	vars := map[string]cty.Value{}
	locals := map[string]cty.Value{}
	resNeeds := map[string]*need{} // "type.name"
	modNeeds := map[string]*need{}
	dataNeeds := map[string]*need{}
	for _, t := range travs {
		rng := t.SourceRange()
		switch root := t.RootName(); root {
		case "var":
			if name := attrStep(t, 1); name != "" {
				if _, ok := vars[name]; !ok {
					vars[name] = ev.variable(m, name, &rng)
				}
			}
		case "local":
			if name := attrStep(t, 1); name != "" {
				if _, ok := locals[name]; !ok {
					locals[name] = ev.local(sc, name, &rng)
				}
			}
		case "count":
			if sc.count != cty.NilVal {
				ctx.Variables["count"] = cty.ObjectVal(map[string]cty.Value{"index": sc.count})
			}
		case "each":
			if sc.eachKey != cty.NilVal {
				ctx.Variables["each"] = cty.ObjectVal(map[string]cty.Value{"key": sc.eachKey, "value": sc.eachVal})
			}
		case "path":
			ctx.Variables["path"] = cty.ObjectVal(map[string]cty.Value{
				"module": cty.StringVal(relPath(ev.rootDir, m.cfg.dir)),
				"root":   cty.StringVal("."),
				"cwd":    cty.StringVal("."),
			})
		case "terraform":
			ctx.Variables["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})
		case "module":
			if name := attrStep(t, 1); name != "" {
				addNeed(modNeeds, name, attrAfterInstance(t, 2), rng)
			}
		case "data":
			typ, name := attrStep(t, 1), attrStep(t, 2)
			if typ != "" && name != "" {
				addNeed(dataNeeds, typ+"."+name, "", rng)
			}
		case "self":
		default:
			if !m.cfg.types[root] {
				continue // a dynamic block iterator, or an error HCL reports
			}
			if name := attrStep(t, 1); name != "" {
				addNeed(resNeeds, root+"."+name, attrAfterInstance(t, 2), rng)
			}
		}
	}
	if len(vars) > 0 {
		ctx.Variables["var"] = cty.ObjectVal(vars)
	}
	if len(locals) > 0 {
		ctx.Variables["local"] = cty.ObjectVal(locals)
	}
	if len(modNeeds) > 0 {
		mods := map[string]cty.Value{}
		for name, n := range modNeeds {
			var outs map[string]bool
			if !n.all {
				outs = n.attrs
			}
			mods[name] = ev.moduleValue(sc, name, outs, &n.rng)
		}
		ctx.Variables["module"] = cty.ObjectVal(mods)
	}
	if len(dataNeeds) > 0 {
		byType := map[string]map[string]cty.Value{}
		for key, n := range dataNeeds {
			typ, name, _ := strings.Cut(key, ".")
			if byType[typ] == nil {
				byType[typ] = map[string]cty.Value{}
			}
			byType[typ][name] = ev.dataValue(m, typ, name, &n.rng)
		}
		obj := map[string]cty.Value{}
		for typ, vals := range byType {
			obj[typ] = cty.ObjectVal(vals)
		}
		ctx.Variables["data"] = cty.ObjectVal(obj)
	}
	byType := map[string]map[string]cty.Value{}
	for key, n := range resNeeds {
		typ, name, _ := strings.Cut(key, ".")
		if byType[typ] == nil {
			byType[typ] = map[string]cty.Value{}
		}
		byType[typ][name] = ev.resourceValue(m, typ, name, n.attrs, &n.rng)
	}
	for typ, vals := range byType {
		ctx.Variables[typ] = cty.ObjectVal(vals)
	}
	return ctx
}

// attrStep returns the attribute name of step i of a traversal, or "".
func attrStep(t hcl.Traversal, i int) string {
	if i >= len(t) {
		return ""
	}
	if i == 0 {
		return t.RootName()
	}
	if a, ok := t[i].(hcl.TraverseAttr); ok {
		return a.Name
	}
	return ""
}

// attrAfterInstance returns the attribute read after a resource name at
// step i, skipping one index step: aws_s3_bucket.b.id and
// aws_s3_bucket.b[0].id both give "id".
func attrAfterInstance(t hcl.Traversal, i int) string {
	if i < len(t) {
		if _, ok := t[i].(hcl.TraverseIndex); ok {
			i++
		}
	}
	return attrStep(t, i)
}

// relPath returns dir relative to root ("." when equal).
func relPath(root, dir string) string {
	if root == dir {
		return "."
	}
	if root == "." {
		return dir
	}
	if rest, ok := strings.CutPrefix(dir, root+"/"); ok {
		return rest
	}
	return dir
}

// variable returns the value of var.name in module instance m.
func (ev *evaluator) variable(m *modInst, name string, subject *hcl.Range) cty.Value {
	n, ok := m.vars[name]
	if ok && n.state == done {
		return n.val
	}
	v := m.cfg.variables[name]
	if v == nil {
		ev.diags = append(ev.diags, hclErr(subject, "Reference to undeclared input variable",
			"An input variable with the name %q has not been declared in %s.", name, moduleName(m)))
		return cty.DynamicVal
	}
	if !ok {
		n = &node{}
		m.vars[name] = n
	}
	if n.state == running {
		ev.diags = append(ev.diags, hclErr(subject, "Cycle in references", "var.%s depends on itself.", name))
		return cty.DynamicVal
	}
	n.state = running
	n.val = ev.childVariable(m, v)
	n.state = done
	return n.val
}

func moduleName(m *modInst) string {
	if m.addr == "" {
		return "the root module"
	}
	return m.addr
}

// childVariable computes a module variable from the module call's argument
// or the default. Root variables are set before evaluation.
func (ev *evaluator) childVariable(m *modInst, v *variable) cty.Value {
	if m.parent == nil {
		return unknownOrDefault(v)
	}
	a, ok := m.call.inputs[v.name]
	if !ok {
		if v.def == cty.NilVal {
			ev.diags = append(ev.diags, hclErr(m.call.rng.Ptr(), "Missing required argument",
				"The argument %q is required by %s (%s), but no definition was found; its value is unknown.", v.name, m.addr, m.cfg.dir))
			return cty.UnknownVal(v.typ)
		}
		return v.def
	}
	val := ev.eval(m.callScope, a.Expr)
	return ev.finishVariable(v, val, a.Expr.Range())
}

// finishVariable applies a variable's defaults, nullability and type.
func (ev *evaluator) finishVariable(v *variable, val cty.Value, rng hcl.Range) cty.Value {
	if val.IsNull() && val.IsKnown() {
		if !v.nullable && v.def != cty.NilVal {
			return v.def
		}
		if !v.nullable {
			ev.diags = append(ev.diags, hclErr(&rng, "Invalid value for variable", "var.%s is not nullable.", v.name))
		}
	}
	if v.defaults != nil {
		val = v.defaults.Apply(val)
	}
	conv, err := convertTo(val, v.typ)
	if err != nil {
		ev.diags = append(ev.diags, hclErr(&rng, "Invalid value for input variable",
			"The given value is not suitable for var.%s declared at %s: %v.", v.name, v.rng, err))
		return cty.UnknownVal(v.typ)
	}
	return conv
}

func unknownOrDefault(v *variable) cty.Value {
	if v.def != cty.NilVal {
		return v.def
	}
	return cty.UnknownVal(v.typ)
}

// local returns local.name in the module of sc.
func (ev *evaluator) local(sc *scope, name string, subject *hcl.Range) cty.Value {
	m := sc.m
	n, ok := m.locals[name]
	if ok && n.state == done {
		return n.val
	}
	a := m.cfg.locals[name]
	if a == nil {
		ev.diags = append(ev.diags, hclErr(subject, "Reference to undeclared local value",
			"A local value with the name %q has not been declared in %s.", name, moduleName(m)))
		return cty.DynamicVal
	}
	if !ok {
		n = &node{}
		m.locals[name] = n
	}
	if n.state == running {
		ev.diags = append(ev.diags, hclErr(a.NameRange.Ptr(), "Cycle in local values", "local.%s depends on itself.", name))
		return cty.DynamicVal
	}
	n.state = running
	n.val = ev.eval(&scope{m: m}, a.Expr)
	n.state = done
	return n.val
}

// output returns the value of output name of module instance m.
func (ev *evaluator) output(m *modInst, name string) cty.Value {
	n, ok := m.outputs[name]
	if ok && n.state == done {
		return n.val
	}
	a := m.cfg.outputs[name]
	if a == nil {
		return cty.DynamicVal
	}
	if !ok {
		n = &node{}
		m.outputs[name] = n
	}
	if n.state == running {
		ev.diags = append(ev.diags, hclErr(a.NameRange.Ptr(), "Cycle in module outputs", "output %q of %s depends on itself.", name, m.addr))
		return cty.DynamicVal
	}
	n.state = running
	n.val = ev.eval(&scope{m: m}, a.Expr)
	n.state = done
	return n.val
}

// resource expands and evaluates a resource or data block of m.
func (ev *evaluator) resource(m *modInst, b *block) *resNode {
	rn, ok := m.blocks[b.key()]
	if ok {
		if rn.state == running {
			ev.diags = append(ev.diags, hclErr(b.rng.Ptr(), "Cycle in references", "%s depends on itself.", addrOf(m, b.key(), instanceKey{})))
		}
		return rn
	}
	rn = &resNode{blk: b, state: running}
	m.blocks[b.key()] = rn
	defer func() { rn.state = done }()
	if !ev.enter(b.rng) {
		return rn
	}
	defer ev.leave()
	rn.exp = ev.expand(&scope{m: m}, b.count, b.forEach, b.key())
	if b.mode == managed {
		if ev.nResources+len(rn.exp.keys) > ev.limits.MaxResources {
			ev.limit(b.rng.Ptr(), "Too many resource instances",
				"The module expands to more than %d resource instances; onus stopped evaluating it.", ev.limits.MaxResources)
			return rn
		}
		ev.nResources += len(rn.exp.keys)
	}
	for i, k := range rn.exp.keys {
		if ev.halted() {
			return rn
		}
		sc := rn.exp.scope(m, i)
		inst := &instance{key: k, scope: sc, out: &bodyOut{locs: resource.MapLocator{}, refs: map[string][]string{}}}
		ctx := ev.context(sc, bodyTraversals(b.body))
		inst.obj = ev.evalBody(sc, b.body, ctx, nil, inst.out, true)
		if b.mode == dataMode {
			switch b.typ {
			case "aws_iam_policy_document":
				inst.obj = ev.policyDocument(b, inst.obj)
			case "google_iam_policy":
				inst.obj = ev.googlePolicy(b, inst.obj)
			}
		}
		rn.insts = append(rn.insts, inst)
	}
	return rn
}

// instanceValue is the value a reference to an instance reads: its
// configuration, plus the attributes in attrs the configuration does not
// set, as unknown values (the provider computes them).
func instanceValue(inst *instance, attrs map[string]bool) cty.Value {
	v := inst.obj
	if len(attrs) == 0 || !v.IsKnown() || v.IsNull() || !v.Type().IsObjectType() {
		return v
	}
	var vals map[string]cty.Value
	for a := range attrs {
		if v.Type().HasAttribute(a) {
			continue
		}
		if vals == nil {
			vals = v.AsValueMap()
			if vals == nil {
				vals = map[string]cty.Value{}
			}
		}
		vals[a] = cty.DynamicVal
	}
	if vals == nil {
		return v
	}
	return cty.ObjectVal(vals)
}

// resourceValue returns what a reference to typ.name reads: one instance,
// a tuple of instances (count) or an object of them (for_each).
func (ev *evaluator) resourceValue(m *modInst, typ, name string, attrs map[string]bool, subject *hcl.Range) cty.Value {
	b := m.cfg.blocks[typ+"."+name]
	if b == nil {
		ev.diags = append(ev.diags, hclErr(subject, "Reference to undeclared resource",
			"A managed resource %q %q has not been declared in %s.", typ, name, moduleName(m)))
		return cty.DynamicVal
	}
	rn := ev.resource(m, b)
	if rn.state == running {
		return cty.DynamicVal
	}
	return expansionValue(rn.exp, len(rn.insts), func(i int) cty.Value { return instanceValue(rn.insts[i], attrs) })
}

// expansionValue assembles instance values the way Terraform presents a
// block: the instance itself, a tuple (count) or an object (for_each).
func expansionValue(exp expansion, n int, inst func(i int) cty.Value) cty.Value {
	switch exp.mode {
	case expandUnknown:
		return cty.DynamicVal
	case expandSingle:
		if n == 0 {
			return cty.DynamicVal
		}
		return inst(0)
	case expandCount:
		vals := make([]cty.Value, n)
		for i := range n {
			vals[i] = inst(i)
		}
		return cty.TupleVal(vals)
	default:
		vals := make(map[string]cty.Value, n)
		for i := range n {
			vals[exp.keys[i].s] = inst(i)
		}
		return cty.ObjectVal(vals)
	}
}

// dataValue returns what a reference to data.typ.name reads. Data sources
// are read by Terraform from the provider, so their attributes are
// unknown, except aws_iam_policy_document and google_iam_policy, which
// onus renders.
func (ev *evaluator) dataValue(m *modInst, typ, name string, subject *hcl.Range) cty.Value {
	b := m.cfg.blocks["data."+typ+"."+name]
	if b == nil {
		ev.diags = append(ev.diags, hclErr(subject, "Reference to undeclared resource",
			"A data resource %q %q has not been declared in %s.", typ, name, moduleName(m)))
		return cty.DynamicVal
	}
	if typ != "aws_iam_policy_document" && typ != "google_iam_policy" {
		return cty.DynamicVal
	}
	rn := ev.resource(m, b)
	if rn.state == running {
		return cty.DynamicVal
	}
	return expansionValue(rn.exp, len(rn.insts), func(i int) cty.Value { return rn.insts[i].obj })
}

// addrOf builds a resource instance address.
func addrOf(m *modInst, blockKey string, k instanceKey) string {
	a := blockKey + k.String()
	if m.addr != "" {
		a = m.addr + "." + a
	}
	return a
}

// idOf is the resource id: the root module directory and the address.
func (ev *evaluator) idOf(addr string) string { return ev.rootDir + "::" + addr }

func (ev *evaluator) diagnostics() source.Diagnostics {
	seen := map[string]bool{}
	var out source.Diagnostics
	for _, d := range ev.diags {
		sd := convertDiag(d)
		key := string(sd.Severity) + "\x00" + sd.Error()
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, sd)
	}
	return out
}

// joinDir joins a module source path to the directory of its caller and
// reports whether the result stays inside the scan root.
func joinDir(dir, rel string) (string, bool) {
	p := path.Clean(path.Join(dir, rel))
	if p == ".." || strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/") {
		return p, false
	}
	return p, true
}
