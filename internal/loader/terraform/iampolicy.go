package terraform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"

	"github.com/zclconf/go-cty/cty"
)

// iamDoc and iamStatement are an IAM policy document as the AWS provider's
// aws_iam_policy_document data source renders it.
type iamDoc struct {
	Version   string          `json:"Version,omitempty"`
	ID        string          `json:"Id,omitempty"`
	Statement []*iamStatement `json:"Statement"`
}

type iamStatement struct {
	Sid          string                    `json:"Sid,omitempty"`
	Effect       string                    `json:"Effect,omitempty"`
	Action       any                       `json:"Action,omitempty"`
	NotAction    any                       `json:"NotAction,omitempty"`
	Resource     any                       `json:"Resource,omitempty"`
	NotResource  any                       `json:"NotResource,omitempty"`
	Principal    any                       `json:"Principal,omitempty"`
	NotPrincipal any                       `json:"NotPrincipal,omitempty"`
	Condition    map[string]map[string]any `json:"Condition,omitempty"`
}

// policyDocument renders an evaluated aws_iam_policy_document into its
// json and minified_json attributes. When any argument is unknown, so is
// the document.
func (ev *evaluator) policyDocument(b *block, obj cty.Value) cty.Value {
	if !obj.IsKnown() || obj.IsNull() || !obj.Type().IsObjectType() {
		return cty.DynamicVal
	}
	attrs := obj.AsValueMap()
	if attrs == nil {
		attrs = map[string]cty.Value{}
	}
	if !obj.IsWhollyKnown() {
		attrs["json"] = cty.UnknownVal(cty.String)
		attrs["minified_json"] = cty.UnknownVal(cty.String)
		return cty.ObjectVal(attrs)
	}
	var unknown []string
	x, _ := plain(obj, nil, &unknown)
	args, _ := x.(map[string]any)
	doc, err := renderPolicy(args)
	if err != nil {
		ev.diags = append(ev.diags, hclErr(b.rng.Ptr(), "Invalid IAM policy document", "%v.", err))
		attrs["json"] = cty.UnknownVal(cty.String)
		attrs["minified_json"] = cty.UnknownVal(cty.String)
		return cty.ObjectVal(attrs)
	}
	pretty, _ := json.MarshalIndent(doc, "", "  ")
	var mini bytes.Buffer
	_ = json.Compact(&mini, pretty)
	attrs["json"] = cty.StringVal(string(pretty))
	attrs["minified_json"] = cty.StringVal(mini.String())
	return cty.ObjectVal(attrs)
}

func renderPolicy(args map[string]any) (*iamDoc, error) {
	doc := &iamDoc{Version: "2012-10-17"}
	if v, ok := args["version"].(string); ok && v != "" {
		doc.Version = v
	}
	if v, ok := args["policy_id"].(string); ok {
		doc.ID = v
	}
	var sources []string
	if s, ok := args["source_json"].(string); ok && s != "" {
		sources = append(sources, s)
	}
	sources = append(sources, stringList(args["source_policy_documents"])...)
	seen := map[string]bool{}
	for _, s := range sources {
		src, err := parsePolicy(s)
		if err != nil {
			return nil, fmt.Errorf("source policy document: %w", err)
		}
		for _, st := range src.Statement {
			if st.Sid != "" && seen[st.Sid] {
				return nil, fmt.Errorf("duplicate Sid (%s) in source policy documents", st.Sid)
			}
			seen[st.Sid] = true
			doc.Statement = append(doc.Statement, st)
		}
	}
	stmts, _ := args["statement"].([]any)
	for _, raw := range stmts {
		m, _ := raw.(map[string]any)
		doc.merge(renderStatement(m))
	}
	var overrides []string
	if s, ok := args["override_json"].(string); ok && s != "" {
		overrides = append(overrides, s)
	}
	overrides = append(overrides, stringList(args["override_policy_documents"])...)
	for _, s := range overrides {
		ov, err := parsePolicy(s)
		if err != nil {
			return nil, fmt.Errorf("override policy document: %w", err)
		}
		for _, st := range ov.Statement {
			doc.merge(st)
		}
	}
	if doc.Statement == nil {
		doc.Statement = []*iamStatement{}
	}
	return doc, nil
}

