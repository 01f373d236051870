package arm

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/loader/yamlnode"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// MaxCopy bounds the iterations of one copy loop.
const MaxCopy = 800

// template is one ARM template being evaluated.
type template struct {
	file   string
	root   *yaml.Node
	diags  source.Diagnostics
	budget int

	params map[string]*slot
	vars   map[string]*slot
	loops  map[string]int // active copy loops by lower-case name
	inner  string         // the innermost active loop

	instances []*instance
	index     map[string]string // resource key → id
	byName    map[string]string // lower-case name or symbolic name → id
	exhausted bool

	// top is the template of the file; nested deployments' templates
	// share its index and add their instances and diagnostics to it.
	top    *template
	depth  int    // nesting of deployments
	module string // the address of the deployment a nested template belongs to
}

// MaxNesting bounds nested deployments.
const MaxNesting = 8

// slot is a parameter or variable, evaluated once on first use.
type slot struct {
	node  *yaml.Node
	val   any
	state int // 0 unevaluated, 1 evaluating, 2 done
	known bool
}

// instance is one resource to create (one iteration of a copy loop).
type instance struct {
	node     *yaml.Node
	key      *yaml.Node // the symbolic name key (languageVersion 2.0)
	typ      string     // full type: Microsoft.Network/networkSecurityGroups/securityRules
	name     string     // full name, or the expression that computes it
	known    bool       // the name is known
	symbolic string
	tpl      *template // the template whose parameters and variables it reads
	parent   *instance
	loops    map[string]int
	inner    string
	id       string
	address  string
}

var errUndefined = errors.New("undefined")

func newTemplate(file string, root *yaml.Node, size int, opts Options) *template {
	t := &template{
		file:   file,
		root:   root,
		budget: max(100_000, 2*size),
		params: map[string]*slot{},
		vars:   map[string]*slot{},
		loops:  map[string]int{},
		index:  map[string]string{},
		byName: map[string]string{},
	}
	t.top = t
	_, ps := lookup(root, "parameters")
	for _, kv := range yamlnode.Pairs(ps) {
		name := strings.ToLower(kv[0].Value)
		s := &slot{}
		switch {
		case opts.Unknown[name]:
			s.state, s.val = 2, unknownV{repr: "parameters('" + kv[0].Value + "')"}
		case hasKey(opts.Params, name):
			s.state, s.val, s.known = 2, opts.Params[name], true
		default:
			_, s.node = lookup(kv[1], "defaultValue")
			if s.node == nil {
				s.state, s.val = 2, unknownV{repr: "parameters('" + kv[0].Value + "')"}
			}
		}
		t.params[name] = s
	}
	_, vs := lookup(root, "variables")
	for _, kv := range yamlnode.Pairs(vs) {
		if kv[0].Value == "copy" {
			t.variableCopies(kv[1])
			continue
		}
		t.vars[strings.ToLower(kv[0].Value)] = &slot{node: kv[1]}
	}
	return t
}

func hasKey(m map[string]any, k string) bool { _, ok := m[k]; return ok }

// variableCopies registers the arrays of a variables "copy" section.
func (t *template) variableCopies(n *yaml.Node) {
	n = yamlnode.Deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		t.errorf(n, "invalid template", "variables.copy must be an array of {name, count, input}")
		return
	}
	for _, c := range n.Content {
		_, nameNode := lookup(c, "name")
		name, _ := yamlnode.PlainScalar(nameNode)
		if name == "" {
			t.errorf(c, "invalid template", "a copy loop needs a name")
			continue
		}
		t.vars[strings.ToLower(name)] = &slot{node: c, state: -1}
	}
}

// env

func (t *template) parameter(name string) (any, error) {
	s, ok := t.params[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("parameter %q is not defined: %w", name, errUndefined)
	}
	return t.resolve(s, "parameter", name)
}

func (t *template) variable(name string) (any, error) {
	s, ok := t.vars[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("variable %q is not defined: %w", name, errUndefined)
	}
	if s.state == -1 {
		s.state = 1
		s.val = t.copyArray(s.node, name)
		s.state = 2
		return s.val, nil
	}
	return t.resolve(s, "variable", name)
}

