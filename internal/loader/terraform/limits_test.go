package terraform

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

func load(t *testing.T, files map[string]string, opts Options) ([]*resource.Resource, source.Diagnostics) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return New(opts).Module(t.Context(), fsys, ".")
}

func hasDiag(diags source.Diagnostics, sev source.Severity, substr string) bool {
	for _, d := range diags {
		if d.Severity == sev && strings.Contains(d.Error(), substr) {
			return true
		}
	}
	return false
}

// TestLimits feeds configurations that would expand without bound and
// checks each is refused with a clear diagnostic, quickly, while the rest
// of the module still loads.
func TestLimits(t *testing.T) {
	deep := map[string]string{}
	for i := range 40 {
		dir := "."
		if i > 0 {
			dir = fmt.Sprintf("m%d", i)
		}
		deep[dir+"/main.tf"] = fmt.Sprintf("module \"next\" {\n  source = \"../m%d\"\n}\nresource \"aws_sqs_queue\" \"q\" {\n  name = \"q%d\"\n}\n", i+1, i)
		if i == 0 {
			deep["main.tf"] = "module \"next\" {\n  source = \"./m1\"\n}\n"
			delete(deep, "./main.tf")
		}
	}
	var chain strings.Builder
	chain.WriteString("locals {\n  l0 = \"x\"\n")
	for i := 1; i < 3000; i++ {
		fmt.Fprintf(&chain, "  l%d = local.l%d\n", i, i-1)
	}
	chain.WriteString("}\nresource \"aws_sqs_queue\" \"q\" {\n  name = local.l2999\n}\n")
	var doubling strings.Builder
	doubling.WriteString("locals {\n  s0 = \"xxxxxxxxxxxxxxxx\"\n")
	for i := 1; i < 40; i++ {
		fmt.Fprintf(&doubling, "  s%d = \"${local.s%d}${local.s%d}\"\n", i, i-1, i-1)
	}
	doubling.WriteString("}\nresource \"aws_sqs_queue\" \"q\" {\n  name = local.s39\n}\n")

	tests := []struct {
		name  string
		files map[string]string
		diag  string
		// loaded is the number of resources that must still load
		loaded int
	}{
		{"huge count", map[string]string{"main.tf": `
resource "aws_sqs_queue" "many" {
  count = 10000000
  name  = "q${count.index}"
}
resource "aws_sqs_queue" "ok" {
  name = "ok"
}`}, "count = 10000000 is over onus's limit", 1},
		{"huge for_each", map[string]string{"main.tf": `
resource "aws_sqs_queue" "many" {
  for_each = { for p in setproduct(range(200), range(200)) : "${p[0]}-${p[1]}" => p }
  name     = each.key
}
resource "aws_sqs_queue" "ok" {
  name = "ok"
}`}, "for_each has 40000 elements", 1},
		{"huge setproduct", map[string]string{"main.tf": `
resource "aws_sqs_queue" "q" {
  name = length(setproduct(range(1000), range(1000), range(1000)))
}`}, "more than 100000 elements", 1},
		{"range", map[string]string{"main.tf": `
resource "aws_sqs_queue" "q" {
  name = length(range(100000000))
}`}, "more than 1024 values", 1},
		{"huge format width", map[string]string{"main.tf": `
resource "aws_sqs_queue" "q" {
  name = format("%999999999d", 1)
}`}, "format width is too large", 1},
		{"deep modules", deep, "nested more than 32 levels", 32},
		{"long reference chain", map[string]string{"main.tf": chain.String()}, "more than 2000 levels", 1},
		{"doubling strings", map[string]string{"main.tf": doubling.String()}, "Value too large", 1},
		{"local cycle", map[string]string{"main.tf": `
locals {
  a = local.b
  b = local.a
}
resource "aws_sqs_queue" "q" {
  name = local.a
}`}, "depends on itself", 1},
		{"resource cycle", map[string]string{"main.tf": `
resource "aws_sqs_queue" "a" {
  name = aws_sqs_queue.b.name
}
resource "aws_sqs_queue" "b" {
  name = aws_sqs_queue.a.name
}`}, "depends on itself", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			rs, diags := load(t, tc.files, Options{})
			if el := time.Since(start); el > 10*time.Second {
				t.Errorf("took %v", el)
			}
			if !hasDiag(diags, source.Error, tc.diag) {
				t.Fatalf("want an error diagnostic with %q, got:\n%v", tc.diag, diags)
			}
			for _, d := range diags {
				if d.Subject == nil || d.Subject.Start.Line == 0 {
					t.Errorf("diagnostic without a position: %v", d)
				}
			}
			if len(rs) != tc.loaded {
				t.Fatalf("loaded %d resources, want %d", len(rs), tc.loaded)
			}
		})
	}
}

