package cli

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/onus-project/onus/internal/config"
	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/report"
	"github.com/onus-project/onus/internal/scan"
	"github.com/onus-project/onus/internal/source"
	"github.com/onus-project/onus/internal/waiver"
)

// ownershipFlags are the scan flags of team routing, waivers and baselines.
type ownershipFlags struct {
	team     string
	waivers  string
	baseline string
}

// setupOwnership applies onus.yaml's matrix and catalog overrides to the
// model and prepares the ownership stages of a scan: the team router (with
// the CODEOWNERS file), the waiver file, the baseline and the team filter.
// Problems in users' files are printed as diagnostics; an error means the
// scan cannot run (exit 2).
func setupOwnership(cfg *config.Config, model *ownership.Model, f ownershipFlags, stderr io.Writer) (*ownership.Model, scan.OwnershipOptions, error) {
	var opts scan.OwnershipOptions
	model, diags := model.WithConfig(cfg)
	printDiagnostics(stderr, diags)
	if diags.HasErrors() {
		return nil, opts, fmt.Errorf("invalid configuration")
	}
	var co []byte
	coName := ""
	if cfg.Ownership.Codeowners != "" {
		coName = cfg.Ownership.Codeowners
		b, err := readBounded(cfg.Resolve(coName), 1<<20)
		if err != nil {
			printDiagnostics(stderr, source.Diagnostics{source.Errorf(cfg.At("ownership.codeowners"), "cannot read CODEOWNERS", "%v", err)})
			return nil, opts, fmt.Errorf("invalid configuration")
		}
		co = b
	}
	router, diags := ownership.NewRouter(cfg, coName, co)
	printDiagnostics(stderr, diags)
	if diags.HasErrors() {
		return nil, opts, fmt.Errorf("invalid configuration")
	}
	opts.Router = router
	opts.Severity = cfg.Policies.Severity
	if f.team != "" {
		if !slices.Contains(router.Teams(), f.team) {
			return nil, opts, usageError("--team: unknown team %q (teams in %s: %v)", f.team, cfg, router.Teams())
		}
		opts.Team = f.team
	}
	wpath, wname := f.waivers, f.waivers
	if wpath == "" && cfg.Waivers != "" {
		wpath, wname = cfg.Resolve(cfg.Waivers), cfg.Waivers
	}
	if wpath != "" {
		file, diags := waiver.LoadFile(wpath, filepath.ToSlash(wname))
		printDiagnostics(stderr, diags)
		if diags.HasErrors() {
			return nil, opts, fmt.Errorf("invalid waiver file")
		}
		opts.Waivers = file
	}
	if f.baseline != "" {
		fh, err := os.Open(f.baseline)
		if err != nil {
			return nil, opts, usageError("--baseline: %v", err)
		}
		defer fh.Close()
		b, err := report.ReadBaseline(fh)
		if err != nil {
			return nil, opts, usageError("--baseline %s: %v", f.baseline, err)
		}
		opts.Baseline = b
	}
	return model, opts, nil
}

func readBounded(path string, limit int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("larger than %d bytes", limit)
	}
	return b, nil
}

// selectPolicies applies policies.enable, policies.disable, the category
// selection and severity overrides of onus.yaml. A policy runs unless it or
// its category is disabled; when enable or categories.enable is given, only
// the policies they name run. Unknown IDs are warnings at their position.
func selectPolicies(set *policy.Set, cfg *config.Config) (*policy.Set, source.Diagnostics) {
	if cfg == nil {
		return set, nil
	}
	var diags source.Diagnostics
	pc := cfg.Policies
	check := func(key string, ids []string) map[string]bool {
		out := map[string]bool{}
		for i, id := range ids {
			// an entry is a policy ID or a glob over IDs ("ONUS-AWS-*")
			matched := false
			for _, p := range set.Policies {
				if ok, _ := path.Match(strings.ToUpper(id), strings.ToUpper(p.ID)); ok {
					out[p.ID], matched = true, true
				}
			}
			if !matched {
				diags = append(diags, source.Warningf(cfg.At(fmt.Sprintf("%s[%d]", key, i)), "unknown policy", "%s names %s, which matches no loaded policy", key, id))
			}
		}
		return out
	}
	enabled := check("policies.enable", pc.Enable)
	disabled := check("policies.disable", pc.Disable)
	for id := range pc.Severity {
		if set.Get(id) == nil {
			diags = append(diags, source.Warningf(cfg.At("policies.severity."+id), "unknown policy", "policies.severity names %s, which is not loaded", id))
		}
	}
	allow := len(pc.Enable) > 0 || len(pc.Categories.Enable) > 0
	out := set.Filter(func(p *policy.Policy) bool {
		if disabled[p.ID] || slices.Contains(pc.Categories.Disable, p.Category) {
			return false
		}
		return !allow || enabled[p.ID] || slices.Contains(pc.Categories.Enable, p.Category)
	})
	for i, p := range out.Policies {
		for id, sev := range pc.Severity {
			if set.Get(id) == p {
				cp := *p
				cp.Severity = sev
				out.Policies[i] = &cp
			}
		}
	}
	return out, diags
}

// failingFindings returns the findings that fail the scan: status fail, not
// in the baseline, at or above the threshold of their owner and team
// (config.Threshold). override is --fail-on when given.
func failingFindings(rep *report.Report, cfg *config.Config, override string) []finding.Finding {
	var out []finding.Finding
	for _, f := range rep.Findings {
		if f.Status != finding.Fail || f.Baseline {
			continue
		}
		t := cfg.Threshold(f.Owner, f.Team, override)
		if t == "none" || t == "" {
			continue
		}
		if f.Severity.AtLeast(finding.Severity(t)) {
			out = append(out, f)
		}
	}
	return out
}

func addOwnershipFlags(cmd *cobra.Command, f *ownershipFlags) {
	fl := cmd.Flags()
	fl.StringVar(&f.team, "team", "", "report only this team's findings, gaps and services (a team of onus.yaml)")
	fl.StringVar(&f.waivers, "waivers", "", "waiver file (default: waivers: in onus.yaml)")
	fl.StringVar(&f.baseline, "baseline", "", "a previous JSON report: findings it has are marked baseline and do not fail the scan")
}
