package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/onus-project/onus/internal/compliance"
)

type complianceParams struct {
	estateParams
	framework string
	list      bool
}

func newComplianceCommand(env *Env) *cobra.Command {
	p := &complianceParams{}
	cmd := &cobra.Command{
		Use:     "compliance PATH... --framework ID",
		Short:   "Report each control of a compliance framework as passing, failing, not covered or the provider's",
		Long:    complianceLong,
		Example: complianceExample,
		PreRunE: func(_ *cobra.Command, args []string) error { return p.validate(args) },
		RunE: func(cmd *cobra.Command, _ []string) error {
			code, err := runCompliance(cmd.Context(), p, env, cmd.OutOrStdout(), cmd.ErrOrStderr())
			if err != nil || code != ExitOK {
				return &ExitError{Code: code, Err: err}
			}
			return nil
		},
	}
	p.bind(cmd, compliance.FormatNames())
	cmd.Flags().StringVar(&p.framework, "framework", "", "framework id (cis-kubernetes, cis-aws, cis-azure, cis-gcp, nist-800-53, csa-ccm, pci-dss)")
	cmd.Flags().BoolVar(&p.list, "list", false, "list the frameworks and exit")
	return cmd
}

func (p *complianceParams) validate(args []string) error {
	all, err := compliance.Catalogs()
	if err != nil {
		return err
	}
	if p.list {
		return nil
	}
	if p.framework == "" {
		return usageError("--framework: give one of %s", joinNames(compliance.IDs(all)))
	}
	if _, ok := all[p.framework]; !ok {
		return usageError("--framework: unknown framework %q (want one of %s)", p.framework, joinNames(compliance.IDs(all)))
	}
	return p.estateParams.validate(args, compliance.FormatNames())
}

// runCompliance scans the estate and assesses it against a framework. It
// exits 0 when the assessment was written, 2 for an input that could not be
// read (the rest is still assessed).
func runCompliance(ctx context.Context, p *complianceParams, env *Env, stdout, stderr io.Writer) (int, error) {
	all, err := compliance.Catalogs()
	if err != nil {
		return ExitUsage, err
	}
	if p.list {
		for _, id := range compliance.IDs(all) {
			fw := all[id]
			fmt.Fprintf(stdout, "%-16s %s %s (%d controls)\n", id, fw.Name, fw.Version, len(fw.Controls))
		}
		return ExitOK, nil
	}
	rep, err := scanEstate(ctx, &p.estateParams, env, stderr)
	if err != nil {
		return ExitUsage, err
	}
	a := compliance.Assess(all[p.framework], rep)
	out := stdout
	if p.output != "" {
		f, err := os.Create(p.output)
		if err != nil {
			return ExitUsage, fmt.Errorf("create output: %w", err)
		}
		defer f.Close()
		out = f
	}
	if err := compliance.Write(out, a, p.format); err != nil {
		return ExitUsage, fmt.Errorf("write: %w", err)
	}
	if f, ok := out.(*os.File); ok && p.output != "" {
		if err := f.Close(); err != nil {
			return ExitUsage, fmt.Errorf("write: %w", err)
		}
	}
	if rep.Summary.Errors > 0 {
		return ExitUsage, nil
	}
	return ExitOK, nil
}
