package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/onus-project/onus/internal/config"
	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/loader/arm"
	"github.com/onus-project/onus/internal/loader/cloudformation"
	"github.com/onus-project/onus/internal/loader/dockerfile"
	"github.com/onus-project/onus/internal/loader/kubernetes"
	"github.com/onus-project/onus/internal/loader/lockfile"
	"github.com/onus-project/onus/internal/loader/sbom"
	"github.com/onus-project/onus/internal/loader/terraform"
	tfplan "github.com/onus-project/onus/internal/loader/terraform/plan"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/policy/builtin"
	"github.com/onus-project/onus/internal/source"
)

// loaders assembles the loader set. tf carries the Terraform variables
// given on the command line (zero for none).
func loaders(maxFileSize int64, tf terraform.Options) *loader.Set {
	k8s := kubernetes.New()
	k8s.MaxFileSize = maxFileSize
	tf.MaxFileSize = maxFileSize
	cfn := cloudformation.New()
	cfn.MaxFileSize = maxFileSize
	df := dockerfile.New()
	df.MaxFileSize = maxFileSize
	az := arm.New()
	az.MaxFileSize = maxFileSize
	boms := sbom.New()
	boms.MaxFileSize = maxFileSize
	locks := lockfile.New()
	locks.MaxFileSize = maxFileSize
	return loader.NewSet().
		With(k8s, discover.Kubernetes).
		With(boms, discover.CycloneDX, discover.SPDX).
		With(locks, discover.Lockfile).
		With(terraform.New(tf), discover.Terraform).
		With(tfplan.New(tfplan.Options{MaxFileSize: maxFileSize}), discover.TerraformPlan).
		With(cfn, discover.CloudFormation).
		With(df, discover.Dockerfile).
		With(az, discover.ARM)
}

// loadPolicies returns the built-in policies plus users' directories,
// without the disabled ones. When only is set, the set keeps the policies
// it accepts and the modules they need (policy.Set.Trim), and the built-in
// policies are parsed for this set alone, so that the rest are collected.
func loadPolicies(dirs []string, cfg *config.Config, only func(*policy.Policy) bool) (*policy.Set, source.Diagnostics) {
	set := &policy.Set{}
	load := builtin.Load
	if only != nil {
		load = builtin.Parse
	}
	bset, diags := load()
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
		uset, ds := policy.Load(os.DirFS(dir), policy.LoadOptions{Origin: filepath.ToSlash(filepath.Clean(dir)) + "/", SkipTests: true})
		diags = append(diags, ds...)
		if err := set.Merge(uset); err != nil {
			diags = append(diags, source.Errorf(&source.Range{Filename: dir}, "cannot add policies", "%v", err))
		}
	}
	set, ds := selectPolicies(set, cfg)
	diags = append(diags, ds...)
	if only != nil && set != nil {
		set = set.Trim(only)
	}
	return set, diags
}

// printDiagnostics writes diagnostics one a line to w.
func printDiagnostics(w interface{ Write([]byte) (int, error) }, diags source.Diagnostics) {
	for _, d := range diags {
		fmt.Fprintf(w, "%s: %s\n", d.Severity, d.Error())
	}
}
