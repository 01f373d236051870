package cloudformation

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/loader/yamlnode"
	"github.com/onus-project/onus/internal/resource"
)

// unknownT is a value that cannot be known before deployment.
type unknownT struct{}

// noValueT is AWS::NoValue: the property is removed.
type noValueT struct{}

var (
	unknown = unknownT{}
	noValue = noValueT{}
)

// recorder collects, for one resource, where each attribute is written,
// which resources each attribute refers to and which are unknown.
type recorder struct {
	locs    resource.MapLocator
	refs    map[string][]string
	unknown []string
}

func (r *recorder) ref(p resource.Path, id string) {
	if r == nil {
		return
	}
	k := p.String()
	if !slices.Contains(r.refs[k], id) {
		r.refs[k] = append(r.refs[k], id)
	}
}

// pseudo holds the pseudo parameters onus can know. The partition and URL
// suffix are those of the commercial AWS partition; the region, account and
// stack are known only at deployment.
var pseudo = map[string]any{
	"AWS::Partition": "aws",
	"AWS::URLSuffix": "amazonaws.com",
}

var pseudoUnknown = map[string]bool{
	"AWS::Region": true, "AWS::AccountId": true, "AWS::StackName": true,
	"AWS::StackId": true, "AWS::NotificationARNs": true,
}

// intrinsic recognises a function call: a one-key mapping {"Ref": x} /
// {"Fn::Join": [...]}, or a short-form tag (!Ref x, !Join [...]).
func intrinsic(n *yaml.Node) (string, *yaml.Node, bool) {
	if n.Tag != "" && n.Tag[0] == '!' && !strings.HasPrefix(n.Tag, "!!") {
		name := n.Tag[1:]
		if name != "Ref" && name != "Condition" {
			name = "Fn::" + name
		}
		arg := *n
		arg.Tag = ""
		if arg.Kind == yaml.ScalarNode {
			arg.Tag = "!!str"
		}
		return name, &arg, true
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		k := n.Content[0].Value
		if k == "Ref" || strings.HasPrefix(k, "Fn::") {
			return k, n.Content[1], true
		}
	}
	return "", nil, false
}

// eval evaluates a node. When top is true, p is the attribute path of the
// value and every key and item below it is recorded (location, unknown);
// otherwise the value is a function argument and only the refs it makes
// are recorded, at p. The result is a plain value, unknown or noValue;
// with top false, unknown may also appear inside maps and lists.
func (s *stack) eval(n *yaml.Node, p resource.Path, rec *recorder, top bool, depth int) any {
	n = yamlnode.Deref(n)
	if n == nil {
		return nil
	}
	s.budget--
	if s.budget < 0 || depth > yamlnode.MaxDepth {
		if !s.exhausted {
			s.exhausted = true
			s.errorf(n, "template refused", "%v", yamlnode.ErrTooLarge)
		}
		return unknown
	}
	if name, arg, ok := intrinsic(n); ok {
		if name == "Fn::If" {
			return s.fnIf(n, arg, p, rec, top, depth)
		}
		v := s.call(name, arg, n, p, rec, depth)
		if top {
			v = settle(v, p, rec)
		}
		return v
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			cp := p
			if top {
				cp = p.Append(resource.Key(k.Value))
				if rec != nil {
					rec.locs[cp.String()] = s.rangeOf(k, v)
				}
			}
			switch x := s.eval(v, cp, rec, top, depth+1).(type) {
			case noValueT:
			case unknownT:
				if top {
					if rec != nil {
						rec.unknown = append(rec.unknown, cp.String())
					}
				} else {
					m[k.Value] = x
				}
			default:
				m[k.Value] = x
			}
		}
		return m
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			cp := p
			if top {
				cp = p.Append(resource.Index(len(l)))
				if rec != nil {
					rec.locs[cp.String()] = s.rangeOf(nil, e)
				}
			}
			switch x := s.eval(e, cp, rec, top, depth+1).(type) {
			case noValueT:
			case unknownT:
				if top {
					if rec != nil {
						rec.unknown = append(rec.unknown, cp.String())
					}
					l = append(l, nil)
				} else {
					l = append(l, x)
				}
			default:
				l = append(l, x)
			}
		}
		return l
	default:
		return yamlnode.Scalar(n)
	}
}

