package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/onus-project/onus/internal/config"
	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/loader/terraform"
	"github.com/onus-project/onus/internal/report"
)

type scanParams struct {
	paths       []string
	format      string
	output      string
	failOn      string
	policyDirs  []string
	config      string
	maxFileSize int64
	quiet       bool
	color       string
	now         string
	ownership   ownershipFlags
	tfVars      []string // --var NAME=VALUE
	tfVarFiles  []string // --var-file FILE
	advisories  string

	failOnSet bool
	nowTime   time.Time
	// progressDelay is how long a scan runs before a terminal shows its
	// progress.
	progressDelay time.Duration

	upload uploadParams
}

func newScanParams() *scanParams {
	return &scanParams{format: "text", failOn: string(finding.Low), color: "auto", maxFileSize: discover.DefaultMaxFileSize,
		progressDelay: progressDelay}
}

func (p *scanParams) validate(args []string, getenv func(string) string) error {
	if p.upload.url != "" {
		p.upload.fromCI(getenv)
		if err := p.upload.validate(); err != nil {
			return err
		}
	}
	if len(args) == 0 {
		return usageError("scan: give at least one PATH to scan")
	}
	p.paths = args
	if _, err := report.NewFormats().Get(p.format, report.Options{}); err != nil {
		return usageError("--format: %v", err)
	}
	if p.failOn != "none" {
		if _, err := finding.ParseSeverity(p.failOn); err != nil {
			return usageError("--fail-on: %v (or none)", err)
		}
	}
	t, err := checkScanFlags(args, p.color, p.maxFileSize, p.now, "scan: ")
	if err != nil {
		return err
	}
	p.nowTime = t
	for _, kv := range p.tfVars {
		name, _, ok := strings.Cut(kv, "=")
		if !ok || !validIdentifier(name) {
			return usageError("--var: want NAME=VALUE with NAME a Terraform variable name, got %q", kv)
		}
	}
	for _, f := range p.tfVarFiles {
		if st, err := os.Stat(f); err != nil {
			return usageError("--var-file: %v", err)
		} else if st.IsDir() {
			return usageError("--var-file: %s is a directory", f)
		}
	}
	return nil
}

// validIdentifier reports whether s is an HCL identifier.
func validIdentifier(s string) bool {
	for i, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case i > 0 && (c >= '0' && c <= '9' || c == '-'):
		default:
			return false
		}
	}
	return s != ""
}

// terraformOptions adds the --var-file files and --var values to the
// Terraform loader's options.
func (p *scanParams) terraformOptions(opts *terraform.Options, maxSize int64) error {
	for _, f := range p.tfVarFiles {
		b, err := discover.ReadFile(os.DirFS(filepath.Dir(f)), filepath.Base(f), maxSize)
		if err != nil {
			return fmt.Errorf("read --var-file: %w", err)
		}
		opts.VarFiles = append(opts.VarFiles, terraform.VarFile{Name: filepath.ToSlash(f), Body: b})
	}
	for _, kv := range p.tfVars {
		name, value, _ := strings.Cut(kv, "=")
		opts.Vars = append(opts.Vars, terraform.VarValue{Name: name, Value: value})
	}
	return nil
}

func parseNow(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("want RFC 3339 (2026-01-31T12:00:00Z) or a date (2026-01-31), got %q", s)
}