// TestVariablePrecedence checks the order Terraform gives variable values:
// default < TF_VAR_ < terraform.tfvars < *.auto.tfvars < --var-file < --var.
func TestVariablePrecedence(t *testing.T) {
	files := map[string]string{
		"main.tf": `
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" { default = "default" }
variable "f" { default = "default" }
variable "ports" { type = list(number) }
variable "tags" { type = map(string) }
resource "terraform_data" "v" {
  input = [var.a, var.b, var.c, var.d, var.e, var.f, var.ports, var.tags]
}`,
		"terraform.tfvars":  "b = \"tfvars\"\nc = \"tfvars\"\nd = \"tfvars\"\ne = \"tfvars\"\nf = \"tfvars\"\n",
		"x.auto.tfvars":     "c = \"auto\"\nd = \"auto\"\ne = \"auto\"\nf = \"auto\"\n",
		"other.tfvars":      "d = \"not read: not automatic\"\n",
		"terraform.tfstate": "{}",
	}
	env := map[string]string{"TF_VAR_a": "env", "TF_VAR_b": "env", "TF_VAR_ports": "[80, 443]"}
	opts := Options{
		Getenv:   func(k string) string { return env[k] },
		VarFiles: []VarFile{{Name: "cli.tfvars", Body: []byte("d = \"file\"\ne = \"file\"\ntags = { team = \"core\" }\n")}},
		Vars:     []VarValue{{Name: "e", Value: "flag"}, {Name: "not_declared", Value: "x"}},
	}
	rs, diags := load(t, files, opts)
	if diags.HasErrors() || len(rs) != 1 {
		t.Fatalf("%d resources, diags %v", len(rs), diags)
	}
	got := fmt.Sprint(rs[0].Attrs["input"])
	want := "[env tfvars auto file flag auto [80 443] map[team:core]]"
	if got != want {
		t.Fatalf("input = %s, want %s", got, want)
	}

	_, diags = load(t, map[string]string{"main.tf": `variable "n" { type = number }`}, Options{Vars: []VarValue{{Name: "n", Value: "not a number"}}})
	if !hasDiag(diags, source.Error, "Invalid value for input variable") {
		t.Fatalf("a --var that does not fit the type must be an error, got %v", diags)
	}
	_, diags = load(t, map[string]string{"main.tf": `variable "n" { type = list(string) }`}, Options{VarFiles: []VarFile{{Name: "bad.tfvars", Body: []byte("n = [")}}})
	if !hasDiag(diags, source.Error, "bad.tfvars:1") {
		t.Fatalf("a broken var file must be an error naming it, got %v", diags)
	}
}

// TestFileFunctionsConfined checks file() and templatefile() read inside
// the scan root only, and a missing file is unknown, not an error.
func TestFileFunctionsConfined(t *testing.T) {
	files := map[string]string{
		"infra/main.tf": `
resource "terraform_data" "a" { input = file("/etc/passwd") }
resource "terraform_data" "b" { input = templatefile("../../secret.tpl", {}) }
resource "terraform_data" "c" { input = filebase64sha256("build/lambda.zip") }
resource "terraform_data" "d" { input = file("../shared/policy.json") }
`,
		"shared/policy.json": `{"Version": "2012-10-17"}`,
	}
	fsys := fstest.MapFS{}
	for n, b := range files {
		fsys[n] = &fstest.MapFile{Data: []byte(b)}
	}
	rs, diags := New(Options{}).Load(t.Context(), fsys, discover.Input{Path: "infra", Files: []string{"infra/main.tf"}})
	got := byAddress(rs)
	if !hasDiag(diags, source.Error, "/etc/passwd is an absolute path") || !hasDiag(diags, source.Error, "leads outside the scan root") {
		t.Fatalf("reads outside the root must be refused, got %v", diags)
	}
	if !hasDiag(diags, source.Warning, "infra/build/lambda.zip does not exist") {
		t.Fatalf("a missing file is a warning, got %v", diags)
	}
	if u := got["terraform_data.c"].Unknown; len(u) != 1 || u[0] != "input" {
		t.Fatalf("a missing file's hash is unknown, got %v", u)
	}
	if v := got["terraform_data.d"].Attrs["input"]; v != `{"Version": "2012-10-17"}` {
		t.Fatalf("a file inside the root is read relative to the root module, got %v", v)
	}
}

// TestGroup checks which directories are root modules.
func TestGroup(t *testing.T) {
	fsys := fstest.MapFS{
		"live/main.tf":         {Data: []byte(`module "net" { source = "../modules/net" }`)},
		"modules/net/main.tf":  {Data: []byte(`module "sub" { source = "./sub" }`)},
		"modules/net/sub/a.tf": {Data: []byte(`resource "aws_vpc" "v" {}`)},
		"alone/main.tf":        {Data: []byte(`variable "x" {}`)},
		"cyc/a/main.tf":        {Data: []byte(`module "b" { source = "../b" }`)},
		"cyc/b/main.tf":        {Data: []byte(`module "a" { source = "../a" }`)},
		"remote/main.tf":       {Data: []byte(`module "x" { source = "hashicorp/consul/aws" }`)},
	}
	in := func(dir string) discover.Input {
		var files []string
		for n := range fsys {
			if strings.HasPrefix(n, dir+"/") && !strings.Contains(n[len(dir)+1:], "/") {
				files = append(files, n)
			}
		}
		return discover.Input{Path: dir, Format: discover.Terraform, Files: files}
	}
	l := New(Options{})
	var got []string
	for _, i := range l.Group(fsys, []discover.Input{in("alone"), in("cyc/a"), in("cyc/b"), in("live"), in("modules/net"), in("modules/net/sub"), in("remote")}) {
		got = append(got, i.Path)
	}
	want := "alone cyc/a cyc/b live remote"
	if strings.Join(got, " ") != want {
		t.Fatalf("roots = %v, want %s", got, want)
	}
	got = nil
	for _, i := range l.Group(fsys, []discover.Input{in("modules/net"), in("modules/net/sub")}) {
		got = append(got, i.Path)
	}
	if strings.Join(got, " ") != "modules/net" {
		t.Fatalf("a module scanned without its caller is a root: got %v", got)
	}
}
