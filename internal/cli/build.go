package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/onus-project/onus/internal/config"
	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/loader/kubernetes"
	"github.com/onus-project/onus/internal/loader/lockfile"
	"github.com/onus-project/onus/internal/loader/sbom"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/policy/builtin"
	"github.com/onus-project/onus/internal/source"
)

// loaders assembles the loader set.
func loaders(maxFileSize int64) *loader.Set {
	k8s := kubernetes.New()
	k8s.MaxFileSize = maxFileSize
	boms := sbom.New()
	boms.MaxFileSize = maxFileSize
	locks := lockfile.New()
	locks.MaxFileSize = maxFileSize
	return loader.NewSet().
		With(k8s, discover.Kubernetes).
		With(boms, discover.CycloneDX, discover.SPDX).
		With(locks, discover.Lockfile)
}

// loadPolicies returns the built-in policies plus users' directories,
// without the disabled ones.
func loadPolicies(dirs []string, cfg *config.Config) (*policy.Set, source.Diagnostics) {
	set := &policy.Set{}
	bset, diags := builtin.Load()
	if err := set.Merge(bset); err != nil {
		return nil, append(diags, source.Errorf(nil, "policies", "%v", err))
	}
	for _, dir := range dirs {
		st, err := os.Stat(dir)
		if err != nil {
			diags = append(diags, source.Errorf(&source.Range{Filename: dir}, "cannot read policies", "%v", err))
			continue
		}
		if !st.IsDir() {
			diags = append(diags, source.Errorf(&source.Range{Filename: dir}, "cannot read policies", "not a directory"))
			continue
		}
		uset, ds := policy.Load(os.DirFS(dir), policy.LoadOptions{Origin: filepath.ToSlash(filepath.Clean(dir)) + "/"})
		diags = append(diags, ds...)
		if err := set.Merge(uset); err != nil {
			diags = append(diags, source.Errorf(&source.Range{Filename: dir}, "cannot add policies", "%v", err))
		}
	}
	if cfg != nil && len(cfg.Policies.Disable) > 0 {
		disabled := map[string]bool{}
		for _, id := range cfg.Policies.Disable {
			if set.Get(id) == nil {
				diags = append(diags, source.Warningf(&source.Range{Filename: cfg.File}, "unknown policy", "policies.disable names %s, which is not loaded", id))
			}
			disabled[id] = true
		}
		set = set.Filter(func(p *policy.Policy) bool { return !disabled[p.ID] })
	}
	return set, diags
}

// printDiagnostics writes diagnostics one a line to w.
func printDiagnostics(w interface{ Write([]byte) (int, error) }, diags source.Diagnostics) {
	for _, d := range diags {
		fmt.Fprintf(w, "%s: %s\n", d.Severity, d.Error())
	}
}
