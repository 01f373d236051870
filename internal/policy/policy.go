// Package policy reads Rego v1 policy modules and their METADATA
// annotations into typed, validated policies. Built-in policies and users'
// directories go through the same path (an fs.FS).
package policy

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/resource"
)

// Entrypoint is the rule every policy defines: a set of results.
const Entrypoint = "deny"

// Target says which resources a policy applies to.
type Target struct {
	Kind resource.Kind `json:"kind"`
	// Types lists resource types ("aws_s3_bucket", "Deployment"); "*" is
	// every type of the kind. A type starting with "@" names a group.
	Types []string `json:"types"`
}

// Param is a policy parameter: a default that onus.yaml can override.
type Param struct {
	Default     any    `json:"default"`
	Description string `json:"description,omitempty"`
}

// Policy is one check, with the metadata the report contract needs.
type Policy struct {
	ID          string              `json:"id"`
	Title       string              `json:"title"`
	Description string              `json:"description"`
	Severity    finding.Severity    `json:"severity"`
	Category    finding.Category    `json:"category"`
	Layer       finding.Layer       `json:"layer"`
	Targets     []Target            `json:"targets"`
	Controls    map[string][]string `json:"controls"`
	Params      map[string]Param    `json:"params,omitempty"`
	Remediation string              `json:"remediation"`
	Package     string              `json:"package"` // data.onus.kubernetes.privileged
	File        string              `json:"file"`
	Builtin     bool                `json:"builtin"`
	Module      *ast.Module         `json:"-"`
	// Related lists reference URLs from related_resources.
	Related []string `json:"related,omitempty"`
}

// Query is the Rego query that evaluates the policy.
func (p *Policy) Query() string { return p.Package + "." + Entrypoint }

// Applies reports whether the policy targets a resource kind and type.
func (p *Policy) Applies(kind resource.Kind, typ string) bool {
	for _, t := range p.Targets {
		if t.Kind != kind {
			continue
		}
		for _, ty := range t.Types {
			if ty == "*" || ty == typ {
				return true
			}
		}
	}
	return false
}