func (t *template) resolve(s *slot, what, name string) (any, error) {
	switch s.state {
	case 2:
		return loader.Clone(s.val), nil
	case 1:
		return nil, fmt.Errorf("%s %q depends on itself: %w", what, name, errUndefined)
	}
	s.state = 1
	saved, savedInner := t.loops, t.inner
	t.loops, t.inner = map[string]int{}, ""
	s.val = t.value(s.node, nil, nil, false, 0)
	t.loops, t.inner = saved, savedInner
	s.state = 2
	return loader.Clone(s.val), nil
}

func (t *template) copyIndex(loop string) (int, error) {
	if loop == "" {
		loop = t.inner
	}
	i, ok := t.loops[strings.ToLower(loop)]
	if !ok {
		if loop == "" {
			return 0, fmt.Errorf("copyIndex() is used outside a copy loop")
		}
		return 0, fmt.Errorf("copyIndex(%q) names no enclosing copy loop", loop)
	}
	return i, nil
}

func (t *template) resourceKey(typ string, names []any) string {
	parts := make([]string, len(names))
	for i, n := range names {
		if s, ok := n.(string); ok {
			parts[i] = s
		} else {
			parts[i] = repr(n)
		}
	}
	return strings.ToLower(typ + "|" + strings.Join(parts, "/"))
}

// lookupName resolves a resource name, symbolic name or resource id.
func (t *template) lookupName(name string) string {
	if _, rest, ok := strings.Cut(strings.ToLower(name), "/providers/"); ok {
		segs := strings.Split(strings.Trim(rest, "/"), "/")
		if len(segs) >= 3 && len(segs)%2 == 1 {
			typ := segs[0]
			var names []string
			for i := 1; i < len(segs); i += 2 {
				typ += "/" + segs[i]
				names = append(names, segs[i+1])
			}
			return t.index[typ+"|"+strings.Join(names, "/")]
		}
		return ""
	}
	return t.byName[strings.ToLower(name)]
}

var _ env = (*template)(nil)

// diagnostics

func (t *template) at(n *yaml.Node) *source.Range {
	if n == nil {
		return &source.Range{Filename: t.file}
	}
	return source.At(t.file, n.Line, n.Column)
}

func (t *template) errorf(n *yaml.Node, summary, format string, args ...any) {
	t.top.diags = append(t.top.diags, source.Errorf(t.at(n), summary, format, args...))
}

func (t *template) warn(n *yaml.Node, summary, format string, args ...any) {
	t.top.diags = append(t.top.diags, source.Warningf(t.at(n), summary, format, args...))
}

// recorder collects a resource's attribute locations, refs and unknowns.
type recorder struct {
	locs    resource.MapLocator
	refs    map[string][]string
	unknown []string
}

func (r *recorder) ref(p resource.Path, id string) {
	if r == nil || id == "" {
		return
	}
	k := p.String()
	if !slices.Contains(r.refs[k], id) {
		r.refs[k] = append(r.refs[k], id)
	}
}

// refsIn records the resources an evaluated value points at.
func (t *template) refsIn(v any, p resource.Path, rec *recorder) {
	if rec == nil {
		return
	}
	switch x := v.(type) {
	case unknownV:
		if x.target != "" {
			rec.ref(p, t.index[x.target])
		}
	case []any:
		for _, e := range x {
			t.refsIn(e, p, rec)
		}
	case map[string]any:
		for _, e := range x {
			t.refsIn(e, p, rec)
		}
	}
}

// expr evaluates a string that may be an expression.
func (t *template) expr(n *yaml.Node, s string, p resource.Path, rec *recorder) any {
	src, lit, ok := isExpression(s)
	if !ok {
		return lit
	}
	ast, err := parseExpr(src)
	if err != nil {
		t.errorf(n, "invalid expression", "%s: %v", s, err)
		return unknownV{repr: src}
	}
	v, err := evalNode(t, ast, 0)
	if err != nil {
		if errors.Is(err, errUndefined) {
			t.errorf(n, "invalid expression", "%v", err)
		} else {
			t.warn(n, "expression not evaluated", "%v; the value is treated as unknown", err)
		}
		return unknownV{repr: ast.String()}
	}
	t.refsIn(v, p, rec)
	return v
}

