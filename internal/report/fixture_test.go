package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// hostile is text an attacker controls (a resource name, a comment, a
// label) that every format must carry without letting it act.
const hostile = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> | pipe | "quoted", comma ` + "`tick` \x1b[2J\x1b]0;pwned\x07"

// fixtureTime is the fixed time of the fixture report.
var fixtureTime = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func fixturePolicies() []*policy.Policy {
	k8s := []policy.Target{{Kind: resource.Kubernetes, Types: []string{"@workload"}}}
	return []*policy.Policy{
		{
			ID: "ONUS-AWS-120", Title: "Instance auto-recovery is off", Severity: finding.Low,
			Category: finding.Resilience, Layer: finding.VirtualInfrastructure,
			Description: "Without auto-recovery an instance on failed hardware stays down until someone notices.",
			Targets:     []policy.Target{{Kind: resource.Terraform, Types: []string{"aws_instance"}}},
			Controls:    map[string][]string{"nist-800-53": {"CP-10"}},
			Remediation: "Set `maintenance_options.auto_recovery = \"default\"`.",
		},
		{
			ID: "ONUS-K8S-001", Title: "Container runs privileged", Severity: finding.Critical,
			Category: finding.WorkloadIsolation, Layer: finding.OperatingSystem,
			Description: "A privileged container runs with every capability of root on the node and sees the host's devices.",
			Targets:     k8s,
			Controls:    map[string][]string{"cis-kubernetes": {"5.2.2"}, "nist-800-53": {"AC-6", "CM-7"}},
			Remediation: "Remove `securityContext.privileged` or set it to `false`.\nIf one kernel feature is needed, add only that capability.",
			Related:     []string{"https://kubernetes.io/docs/concepts/security/pod-security-standards/"},
		},
		{
			ID: "ONUS-K8S-012", Title: "Image tag is latest or missing", Severity: finding.Medium,
			Category: finding.Configuration, Layer: finding.Application,
			Description: "A moving tag deploys whatever was pushed last.",
			Targets:     k8s,
			Params:      map[string]policy.Param{"allowed_tags": {Default: []any{}, Description: "tags allowed anyway"}},
			Remediation: "Pin the image to a version tag or a digest.",
		},
		{
			ID: "ONUS-K8S-030", Title: "Role grants wildcard access", Severity: finding.High,
			Category: finding.Identity, Layer: finding.DataAccess,
			Targets:     []policy.Target{{Kind: resource.Kubernetes, Types: []string{"@role"}}},
			Controls:    map[string][]string{"cis-kubernetes": {"5.1.3"}},
			Remediation: "List the verbs and resources the subject needs.",
		},
		{
			ID: "ONUS-K8S-041", Title: "Ingress serves plain HTTP", Severity: finding.High,
			Category: finding.Encryption, Layer: finding.Network,
			Targets:     []policy.Target{{Kind: resource.Kubernetes, Types: []string{"Ingress"}}},
			Remediation: "Add a `tls` section with a certificate for every host.",
		},
		{
			ID: "ONUS-K8S-050", Title: "Secret written in an environment variable", Severity: finding.High,
			Category: finding.Secrets, Layer: finding.DataAccess,
			Targets:     k8s,
			Remediation: "Read the value from a Secret with `valueFrom.secretKeyRef`.",
		},
	}
}

