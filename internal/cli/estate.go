package cli

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/report"
)

// estateParams are the flags onus matrix and onus compliance share: they
// scan the estate as onus scan does and present a view of the report.
type estateParams struct {
	paths       []string
	format      string
	output      string
	policyDirs  []string
	config      string
	maxFileSize int64
	color       string
	now         string
	ownership   ownershipFlags

	nowTime time.Time
}

func (p *estateParams) bind(cmd *cobra.Command, formats []string) {
	p.format, p.color, p.maxFileSize = "text", "auto", discover.DefaultMaxFileSize
	f := cmd.Flags()
	f.StringVarP(&p.format, "format", "f", p.format, "output format: "+joinNames(formats))
	f.StringVarP(&p.output, "output", "o", "", "write to a file instead of stdout")
	f.StringArrayVarP(&p.policyDirs, "policy", "p", nil, "directory of your own policies (repeatable)")
	f.StringVarP(&p.config, "config", "c", "", "config file (default: onus.yaml at the first PATH)")
	f.Int64Var(&p.maxFileSize, "max-file-size", p.maxFileSize, "refuse files larger than this many bytes")
	f.StringVar(&p.color, "color", p.color, "colour text output: auto, always, never (NO_COLOR is honoured)")
	f.StringVar(&p.now, "now", "", "the time policies, waivers and the report use (RFC 3339 or YYYY-MM-DD)")
	f.StringVar(&p.ownership.team, "team", "", "show only the services in which this team owns a layer")
	f.StringVar(&p.ownership.waivers, "waivers", "", "waiver file (default: waivers: in onus.yaml)")
}

func (p *estateParams) validate(args []string, formats []string) error {
	if len(args) == 0 {
		return usageError("give at least one PATH to scan")
	}
	p.paths = args
	if !slices.Contains(formats, p.format) {
		return usageError("--format: unknown format %q (want one of %s)", p.format, joinNames(formats))
	}
	t, err := checkScanFlags(args, p.color, p.maxFileSize, p.now, "")
	if err != nil {
		return err
	}
	p.nowTime = t
	return nil
}

// scanEstate runs the scan pipeline with onus.yaml, as onus scan does.
func scanEstate(ctx context.Context, p *estateParams, env *Env, stderr io.Writer) (*report.Report, error) {
	pl, err := runPipeline(ctx, pipelineFlags{
		paths: p.paths, config: p.config, policyDirs: p.policyDirs, maxFileSize: p.maxFileSize,
		now: p.nowTime, ownership: p.ownership,
	}, env, stderr)
	if err != nil {
		return nil, err
	}
	for _, d := range pl.report.Diagnostics {
		fmt.Fprintf(stderr, "%s: %s\n", d.Severity, d.String())
	}
	return pl.report, nil
}

// writeView writes a report with a writer of formats to stdout or --output.
func (p *estateParams) writeView(env *Env, formats report.Formats, rep *report.Report, stdout io.Writer) error {
	return writeOutput(env, p.output, p.color, stdout, func(out io.Writer, color bool) error {
		w, err := formats.Get(p.format, report.Options{Color: color})
		if err != nil {
			return err
		}
		if err := w.Write(out, rep); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		return nil
	})
}