// value evaluates a JSON node. With top set, p is the attribute path and
// every key and item below is recorded (location, unknown); unknown values
// are left out of maps and nulled in lists. Without it, unknownV values
// stay in place for the caller.
func (t *template) value(n *yaml.Node, p resource.Path, rec *recorder, top bool, depth int) any {
	n = yamlnode.Deref(n)
	if n == nil {
		return nil
	}
	t.budget--
	if t.budget < 0 || depth > yamlnode.MaxDepth {
		if !t.exhausted {
			t.exhausted = true
			t.errorf(n, "template refused", "%v", yamlnode.ErrTooLarge)
		}
		return unknownV{repr: "…"}
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "copy" && top && yamlnode.Deref(v) != nil && yamlnode.Deref(v).Kind == yaml.SequenceNode {
				t.propertyCopies(v, m, p, rec, depth)
				continue
			}
			cp := p
			if top {
				cp = p.Append(resource.Key(k.Value))
				if rec != nil {
					rec.locs[cp.String()] = yamlnode.RangeOf(t.file, k, v)
				}
			}
			x := t.value(v, cp, rec, top, depth+1)
			if _, u := x.(unknownV); u && top {
				if rec != nil {
					rec.unknown = appendUnique(rec.unknown, cp.String())
				}
				continue
			}
			m[k.Value] = x
		}
		return m
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			cp := p
			if top {
				cp = p.Append(resource.Index(len(l)))
				if rec != nil {
					rec.locs[cp.String()] = yamlnode.RangeOf(t.file, nil, e)
				}
			}
			x := t.value(e, cp, rec, top, depth+1)
			if _, u := x.(unknownV); u && top {
				if rec != nil {
					rec.unknown = appendUnique(rec.unknown, cp.String())
				}
				x = nil
			}
			l = append(l, x)
		}
		return l
	}
	v := yamlnode.Scalar(n)
	if s, ok := v.(string); ok && n.Tag == "!!str" {
		v = t.expr(n, s, p, rec)
		if _, u := v.(unknownV); !u && top {
			return settle(v, p, rec)
		}
	}
	return v
}

// settle removes unknown values from an evaluated attribute, recording
// their paths (loader.Settle).
func settle(v any, p resource.Path, rec *recorder) any {
	return loader.Settle(v, p, func(e any) bool { _, u := e.(unknownV); return u }, func(cp resource.Path) {
		if rec != nil {
			rec.unknown = appendUnique(rec.unknown, cp.String())
		}
	})
}

func isUnknownV(v any) bool { _, ok := v.(unknownV); return ok }

func appendUnique(l []string, s string) []string {
	if slices.Contains(l, s) {
		return l
	}
	return append(l, s)
}

// copySpec reads {name, count, input} of a copy loop.
func (t *template) copySpec(c *yaml.Node) (name string, count int, input *yaml.Node, ok bool) {
	_, nameNode := lookup(c, "name")
	name, _ = yamlnode.PlainScalar(nameNode)
	_, countNode := lookup(c, "count")
	_, input = lookup(c, "input")
	if name == "" || countNode == nil {
		t.errorf(c, "invalid template", "a copy loop needs a name and a count")
		return "", 0, nil, false
	}
	cv := t.value(countNode, nil, nil, false, 0)
	n, isInt := toInt(cv)
	switch {
	case isUnknown(cv):
		t.warn(countNode, "copy loop not expanded", "the count of %s is known only at deployment; its items are not scanned", name)
		return name, 0, input, false
	case !isInt || n < 0:
		t.errorf(countNode, "invalid template", "the count of %s is %s, not a non-negative integer", name, typeName(cv))
		return name, 0, input, false
	case n > MaxCopy:
		t.errorf(countNode, "invalid template", "the count of %s is %d, over ARM's limit of %d", name, n, MaxCopy)
		return name, 0, input, false
	}
	return name, n, input, true
}