// settle removes unknown values from an evaluated attribute, recording
// their paths (loader.Settle).
func settle(v any, p resource.Path, rec *recorder) any {
	return loader.Settle(v, p, func(e any) bool { _, u := e.(unknownT); return u }, func(cp resource.Path) {
		if rec != nil {
			rec.unknown = append(rec.unknown, cp.String())
		}
	})
}

// plain replaces unknown markers by nil (for values kept only for
// reading, such as Metadata).
func plain(v any) any {
	switch x := v.(type) {
	case unknownT, noValueT:
		return nil
	case map[string]any:
		for k, e := range x {
			x[k] = plain(e)
		}
	case []any:
		for i, e := range x {
			x[i] = plain(e)
		}
	}
	return v
}

func isUnknown(v any) bool {
	switch x := v.(type) {
	case unknownT:
		return true
	case map[string]any:
		for _, e := range x {
			if isUnknown(e) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if isUnknown(e) {
				return true
			}
		}
	}
	return false
}

// args evaluates a function's argument list (a sequence node).
func (s *stack) args(fn string, arg *yaml.Node, p resource.Path, rec *recorder, depth, min, max int) ([]any, []*yaml.Node, bool) {
	arg = yamlnode.Deref(arg)
	if arg == nil || arg.Kind != yaml.SequenceNode || len(arg.Content) < min || (max > 0 && len(arg.Content) > max) {
		want := fmt.Sprintf("%d", min)
		if max != min {
			want = fmt.Sprintf("%d to %d", min, max)
			if max <= 0 {
				want = fmt.Sprintf("at least %d", min)
			}
		}
		s.warn(arg, "invalid intrinsic function", "%s takes a list of %s arguments", fn, want)
		return nil, nil, false
	}
	out := make([]any, len(arg.Content))
	for i, a := range arg.Content {
		out[i] = s.eval(a, p, rec, false, depth+1)
	}
	return out, arg.Content, true
}