// Groups are named sets of resource types usable in targets ("@workload").
var Groups = map[resource.Kind]map[string][]string{
	resource.Kubernetes: {
		"@workload":   {"Pod", "PodTemplate", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"},
		"@controller": {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"},
		"@role":       {"Role", "ClusterRole"},
		"@binding":    {"RoleBinding", "ClusterRoleBinding"},
	},
}

// Frameworks are the compliance frameworks policies may map controls to,
// with the version the mappings follow.
var Frameworks = map[string]string{
	"cis-kubernetes":      "CIS Kubernetes Benchmark v1.9.0",
	"nsa-cisa-kubernetes": "NSA/CISA Kubernetes Hardening Guidance v1.2",
	"nist-800-53":         "NIST SP 800-53 Rev. 5",
	"cis-aws":             "CIS Amazon Web Services Foundations Benchmark v3.0.0",
	"cis-azure":           "CIS Microsoft Azure Foundations Benchmark v2.1.0",
	"cis-gcp":             "CIS Google Cloud Platform Foundation Benchmark v3.0.0",
	"csa-ccm":             "CSA Cloud Controls Matrix v4.0.12",
	"pci-dss":             "PCI DSS v4.0.1",
	"cis-docker":          "CIS Docker Benchmark v1.6.0",
}

var idPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+$`)

// Set is a collection of policies and the other Rego modules (libraries and
// tests) they are compiled with.
type Set struct {
	Policies []*Policy
	// Modules holds every non-test module by file name: policies and libraries.
	Modules map[string]*ast.Module
	// Tests holds *_test.rego modules by file name.
	Tests map[string]*ast.Module
}

// Merge adds other's policies and modules into s. Duplicate policy IDs are
// returned as an error naming both files.
func (s *Set) Merge(other *Set) error {
	if s.Modules == nil {
		s.Modules = map[string]*ast.Module{}
	}
	if s.Tests == nil {
		s.Tests = map[string]*ast.Module{}
	}
	seen := map[string]*Policy{}
	for _, p := range s.Policies {
		seen[p.ID] = p
	}
	for _, p := range other.Policies {
		if q, dup := seen[p.ID]; dup {
			return fmt.Errorf("policy %s is defined twice: %s and %s", p.ID, q.File, p.File)
		}
		seen[p.ID] = p
		s.Policies = append(s.Policies, p)
	}
	for k, m := range other.Modules {
		s.Modules[k] = m
	}
	for k, m := range other.Tests {
		s.Tests[k] = m
	}
	sort.Slice(s.Policies, func(i, j int) bool { return s.Policies[i].ID < s.Policies[j].ID })
	return nil
}

// Get returns the policy with an ID, or nil.
func (s *Set) Get(id string) *Policy {
	for _, p := range s.Policies {
		if strings.EqualFold(p.ID, id) {
			return p
		}
	}
	return nil
}

// Filter returns a set holding only the policies keep accepts, with every
// module (libraries stay available; an unused policy module is harmless).
func (s *Set) Filter(keep func(*Policy) bool) *Set {
	out := &Set{Modules: s.Modules, Tests: s.Tests}
	for _, p := range s.Policies {
		if keep(p) {
			out.Policies = append(out.Policies, p)
		}
	}
	return out
}

// Trim returns a set holding only the policies keep accepts and the
// modules they need: their own, and every other module whose package they
// reach, directly or through another module, by import or by a reference
// into data. Unlike Filter's set, the modules of the policies left out are
// not compiled, so a caller that needs a few policies of a large set (onus
// serve needs the Kubernetes ones) does not keep the rest in memory. A
// reference computed at run time (data[x]) reaches every package under its
// known prefix.
func (s *Set) Trim(keep func(*Policy) bool) *Set {
	out := &Set{Modules: map[string]*ast.Module{}, Tests: s.Tests}
	var queue []string
	for _, p := range s.Policies {
		if keep(p) {
			out.Policies = append(out.Policies, p)
			queue = append(queue, p.File)
		}
	}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		m, ok := s.Modules[name]
		if !ok || out.Modules[name] != nil {
			continue
		}
		out.Modules[name] = m
		refs := dataRefs(m)
		for other, om := range s.Modules {
			if out.Modules[other] != nil || om.Package == nil {
				continue
			}
			for _, r := range refs {
				if om.Package.Path.HasPrefix(r) || r.HasPrefix(om.Package.Path) {
					queue = append(queue, other)
					break
				}
			}
		}
	}
	return out
}

// dataRefs returns the known prefixes of the references a module makes
// into data, imports and its own package included (the rules of one
// package may sit in several files, and a package's parent and children
// are compiled with it).
func dataRefs(m *ast.Module) []ast.Ref {
	var out []ast.Ref
	add := func(r ast.Ref) {
		if len(r) > 0 && r[0].Equal(ast.DefaultRootDocument) {
			out = append(out, r.ConstantPrefix())
		}
	}
	if m.Package != nil {
		add(m.Package.Path)
	}
	for _, imp := range m.Imports {
		if r, ok := imp.Path.Value.(ast.Ref); ok {
			add(r)
		}
	}
	for _, rule := range m.Rules {
		ast.WalkRefs(rule, func(r ast.Ref) bool {
			add(r)
			return false
		})
	}
	return out
}

// ExpandTypes resolves group names in a kind's type list.
func ExpandTypes(kind resource.Kind, types []string) ([]string, error) {
	var out []string
	for _, t := range types {
		if strings.HasPrefix(t, "@") {
			g, ok := Groups[kind][t]
			if !ok {
				return nil, fmt.Errorf("unknown type group %q for kind %s", t, kind)
			}
			out = append(out, g...)
			continue
		}
		out = append(out, t)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}
