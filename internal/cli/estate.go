package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/onus-project/onus/internal/config"
	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/loader/terraform"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/report"
	"github.com/onus-project/onus/internal/scan"
	"github.com/onus-project/onus/internal/version"
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
	switch p.color {
	case "auto", "always", "never":
	default:
		return usageError("--color: want auto, always or never, got %q", p.color)
	}
	if p.maxFileSize <= 0 {
		return usageError("--max-file-size: want a positive number of bytes")
	}
	if p.now != "" {
		t, err := parseNow(p.now)
		if err != nil {
			return usageError("--now: %v", err)
		}
		p.nowTime = t
	}
	for _, path := range args {
		if _, err := os.Stat(path); err != nil {
			return usageError("%v", err)
		}
	}
	return nil
}

// scanEstate runs the scan pipeline with onus.yaml, as onus scan does.
func scanEstate(ctx context.Context, p *estateParams, env *Env, stderr io.Writer) (*report.Report, *config.Config, error) {
	cfg, diags := config.Load(config.Find(p.config, p.paths))
	printDiagnostics(stderr, diags)
	if cfg == nil || diags.HasErrors() {
		return nil, nil, fmt.Errorf("invalid configuration")
	}
	maxSize := p.maxFileSize
	if cfg.MaxFileSize > 0 && p.maxFileSize == discover.DefaultMaxFileSize {
		maxSize = cfg.MaxFileSize
	}
	set, diags := loadPolicies(append(cfg.PolicyDirs(), p.policyDirs...), cfg)
	printDiagnostics(stderr, diags)
	if set == nil || diags.HasErrors() {
		return nil, nil, fmt.Errorf("policies could not be loaded")
	}
	eng, diags := engine.New(set, engine.Options{Params: cfg.Policies.Params, Now: p.nowTime, Logger: env.logger()})
	printDiagnostics(stderr, diags)
	if eng == nil {
		return nil, nil, fmt.Errorf("policies could not be compiled")
	}
	model, err := ownership.Default()
	if err != nil {
		return nil, nil, err
	}
	model, owned, err := setupOwnership(cfg, model, p.ownership, stderr)
	if err != nil {
		return nil, nil, err
	}
	rep, err := scan.Run(ctx, scan.Options{
		Paths:     p.paths,
		Loaders:   loaders(maxSize, terraform.Options{Getenv: env.Getenv, Logger: env.logger()}),
		Engine:    eng,
		Model:     model,
		Discover:  discover.Options{MaxFileSize: maxSize, Ignore: cfg.Ignore},
		Now:       p.nowTime,
		Tool:      report.Tool{Name: "onus", Version: version.Get().Version},
		Logger:    env.logger(),
		Ownership: owned,
	})
	if err != nil {
		return nil, nil, err
	}
	for _, d := range rep.Diagnostics {
		fmt.Fprintf(stderr, "%s: %s\n", d.Severity, d.String())
	}
	return rep, cfg, nil
}

// writeView writes a report with a writer of formats to stdout or --output.
func (p *estateParams) writeView(env *Env, formats report.Formats, rep *report.Report, stdout io.Writer) error {
	out := stdout
	color := p.color == "always" || (p.color == "auto" && env.Getenv("NO_COLOR") == "" && env.IsTerminal(stdout))
	if p.output != "" {
		f, err := os.Create(p.output)
		if err != nil {
			return fmt.Errorf("create output: %w", err)
		}
		defer f.Close()
		out, color = f, p.color == "always"
	}
	w, err := formats.Get(p.format, report.Options{Color: color})
	if err != nil {
		return err
	}
	if err := w.Write(out, rep); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if f, ok := out.(*os.File); ok && p.output != "" {
		if err := f.Close(); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	return nil
}