var fixtureFiles = source.Files{
	"apps/api/deploy.yaml": []byte(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: web
  labels:
    team: payments
spec:
  replicas: 3
  template:
    spec:
      initContainers:
        - name: setup
          image: registry.example.com/setup:1.0
          securityContext: {privileged: true} # onus:ignore ONUS-K8S-001 device plugin needs it until OPS-12 ships
      containers:
        - name: api
          image: registry.example.com/api:latest
          securityContext:
            runAsNonRoot: true
            privileged: true
          env:
            - name: GREETING
              value: "grüß dich — 你好"
`),
	"rbac/roles.yaml": []byte(`apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ops-admin
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`),
	"apps/shop/ingress.yaml": []byte("apiVersion: networking.k8s.io/v1\r\nkind: Ingress\r\nmetadata:\r\n  name: shop\r\n  # </code></pre><script>window.__pwned=3</script><!--\r\n  namespace: storefront\r\nspec:\r\n  rules:\r\n    - host: shop.example.com\r\n"),
	"apps/café/pod.yaml": []byte(`apiVersion: v1
kind: Pod
metadata:
  name: café
  namespace: storefront
spec:
  containers:
    - name: app
      image: registry.example.com/cafe:2.1
      env:
        - name: DB_PASSWORD
          value: "hunter2" # kept for the demo
`),
	"infra/main.tf": []byte(`resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  maintenance_options {
    auto_recovery = "disabled"
  }
}
`),
}

func mkFinding(p *policy.Policy, id string, ref finding.ResourceRef, file string, line, end int, msg string) finding.Finding {
	f := finding.Finding{
		Rule: p.ID, Title: p.Title, Severity: p.Severity, Category: p.Category, Layer: p.Layer,
		Remediation: p.Remediation, Controls: p.Controls, Status: finding.Fail, Resource: ref, ResourceID: id,
		Location: finding.Location{File: file, StartLine: line, EndLine: end}, Message: msg,
	}
	f.ComputeFingerprint()
	return f
}

// fixture is the representative report every format's golden test
// renders: several owners, layers and severities, an inline and a
// file waiver, gaps, diagnostics with and without a position, unicode,
// CRLF line ends, a long message and text an attacker controls.
func fixture() *Report {
	ps := fixturePolicies()
	pol := map[string]*policy.Policy{}
	for _, p := range ps {
		pol[p.ID] = p
	}
	api := finding.ResourceRef{Address: "Deployment/web/api", Type: "Deployment", Name: "api", Kind: resource.Kubernetes, Provider: "kubernetes", Namespace: "web"}
	worker := finding.ResourceRef{Address: "Deployment/web/worker", Type: "Deployment", Name: "worker", Kind: resource.Kubernetes, Provider: "kubernetes", Namespace: "web"}
	role := finding.ResourceRef{Address: "ClusterRole/ops-admin", Type: "ClusterRole", Name: "ops-admin", Kind: resource.Kubernetes, Provider: "kubernetes"}
	ing := finding.ResourceRef{Address: "Ingress/storefront/shop", Type: "Ingress", Name: "shop" + hostile, Kind: resource.Kubernetes, Provider: "kubernetes", Namespace: "storefront"}
	pod := finding.ResourceRef{Address: "Pod/storefront/café", Type: "Pod", Name: "café", Kind: resource.Kubernetes, Provider: "kubernetes", Namespace: "storefront"}
	ec2 := finding.ResourceRef{Address: "aws_instance.web", Type: "aws_instance", Name: "web", Kind: resource.Terraform, Provider: "aws"}

	k8s := func(f finding.Finding, service string, owner finding.Owner, team string) finding.Finding {
		f.Service, f.ServiceModel, f.Owner, f.Team = service, finding.CaaS, owner, team
		return f
	}
	fs := []finding.Finding{
		k8s(mkFinding(pol["ONUS-K8S-001"], "r1", api, "apps/api/deploy.yaml", 15, 15, `initContainer "setup" runs privileged`), "kubernetes-workloads", finding.Shared, "payments"),
		k8s(mkFinding(pol["ONUS-K8S-012"], "r1", api, "apps/api/deploy.yaml", 18, 18, `container "api" uses the tag latest of registry.example.com/api`), "kubernetes-workloads", finding.Customer, "payments"),
		k8s(mkFinding(pol["ONUS-K8S-001"], "r1", api, "apps/api/deploy.yaml", 21, 21, `container "api" runs privileged — the node's kernel is exposed (→ 全ノード)`), "kubernetes-workloads", finding.Shared, "payments"),
		k8s(mkFinding(pol["ONUS-K8S-041"], "r3", ing, "apps/shop/ingress.yaml", 7, 9, `Ingress "shop`+hostile+`" serves plain HTTP`), "kubernetes-networking", finding.Shared, "storefront"),
		k8s(mkFinding(pol["ONUS-K8S-050"], "r4", pod, "apps/café/pod.yaml", 12, 12, `=HYPERLINK("http://evil.example","env DB_PASSWORD holds a literal secret")`), "kubernetes-workloads", finding.Customer, "storefront"),
		mkFinding(pol["ONUS-AWS-120"], "r5", ec2, "infra/main.tf", 5, 5, "aws_instance.web has auto_recovery disabled"),
		k8s(mkFinding(pol["ONUS-K8S-030"], "r2", role, "rbac/roles.yaml", 6, 8,
			"ClusterRole \"ops-admin\" grants every verb on every resource in every API group, which lets any subject bound to it read every Secret of the cluster, change any workload, escalate its own privileges and impersonate other users; a role like this is the cluster's root account and should be bound to nobody but break-glass accounts held by the platform team"),
			"kubernetes-rbac", finding.Customer, ""),
	}
	fs[5].Service, fs[5].ServiceModel, fs[5].Owner, fs[5].Team = "aws-ec2", finding.IaaS, finding.Provider, "platform"
	// the privileged init container is waived inline
	fs[0].Status = finding.Waived
	fs[0].Waiver = &finding.Waiver{Source: "inline", Reason: "device plugin needs it until OPS-12 ships"}
	// the café secret is waived in a waiver file, with an expiry
	exp := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	fs[4].Status = finding.Waived
	fs[4].Waiver = &finding.Waiver{Source: "waivers.yaml", Reason: "demo data, not a real credential", Approver: "sec-team", Ticket: "SEC-481", Expires: &exp}
	finding.Sort(fs)

	check := func(rule, id string, ref finding.ResourceRef, file string, line int, service string, owner finding.Owner, failed, undetermined int) Check {
		return Check{Rule: rule, ResourceID: id, Resource: ref, Location: finding.Location{File: file, StartLine: line, EndLine: line},
			Service: service, ServiceModel: finding.CaaS, Layer: pol[rule].Layer, Owner: owner, Failed: failed, Undetermined: undetermined}
	}
	checks := []Check{
		check("ONUS-K8S-001", "r1", api, "apps/api/deploy.yaml", 2, "kubernetes-workloads", finding.Shared, 2, 0),
		check("ONUS-K8S-012", "r1", api, "apps/api/deploy.yaml", 2, "kubernetes-workloads", finding.Customer, 1, 0),
		check("ONUS-K8S-050", "r1", api, "apps/api/deploy.yaml", 2, "kubernetes-workloads", finding.Customer, 0, 0),
		check("ONUS-K8S-001", "r6", worker, "apps/api/deploy.yaml", 2, "kubernetes-workloads", finding.Shared, 0, 0),
		check("ONUS-K8S-012", "r6", worker, "apps/api/deploy.yaml", 2, "kubernetes-workloads", finding.Customer, 0, 0),
		check("ONUS-K8S-050", "r6", worker, "apps/api/deploy.yaml", 2, "kubernetes-workloads", finding.Customer, 0, 1),
		check("ONUS-K8S-030", "r2", role, "rbac/roles.yaml", 2, "kubernetes-rbac", finding.Customer, 1, 0),
		check("ONUS-K8S-041", "r3", ing, "apps/shop/ingress.yaml", 2, "kubernetes-networking", finding.Shared, 1, 0),
		check("ONUS-K8S-001", "r4", pod, "apps/café/pod.yaml", 2, "kubernetes-workloads", finding.Shared, 0, 0),
		check("ONUS-K8S-012", "r4", pod, "apps/café/pod.yaml", 2, "kubernetes-workloads", finding.Customer, 0, 0),
		check("ONUS-K8S-050", "r4", pod, "apps/café/pod.yaml", 2, "kubernetes-workloads", finding.Customer, 1, 0),
		{Rule: "ONUS-AWS-120", ResourceID: "r5", Resource: ec2, Location: finding.Location{File: "infra/main.tf", StartLine: 1, EndLine: 7},
			Service: "aws-ec2", ServiceModel: finding.IaaS, Layer: finding.VirtualInfrastructure, Owner: finding.Provider, Failed: 1},
	}
	diags := source.Diagnostics{
		source.Warningf(source.At("apps/api/deploy.yaml", 30, 5), "inline waiver expired", "the waiver of ONUS-K8S-012 expired on 2026-01-31; the finding is reported again"),
		source.Errorf(source.At("broken/values.yaml", 3, 9), "invalid YAML", "mapping values are not allowed in this context"),
		source.Warningf(nil, "parameters for an unknown policy", "ACME-9 is not loaded"),
	}
	gaps := []Gap{
		{Kind: "uncovered", Service: "kubernetes-workloads", ServiceModel: finding.CaaS, Layer: finding.Middleware, Owner: finding.Customer, Team: "payments", Resources: 3,
			Message: "no policy checks the middleware layer of Kubernetes workloads"},
		{Kind: "unowned", Service: "kubernetes-rbac", ServiceModel: finding.CaaS, Layer: finding.DataAccess, Owner: finding.Customer, Resources: 1,
			Message: "no team owns data-access for Kubernetes access control " + hostile},
	}
	return Build(Input{
		Tool:         Tool{Name: "onus", Version: "v1.2.3"},
		Now:          fixtureTime,
		Roots:        []string{"estate"},
		Findings:     fs,
		Gaps:         gaps,
		Diagnostics:  diags,
		Files:        6,
		Resources:    6,
		Policies:     ps,
		Sources:      fixtureFiles,
		CheckResults: checks,
	})
}

// render writes the fixture in a format.
func render(t *testing.T, name string, o Options) []byte {
	t.Helper()
	w, err := NewFormats().Get(name, o)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w.Write(&buf, fixture()); err != nil {
		t.Fatalf("write %s: %v", name, err)
	}
	return buf.Bytes()
}

// golden compares got with testdata/golden/name, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got); run go test ./internal/report -update if the change is intended:\n%s", path, diff)
	}
}
