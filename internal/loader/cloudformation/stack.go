package cloudformation

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/loader/yamlnode"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// stack is one template being evaluated: the root template or a nested
// stack under an address prefix.
type stack struct {
	file     string // root-relative file of this template
	prefix   string // address prefix of nested stacks: "Network."
	idBase   string // "<root file>#"
	budget   int    // evaluation steps left (bounds alias expansion)
	readFile func(string) ([]byte, error)
	diags    *source.Diagnostics
	chain    []string // files of the enclosing stacks, for cycles

	root      *yaml.Node
	params    map[string]param
	conds     map[string]*yaml.Node
	condState map[string]int // 0 unvisited, 1 in progress, 2 done
	condVal   map[string]any
	mappings  *yaml.Node
	resKeys   map[string]*yaml.Node
	resVals   map[string]*yaml.Node
	order     []string
	globals   *yaml.Node
	exhausted bool
}

// param is a template parameter's value: known, or unknown before
// deployment.
type param struct {
	val   any
	known bool
}

func (s *stack) init(root *yaml.Node, values map[string]string, unknown map[string]bool, paramsFile string) {
	s.root = root
	s.params = map[string]param{}
	s.conds = map[string]*yaml.Node{}
	s.condState = map[string]int{}
	s.condVal = map[string]any{}
	s.resKeys = map[string]*yaml.Node{}
	s.resVals = map[string]*yaml.Node{}
	declared := map[string]bool{}
	_, ps := lookup(root, "Parameters")
	for _, kv := range yamlnode.Pairs(ps) {
		name := kv[0].Value
		declared[name] = true
		typ := ""
		if _, t := lookup(kv[1], "Type"); t != nil {
			typ, _ = yamlnode.PlainScalar(t)
		}
		p := param{}
		switch {
		case unknown[name]:
		case hasKey(values, name):
			p = param{val: paramValue(typ, values[name]), known: true}
		case strings.HasPrefix(typ, "AWS::SSM::Parameter::Value"):
			// the default names an SSM parameter; its value is read at deploy time
		default:
			if _, def := lookup(kv[1], "Default"); def != nil {
				v := s.eval(def, nil, nil, false, 0)
				if _, isUnknown := v.(unknownT); !isUnknown {
					if str, ok := v.(string); ok {
						v = paramValue(typ, str)
					}
					p = param{val: v, known: true}
				}
			}
		}
		s.params[name] = p
	}
	if paramsFile != "" {
		var extra []string
		for k := range values {
			if !declared[k] {
				extra = append(extra, k)
			}
		}
		sort.Strings(extra)
		for _, k := range extra {
			*s.diags = append(*s.diags, source.Warningf(&source.Range{Filename: paramsFile}, "unused parameter", "%s is not a parameter of %s", k, s.file))
		}
	}
	_, cs := lookup(root, "Conditions")
	for _, kv := range yamlnode.Pairs(cs) {
		s.conds[kv[0].Value] = kv[1]
	}
	_, s.mappings = lookup(root, "Mappings")
	_, s.globals = lookup(root, "Globals")
	_, res := lookup(root, "Resources")
	res = yamlnode.Deref(res)
	if res == nil {
		s.warn(root, "no resources", "the template has no Resources section")
		return
	}
	if res.Kind != yaml.MappingNode {
		_, version := lookup(root, "AWSTemplateFormatVersion")
		_, transform := lookup(root, "Transform")
		if version == nil && transform == nil {
			s.warn(res, "not a template", "skipped: Resources is not a mapping and the file declares no AWSTemplateFormatVersion")
			return
		}
		s.errorf(res, "invalid template", "Resources must be a mapping of logical ids to resources")
		return
	}
	for _, kv := range yamlnode.Pairs(res) {
		id := kv[0].Value
		if strings.HasPrefix(id, "Fn::ForEach::") {
			s.warn(kv[0], "not expanded", "%s (AWS::LanguageExtensions) is not expanded: the resources it creates are not scanned", id)
			continue
		}
		if _, dup := s.resKeys[id]; dup {
			s.errorf(kv[0], "duplicate resource", "logical id %s is defined twice", id)
			continue
		}
		s.resKeys[id], s.resVals[id] = kv[0], kv[1]
		s.order = append(s.order, id)
	}
}

func hasKey(m map[string]string, k string) bool { _, ok := m[k]; return ok }

// paramValue types a parameter's string value: list parameters split on
// commas.
func paramValue(typ, v string) any {
	if typ == "CommaDelimitedList" || (strings.HasPrefix(typ, "List<") && !strings.Contains(typ, "SSM")) {
		parts := strings.Split(v, ",")
		out := make([]any, len(parts))
		for i, p := range parts {
			out[i] = strings.TrimSpace(p)
		}
		return out
	}
	return v
}

// id is the scan-wide id of a logical resource of this stack.
func (s *stack) id(logical string) string { return s.idBase + s.prefix + logical }

