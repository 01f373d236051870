package yamlnode

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// Pairs returns a mapping's keys and values (aliases followed); nil for
// anything else.
func Pairs(n *yaml.Node) [][2]*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := make([][2]*yaml.Node, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, [2]*yaml.Node{n.Content[i], n.Content[i+1]})
	}
	return out
}

// PlainScalar returns a plain scalar's text: not for a custom tag such as a
// CloudFormation intrinsic (!Ref x).
func PlainScalar(n *yaml.Node) (string, bool) {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || (n.Tag != "" && !strings.HasPrefix(n.Tag, "!!")) {
		return "", false
	}
	return n.Value, true
}

// Suppressions reads the inline waivers a template writes in a resource's
// metadata (the way to waive a finding in JSON, which has no comments):
// ign is the value of the "ignore" key, a string written like a comment
// ("ONUS-AWS-001 exp:2027-01-31 reason"), a mapping {rule (or rules, id:
// a comma-separated string or a list), reason, expires (or exp)}, or a
// list of these. at gives a node's range.
func Suppressions(ign *yaml.Node, at func(*yaml.Node) source.Range) []resource.Suppression {
	ign = deref(ign)
	if ign == nil {
		return nil
	}
	items := []*yaml.Node{ign}
	if ign.Kind == yaml.SequenceNode {
		items = ign.Content
	}
	var out []resource.Suppression
	for _, it := range items {
		it = deref(it)
		rng := at(it)
		if str, ok := PlainScalar(it); ok {
			if sup, ok := resource.ParseSuppression(resource.SuppressionMarker+" "+str, rng); ok {
				out = append(out, sup)
			}
			continue
		}
		sup := resource.Suppression{Range: rng}
		for _, kv := range Pairs(it) {
			v, _ := PlainScalar(kv[1])
			switch strings.ToLower(kv[0].Value) {
			case "rule", "rules", "id":
				if seq := deref(kv[1]); seq != nil && seq.Kind == yaml.SequenceNode {
					for _, r := range seq.Content {
						if rs, ok := PlainScalar(r); ok {
							sup.Rules = append(sup.Rules, rs)
						}
					}
					continue
				}
				for _, r := range strings.Split(v, ",") {
					if r = strings.TrimSpace(r); r != "" {
						sup.Rules = append(sup.Rules, r)
					}
				}
			case "reason":
				sup.Reason = v
			case "expires", "exp":
				sup.Expires = v
			}
		}
		out = append(out, sup)
	}
	return out
}
