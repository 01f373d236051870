package terraform

import (
	"math"
	"math/big"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/onus-project/onus/internal/loader/terraform/gcpiam"
	"github.com/onus-project/onus/internal/loader/terraform/iampolicy"
	"github.com/onus-project/onus/internal/resource"
)

// plain converts a cty value to the plain values policies read: string,
// bool, int64 or float64, []any and map[string]any. Unknown values are
// left out and their paths added to unknown; null values are left out, as
// Terraform treats an attribute set to null as unset. A list holding an
// unknown element is unknown as a whole (its length or order is not
// known).
func plain(v cty.Value, p resource.Path, unknown *[]string) (any, bool) {
	if !v.IsKnown() {
		*unknown = append(*unknown, p.String())
		return nil, false
	}
	if v.IsNull() {
		return nil, false
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString(), true
	case ty == cty.Bool:
		return v.True(), true
	case ty == cty.Number:
		return number(v.AsBigFloat()), true
	case ty.IsListType() || ty.IsTupleType() || ty.IsSetType():
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if !e.IsKnown() || (ty.IsSetType() && !e.IsWhollyKnown()) {
				*unknown = append(*unknown, p.String())
				return nil, false
			}
		}
		out := make([]any, 0, v.LengthInt())
		i := 0
		for it := v.ElementIterator(); it.Next(); i++ {
			_, e := it.Element()
			x, _ := plain(e, p.Append(resource.Index(i)), unknown)
			out = append(out, x)
		}
		return out, true
	case ty.IsMapType() || ty.IsObjectType():
		out := make(map[string]any, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			ks := k.AsString()
			if x, ok := plain(e, p.Append(resource.Key(ks)), unknown); ok {
				out[ks] = x
			}
		}
		return out, true
	}
	return nil, false
}

// number is an int64 when the number is a whole number that fits, else a
// float64.
func number(f *big.Float) any {
	if f.IsInt() {
		if i, acc := f.Int64(); acc == big.Exact {
			return i
		}
	}
	x, _ := f.Float64()
	if math.IsInf(x, 0) {
		return f.Text('g', -1)
	}
	return x
}

// providerName maps a resource type (or the provider meta-argument's
// local name) to the provider onus reports.
func providerName(typ, provider string) string {
	prefix, _, _ := strings.Cut(provider, ".")
	if prefix == "" {
		prefix, _, _ = strings.Cut(typ, "_")
	}
	switch prefix {
	case "aws":
		return "aws"
	case "azurerm", "azuread", "azapi":
		return "azure"
	case "google", "google-beta":
		return "google"
	case "kubernetes":
		return "kubernetes"
	}
	return prefix
}

// labelsOf reads tags (and labels, for Google) as strings.
func labelsOf(attrs map[string]any) map[string]string {
	var out map[string]string
	for _, key := range []string{"tags", "labels"} {
		m, ok := attrs[key].(map[string]any)
		if !ok {
			continue
		}
		for k, v := range m {
			s, ok := scalarString(v)
			if !ok {
				continue
			}
			if out == nil {
				out = map[string]string{}
			}
			out[k] = s
		}
	}
	return out
}

func scalarString(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case bool:
		if x {
			return "true", true
		}
		return "false", true
	case int64:
		return big.NewInt(x).String(), true
	case float64:
		return big.NewFloat(x).Text('g', -1), true
	}
	return "", false
}

// resources emits one resource per managed resource instance, module by
// module in evaluation order, blocks in source order.
func (ev *evaluator) resources() []*resource.Resource {
	var out []*resource.Resource
	for _, m := range ev.modules {
		for _, b := range m.cfg.managed {
			rn := m.blocks[b.key()]
			if rn == nil {
				continue
			}
			for _, inst := range rn.insts {
				out = append(out, ev.emit(m, b, inst))
			}
		}
	}
	return out
}

func (ev *evaluator) emit(m *modInst, b *block, inst *instance) *resource.Resource {
	addr := addrOf(m, b.key(), inst.key)
	var unknown []string
	attrs := map[string]any{}
	if inst.obj.IsKnown() && !inst.obj.IsNull() && inst.obj.Type().IsObjectType() {
		if x, ok := plain(inst.obj, nil, &unknown); ok {
			attrs = x.(map[string]any)
		}
	}
	sort.Strings(unknown)
	r := &resource.Resource{
		ID:           ev.idOf(addr),
		Kind:         resource.Terraform,
		Provider:     providerName(b.typ, b.provider),
		Type:         b.typ,
		Name:         b.name,
		Address:      addr,
		Module:       m.addr,
		Labels:       ev.withDefaultTags(m, b, labelsOf(attrs)),
		Attrs:        attrs,
		Unknown:      unknown,
		Suppressions: b.sups,
		Range:        rangeOf(b.rng),
	}
	if len(inst.out.refs) > 0 {
		r.Refs = inst.out.refs
	}
	if len(inst.out.locs) > 0 {
		r.Locs = inst.out.locs
	}
	return r
}