// withLoop runs fn with copy loop name at index i.
func (t *template) withLoop(name string, i int, fn func()) {
	key := strings.ToLower(name)
	prev, had := t.loops[key]
	prevInner := t.inner
	t.loops[key], t.inner = i, name
	fn()
	if had {
		t.loops[key] = prev
	} else {
		delete(t.loops, key)
	}
	t.inner = prevInner
}

// copyArray evaluates a variables copy loop into an array.
func (t *template) copyArray(c *yaml.Node, name string) any {
	_, n, input, ok := t.copySpec(c)
	if !ok {
		return unknownV{repr: "variables('" + name + "')"}
	}
	out := make([]any, 0, n)
	for i := range n {
		t.withLoop(name, i, func() { out = append(out, t.value(input, nil, nil, false, 1)) })
	}
	return out
}

// propertyCopies expands a properties "copy" array: each {name, count,
// input} becomes the array property name, located at the input's line.
func (t *template) propertyCopies(n *yaml.Node, m map[string]any, p resource.Path, rec *recorder, depth int) {
	for _, c := range yamlnode.Deref(n).Content {
		name, count, input, ok := t.copySpec(c)
		if name == "" {
			continue
		}
		cp := p.Append(resource.Key(name))
		if rec != nil {
			rec.locs[cp.String()] = yamlnode.RangeOf(t.file, nil, c)
		}
		if !ok {
			if rec != nil {
				rec.unknown = appendUnique(rec.unknown, cp.String())
			}
			continue
		}
		items := make([]any, 0, count)
		for i := range count {
			ip := cp.Append(resource.Index(i))
			if rec != nil {
				rec.locs[ip.String()] = yamlnode.RangeOf(t.file, nil, input)
			}
			t.withLoop(name, i, func() {
				x := t.value(input, ip, rec, true, depth+1)
				if _, u := x.(unknownV); u {
					if rec != nil {
						rec.unknown = appendUnique(rec.unknown, ip.String())
					}
					x = nil
				}
				items = append(items, x)
			})
		}
		m[name] = items
	}
}

// resources expands and builds every resource of the template.
func (t *template) resources(ctx context.Context) []*resource.Resource {
	_, res := lookup(t.root, "resources")
	res = yamlnode.Deref(res)
	if res == nil {
		t.warn(t.root, "no resources", "the template has no resources")
		return nil
	}
	switch res.Kind {
	case yaml.SequenceNode:
		for _, r := range res.Content {
			t.expand(r, nil, nil)
		}
	case yaml.MappingNode: // languageVersion 2.0: symbolic name → resource
		for _, kv := range yamlnode.Pairs(res) {
			t.expand(kv[1], kv[0], nil)
		}
	default:
		t.errorf(res, "invalid template", "resources must be an array (or an object of symbolic names)")
		return nil
	}
	var out []*resource.Resource
	for _, in := range t.instances {
		if ctx.Err() != nil || t.exhausted {
			break
		}
		out = append(out, in.tpl.build(in))
	}
	return out
}

// expand registers the instances of a resource (one per copy iteration)
// and of its nested child resources.
func (t *template) expand(n, key *yaml.Node, parent *instance) {
	n = yamlnode.Deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		t.errorf(n, "invalid resource", "a resource is an object with a type and a name")
		return
	}
	if _, ex := lookup(n, "existing"); ex != nil && ex.Value == "true" {
		return // declared elsewhere; only referenced here
	}
	_, copyNode := lookup(n, "copy")
	if copyNode == nil {
		t.instance(n, key, parent)
		return
	}
	name, count, _, ok := t.copySpec(copyNode)
	if !ok {
		return
	}
	for i := range count {
		t.withLoop(name, i, func() { t.instance(n, key, parent) })
	}
}