// call evaluates an intrinsic function other than Fn::If.
func (s *stack) call(name string, arg, n *yaml.Node, p resource.Path, rec *recorder, depth int) any {
	switch name {
	case "Ref":
		ref, ok := yamlnode.PlainScalar(arg)
		if !ok {
			v := s.eval(arg, p, rec, false, depth+1)
			if ref, ok = v.(string); !ok {
				return unknown
			}
		}
		return s.ref(ref, n, p, rec)
	case "Fn::GetAtt":
		var logical string
		a := yamlnode.Deref(arg)
		if str, ok := yamlnode.PlainScalar(a); ok {
			logical, _, _ = strings.Cut(str, ".")
		} else if a != nil && a.Kind == yaml.SequenceNode && len(a.Content) >= 1 {
			logical, _ = yamlnode.PlainScalar(a.Content[0])
			for _, x := range a.Content[1:] {
				s.eval(x, p, rec, false, depth+1)
			}
		}
		if _, ok := s.resKeys[logical]; ok {
			rec.ref(p, s.id(logical))
		} else {
			s.warn(n, "unresolved reference", "Fn::GetAtt names %q, which is not a resource of this template", logical)
		}
		return unknown
	case "Fn::Sub":
		return s.sub(arg, n, p, rec, depth)
	case "Fn::Join":
		a, _, ok := s.args(name, arg, p, rec, depth, 2, 2)
		if !ok {
			return unknown
		}
		delim, ok := a[0].(string)
		list, ok2 := a[1].([]any)
		if !ok || !ok2 {
			return unknown
		}
		parts := make([]string, 0, len(list))
		for _, e := range list {
			str, ok := scalarText(e)
			if !ok {
				return unknown
			}
			parts = append(parts, str)
		}
		return strings.Join(parts, delim)
	case "Fn::Select":
		a, _, ok := s.args(name, arg, p, rec, depth, 2, 2)
		if !ok {
			return unknown
		}
		idx, ok := toInt(a[0])
		list, ok2 := a[1].([]any)
		if !ok || !ok2 {
			return unknown
		}
		if idx < 0 || idx >= len(list) {
			s.warn(n, "invalid intrinsic function", "Fn::Select index %d is out of range (the list has %d items)", idx, len(list))
			return unknown
		}
		return list[idx]
	case "Fn::Split":
		a, _, ok := s.args(name, arg, p, rec, depth, 2, 2)
		if !ok {
			return unknown
		}
		delim, ok := a[0].(string)
		str, ok2 := a[1].(string)
		if !ok || !ok2 {
			return unknown
		}
		parts := strings.Split(str, delim)
		out := make([]any, len(parts))
		for i, x := range parts {
			out[i] = x
		}
		return out
	case "Fn::FindInMap":
		return s.findInMap(arg, n, p, rec, depth)
	case "Fn::Base64":
		v := s.eval(arg, p, rec, false, depth+1)
		str, ok := scalarText(v)
		if !ok {
			return unknown
		}
		return base64.StdEncoding.EncodeToString([]byte(str))
	case "Fn::Cidr":
		a, _, ok := s.args(name, arg, p, rec, depth, 3, 3)
		if !ok {
			return unknown
		}
		return cidr(a)
	case "Fn::Length":
		v := s.eval(arg, p, rec, false, depth+1)
		if l, ok := v.([]any); ok {
			return int64(len(l))
		}
		return unknown
	case "Fn::ToJsonString":
		v := s.eval(arg, p, rec, false, depth+1)
		if isUnknown(v) {
			return unknown
		}
		b, err := json.Marshal(plain(v))
		if err != nil {
			return unknown
		}
		return string(b)
	case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition":
		return s.boolean(name, arg, n, p, rec, depth)
	case "Fn::GetAZs", "Fn::ImportValue", "Fn::Transform", "Fn::GetStackOutput":
		s.eval(arg, p, rec, false, depth+1) // for the refs its arguments make
		return unknown
	default:
		s.warn(n, "unsupported intrinsic function", "%s is not evaluated; its value is treated as unknown", name)
		return unknown
	}
}

// ref resolves Ref: a parameter, a pseudo parameter or a resource.
func (s *stack) ref(name string, n *yaml.Node, p resource.Path, rec *recorder) any {
	if name == "AWS::NoValue" {
		return noValue
	}
	if v, ok := pseudo[name]; ok {
		return v
	}
	if pseudoUnknown[name] {
		return unknown
	}
	if prm, ok := s.params[name]; ok {
		if !prm.known {
			return unknown
		}
		return loader.Clone(prm.val)
	}
	if _, ok := s.resKeys[name]; ok {
		rec.ref(p, s.id(name))
		return unknown
	}
	s.warn(n, "unresolved reference", "Ref %q names no parameter or resource of this template", name)
	return unknown
}

// sub evaluates Fn::Sub: "text ${Param} ${Res.Attr} ${!Literal}" or
// [text, {Var: value}].
func (s *stack) sub(arg, n *yaml.Node, p resource.Path, rec *recorder, depth int) any {
	arg = yamlnode.Deref(arg)
	vars := map[string]any{}
	var text string
	switch {
	case arg != nil && arg.Kind == yaml.SequenceNode && len(arg.Content) == 2:
		t, ok := yamlnode.PlainScalar(arg.Content[0])
		if !ok {
			return unknown
		}
		text = t
		for _, kv := range yamlnode.Pairs(arg.Content[1]) {
			vars[kv[0].Value] = s.eval(kv[1], p, rec, false, depth+1)
		}
	default:
		t, ok := yamlnode.PlainScalar(arg)
		if !ok {
			s.warn(n, "invalid intrinsic function", "Fn::Sub takes a string or [string, {variables}]")
			return unknown
		}
		text = t
	}
	var b strings.Builder
	known := true
	for {
		i := strings.Index(text, "${")
		if i < 0 {
			b.WriteString(text)
			break
		}
		b.WriteString(text[:i])
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			b.WriteString(text[i:])
			break
		}
		name := strings.TrimSpace(text[i+2 : i+j])
		text = text[i+j+1:]
		if lit, ok := strings.CutPrefix(name, "!"); ok {
			b.WriteString("${" + lit + "}")
			continue
		}
		var v any
		if x, ok := vars[name]; ok {
			v = x
		} else if logical, _, isAtt := strings.Cut(name, "."); isAtt {
			if _, ok := s.resKeys[logical]; ok {
				rec.ref(p, s.id(logical))
			} else {
				s.warn(n, "unresolved reference", "Fn::Sub names %q, which is not a resource of this template", name)
			}
			v = unknown
		} else {
			v = s.ref(name, n, p, rec)
		}
		str, ok := scalarText(v)
		if !ok {
			known = false
			continue
		}
		b.WriteString(str)
	}
	if !known {
		return unknown
	}
	return b.String()
}

