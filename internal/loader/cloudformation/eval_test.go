package cloudformation

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/discover"
)

// attrsOf parses a template holding one resource R and returns its attrs
// and unknown paths.
func attrsOf(t *testing.T, props string, params map[string]string) (map[string]any, []string) {
	t.Helper()
	tpl := `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: dev}
  Port: {Type: Number, Default: 22}
  List: {Type: CommaDelimitedList, Default: "a,b,c"}
  NoDefault: {Type: String}
Mappings:
  M:
    dev: {Size: small, Ports: [1, 2]}
Conditions:
  IsDev: !Equals [!Ref Env, dev]
  Unknown: !Equals [!Ref NoDefault, x]
  DevOrUnknown: !Or [!Condition IsDev, !Condition Unknown]
  DevAndUnknown: !And [!Condition IsDev, !Condition Unknown]
Resources:
  Other: {Type: AWS::S3::Bucket}
  R:
    Type: Test::Thing
    Properties:
` + props
	rs, diags := Parse(t.Context(), "t.yaml", []byte(tpl), Options{Params: params})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, r := range rs {
		if r.Name == "R" {
			return r.Attrs, r.Unknown
		}
	}
	t.Fatal("R not loaded")
	return nil, nil
}

func TestIntrinsics(t *testing.T) {
	tests := []struct {
		name, prop string
		params     map[string]string
		want       any
		unknown    bool
	}{
		{"ref param default", "!Ref Env", nil, "dev", false},
		{"ref param file wins", "!Ref Env", map[string]string{"Env": "prod"}, "prod", false},
		{"ref number default", "!Ref Port", nil, int64(22), false},
		{"ref without value", "!Ref NoDefault", nil, nil, true},
		{"ref resource", "!Ref Other", nil, nil, true},
		{"ref list", "!Ref List", nil, []any{"a", "b", "c"}, false},
		{"partition", "!Ref AWS::Partition", nil, "aws", false},
		{"region", "!Ref AWS::Region", nil, nil, true},
		{"sub", `!Sub "x-${Env}-${!Literal}"`, nil, "x-dev-${Literal}", false},
		{"sub vars", `!Sub ["${A}-${Env}", {A: !Ref Port}]`, nil, "22-dev", false},
		{"sub unknown", `!Sub "${AWS::AccountId}"`, nil, nil, true},
		{"long form sub", `{"Fn::Sub": "a${Env}"}`, nil, "adev", false},
		{"join", `!Join ["-", [a, !Ref Env, 3]]`, nil, "a-dev-3", false},
		{"join unknown", `!Join ["-", [a, !Ref Other]]`, nil, nil, true},
		{"select", "!Select [2, !Ref List]", nil, "c", false},
		{"select string index", `!Select ["1", [x, y]]`, nil, "y", false},
		{"split", `!Split [",", "a,b"]`, nil, []any{"a", "b"}, false},
		{"findinmap", "!FindInMap [M, !Ref Env, Size]", nil, "small", false},
		{"findinmap list", "!FindInMap [M, dev, Ports]", nil, []any{int64(1), int64(2)}, false},
		{"findinmap default", "!FindInMap [M, prod, Size, {DefaultValue: big}]", nil, "big", false},
		{"if true", "!If [IsDev, yes, no]", nil, "yes", false},
		{"if false", "!If [IsDev, yes, no]", map[string]string{"Env": "prod"}, "no", false},
		{"if unknown", "!If [Unknown, yes, no]", nil, nil, true},
		{"or decided", "!If [DevOrUnknown, yes, no]", nil, "yes", false},
		{"and undecided", "!If [DevAndUnknown, yes, no]", nil, nil, true},
		{"and decided", "!If [DevAndUnknown, yes, no]", map[string]string{"Env": "prod"}, "no", false},
		{"equals in property", "!Equals [!Ref Env, dev]", nil, true, false},
		{"base64", "!Base64 hi", nil, "aGk=", false},
		{"cidr", `!Cidr ["10.0.0.0/16", 3, 8]`, nil, []any{"10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"}, false},
		{"cidr ipv6", `!Cidr ["2001:db8::/56", 2, 64]`, nil, []any{"2001:db8::/64", "2001:db8:0:1::/64"}, false},
		{"length", "!Length [a, b]", nil, int64(2), false},
		{"tojson", "{\"Fn::ToJsonString\": {a: 1}}", nil, `{"a":1}`, false},
		{"getazs", `!GetAZs ""`, nil, nil, true},
		{"importvalue", "!ImportValue shared", nil, nil, true},
		{"getatt", "!GetAtt Other.Arn", nil, nil, true},
		{"getatt list", "{\"Fn::GetAtt\": [Other, Arn]}", nil, nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			attrs, unknown := attrsOf(t, "      V: "+tc.prop+"\n", tc.params)
			got, has := attrs["V"]
			if tc.unknown {
				if has || len(unknown) != 1 || unknown[0] != "V" {
					t.Fatalf("want V unknown, got %v (unknown %v)", got, unknown)
				}
				return
			}
			if !has {
				t.Fatalf("V missing; unknown %v", unknown)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestNoValueRemoves(t *testing.T) {
	attrs, _ := attrsOf(t, "      A: !Ref AWS::NoValue\n      B: [x, !If [IsDev, !Ref AWS::NoValue, y], z]\n", nil)
	if _, has := attrs["A"]; has {
		t.Fatal("AWS::NoValue must remove the property")
	}
	if diff := cmp.Diff([]any{"x", "z"}, attrs["B"]); diff != "" {
		t.Fatal(diff)
	}
}

func TestParseParams(t *testing.T) {
	for name, tc := range map[string]struct {
		in   string
		want map[string]string
		err  string
	}{
		"cli list":   {in: `[{"ParameterKey":"A","ParameterValue":"1"},{"ParameterKey":"B","UsePreviousValue":true}]`, want: map[string]string{"A": "1"}},
		"config map": {in: `{"Parameters":{"A":"x","N":3,"L":["a","b"]},"Tags":{}}`, want: map[string]string{"A": "x", "N": "3", "L": "a,b"}},
		"bad shape":  {in: `{"A":"x"}`, err: "p.json:1:1: invalid parameter file"},
		"no value":   {in: "[\n {\"ParameterKey\":\"A\"}\n]", err: "p.json:2:2: invalid parameter file: A has no ParameterValue"},
		"bad json":   {in: `[{"ParameterKey":}]`, err: "p.json:1:18: invalid parameter file"},
	} {
		t.Run(name, func(t *testing.T) {
			got, diags := ParseParams("p.json", []byte(tc.in))
			if tc.err != "" {
				if len(diags) != 1 || !strings.HasPrefix(diags[0].Error(), tc.err) {
					t.Fatalf("want %q, got %v", tc.err, diags)
				}
				return
			}
			if diags != nil {
				t.Fatal(diags)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Fatal(diff)
			}
		})
	}
}

func TestGroupDropsNestedTemplates(t *testing.T) {
	fsys := testFS(t)
	ins := []discover.Input{{Path: "nested/parent.yaml"}, {Path: "nested/stacks/network.yaml"}, {Path: "storage.yaml"}}
	got := New().Group(fsys, ins)
	var paths []string
	for _, in := range got {
		paths = append(paths, in.Path)
	}
	if diff := cmp.Diff([]string{"nested/parent.yaml", "storage.yaml"}, paths); diff != "" {
		t.Fatal(diff)
	}
}

func TestNestedCycle(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yaml": {Data: []byte("Resources:\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: b.yaml\n")},
		"b.yaml": {Data: []byte("Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./a.yaml\n")},
	}
	rs, diags := New().Load(t.Context(), fsys, discover.Input{Path: "a.yaml"})
	if len(rs) != 2 || rs[1].Address != "B.A" {
		t.Fatalf("got %d resources", len(rs))
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Error(), "b.yaml:5:7: nested stack cycle") {
		t.Fatalf("got %v", diags)
	}
}

func TestAliasBombRefused(t *testing.T) {
	bomb := `Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      a: &a ["x","x","x","x","x","x","x","x","x","x"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
      g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
`
	_, diags := Parse(t.Context(), "bomb.yaml", []byte(bomb), Options{})
	if !diags.HasErrors() || !strings.Contains(diags.Error(), "size limit") {
		t.Fatalf("want a refusal, got %v", diags)
	}
}