// withDefaultTags adds the default_tags of the AWS provider configuration a
// resource uses (the resource's own tags win), as Terraform's tags_all.
func (ev *evaluator) withDefaultTags(m *modInst, b *block, labels map[string]string) map[string]string {
	key := b.provider
	if key == "" {
		key, _, _ = strings.Cut(b.typ, "_")
	}
	if !strings.HasPrefix(key, "aws") {
		return labels
	}
	def := ev.defaultTags(m, key)
	if len(def) == 0 {
		return labels
	}
	out := make(map[string]string, len(def)+len(labels))
	for k, v := range def {
		out[k] = v
	}
	for k, v := range labels {
		out[k] = v
	}
	return out
}

// defaultTags evaluates default_tags { tags = ... } of the provider
// configuration key ("aws", "aws.west") that module instance m uses: its
// own, or the one it inherits from its callers.
func (ev *evaluator) defaultTags(m *modInst, key string) map[string]string {
	for ; m != nil; m = m.parent {
		pb, ok := m.cfg.providers[key]
		if !ok {
			continue
		}
		if m.defaultTags == nil {
			m.defaultTags = map[string]map[string]string{}
		}
		if tags, ok := m.defaultTags[key]; ok {
			return tags
		}
		tags := map[string]string{}
		m.defaultTags[key] = tags
		content, _, _ := pb.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "default_tags"}}})
		if content == nil {
			return tags
		}
		for _, dt := range content.Blocks {
			attrs, _ := dt.Body.JustAttributes()
			a, ok := attrs["tags"]
			if !ok {
				continue
			}
			var unknown []string
			if v, ok := plain(ev.eval(&scope{m: m}, a.Expr), nil, &unknown); ok {
				for k, s := range labelsOf(map[string]any{"tags": v}) {
					tags[k] = s
				}
			}
		}
		return tags
	}
	return nil
}

// policyDocument renders an evaluated aws_iam_policy_document into its
// json and minified_json attributes.
func (ev *evaluator) policyDocument(b *block, obj cty.Value) cty.Value {
	return ev.rendered(b, obj, "Invalid IAM policy document", []string{"json", "minified_json"}, func(args map[string]any) ([]string, error) {
		pretty, mini, err := iampolicy.Render(args)
		return []string{pretty, mini}, err
	})
}

// googlePolicy renders an evaluated google_iam_policy into its policy_data
// attribute.
func (ev *evaluator) googlePolicy(b *block, obj cty.Value) cty.Value {
	return ev.rendered(b, obj, "Invalid IAM policy", []string{"policy_data"}, func(args map[string]any) ([]string, error) {
		data, err := gcpiam.Render(args)
		return []string{data}, err
	})
}

// rendered completes a data source whose result onus computes itself from
// its arguments (a policy document): the attributes names are set to what
// render returns, in order. When any argument is unknown, so are they; a
// document render refuses is a diagnostic titled summary, and stays
// unknown.
func (ev *evaluator) rendered(b *block, obj cty.Value, summary string, names []string, render func(map[string]any) ([]string, error)) cty.Value {
	if !obj.IsKnown() || obj.IsNull() || !obj.Type().IsObjectType() {
		return cty.DynamicVal
	}
	attrs := obj.AsValueMap()
	if attrs == nil {
		attrs = map[string]cty.Value{}
	}
	for _, n := range names {
		attrs[n] = cty.UnknownVal(cty.String)
	}
	if !obj.IsWhollyKnown() {
		return cty.ObjectVal(attrs)
	}
	var unknown []string
	x, _ := plain(obj, nil, &unknown)
	args, _ := x.(map[string]any)
	out, err := render(args)
	if err != nil {
		ev.diags = append(ev.diags, hclErr(b.rng.Ptr(), summary, "%v.", err))
		return cty.ObjectVal(attrs)
	}
	for i, n := range names {
		attrs[n] = cty.StringVal(out[i])
	}
	return cty.ObjectVal(attrs)
}
