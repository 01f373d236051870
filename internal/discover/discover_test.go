package discover

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n"

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"k8s/pod.yaml":                pod,
		"k8s/list.json":               `{"apiVersion": "v1", "kind": "List", "items": []}`,
		"k8s/notes.yaml":              "just: config\n",
		"README.md":                   "# hi",
		"infra/main.tf":               `resource "aws_s3_bucket" "b" {}`,
		"infra/vars.tf":               `variable "x" {}`,
		"infra/modules/net/main.tf":   `resource "aws_vpc" "v" {}`,
		"cfn/stack.yaml":              "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n",
		"arm/azuredeploy.json":        `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": []}`,
		"app/Dockerfile":              "FROM alpine:3.20\n",
		"app/package-lock.json":       `{"lockfileVersion": 3}`,
		"sbom/app.cdx.json":           `{"bomFormat": "CycloneDX", "specVersion": "1.5"}`,
		"sbom/app.spdx.json":          `{"spdxVersion": "SPDX-2.3"}`,
		"plan/plan.json":              `{"format_version": "1.2", "terraform_version": "1.9.0", "planned_values": {}}`,
		"chart/templates/deploy.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n",
		"node_modules/x/pod.yaml":     pod,
		".git/config.yaml":            pod,
		"vendor/pod.yaml":             pod,
		"ignored/pod.yaml":            pod,
		"big/pod.yaml":                pod + strings.Repeat("# padding\n", 200),
		".onusignore":                 "ignored/\n",
	})
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	ins, diags, err := Walk(t.Context(), root, Options{MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Format{}
	for _, in := range ins {
		got[in.Path] = in.Format
	}
	want := map[string]Format{
		"k8s/pod.yaml":          Kubernetes,
		"k8s/list.json":         Kubernetes,
		"infra":                 Terraform,
		"infra/modules/net":     Terraform,
		"cfn/stack.yaml":        CloudFormation,
		"arm/azuredeploy.json":  ARM,
		"app/Dockerfile":        Dockerfile,
		"app/package-lock.json": Lockfile,
		"sbom/app.cdx.json":     CycloneDX,
		"sbom/app.spdx.json":    SPDX,
		"plan/plan.json":        TerraformPlan,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("inputs (-want +got):\n%s", diff)
	}
	var summaries []string
	for _, d := range diags {
		summaries = append(summaries, d.Subject.Filename+": "+d.Summary)
	}
	wantDiags := []string{
		"chart/templates/deploy.yaml: helm chart template not scanned",
		"big/pod.yaml: file too large",
	}
	if diff := cmp.Diff(wantDiags, summaries, sortStrings); diff != "" {
		t.Fatalf("diagnostics (-want +got):\n%s", diff)
	}
	for _, in := range ins {
		if in.Format == Terraform && in.Path == "infra" && len(in.Files) != 2 {
			t.Fatalf("terraform dir files = %v", in.Files)
		}
	}
}

var sortStrings = cmp.Transformer("sort", func(in []string) []string {
	out := append([]string(nil), in...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
})

func TestWalkRefusesSymlinkOutOfRoot(t *testing.T) {
	outside := t.TempDir()
	write(t, outside, map[string]string{"secret.yaml": pod})
	dir := t.TempDir()
	write(t, dir, map[string]string{"ok.yaml": pod})
	if err := os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(dir, "escape.yaml")); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "escapedir")); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	ins, diags, err := Walk(t.Context(), root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ins) != 1 || ins[0].Path != "ok.yaml" {
		t.Fatalf("inputs = %+v, want only ok.yaml", ins)
	}
	if len(diags) != 2 {
		t.Fatalf("want a diagnostic per escaping symlink, got %v", diags)
	}
	for _, d := range diags {
		if d.Summary != "symlink skipped" {
			t.Fatalf("unexpected diagnostic %v", d)
		}
	}
}

func TestWalkOnlyAndCancel(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.yaml": pod, "b.yaml": pod})
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	ins, _, err := Walk(t.Context(), root, Options{Only: []string{"b.yaml"}})
	if err != nil || len(ins) != 1 || ins[0].Path != "b.yaml" {
		t.Fatalf("Only: %v %v", ins, err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, _, err := Walk(ctx, root, Options{}); err == nil {
		t.Fatal("a cancelled walk must return an error")
	}
}

func TestReadFileLimit(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a": "0123456789"})
	root, _ := os.OpenRoot(dir)
	defer root.Close()
	if _, err := ReadFile(root.FS(), "a", 5); err == nil {
		t.Fatal("over the limit must fail")
	}
	if b, err := ReadFile(root.FS(), "a", 10); err != nil || len(b) != 10 {
		t.Fatalf("at the limit: %q %v", b, err)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, file, head string
		want             Format
	}{
		{"k8s yaml", "x.yml", pod, Kubernetes},
		{"k8s list item", "x.yaml", "- apiVersion: v1\n  kind: Pod\n", Kubernetes},
		{"cfn yaml without version", "t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n", CloudFormation},
		{"cfn template ext", "t.template", "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}", CloudFormation},
		{"plain yaml", "ci.yaml", "jobs: {}\n", ""},
		{"containerfile", "Containerfile", "", Dockerfile},
		{"dockerfile suffix", "api.Dockerfile", "", Dockerfile},
		{"requirements", "requirements-dev.txt", "", Lockfile},
		{"tf json", "main.tf.json", "{}", Terraform},
		{"helm comment only", "x.yaml", "# {{ not a template }}\napiVersion: v1\nkind: Pod\n", Kubernetes},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Detect(tc.file, []byte(tc.head)); got != tc.want {
				t.Fatalf("Detect = %q, want %q", got, tc.want)
			}
		})
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("a.yaml", []byte(pod))
	f.Add("a.json", []byte(`{"apiVersion":"v1","kind":"Pod"}`))
	f.Add("t.yaml", []byte("AWSTemplateFormatVersion: x\n"))
	f.Fuzz(func(t *testing.T, name string, head []byte) {
		got := Detect(name, head)
		if got != "" && got != HelmTemplate && !validFormat(got) {
			t.Fatalf("Detect returned unknown format %q", got)
		}
	})
}

func validFormat(f Format) bool {
	for _, x := range Formats {
		if x == f {
			return true
		}
	}
	return false
}
