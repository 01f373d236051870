package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/spf13/cobra"

	"github.com/onus-project/onus/internal/advisory"
	"github.com/onus-project/onus/internal/config"
	"github.com/onus-project/onus/internal/loader/terraform"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/policy/builtin"
	"github.com/onus-project/onus/internal/policytest"
	"github.com/onus-project/onus/internal/scan"
)

func newPolicyCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "policy",
		Short: "List, test and document policies",
	}
	cmd.AddCommand(newPolicyListCommand(env), newPolicyTestCommand(env), newPolicyDocCommand(env))
	return cmd
}

type policyListParams struct {
	format     string
	policyDirs []string
}

func newPolicyListCommand(env *Env) *cobra.Command {
	p := &policyListParams{format: "text"}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the policies onus runs",
		Long:  policyListLong,
		Args:  cobra.NoArgs,
		PreRunE: func(*cobra.Command, []string) error {
			return checkTextOrJSON(p.format, "")
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			code, err := runPolicyList(p, cmd.OutOrStdout(), cmd.ErrOrStderr())
			if err != nil || code != ExitOK {
				return &ExitError{Code: code, Err: err}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&p.format, "format", "f", p.format, "output format: text or json")
	cmd.Flags().StringArrayVarP(&p.policyDirs, "policy", "p", nil, "directory of your own policies (repeatable)")
	return cmd
}

func runPolicyList(p *policyListParams, stdout, stderr io.Writer) (int, error) {
	set, diags := loadPolicies(p.policyDirs, config.Default(), nil)
	printDiagnostics(stderr, diags)
	if set == nil || diags.HasErrors() {
		return ExitUsage, fmt.Errorf("policies could not be loaded")
	}
	if p.format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if set.Policies == nil {
			set.Policies = []*policy.Policy{}
		}
		return ExitOK, enc.Encode(set.Policies)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tCATEGORY\tLAYER\tTARGETS\tTITLE")
	for _, pol := range set.Policies {
		var targets []string
		for _, t := range pol.Targets {
			types := strings.Join(t.Types, ",")
			if len(t.Types) > 3 {
				types = fmt.Sprintf("%s,… (%d types)", strings.Join(t.Types[:2], ","), len(t.Types))
			}
			targets = append(targets, string(t.Kind)+":"+types)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", pol.ID, pol.Severity, pol.Category, pol.Layer, strings.Join(targets, " "), pol.Title)
	}
	if err := tw.Flush(); err != nil {
		return ExitUsage, err
	}
	fmt.Fprintf(stdout, "\n%d policies\n", len(set.Policies))
	return ExitOK, nil
}

type policyTestParams struct {
	dirs    []string
	run     string
	format  string
	verbose bool
	strict  bool
	now     string
}

func newPolicyTestCommand(env *Env) *cobra.Command {
	p := &policyTestParams{format: "text"}
	cmd := &cobra.Command{
		Use:     "test DIR...",
		Short:   "Run a policy directory's Rego tests and fixtures",
		Long:    policyTestLong,
		Example: policyTestExample,
		Args:    cobra.MinimumNArgs(1),
		PreRunE: func(_ *cobra.Command, args []string) error {
			p.dirs = args
			return checkTextOrJSON(p.format, p.now)
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			code, err := runPolicyTest(cmd.Context(), p, cmd.OutOrStdout(), cmd.ErrOrStderr())
			if err != nil || code != ExitOK {
				return &ExitError{Code: code, Err: err}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&p.run, "run", "", "only run tests and fixtures whose name matches this regular expression")
	f.StringVarP(&p.format, "format", "f", p.format, "output format: text or json")
	f.BoolVarP(&p.verbose, "verbose", "v", false, "print every case, not only failures")
	f.BoolVar(&p.strict, "require-fixtures", false, "fail when a policy lacks a pass or a fail fixture")
	f.StringVar(&p.now, "now", "", "the time policies see (RFC 3339 or YYYY-MM-DD)")
	return cmd
}

func runPolicyTest(ctx context.Context, p *policyTestParams, stdout, stderr io.Writer) (int, error) {
	model, err := ownership.Default()
	if err != nil {
		return ExitUsage, err
	}
	bset, _ := builtin.Load()
	libs := map[string]*ast.Module{}
	for name, m := range bset.Modules {
		if isLibrary(bset, name) {
			libs[name] = m
		}
	}
	now, _ := parseNow(p.now)
	builtinAdv, err := advisory.Builtin()
	if err != nil {
		return ExitUsage, err
	}
	failed := false
	var all []*policytest.Result
	for _, dir := range p.dirs {
		res, err := policytest.Run(ctx, dir, policytest.Options{Loaders: loaders(0, terraform.Options{}), Model: model, Libraries: libs, Run: p.run, Now: now,
			Enrichers: []scan.Enricher{&advisory.Enricher{DB: &advisory.DB{Builtin: builtinAdv}, Now: now}}})
		if err != nil {
			return ExitUsage, err
		}
		all = append(all, res)
		if res.Failed() || (p.strict && len(res.Untested) > 0) {
			failed = true
		}
	}
	if p.format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(all); err != nil {
			return ExitUsage, err
		}
	} else {
		for i, res := range all {
			printTestResult(stdout, p.dirs[i], res, p.verbose, p.strict)
		}
	}
	if failed {
		return ExitFindings, nil
	}
	return ExitOK, nil
}

func printTestResult(w io.Writer, dir string, res *policytest.Result, verbose, strict bool) {
	for _, d := range res.Diagnostics {
		fmt.Fprintf(w, "%s: %s\n", d.Severity, d.Error())
	}
	pass, fail, skip := 0, 0, 0
	for _, c := range res.Cases {
		switch {
		case c.Skip:
			skip++
		case c.Pass:
			pass++
		default:
			fail++
		}
		if !c.Pass && !c.Skip {
			fmt.Fprintf(w, "FAIL %s %s (%s)\n     %s\n", c.Kind, c.Name, c.File, c.Message)
		} else if verbose {
			status := "PASS"
			if c.Skip {
				status = "SKIP"
			}
			fmt.Fprintf(w, "%s %s %s\n", status, c.Kind, c.Name)
		}
	}
	if len(res.Untested) > 0 {
		label := "note"
		if strict {
			label = "FAIL"
		}
		fmt.Fprintf(w, "%s: %d policies lack a pass or a fail fixture: %s\n", label, len(res.Untested), strings.Join(res.Untested, ", "))
	}
	fmt.Fprintf(w, "%s: %d policies, %d passed, %d failed, %d skipped\n", dir, res.Policies, pass, fail, skip)
}

// isLibrary reports whether a module of the set defines no policy.
func isLibrary(set *policy.Set, name string) bool {
	for _, p := range set.Policies {
		if p.File == name {
			return false
		}
	}
	return true
}