// resources builds the stack's resources (and its nested stacks').
func (s *stack) resources(ctx context.Context) []*resource.Resource {
	var out []*resource.Resource
	for _, logical := range s.order {
		if ctx.Err() != nil || s.exhausted {
			return out
		}
		r, nested := s.build(logical)
		if r == nil {
			continue
		}
		out = append(out, r)
		if nested != nil {
			out = append(out, nested.resources(ctx)...)
		}
	}
	return out
}

// build converts one resource; nested is the stack it loads, if any.
func (s *stack) build(logical string) (*resource.Resource, *stack) {
	key, node := s.resKeys[logical], yamlnode.Deref(s.resVals[logical])
	if node == nil || node.Kind != yaml.MappingNode {
		s.errorf(key, "invalid resource", "%s must be a mapping with a Type", logical)
		return nil, nil
	}
	_, typeNode := lookup(node, "Type")
	typ, ok := yamlnode.PlainScalar(typeNode)
	if !ok || typ == "" {
		s.errorf(key, "invalid resource", "%s has no Type", logical)
		return nil, nil
	}
	rec := &recorder{locs: resource.MapLocator{}, refs: map[string][]string{}}
	resAttrs := map[string]any{}
	for _, kv := range yamlnode.Pairs(node) {
		k := kv[0].Value
		switch k {
		case "Type", "Properties":
			continue
		case "Condition":
			name, _ := yamlnode.PlainScalar(kv[1])
			if v, known := s.condition(name, kv[1]).(bool); known && !v {
				return nil, nil // the resource is not created
			}
		}
		p := resource.Path{resource.Key(ResourceKey), resource.Key(k)}
		rec.locs[p.String()] = s.rangeOf(kv[0], kv[1])
		if k == "DependsOn" || k == "Metadata" {
			v := s.eval(kv[1], p, nil, false, 0)
			resAttrs[k] = plain(v)
			if k == "DependsOn" {
				s.dependsOn(kv[1], p, rec)
			}
			continue
		}
		v := s.eval(kv[1], p, rec, true, 0)
		switch v.(type) {
		case unknownT:
			rec.unknown = append(rec.unknown, p.String())
		case noValueT:
		default:
			resAttrs[k] = v
		}
	}
	attrs := map[string]any{}
	if _, props := lookup(node, "Properties"); props != nil {
		switch v := s.eval(props, nil, rec, true, 0).(type) {
		case map[string]any:
			attrs = v
		case unknownT:
			rec.unknown = append(rec.unknown, "")
		case noValueT:
		default:
			s.errorf(props, "invalid resource", "%s: Properties must be a mapping", logical)
		}
	}
	if strings.HasPrefix(typ, "AWS::Serverless::") {
		s.applyGlobals(typ, attrs, rec)
	}
	if len(resAttrs) > 0 {
		attrs[ResourceKey] = resAttrs
	}
	r := &resource.Resource{
		ID:           s.id(logical),
		Kind:         resource.CloudFormation,
		Provider:     Provider,
		Type:         typ,
		Name:         logical,
		Address:      s.prefix + logical,
		Module:       strings.TrimSuffix(s.prefix, "."),
		Labels:       tags(attrs["Tags"]),
		Attrs:        attrs,
		Range:        s.rangeOf(key, node),
		Locs:         rec.locs,
		Suppressions: append(commentSuppressions(s.file, key, node), s.metadataSuppressions(node)...),
	}
	if len(rec.refs) > 0 {
		r.Refs = rec.refs
	}
	if len(rec.unknown) > 0 {
		sort.Strings(rec.unknown)
		r.Unknown = rec.unknown
	}
	var nested *stack
	if typ == "AWS::CloudFormation::Stack" || typ == "AWS::Serverless::Application" {
		nested = s.nested(logical, typ, node, attrs, rec)
	}
	return r, nested
}

// dependsOn records DependsOn targets as refs.
func (s *stack) dependsOn(n *yaml.Node, p resource.Path, rec *recorder) {
	n = yamlnode.Deref(n)
	names := []*yaml.Node{n}
	if n != nil && n.Kind == yaml.SequenceNode {
		names = n.Content
	}
	for _, x := range names {
		name, ok := yamlnode.PlainScalar(x)
		if !ok {
			continue
		}
		if _, exists := s.resKeys[name]; !exists {
			s.warn(x, "unresolved reference", "DependsOn names %s, which is not a resource of this template", name)
			continue
		}
		rec.ref(p, s.id(name))
	}
}

