// Package resource defines the one normal form every loader produces: a
// typed, named, addressed thing with attributes and a source range for each
// attribute path, so a finding can point at the offending line.
package resource

import (
	"github.com/onus-project/onus/internal/source"
)

// Kind is the family of input a resource came from. Policies target kinds.
type Kind string

const (
	Kubernetes     Kind = "kubernetes"
	Terraform      Kind = "terraform"
	CloudFormation Kind = "cloudformation"
	ARM            Kind = "arm"
	Dockerfile     Kind = "dockerfile"
	Package        Kind = "package" // a software package from an SBOM or a lockfile
)

// Kinds lists every kind in a stable order.
var Kinds = []Kind{Kubernetes, Terraform, CloudFormation, ARM, Dockerfile, Package}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

// Resource is one declared thing: a Kubernetes object, a Terraform resource
// instance, a CloudFormation resource, a Dockerfile stage, a package.
type Resource struct {
	// ID is unique within one scan; other resources refer to it in Refs.
	ID        string `json:"id"`
	Kind      Kind   `json:"kind"`
	Provider  string `json:"provider"`
	Type      string `json:"type"`
	Name      string `json:"name"`
	Namespace string `json:"namespace,omitempty"`
	// Address is how the source format names the resource:
	// module.net.aws_security_group.web[0], Deployment/prod/api.
	Address string `json:"address"`
	// Module is the Terraform module address ("" for the root module) or
	// the nested stack / template path of other formats.
	Module string `json:"module,omitempty"`
	// Labels are Kubernetes labels or cloud tags; ownership rules match them.
	Labels map[string]string `json:"labels,omitempty"`
	// Attrs is the resource's configuration as plain JSON-like values.
	Attrs map[string]any `json:"attrs"`
	// Refs maps an attribute path to the IDs of the resources it refers to
	// (aws_s3_bucket_acl.bucket → the bucket's ID).
	Refs map[string][]string `json:"refs,omitempty"`
	// Unknown lists attribute paths whose value cannot be known before
	// apply (or without the values the scan lacks). A finding whose path is
	// unknown, or lies under one, is not reported.
	Unknown []string `json:"unknown,omitempty"`
	// Extra holds kind-specific derived views presented to policies beside
	// attrs (for Kubernetes workloads: the pod spec and its path).
	Extra map[string]any `json:"extra,omitempty"`
	// Suppressions are inline waivers written in the resource's comments.
	Suppressions []Suppression `json:"suppressions,omitempty"`
	// Range covers the whole resource (block, document).
	Range source.Range `json:"range"`
	// Locs finds the range of an attribute path; nil means no attribute
	// positions are known.
	Locs Locator `json:"-"`
}

// Locator resolves an attribute path to where it is written.
type Locator interface {
	Locate(path Path) (source.Range, bool)
}

// Locate returns where the attribute at path is written, falling back to the
// longest prefix of path that is written, then to the resource's range.
func (r *Resource) Locate(path Path) source.Range {
	if r.Locs != nil {
		for p := path; len(p) > 0; p = p[:len(p)-1] {
			if rng, ok := r.Locs.Locate(p); ok {
				return rng
			}
		}
	}
	return r.Range
}

// IsUnknown reports whether the value at path, or at one of its prefixes, is
// unknown.
func (r *Resource) IsUnknown(path Path) bool {
	for _, u := range r.Unknown {
		up, err := ParsePath(u)
		if err != nil {
			continue
		}
		if up.HasPrefixOf(path) {
			return true
		}
	}
	return false
}

// Releaser is implemented by locators that cache parsed input; Release
// frees the cache once a resource's findings are located.
type Releaser interface {
	Release()
}

// MapLocator is a Locator backed by a map from path strings to ranges.
type MapLocator map[string]source.Range

// Locate implements Locator.
func (m MapLocator) Locate(p Path) (source.Range, bool) {
	r, ok := m[p.String()]
	return r, ok
}

var _ Locator = MapLocator(nil)
