package cloudformation

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/loader/yamlnode"
	"github.com/onus-project/onus/internal/source"
)

// ParseParams reads a parameter file in either of the two forms AWS tools
// write:
//
//	[{"ParameterKey": "Env", "ParameterValue": "prod"}, ...]   (aws cloudformation --parameters)
//	{"Parameters": {"Env": "prod", ...}}                          (template configuration files)
func ParseParams(file string, b []byte) (map[string]string, source.Diagnostics) {
	root, _, err := yamlnode.ParseJSON(b, false)
	if err != nil {
		d := source.Errorf(&source.Range{Filename: file}, "invalid parameter file", "%v", err)
		if je, ok := err.(*yamlnode.JSONError); ok {
			d.Subject, d.Detail = je.Range(file), je.Msg
		}
		return nil, source.Diagnostics{d}
	}
	top := yamlnode.Deref(root)
	out := map[string]string{}
	bad := func(n *yaml.Node, format string, args ...any) source.Diagnostics {
		return source.Diagnostics{source.Errorf(source.At(file, n.Line, n.Column), "invalid parameter file", format, args...)}
	}
	switch top.Kind {
	case yaml.SequenceNode:
		for _, it := range top.Content {
			_, k := yamlnode.Lookup(it, "ParameterKey")
			_, v := yamlnode.Lookup(it, "ParameterValue")
			if k == nil || k.Kind != yaml.ScalarNode {
				return nil, bad(it, "each item needs a ParameterKey")
			}
			if _, prev := yamlnode.Lookup(it, "UsePreviousValue"); prev != nil && prev.Value == "true" {
				continue // the deployed value, which onus cannot know
			}
			if v == nil {
				return nil, bad(it, "%s has no ParameterValue", k.Value)
			}
			s, err := paramString(v)
			if err != nil {
				return nil, bad(v, "%s: %v", k.Value, err)
			}
			out[k.Value] = s
		}
	case yaml.MappingNode:
		_, ps := yamlnode.Lookup(top, "Parameters")
		ps = yamlnode.Deref(ps)
		if ps == nil || ps.Kind != yaml.MappingNode {
			return nil, bad(top, `want [{"ParameterKey", "ParameterValue"}] or {"Parameters": {name: value}}`)
		}
		for i := 0; i+1 < len(ps.Content); i += 2 {
			s, err := paramString(ps.Content[i+1])
			if err != nil {
				return nil, bad(ps.Content[i+1], "%s: %v", ps.Content[i].Value, err)
			}
			out[ps.Content[i].Value] = s
		}
	default:
		return nil, bad(top, `want [{"ParameterKey", "ParameterValue"}] or {"Parameters": {name: value}}`)
	}
	return out, nil
}

// paramString renders a parameter value as CloudFormation receives it: a
// string, lists joined by commas.
func paramString(n *yaml.Node) (string, error) {
	n = yamlnode.Deref(n)
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value, nil
	case yaml.SequenceNode:
		parts := make([]string, 0, len(n.Content))
		for _, e := range n.Content {
			if e.Kind != yaml.ScalarNode {
				return "", fmt.Errorf("a list value holds only scalars")
			}
			parts = append(parts, e.Value)
		}
		return strings.Join(parts, ","), nil
	}
	return "", fmt.Errorf("want a string, a number or a list")
}