func newScanCommand(env *Env) *cobra.Command {
	p := newScanParams()
	cmd := &cobra.Command{
		Use:     "scan PATH...",
		Short:   "Scan infrastructure code and report what is yours to fix",
		Long:    scanLong,
		Example: scanExample,
		PreRunE: func(cmd *cobra.Command, args []string) error {
			p.failOnSet = cmd.Flags().Changed("fail-on")
			return p.validate(args, env.Getenv)
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			code, err := runScan(cmd.Context(), p, env, cmd.OutOrStdout(), cmd.ErrOrStderr())
			if err != nil || code != ExitOK {
				return &ExitError{Code: code, Err: err}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&p.format, "format", "f", p.format, "output format: "+joinNames(report.NewFormats().Names()))
	f.StringVarP(&p.output, "output", "o", "", "write the report to a file instead of stdout")
	f.StringVar(&p.failOn, "fail-on", p.failOn, "exit 1 when a finding is at or above this severity (critical, high, medium, low, none)")
	f.StringArrayVarP(&p.policyDirs, "policy", "p", nil, "directory of your own policies (repeatable)")
	f.StringVarP(&p.config, "config", "c", "", "config file (default: onus.yaml at the first PATH)")
	f.Int64Var(&p.maxFileSize, "max-file-size", p.maxFileSize, "refuse files larger than this many bytes")
	f.BoolVarP(&p.quiet, "quiet", "q", false, "print only findings, errors and the summary")
	f.StringVar(&p.color, "color", p.color, "colour text output: auto, always, never (NO_COLOR is honoured)")
	f.StringVar(&p.now, "now", "", "the time policies and the report use (RFC 3339 or YYYY-MM-DD), for reproducible runs")
	addOwnershipFlags(cmd, &p.ownership)
	f.StringArrayVar(&p.tfVars, "var", nil, "set a Terraform root module variable: NAME=VALUE (repeatable; applies to every root module that declares NAME)")
	f.StringArrayVar(&p.tfVarFiles, "var-file", nil, "read Terraform variable values from a .tfvars or .tfvars.json FILE (repeatable)")
	completeValues(cmd, "format", report.NewFormats().Names())
	completeValues(cmd, "fail-on", []string{"critical", "high", "medium", "low", "none"})
	completeValues(cmd, "color", []string{"auto", "always", "never"})
	f.StringVar(&p.advisories, "advisories", "", "advisory index directory (default: the user cache directory, onus/advisories); the built-in set is always used")
	f.StringVar(&p.upload.url, "upload", "", "after writing the report, upload it to an onus server (https://HOST[:PORT])")
	f.StringVar(&p.upload.token, "token", "", "uploader token for --upload (default $ONUS_TOKEN)")
	f.StringVar(&p.upload.repo, "repo", "", "repository of the upload (default $GITHUB_REPOSITORY or $CI_PROJECT_PATH)")
	f.StringVar(&p.upload.commit, "commit", "", "commit of the upload (default $GITHUB_SHA or $CI_COMMIT_SHA)")
	f.StringVar(&p.upload.branch, "branch", "", "branch of the upload (default $GITHUB_REF_NAME or $CI_COMMIT_REF_NAME)")
	return cmd
}

func runScan(ctx context.Context, p *scanParams, env *Env, stdout, stderr io.Writer) (int, error) {
	failOn := ""
	if p.failOnSet {
		failOn = p.failOn
	}
	// a status line on stderr, only for a person watching a terminal
	var prog *progress
	if !p.quiet && env.IsTerminal(stderr) {
		prog = startProgress(stderr, p.progressDelay)
	}
	pl, err := runPipeline(ctx, pipelineFlags{
		paths: p.paths, config: p.config, policyDirs: p.policyDirs, maxFileSize: p.maxFileSize,
		now: p.nowTime, ownership: p.ownership, advisories: p.advisories,
		terraform: p.terraformOptions, progress: prog.updater(),
	}, env, stderr)
	prog.end()
	if err != nil {
		return ExitUsage, err
	}
	rep, cfg := pl.report, pl.cfg

	err = writeOutput(env, p.output, p.color, stdout, func(out io.Writer, color bool) error {
		w, err := report.NewFormats().Get(p.format, report.Options{Color: color, Quiet: p.quiet, Model: pl.model})
		if err != nil {
			return err
		}
		if err := w.Write(out, rep); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		return nil
	})
	if err != nil {
		return ExitUsage, err
	}
	if p.upload.url != "" {
		id, err := p.upload.upload(ctx, rep)
		if err != nil {
			return ExitUsage, fmt.Errorf("upload to %s failed, the report is NOT stored: %w", p.upload.endpoint(), err)
		}
		fmt.Fprintf(stderr, "onus: uploaded report %d to %s (%s)\n", id, p.upload.url, p.upload.repo)
	}
	return exitCode(rep, cfg, failOn), nil
}

// exitCode maps a report to 0, 1 or 2: inputs that could not be read or
// parsed win over findings, which win over a clean scan. Each finding is
// held against the threshold of its team and owner (config.Threshold);
// failOn is --fail-on when given, replacing fail_on.
func exitCode(rep *report.Report, cfg *config.Config, failOn string) int {
	if rep.Summary.Errors > 0 {
		return ExitUsage
	}
	if len(failingFindings(rep, cfg, failOn)) > 0 {
		return ExitFindings
	}
	return ExitOK
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}
