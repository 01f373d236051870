// Package builtin embeds the policies that ship inside onus: one directory
// per policy (policy.rego, policy_test.rego, testdata/pass*, testdata/fail*)
// and shared Rego libraries under lib/.
package builtin

import (
	"embed"
	"io/fs"
	"sync"

	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/source"
)

//go:embed lib/*.rego lib/aws/*.rego lib/azure/*.rego lib/gcp/*.rego azure/*/*.rego gcp/*/*.rego kubernetes/*/*.rego aws/*/*.rego dockerfile/*/*.rego vulnerability/*/*.rego
var files embed.FS

// FS returns the embedded policy tree.
func FS() fs.FS { return files }

// Origin prefixes the file names of built-in policies.
const Origin = "builtin:"

type loaded struct {
	set   *policy.Set
	diags source.Diagnostics
}

var load = sync.OnceValue(func() loaded {
	set, diags := Parse()
	return loaded{set, diags}
})

// Parse parses the built-in policies anew on every call. Load keeps the
// set it parsed for the life of the process; a caller that keeps only part
// of it (onus serve keeps the Kubernetes policies) parses its own, so that
// the rest can be collected.
func Parse() (*policy.Set, source.Diagnostics) {
	return policy.Load(files, policy.LoadOptions{Origin: Origin, Builtin: true, SkipTests: true})
}

// Load returns the built-in policy set, parsed once. Diagnostics here are a
// defect of onus itself; tests assert there are none.
func Load() (*policy.Set, source.Diagnostics) {
	l := load()
	return l.set, l.diags
}