func (t *template) instance(n, key *yaml.Node, parent *instance) {
	if _, cond := lookup(n, "condition"); cond != nil {
		if b, ok := t.value(cond, nil, nil, false, 0).(bool); ok && !b {
			return
		}
	}
	_, typeNode := lookup(n, "type")
	_, nameNode := lookup(n, "name")
	typ, _ := t.value(typeNode, nil, nil, false, 0).(string)
	if typ == "" {
		t.errorf(n, "invalid resource", "the resource has no type")
		return
	}
	if typ, _, _ = strings.Cut(typ, "@"); typ == "" { // Bicep-style type@version
		return
	}
	nameV := t.value(nameNode, nil, nil, false, 0)
	if nameNode == nil {
		t.errorf(n, "invalid resource", "the %s resource has no name", typ)
		return
	}
	name, known := nameV.(string)
	if !known {
		name = "[" + repr(nameV) + "]"
	}
	in := &instance{node: n, key: key, tpl: t, parent: parent, loops: maps.Clone(t.loops), inner: t.inner, name: name, known: known, typ: typ}
	if key != nil {
		in.symbolic = key.Value
	}
	if parent != nil {
		if !strings.Contains(typ, "/") {
			in.typ = parent.typ + "/" + typ
		}
		if !strings.Contains(name, "/") || !known {
			in.name = parent.name + "/" + name
		}
		in.known = known && parent.known
	}
	in.address = address(in.typ, in.name)
	in.id = t.file + "#" + in.address
	if _, dup := t.index[t.keyOf(in)]; dup {
		in.id = fmt.Sprintf("%s#%d", in.id, len(t.top.instances))
	}
	t.index[t.keyOf(in)] = in.id
	if _, taken := t.byName[strings.ToLower(in.name)]; !taken {
		t.byName[strings.ToLower(in.name)] = in.id
	}
	if in.symbolic != "" {
		t.byName[strings.ToLower(in.symbolic)] = in.id
	}
	t.top.instances = append(t.top.instances, in)
	if strings.EqualFold(in.typ, "Microsoft.Resources/deployments") {
		t.nested(in)
	}
	_, children := lookup(n, "resources")
	children = yamlnode.Deref(children)
	if children != nil && children.Kind == yaml.SequenceNode {
		for _, c := range children.Content {
			t.expand(c, nil, in)
		}
	}
}

// nested expands the inline template of a Microsoft.Resources/deployments
// resource. With the default "outer" scope its expressions read the
// enclosing template's parameters and variables; with "inner" they read
// its own, whose values the deployment's parameters give. A templateLink
// is not followed.
func (t *template) nested(in *instance) {
	_, props := lookup(in.node, "properties")
	_, tpl := lookup(props, "template")
	tpl = yamlnode.Deref(tpl)
	if tpl == nil || tpl.Kind != yaml.MappingNode {
		return
	}
	if t.depth+1 > MaxNesting {
		t.warn(tpl, "nested deployment not expanded", "deployments nest deeper than %d", MaxNesting)
		return
	}
	_, eo := lookup(props, "expressionEvaluationOptions")
	_, scope := lookup(eo, "scope")
	var child *template
	if s, _ := yamlnode.PlainScalar(scope); strings.EqualFold(s, "inner") {
		opts := Options{Params: map[string]any{}, Unknown: map[string]bool{}}
		_, ps := lookup(props, "parameters")
		for _, kv := range yamlnode.Pairs(ps) {
			name := strings.ToLower(kv[0].Value)
			_, v := lookup(kv[1], "value")
			if v == nil {
				opts.Unknown[name] = true // a Key Vault reference
				continue
			}
			val := t.value(v, nil, nil, false, 0)
			if isUnknown(val) {
				opts.Unknown[name] = true
				continue
			}
			opts.Params[name] = val
		}
		child = newTemplate(t.file, tpl, 0, opts)
	} else {
		child = newTemplate(t.file, tpl, 0, Options{})
		child.params, child.vars = t.params, t.vars
	}
	child.top, child.index, child.byName = t.top, t.index, t.byName
	child.depth, child.module = t.depth+1, in.address
	child.budget = t.budget
	_, res := lookup(tpl, "resources")
	res = yamlnode.Deref(res)
	if res == nil {
		return
	}
	switch res.Kind {
	case yaml.SequenceNode:
		for _, r := range res.Content {
			child.expand(r, nil, nil)
		}
	case yaml.MappingNode:
		for _, kv := range yamlnode.Pairs(res) {
			child.expand(kv[1], kv[0], nil)
		}
	}
}