// findInMap looks a value up in Mappings, with the language extensions'
// optional {DefaultValue: x}.
func (s *stack) findInMap(arg, n *yaml.Node, p resource.Path, rec *recorder, depth int) any {
	a, nodes, ok := s.args("Fn::FindInMap", arg, p, rec, depth, 3, 4)
	if !ok {
		return unknown
	}
	var def *yaml.Node
	if len(nodes) == 4 {
		_, def = lookup(nodes[3], "DefaultValue")
	}
	keys := make([]string, 3)
	for i := range 3 {
		str, ok := scalarText(a[i])
		if !ok {
			return unknown
		}
		keys[i] = str
	}
	cur := s.mappings
	for _, k := range keys {
		_, cur = lookup(cur, k)
		if cur == nil {
			if def != nil {
				return s.eval(def, p, rec, false, depth+1)
			}
			s.warn(n, "invalid intrinsic function", "Fn::FindInMap: Mappings has no %s", strings.Join(keys, "."))
			return unknown
		}
	}
	return s.eval(cur, p, rec, false, depth+1)
}

// fnIf picks a branch when the condition is known; the branch is evaluated
// at the caller's path so its attributes keep their own lines.
func (s *stack) fnIf(n, arg *yaml.Node, p resource.Path, rec *recorder, top bool, depth int) any {
	arg = yamlnode.Deref(arg)
	if arg == nil || arg.Kind != yaml.SequenceNode || len(arg.Content) != 3 {
		s.warn(n, "invalid intrinsic function", "Fn::If takes [condition, value if true, value if false]")
		return unknown
	}
	name, ok := yamlnode.PlainScalar(arg.Content[0])
	if !ok {
		s.warn(arg.Content[0], "invalid intrinsic function", "Fn::If names its condition with a string")
		return unknown
	}
	switch v := s.condition(name, arg.Content[0]).(type) {
	case bool:
		branch := arg.Content[2]
		if v {
			branch = arg.Content[1]
		}
		return s.eval(branch, p, rec, top, depth+1)
	default:
		// unknown: still record what both branches refer to
		s.eval(arg.Content[1], p, rec, false, depth+1)
		s.eval(arg.Content[2], p, rec, false, depth+1)
		return unknown
	}
}

// condition evaluates a named condition: true, false or unknown.
func (s *stack) condition(name string, at *yaml.Node) any {
	switch s.condState[name] {
	case 2:
		return s.condVal[name]
	case 1:
		s.errorf(at, "condition cycle", "condition %s depends on itself", name)
		return unknown
	}
	node, ok := s.conds[name]
	if !ok {
		s.warn(at, "unresolved reference", "condition %q is not defined in Conditions", name)
		return unknown
	}
	s.condState[name] = 1
	v := s.eval(node, nil, nil, false, 0)
	if _, isBool := v.(bool); !isBool {
		v = unknown
	}
	s.condState[name], s.condVal[name] = 2, v
	return v
}

