package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/onus-project/onus/internal/report"
)

func newMatrixCommand(env *Env) *cobra.Command {
	p := &estateParams{}
	formats := report.NewMatrixFormats()
	cmd := &cobra.Command{
		Use:     "matrix PATH...",
		Short:   "Show the estate's responsibility matrix: who owns and handles each layer",
		Long:    matrixLong,
		Example: matrixExample,
		PreRunE: func(_ *cobra.Command, args []string) error { return p.validate(args, formats.Names()) },
		RunE: func(cmd *cobra.Command, _ []string) error {
			code, err := runMatrix(cmd.Context(), p, env, cmd.OutOrStdout(), cmd.ErrOrStderr())
			if err != nil || code != ExitOK {
				return &ExitError{Code: code, Err: err}
			}
			return nil
		},
	}
	p.bind(cmd, formats.Names())
	return cmd
}

// runMatrix scans the estate and writes its matrix. It exits 0 when the
// matrix could be built (gaps are the answer, not a failure), 2 when an
// input could not be read or the configuration is invalid.
func runMatrix(ctx context.Context, p *estateParams, env *Env, stdout, stderr io.Writer) (int, error) {
	rep, err := scanEstate(ctx, p, env, stderr)
	if err != nil {
		return ExitUsage, err
	}
	if err := p.writeView(env, report.NewMatrixFormats(), rep, stdout); err != nil {
		return ExitUsage, err
	}
	if rep.Summary.Errors > 0 {
		return ExitUsage, nil
	}
	return ExitOK, nil
}
