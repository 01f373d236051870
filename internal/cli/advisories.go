package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/onus-project/onus/internal/advisory"
)

// defaultAdvisoryDir is the index used when --advisories is not given:
// the user's cache directory, onus/advisories.
func defaultAdvisoryDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find the cache directory (use --advisories DIR): %w", err)
	}
	return filepath.Join(dir, "onus", "advisories"), nil
}

// openAdvisories returns the built-in set plus the index in dir (the
// default when dir is ""). A missing index is not an error: scans then
// use the built-in set alone and say so.
func openAdvisories(dir string) (*advisory.DB, error) {
	b, err := advisory.Builtin()
	if err != nil {
		return nil, err
	}
	db := &advisory.DB{Builtin: b}
	explicit := dir != ""
	if !explicit {
		if dir, err = defaultAdvisoryDir(); err != nil {
			return db, nil
		}
	}
	ix, err := advisory.OpenIndex(dir)
	switch {
	case err == nil:
		db.Index = ix
	case errors.Is(err, advisory.ErrNoIndex) && !explicit:
	case errors.Is(err, advisory.ErrNoIndex):
		if _, serr := os.Stat(dir); serr != nil {
			return nil, fmt.Errorf("--advisories %s: %w", dir, serr)
		}
		// an empty directory: nothing imported yet
	default:
		return nil, err
	}
	return db, nil
}

func newAdvisoriesCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "advisories",
		Short: "Import and inspect the vulnerability advisories scans match packages against",
		Long:  advisoriesLong,
	}
	cmd.AddCommand(newAdvisoriesImportCommand(env), newAdvisoriesStatusCommand(env))
	return cmd
}

type advisoriesImportParams struct {
	dir     string
	replace bool
	paths   []string
}

func newAdvisoriesImportCommand(env *Env) *cobra.Command {
	p := &advisoriesImportParams{}
	cmd := &cobra.Command{
		Use:     "import PATH...",
		Short:   "Import OSV advisories (JSON files, folders, per-ecosystem zip exports) into the local index",
		Long:    advisoriesImportLong,
		Example: advisoriesImportExample,
		PreRunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("advisories import: give at least one PATH (an OSV .json file, a folder or a .zip export)")
			}
			for _, a := range args {
				if _, err := os.Stat(a); err != nil {
					return usageError("advisories import: %v", err)
				}
			}
			p.paths = args
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			code, err := runAdvisoriesImport(cmd.Context(), p, env, cmd.OutOrStdout(), cmd.ErrOrStderr())
			if err != nil || code != ExitOK {
				return &ExitError{Code: code, Err: err}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&p.dir, "advisories", "", "the index directory (default: the user cache directory, onus/advisories)")
	cmd.Flags().BoolVar(&p.replace, "replace", false, "empty the index before importing")
	return cmd
}

func runAdvisoriesImport(ctx context.Context, p *advisoriesImportParams, env *Env, stdout, stderr io.Writer) (int, error) {
	dir := p.dir
	if dir == "" {
		var err error
		if dir, err = defaultAdvisoryDir(); err != nil {
			return ExitUsage, err
		}
	}
	res, diags, err := advisory.Import(ctx, dir, p.paths, advisory.ImportOptions{Replace: p.replace, Logger: env.logger()})
	printDiagnostics(stderr, diags)
	if err != nil {
		return ExitUsage, err
	}
	for _, s := range res.Sources {
		fmt.Fprintf(stdout, "imported %d records from %s\n", s.Records, s.Path)
	}
	if res.Withdrawn > 0 {
		fmt.Fprintf(stdout, "dropped %d withdrawn records\n", res.Withdrawn)
	}
	fmt.Fprintf(stdout, "index %s: %d records in %d ecosystems\n", dir, res.Manifest.Records(), len(res.Manifest.Ecosystems))
	if diags.HasErrors() {
		return ExitUsage, nil
	}
	return ExitOK, nil
}

type advisoriesStatusParams struct {
	dir    string
	format string
	now    string
}

func newAdvisoriesStatusCommand(env *Env) *cobra.Command {
	p := &advisoriesStatusParams{format: "text"}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Say which advisory data is loaded and how old it is",
		Args:  cobra.NoArgs,
		PreRunE: func(*cobra.Command, []string) error {
			return checkTextOrJSON(p.format, p.now)
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			code, err := runAdvisoriesStatus(p, cmd.OutOrStdout())
			if err != nil || code != ExitOK {
				return &ExitError{Code: code, Err: err}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&p.dir, "advisories", "", "the index directory (default: the user cache directory, onus/advisories)")
	cmd.Flags().StringVarP(&p.format, "format", "f", p.format, "output format: text or json")
	cmd.Flags().StringVar(&p.now, "now", "", "the time ages are measured at (RFC 3339 or YYYY-MM-DD)")
	return cmd
}

func runAdvisoriesStatus(p *advisoriesStatusParams, stdout io.Writer) (int, error) {
	db, err := openAdvisories(p.dir)
	if err != nil {
		return ExitUsage, err
	}
	now := time.Now()
	if p.now != "" {
		now, _ = parseNow(p.now)
	}
	pv := (&advisory.Enricher{DB: db, Now: now}).Provenance(now)
	if p.format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		out := map[string]any{"advisories": pv}
		if db.Index != nil {
			out["index"] = db.Index.Manifest
		}
		return ExitOK, enc.Encode(out)
	}
	if db.Index == nil {
		fmt.Fprintln(stdout, "no imported advisories: scans use the built-in set only")
	} else {
		m := db.Index.Manifest
		fmt.Fprintf(stdout, "index %s: %d records, last imported %s (%d days ago)\n", db.Index.Dir, m.Records(), m.UpdatedAt.Format(time.RFC3339), pv.AgeDays)
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  ECOSYSTEM\tPACKAGES\tRECORDS")
		ecos := make([]string, 0, len(m.Ecosystems))
		for e := range m.Ecosystems {
			ecos = append(ecos, e)
		}
		sort.Strings(ecos)
		for _, e := range ecos {
			fmt.Fprintf(tw, "  %s\t%d\t%d\n", e, m.Ecosystems[e].Packages, m.Ecosystems[e].Records)
		}
		tw.Flush()
		for _, s := range m.Sources {
			fmt.Fprintf(stdout, "  source %s: %d records, imported %s, newest record modified %s\n", s.Path, s.Records, s.ImportedAt.Format(time.RFC3339), s.Newest.Format(time.DateOnly))
		}
	}
	kev := 0
	for _, v := range db.Builtin.Records {
		if k, _ := v.DatabaseSpecific["known_exploited"].(bool); k {
			kev++
		}
	}
	fmt.Fprintf(stdout, "built-in set: %d well-known library vulnerabilities (%d in CISA KEV), curated %s (%d days ago)\n",
		len(db.Builtin.Records), kev, db.Builtin.Newest().Format(time.DateOnly), int(now.Sub(db.Builtin.Newest()).Hours()/24))
	return ExitOK, nil
}
