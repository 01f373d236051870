package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/onus-project/onus/internal/advisory"
	"github.com/onus-project/onus/internal/config"
	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/loader/terraform"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/report"
	"github.com/onus-project/onus/internal/scan"
	"github.com/onus-project/onus/internal/version"
)

// pipelineFlags are the settings every command that scans an estate takes
// from its flags (onus scan, onus matrix, onus compliance).
type pipelineFlags struct {
	paths       []string
	config      string // --config; onus.yaml at the first path when empty
	policyDirs  []string
	maxFileSize int64
	now         time.Time
	ownership   ownershipFlags
	advisories  string // --advisories; the user cache directory when empty
	// terraform adds --var and --var-file values to the Terraform loader's
	// options; nil when the command has no such flags.
	terraform func(opts *terraform.Options, maxSize int64) error
	progress  func(done, total int)
}

// checkScanFlags checks what every scanning command takes the same way:
// --color, --max-file-size, --now (returned parsed) and that each PATH
// exists (prefix goes before a path's error).
func checkScanFlags(paths []string, color string, maxFileSize int64, now, prefix string) (time.Time, error) {
	switch color {
	case "auto", "always", "never":
	default:
		return time.Time{}, usageError("--color: want auto, always or never, got %q", color)
	}
	if maxFileSize <= 0 {
		return time.Time{}, usageError("--max-file-size: want a positive number of bytes")
	}
	var t time.Time
	if now != "" {
		var err error
		if t, err = parseNow(now); err != nil {
			return time.Time{}, usageError("--now: %v", err)
		}
	}
	for _, path := range paths {
		if _, err := os.Stat(path); err != nil {
			return time.Time{}, usageError("%s%v", prefix, err)
		}
	}
	return t, nil
}

// checkTextOrJSON checks the --format and --now of the commands that
// write text or JSON.
func checkTextOrJSON(format, now string) error {
	if format != "text" && format != "json" {
		return usageError("--format: want text or json, got %q", format)
	}
	if now != "" {
		if _, err := parseNow(now); err != nil {
			return usageError("--now: %v", err)
		}
	}
	return nil
}

// pipeline is one scan of an estate as every command runs it: onus.yaml,
// the policies, the engine, the responsibility model with its overrides,
// the ownership stage and the advisory database, then scan.Run.
type pipeline struct {
	cfg    *config.Config
	model  *ownership.Model
	report *report.Report
}

// runPipeline loads onus.yaml and the policies, scans f.paths and returns
// the report. Diagnostics of the configuration and the policies go to
// stderr; an error means the scan could not run at all.
func runPipeline(ctx context.Context, f pipelineFlags, env *Env, stderr io.Writer) (*pipeline, error) {
	cfg, diags := config.Load(config.Find(f.config, f.paths))
	printDiagnostics(stderr, diags)
	if cfg == nil || diags.HasErrors() {
		return nil, fmt.Errorf("invalid configuration")
	}
	maxSize := f.maxFileSize
	if cfg.MaxFileSize > 0 && f.maxFileSize == discover.DefaultMaxFileSize {
		maxSize = cfg.MaxFileSize
	}
	tfOpts := terraform.Options{Getenv: env.Getenv, Logger: env.logger()}
	if f.terraform != nil {
		if err := f.terraform(&tfOpts, maxSize); err != nil {
			return nil, err
		}
	}
	advDB, err := openAdvisories(f.advisories)
	if err != nil {
		return nil, err
	}
	if advDB.Index != nil {
		defer advDB.Index.Close()
	}

	// The policies compile while the files load: compilation runs on one
	// core, loading on all of them. The build's diagnostics are held back
	// until loading ends so that they do not interleave with its progress,
	// and a build that fails stops the loading.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type built struct {
		eng   *engine.Engine
		model *ownership.Model
		owned scan.OwnershipOptions
		err   error
	}
	var buildOut bytes.Buffer
	ready := make(chan built, 1)
	go func() {
		var b built
		b.eng, b.model, b.owned, b.err = buildEvaluation(cfg, f.policyDirs, nil, f.ownership, engine.Options{Now: f.now, Logger: env.logger()}, &buildOut)
		if b.err != nil {
			cancel()
		}
		ready <- b
	}()
	opts := scan.Options{
		Progress:  f.progress,
		Paths:     f.paths,
		Loaders:   loaders(maxSize, tfOpts),
		Discover:  discover.Options{MaxFileSize: maxSize, Ignore: cfg.Ignore},
		Now:       f.now,
		Tool:      report.Tool{Name: "onus", Version: version.Get().Version},
		Logger:    env.logger(),
		Enrichers: []scan.Enricher{&advisory.Enricher{DB: advDB, Now: f.now}},
	}
	loaded, loadErr := scan.Load(ctx, opts)
	b := <-ready
	stderr.Write(buildOut.Bytes())
	if b.err != nil {
		if loadErr == nil {
			loaded.Close()
		}
		return nil, b.err
	}
	if loadErr != nil {
		return nil, loadErr
	}
	defer loaded.Close()
	opts.Engine, opts.Model, opts.Ownership = b.eng, b.model, b.owned
	rep, err := scan.Evaluate(ctx, loaded, opts)
	if err != nil {
		return nil, err
	}
	return &pipeline{cfg: cfg, model: b.model, report: rep}, nil
}

// buildEvaluation loads the policies of onus.yaml and dirs, compiles them
// with the configured parameters, and prepares the responsibility model
// and the ownership stage (teams, overrides, waivers): what onus scan and
// onus serve's admission both judge findings with.
func buildEvaluation(cfg *config.Config, dirs []string, only func(*policy.Policy) bool, of ownershipFlags, opts engine.Options, stderr io.Writer) (*engine.Engine, *ownership.Model, scan.OwnershipOptions, error) {
	var none scan.OwnershipOptions
	set, diags := loadPolicies(append(cfg.PolicyDirs(), dirs...), cfg, only)
	printDiagnostics(stderr, diags)
	if set == nil || diags.HasErrors() {
		return nil, nil, none, fmt.Errorf("policies could not be loaded")
	}
	opts.Params = cfg.Policies.Params
	eng, diags := engine.New(set, opts)
	printDiagnostics(stderr, diags)
	if eng == nil {
		return nil, nil, none, fmt.Errorf("policies could not be compiled")
	}
	model, err := ownership.Default()
	if err != nil {
		return nil, nil, none, err
	}
	model, owned, err := setupOwnership(cfg, model, of, stderr)
	if err != nil {
		return nil, nil, none, err
	}
	return eng, model, owned, nil
}

// writeOutput writes with write to stdout, or to the file path when it is
// set, and reports whether colour applies: colorMode "always", or "auto"
// on a terminal without NO_COLOR (never in a file unless "always").
func writeOutput(env *Env, path, colorMode string, stdout io.Writer, write func(out io.Writer, color bool) error) error {
	if path == "" {
		color := colorMode == "always" || (colorMode == "auto" && env.Getenv("NO_COLOR") == "" && env.IsTerminal(stdout))
		return write(stdout, color)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create output: %w", err)
	}
	if err := write(f, colorMode == "always"); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