// merge adds a statement, replacing one with the same Sid.
func (d *iamDoc) merge(st *iamStatement) {
	if st.Sid != "" {
		for i, old := range d.Statement {
			if old.Sid == st.Sid {
				d.Statement[i] = st
				return
			}
		}
	}
	d.Statement = append(d.Statement, st)
}

func parsePolicy(s string) (*iamDoc, error) {
	var raw struct {
		Version   string          `json:"Version"`
		ID        string          `json:"Id"`
		Statement json.RawMessage `json:"Statement"`
	}
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		return nil, err
	}
	doc := &iamDoc{Version: raw.Version, ID: raw.ID}
	st := bytes.TrimSpace(raw.Statement)
	switch {
	case len(st) == 0:
	case st[0] == '{':
		var one iamStatement
		if err := json.Unmarshal(st, &one); err != nil {
			return nil, err
		}
		doc.Statement = []*iamStatement{&one}
	default:
		if err := json.Unmarshal(st, &doc.Statement); err != nil {
			return nil, err
		}
	}
	return doc, nil
}

func renderStatement(m map[string]any) *iamStatement {
	st := &iamStatement{Effect: "Allow"}
	if s, ok := m["sid"].(string); ok {
		st.Sid = s
	}
	if s, ok := m["effect"].(string); ok && s != "" {
		st.Effect = s
	}
	st.Action = oneOrMany(m["actions"])
	st.NotAction = oneOrMany(m["not_actions"])
	st.Resource = oneOrMany(m["resources"])
	st.NotResource = oneOrMany(m["not_resources"])
	st.Principal = principals(m["principals"])
	st.NotPrincipal = principals(m["not_principals"])
	conds, _ := m["condition"].([]any)
	for _, raw := range conds {
		c, _ := raw.(map[string]any)
		test, _ := c["test"].(string)
		variable, _ := c["variable"].(string)
		if test == "" || variable == "" {
			continue
		}
		if st.Condition == nil {
			st.Condition = map[string]map[string]any{}
		}
		if st.Condition[test] == nil {
			st.Condition[test] = map[string]any{}
		}
		vals := stringList(c["values"])
		if prev, ok := st.Condition[test][variable]; ok {
			switch p := prev.(type) {
			case string:
				vals = append([]string{p}, vals...)
			case []string:
				vals = append(slices.Clone(p), vals...)
			}
		}
		if len(vals) == 1 {
			st.Condition[test][variable] = vals[0]
		} else {
			st.Condition[test][variable] = vals
		}
	}
	return st
}

// oneOrMany renders a set of strings as the provider does: one string
// alone, several as a list in reverse sorted order.
func oneOrMany(v any) any {
	l := stringList(v)
	switch len(l) {
	case 0:
		return nil
	case 1:
		return l[0]
	}
	sort.Sort(sort.Reverse(sort.StringSlice(l)))
	return slices.Compact(l)
}

func principals(v any) any {
	list, _ := v.([]any)
	if len(list) == 0 {
		return nil
	}
	out := map[string]any{}
	for _, raw := range list {
		p, _ := raw.(map[string]any)
		typ, _ := p["type"].(string)
		ids := stringList(p["identifiers"])
		if typ == "*" {
			return "*"
		}
		if prev, ok := out[typ]; ok {
			switch x := prev.(type) {
			case string:
				ids = append(ids, x)
			case []string:
				ids = append(ids, x...)
			}
		}
		out[typ] = oneOrMany(ids)
	}
	return out
}

func stringList(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, e := range list {
		if s, ok := scalarString(e); ok {
			out = append(out, s)
		}
	}
	return out
}