// boolean evaluates the condition functions.
func (s *stack) boolean(name string, arg, n *yaml.Node, p resource.Path, rec *recorder, depth int) any {
	if name == "Condition" {
		c, ok := yamlnode.PlainScalar(arg)
		if !ok {
			return unknown
		}
		return s.condition(c, n)
	}
	if name == "Fn::Equals" {
		a, _, ok := s.args(name, arg, p, rec, depth, 2, 2)
		if !ok || isUnknown(a[0]) || isUnknown(a[1]) {
			return unknown
		}
		return equal(a[0], a[1])
	}
	arg = yamlnode.Deref(arg)
	if arg == nil || arg.Kind != yaml.SequenceNode || len(arg.Content) == 0 {
		s.warn(n, "invalid intrinsic function", "%s takes a list of conditions", name)
		return unknown
	}
	var vals []any
	for _, c := range arg.Content {
		c = yamlnode.Deref(c)
		var v any
		if c != nil && c.Kind == yaml.MappingNode && len(c.Content) == 2 && c.Content[0].Value == "Condition" {
			v = s.boolean("Condition", c.Content[1], c, p, rec, depth+1)
		} else {
			v = s.eval(c, p, rec, false, depth+1)
		}
		vals = append(vals, v)
	}
	switch name {
	case "Fn::Not":
		if b, ok := vals[0].(bool); ok {
			return !b
		}
		return unknown
	case "Fn::And", "Fn::Or":
		decisive := name == "Fn::Or" // Or is decided by a true, And by a false
		all := true
		for _, v := range vals {
			b, ok := v.(bool)
			if !ok {
				all = false
				continue
			}
			if b == decisive {
				return decisive
			}
		}
		if all {
			return !decisive
		}
	}
	return unknown
}

// equal compares as CloudFormation does: by value, numbers and strings by
// their text.
func equal(a, b any) bool {
	as, aok := scalarText(a)
	bs, bok := scalarText(b)
	if aok && bok {
		return as == bs
	}
	ab, _ := json.Marshal(a)
	bb, _ := json.Marshal(b)
	return string(ab) == string(bb)
}

// scalarText renders a known scalar as CloudFormation would in a string.
func scalarText(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case bool:
		return strconv.FormatBool(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case int:
		return strconv.Itoa(x), true
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return strconv.FormatInt(int64(x), 10), true
		}
		return strconv.FormatFloat(x, 'g', -1, 64), true
	}
	return "", false
}

func toInt(v any) (int, bool) {
	switch x := v.(type) {
	case int64:
		return int(x), true
	case float64:
		return int(x), x == math.Trunc(x)
	case string:
		i, err := strconv.Atoi(strings.TrimSpace(x))
		return i, err == nil
	}
	return 0, false
}

// cidr implements Fn::Cidr [ipBlock, count, cidrBits]: count subnets of
// 2^cidrBits addresses each, from the start of ipBlock.
func cidr(a []any) any {
	block, ok := a[0].(string)
	count, ok2 := toInt(a[1])
	bits, ok3 := toInt(a[2])
	if !ok || !ok2 || !ok3 {
		return unknown
	}
	pfx, err := netip.ParsePrefix(block)
	if err != nil || count < 1 || count > 256 {
		return unknown
	}
	total := 32
	if pfx.Addr().Is6() {
		total = 128
	}
	size := total - bits
	if bits < 1 || size < pfx.Bits() {
		return unknown
	}
	out := make([]any, 0, count)
	addr := pfx.Masked().Addr()
	for range count {
		sub := netip.PrefixFrom(addr, size)
		if !pfx.Contains(addr) {
			return unknown
		}
		out = append(out, sub.String())
		next, ok := advance(addr, bits)
		if !ok {
			break
		}
		addr = next
	}
	if len(out) != count {
		return unknown
	}
	return out
}

// advance adds 2^bits to an address.
func advance(a netip.Addr, bits int) (netip.Addr, bool) {
	b := a.AsSlice()
	carry := uint(1) << (bits % 8)
	for i := len(b) - 1 - bits/8; i >= 0 && carry > 0; i-- {
		sum := uint(b[i]) + carry
		b[i] = byte(sum)
		carry = sum >> 8
	}
	if carry > 0 {
		return netip.Addr{}, false
	}
	out, ok := netip.AddrFromSlice(b)
	return out, ok
}