func (t *template) keyOf(in *instance) string { return strings.ToLower(in.typ + "|" + in.name) }

// address names a resource as its id's provider path does:
// Microsoft.Network/networkSecurityGroups/nsg/securityRules/rule.
func address(typ, name string) string {
	segs := strings.Split(typ, "/")
	names := strings.Split(name, "/")
	if len(segs) < 2 || len(names) != len(segs)-1 {
		return typ + "/" + name
	}
	var b strings.Builder
	b.WriteString(segs[0])
	for i, s := range segs[1:] {
		b.WriteString("/" + s + "/" + names[i])
	}
	return b.String()
}

// resourceKeys are the resource-level keys kept under attrs._resource.
var resourceKeys = []string{"location", "sku", "kind", "identity", "tags", "zones", "plan", "apiVersion", "dependsOn", "scope", "extendedLocation", "managedBy", "comments", "condition"}

// build evaluates one instance's attributes.
func (t *template) build(in *instance) *resource.Resource {
	t.loops, t.inner = maps.Clone(in.loops), in.inner
	defer func() { t.loops, t.inner = map[string]int{}, "" }()
	rec := &recorder{locs: resource.MapLocator{}, refs: map[string][]string{}}
	attrs := map[string]any{}
	if _, props := lookup(in.node, "properties"); props != nil {
		if strings.EqualFold(in.typ, "Microsoft.Resources/deployments") && yamlnode.Deref(props).Kind == yaml.MappingNode {
			// the inline template's resources are resources of their own
			// (see nested); its text is not an attribute of the deployment
			for _, kv := range yamlnode.Pairs(props) {
				p := resource.Path{resource.Key(kv[0].Value)}
				rec.locs[p.String()] = yamlnode.RangeOf(t.file, kv[0], kv[1])
				if strings.EqualFold(kv[0].Value, "template") {
					continue
				}
				if v := t.value(kv[1], p, rec, true, 0); !isUnknownV(v) {
					attrs[kv[0].Value] = v
				} else {
					rec.unknown = appendUnique(rec.unknown, p.String())
				}
			}
		} else {
			switch v := t.value(props, nil, rec, true, 0).(type) {
			case map[string]any:
				attrs = v
			case unknownV:
				rec.unknown = append(rec.unknown, "")
			}
		}
	}
	res := map[string]any{}
	for _, kv := range yamlnode.Pairs(in.node) {
		k := kv[0].Value
		if !slices.Contains(resourceKeys, k) {
			continue
		}
		p := resource.Path{resource.Key(ResourceKey), resource.Key(k)}
		rec.locs[p.String()] = yamlnode.RangeOf(t.file, kv[0], kv[1])
		if k == "dependsOn" {
			res[k] = t.dependsOn(kv[1], p, rec)
			continue
		}
		if v := t.value(kv[1], p, rec, true, 0); !isUnknown(v) {
			res[k] = v
		} else {
			rec.unknown = appendUnique(rec.unknown, p.String())
		}
	}
	if in.parent != nil {
		rec.ref(resource.Path{resource.Key(ResourceKey), resource.Key("parent")}, in.parent.id)
	}
	if len(res) > 0 {
		attrs[ResourceKey] = res
	}
	rangeStart := in.key
	r := &resource.Resource{
		ID:       in.id,
		Kind:     resource.ARM,
		Provider: Provider,
		Type:     in.typ,
		Name:     in.name,
		Address:  in.address,
		Labels:   labels(res["tags"]),
		Attrs:    attrs,
		Range:    yamlnode.RangeOf(t.file, rangeStart, in.node),
		Locs:     rec.locs,
	}
	if in.parent != nil {
		r.Module = in.parent.address
	} else if t.module != "" {
		r.Module = t.module
	}
	if !in.known {
		rec.unknown = appendUnique(rec.unknown, "_resource.name")
	}
	if len(rec.refs) > 0 {
		r.Refs = rec.refs
	}
	if len(rec.unknown) > 0 {
		sort.Strings(rec.unknown)
		r.Unknown = rec.unknown
	}
	r.Suppressions = t.metadataSuppressions(in.node)
	return r
}

