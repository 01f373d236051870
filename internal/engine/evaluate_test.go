package engine

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

const undeterminedPolicy = `# METADATA
# title: Bucket is open
# custom:
#   id: TEST-001
#   severity: high
#   category: public-access
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_s3_bucket]
#   remediation: Close it.
package test.open

deny contains {"msg": "open", "path": "acl"} if input.resource.attrs.acl == "public-read"

deny contains {"msg": "elsewhere", "undetermined": true} if input.resource.attrs.acl == "depends"

deny contains {"msg": "decided", "undetermined": false} if input.resource.attrs.acl == "decided"

deny contains {"msg": "on an unknown path", "path": "acl"} if "acl" in input.resource.unknown
`

// TestUndetermined checks that results resting on unknown values, whether
// through their path or through an explicit "undetermined": true, are
// counted as undetermined and not reported.
func TestUndetermined(t *testing.T) {
	set, diags := policy.Load(fstest.MapFS{"p/policy.rego": {Data: []byte(undeterminedPolicy)}}, policy.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	eng, diags := New(set, Options{Workers: 2})
	if eng == nil {
		t.Fatal(diags)
	}
	bucket := func(id string, attrs map[string]any, unknown ...string) *resource.Resource {
		return &resource.Resource{ID: id, Kind: resource.Terraform, Type: "aws_s3_bucket", Address: id, Attrs: attrs, Unknown: unknown}
	}
	rs := []*resource.Resource{
		bucket("open", map[string]any{"acl": "public-read"}),
		bucket("depends", map[string]any{"acl": "depends"}),
		bucket("decided", map[string]any{"acl": "decided"}),
		bucket("unknown", map[string]any{}, "acl"),
	}
	res, err := eng.Evaluate(t.Context(), rs, EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range res.Findings {
		got[f.ResourceID] = f.Message
	}
	want := map[string]string{"open": "open", "decided": "decided"}
	if len(got) != len(want) || got["open"] != want["open"] || got["decided"] != want["decided"] {
		t.Fatalf("findings = %v, want %v", got, want)
	}
	undetermined := map[string]int{}
	for _, c := range res.Checks {
		undetermined[c.Resource.ID] = c.Undetermined
	}
	for id, n := range map[string]int{"open": 0, "depends": 1, "decided": 0, "unknown": 1} {
		if undetermined[id] != n {
			t.Errorf("%s: %d undetermined, want %d", id, undetermined[id], n)
		}
	}
}

const estateLibrary = `package test.lib.buckets

import data.onus.lib.estate

blocked(id) if count(estate.referrers(id, "aws_s3_bucket_public_access_block")) > 0
`

const estateLibraryEstate = `package onus.lib.estate

referrers(id, type) := [r |
	some rid in object.get(data.onus.estate.referrers, id, [])
	r := data.onus.estate.resources[rid]
	r.type == type
]
`

const throughLibraryPolicy = `# METADATA
# title: Bucket has no block
# custom:
#   id: TEST-002
#   severity: high
#   category: public-access
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_s3_bucket]
#   remediation: Block it.
package test.noblock

import data.test.lib.buckets

deny contains "no block" if not buckets.blocked(input.resource.id)
`

const plainPolicy = `# METADATA
# title: Bucket is named
# custom:
#   id: TEST-003
#   severity: low
#   category: configuration
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_s3_bucket]
#   remediation: Name it.
package test.named

deny contains "unnamed" if not input.resource.attrs.bucket
`

// TestEstateThroughLibrary checks that a policy reading the estate only
// through a library is known to need it, and skipped when resources are
// judged alone; a policy that does not read it still runs.
func TestEstateThroughLibrary(t *testing.T) {
	set, diags := policy.Load(fstest.MapFS{
		"lib/buckets.rego":    {Data: []byte(estateLibrary)},
		"lib/estate.rego":     {Data: []byte(estateLibraryEstate)},
		"noblock/policy.rego": {Data: []byte(throughLibraryPolicy)},
		"named/policy.rego":   {Data: []byte(plainPolicy)},
	}, policy.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	eng, diags := New(set, Options{Workers: 1})
	if eng == nil {
		t.Fatal(diags)
	}
	rs := []*resource.Resource{{ID: "b", Kind: resource.Terraform, Type: "aws_s3_bucket", Address: "aws_s3_bucket.b", Attrs: map[string]any{}}}
	for _, tc := range []struct {
		standalone bool
		want       map[string]bool
	}{
		{false, map[string]bool{"TEST-002": true, "TEST-003": true}},
		{true, map[string]bool{"TEST-003": true}},
	} {
		res, err := eng.Evaluate(t.Context(), rs, EvalOptions{Standalone: tc.standalone})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, f := range res.Findings {
			got[f.Rule] = true
		}
		if len(got) != len(tc.want) || got["TEST-002"] != tc.want["TEST-002"] || got["TEST-003"] != tc.want["TEST-003"] {
			t.Errorf("standalone=%v: findings of %v, want %v", tc.standalone, got, tc.want)
		}
	}
}

// TestNoLines checks that a finding points at the line of the attribute it
// names, and at the resource itself when lines are not asked for.
func TestNoLines(t *testing.T) {
	set, diags := policy.Load(fstest.MapFS{"p/policy.rego": {Data: []byte(undeterminedPolicy)}}, policy.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	eng, diags := New(set, Options{Workers: 1})
	if eng == nil {
		t.Fatal(diags)
	}
	at := func(line int) source.Range {
		return source.Range{Filename: "main.tf", Start: source.Pos{Line: line, Column: 1}, End: source.Pos{Line: line, Column: 20}}
	}
	for _, tc := range []struct {
		noLines bool
		want    int
	}{{false, 3}, {true, 1}} {
		r := &resource.Resource{ID: "b", Kind: resource.Terraform, Type: "aws_s3_bucket", Address: "b",
			Attrs: map[string]any{"acl": "public-read"}, Range: at(1), Locs: resource.MapLocator{"acl": at(3)}}
		res, err := eng.Evaluate(t.Context(), []*resource.Resource{r}, EvalOptions{NoLines: tc.noLines})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) != 1 || res.Findings[0].Location.StartLine != tc.want || res.Findings[0].Location.File != "main.tf" || res.Findings[0].Path != "acl" {
			t.Errorf("NoLines %v: findings %+v, want one at main.tf:%d on acl", tc.noLines, res.Findings, tc.want)
		}
	}
}

const paramsPolicy = `# METADATA
# title: Bucket name is not allowed
# custom:
#   id: TEST-004
#   severity: low
#   category: configuration
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_s3_bucket]
#   params:
#     names:
#       default: ["a"]
#       description: allowed names
#   remediation: Rename it.
package test.params

deny contains sprintf("%s is not allowed", [input.resource.name]) if {
	not input.resource.name in {n | some n in input.params.names}
}
`

// TestParams checks that a policy reads its parameters, defaults and
// overrides, whether they reach it through data or through its input.
func TestParams(t *testing.T) {
	for i, src := range []string{paramsPolicy, strings.Replace(paramsPolicy, "input.params.names", "object.get(input, \"params\", {}).names", 1)} {
		set, diags := policy.Load(fstest.MapFS{"p/policy.rego": {Data: []byte(src)}}, policy.LoadOptions{})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		for _, tc := range []struct {
			params map[string]map[string]any
			want   []string
		}{
			{nil, []string{"b"}},
			{map[string]map[string]any{"TEST-004": {"names": []any{"b"}}}, []string{"a"}},
		} {
			eng, diags := New(set, Options{Params: tc.params})
			if eng == nil {
				t.Fatal(diags)
			}
			// the first reads input.params alone and gets them from data;
			// the second reads all of input and keeps the with scope
			if withScope := eng.compiled[0].hasParams; withScope != (i == 1) {
				t.Errorf("policy %d: with scope %v", i, withScope)
			}
			rs := []*resource.Resource{
				{ID: "a", Kind: resource.Terraform, Type: "aws_s3_bucket", Name: "a", Address: "a"},
				{ID: "b", Kind: resource.Terraform, Type: "aws_s3_bucket", Name: "b", Address: "b"},
			}
			res, err := eng.Evaluate(t.Context(), rs, EvalOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.ResourceID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("params %v: findings on %v, want %v", tc.params, got, tc.want)
			}
		}
	}
}