// tags reads CloudFormation tags ([{Key, Value}] or a SAM map) as labels.
func tags(v any) map[string]string {
	out := map[string]string{}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			m, ok := e.(map[string]any)
			if !ok {
				continue
			}
			k, ok1 := m["Key"].(string)
			val, ok2 := m["Value"]
			if ok1 && ok2 && val != nil {
				out[k] = fmt.Sprint(val)
			}
		}
	case map[string]any:
		for k, val := range x {
			if val != nil {
				out[k] = fmt.Sprint(val)
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// metadataSuppressions reads Metadata: {onus: {ignore: [{rule, reason,
// expires}]}}, the way to waive a finding in a JSON template.
func (s *stack) metadataSuppressions(node *yaml.Node) []resource.Suppression {
	_, md := lookup(node, "Metadata")
	_, onus := lookup(md, "onus")
	_, ign := lookup(onus, "ignore")
	return yamlnode.Suppressions(ign, func(n *yaml.Node) source.Range { return *s.at(n) })
}

// globalSections maps SAM Globals sections to the types they apply to.
var globalSections = map[string]string{
	"Function":     "AWS::Serverless::Function",
	"Api":          "AWS::Serverless::Api",
	"HttpApi":      "AWS::Serverless::HttpApi",
	"SimpleTable":  "AWS::Serverless::SimpleTable",
	"StateMachine": "AWS::Serverless::StateMachine",
	"LayerVersion": "AWS::Serverless::LayerVersion",
}

// applyGlobals merges the SAM Globals section of the resource's type into
// its attrs: a property the resource does not set comes from Globals (and
// points at the Globals line); maps are merged key by key.
func (s *stack) applyGlobals(typ string, attrs map[string]any, rec *recorder) {
	for section, t := range globalSections {
		if t != typ {
			continue
		}
		_, g := lookup(s.globals, section)
		s.mergeGlobals(g, attrs, nil, rec)
	}
}

// mergeGlobals adds the keys of a Globals mapping that m lacks, recursing
// into maps both sides hold.
func (s *stack) mergeGlobals(g *yaml.Node, m map[string]any, p resource.Path, rec *recorder) {
	for _, kv := range yamlnode.Pairs(g) {
		k := kv[0].Value
		cp := p.Append(resource.Key(k))
		cur, has := m[k]
		if !has {
			if slices.Contains(rec.unknown, cp.String()) {
				continue // set by the resource, to a value onus cannot know
			}
			rec.locs[cp.String()] = s.rangeOf(kv[0], kv[1])
			switch v := s.eval(kv[1], cp, rec, true, 0).(type) {
			case unknownT:
				rec.unknown = append(rec.unknown, cp.String())
			case noValueT:
			default:
				m[k] = v
			}
			continue
		}
		if cm, ok := cur.(map[string]any); ok {
			s.mergeGlobals(kv[1], cm, cp, rec)
		}
	}
}

// nested loads the template of a nested stack whose TemplateURL (or SAM
// Location) is a local file.
func (s *stack) nested(logical, typ string, node *yaml.Node, attrs map[string]any, rec *recorder) *stack {
	field := "TemplateURL"
	if typ == "AWS::Serverless::Application" {
		field = "Location"
	}
	url, ok := attrs[field].(string)
	if !ok || s.readFile == nil {
		return nil
	}
	p, ok := localTemplate(s.file, url)
	if !ok {
		return nil
	}
	_, props := lookup(node, "Properties")
	urlKey, _ := lookup(props, field)
	if len(s.chain) >= MaxNesting {
		s.warn(urlKey, "nested stack not loaded", "%s: stacks nest deeper than %d", logical, MaxNesting)
		return nil
	}
	for _, f := range s.chain {
		if f == p {
			s.errorf(urlKey, "nested stack cycle", "%s loads %s, which encloses it", logical, p)
			return nil
		}
	}
	b, err := s.readFile(p)
	if err != nil {
		s.errorf(urlKey, "cannot read nested stack", "%s: %v", p, err)
		return nil
	}
	var nd source.Diagnostics
	root, ok := parseDocument(p, b, &nd)
	*s.diags = append(*s.diags, nd...)
	if !ok {
		return nil
	}
	values := map[string]string{}
	unknown := map[string]bool{}
	if pm, ok := attrs["Parameters"].(map[string]any); ok {
		for k, v := range pm {
			switch x := v.(type) {
			case string:
				values[k] = x
			case []any:
				parts := make([]string, len(x))
				for i, e := range x {
					parts[i] = fmt.Sprint(e)
				}
				values[k] = strings.Join(parts, ",")
			case nil:
			default:
				values[k] = fmt.Sprint(x)
			}
		}
	}
	for _, u := range rec.unknown {
		if name, ok := strings.CutPrefix(u, "Parameters."); ok {
			unknown[name] = true
		} else if u == "Parameters" || u == "" {
			for _, kv := range yamlnode.Pairs(mustLookup(props, "Parameters")) {
				unknown[kv[0].Value] = true
			}
		}
	}
	child := &stack{
		file:     p,
		prefix:   s.prefix + logical + ".",
		idBase:   s.idBase,
		budget:   s.budget,
		readFile: s.readFile,
		diags:    s.diags,
		chain:    append(append([]string(nil), s.chain...), p),
	}
	child.init(root, values, unknown, "")
	return child
}

func mustLookup(n *yaml.Node, key string) *yaml.Node {
	_, v := lookup(n, key)
	return v
}