// dependsOn resolves each entry (a name, a resource id expression or a
// symbolic name) to a resource of the template.
func (t *template) dependsOn(n *yaml.Node, p resource.Path, rec *recorder) any {
	n = yamlnode.Deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []any
	for _, e := range n.Content {
		v := t.value(e, p, rec, false, 0)
		switch x := v.(type) {
		case string:
			out = append(out, x)
			if id := t.lookupName(x); id != "" {
				rec.ref(p, id)
			} else if id := t.byTypeAndName(x); id != "" {
				rec.ref(p, id)
			} else {
				t.warn(e, "unresolved reference", "dependsOn names %q, which is not a resource of this template", x)
			}
		case unknownV:
			out = append(out, "["+x.repr+"]")
		}
	}
	return out
}

// byTypeAndName resolves "Microsoft.Network/networkSecurityGroups/nsg".
func (t *template) byTypeAndName(s string) string {
	segs := strings.Split(s, "/")
	if len(segs) < 3 || len(segs)%2 == 0 {
		return ""
	}
	typ := segs[0] + "/" + segs[1]
	names := []string{segs[2]}
	for i := 3; i+1 < len(segs); i += 2 {
		typ += "/" + segs[i]
		names = append(names, segs[i+1])
	}
	return t.index[strings.ToLower(typ+"|"+strings.Join(names, "/"))]
}

func labels(v any) map[string]string {
	m, ok := v.(map[string]any)
	if !ok || len(m) == 0 {
		return nil
	}
	out := map[string]string{}
	for k, x := range m {
		if s, err := toString(x); err == nil && x != nil {
			out[k] = s
		}
	}
	return out
}

// metadataSuppressions reads "metadata": {"onus": {"ignore": [{rule,
// reason, expires}]}} and a "comments" string holding onus:ignore.
func (t *template) metadataSuppressions(n *yaml.Node) []resource.Suppression {
	var out []resource.Suppression
	if _, c := lookup(n, "comments"); c != nil {
		if s, ok := yamlnode.PlainScalar(c); ok {
			if sup, ok := resource.ParseSuppression(s, *t.at(c)); ok {
				out = append(out, sup)
			}
		}
	}
	_, md := lookup(n, "metadata")
	_, onus := lookup(md, "onus")
	_, ign := lookup(onus, "ignore")
	return append(out, yamlnode.Suppressions(ign, func(n *yaml.Node) source.Range { return *t.at(n) })...)
}

// assignComments gives each "// onus:ignore" comment to the innermost
// resource whose range holds it, or to the resource that starts on the
// next lines.
func (t *template) assignComments(comments []yamlnode.Comment, rs []*resource.Resource) {
	for _, c := range comments {
		if !strings.Contains(c.Text, resource.SuppressionMarker) {
			continue
		}
		sup, ok := resource.ParseSuppression(c.Text, *source.At(t.file, c.Line, c.Col))
		if !ok {
			continue
		}
		var best *resource.Resource
		for _, r := range rs {
			if r.Range.Start.Line <= c.Line && c.Line <= r.Range.End.Line {
				if best == nil || r.Range.Start.Line >= best.Range.Start.Line {
					best = r
				}
			}
		}
		if best == nil {
			for _, r := range rs {
				if r.Range.Start.Line > c.Line && (best == nil || r.Range.Start.Line < best.Range.Start.Line) {
					best = r
				}
			}
		}
		if best != nil {
			best.Suppressions = append(best.Suppressions, sup)
		} else {
			t.diags = append(t.diags, source.Warningf(&sup.Range, "inline waiver applies to nothing", "no resource follows this comment"))
		}
	}
}

// helpers over nodes

func lookup(n *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	n = yamlnode.Deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if strings.EqualFold(n.Content[i].Value, key) {
			return n.Content[i], n.Content[i+1]
		}
	}
	return nil, nil
}
