package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/policy/builtin"
	"github.com/onus-project/onus/internal/policydoc"
	"github.com/onus-project/onus/internal/source"
)

type policyDocParams struct {
	out  string
	dirs []string
}

func newPolicyDocCommand(env *Env) *cobra.Command {
	p := &policyDocParams{}
	cmd := &cobra.Command{
		Use:     "doc --out OUT [DIR...]",
		Short:   "Write a reference page per policy",
		Long:    policyDocLong,
		Example: policyDocExample,
		PreRunE: func(_ *cobra.Command, args []string) error {
			p.dirs = args
			if p.out == "" {
				return usageError("policy doc: --out DIR is required")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			code, err := runPolicyDoc(p, cmd.OutOrStdout(), cmd.ErrOrStderr())
			if err != nil || code != ExitOK {
				return &ExitError{Code: code, Err: err}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&p.out, "out", "o", "", "directory to write the pages into (created if missing)")
	return cmd
}

// docCommand is the command line that regenerates a reference, shown on
// its index page.
func docCommand(out string, dirs []string) string {
	parts := []string{"onus", "policy", "doc", "--out", filepath.ToSlash(out)}
	for _, d := range dirs {
		parts = append(parts, filepath.ToSlash(d))
	}
	return strings.Join(parts, " ")
}

// policyDocPages renders the pages of the built-in policies (no dirs) or of
// policy directories.
func policyDocPages(dirs []string, command string) (map[string][]byte, source.Diagnostics, error) {
	model, err := ownership.Default()
	if err != nil {
		return nil, nil, err
	}
	var srcs []policydoc.Source
	var diags source.Diagnostics
	if len(dirs) == 0 {
		set, ds := builtin.Load()
		diags = append(diags, ds...)
		srcs = append(srcs, policydoc.Source{FS: builtin.FS(), Origin: builtin.Origin, Policies: set.Policies})
	}
	for _, dir := range dirs {
		st, err := os.Stat(dir)
		if err != nil || !st.IsDir() {
			diags = append(diags, source.Errorf(&source.Range{Filename: dir}, "cannot read policies", "not a directory"))
			continue
		}
		origin := filepath.ToSlash(filepath.Clean(dir)) + "/"
		fsys := os.DirFS(dir)
		set, ds := policy.Load(fsys, policy.LoadOptions{Origin: origin, SkipTests: true})
		diags = append(diags, ds...)
		srcs = append(srcs, policydoc.Source{FS: fsys, Origin: origin, Policies: set.Policies})
	}
	if diags.HasErrors() {
		return nil, diags, nil
	}
	pages, err := policydoc.Render(srcs, policydoc.Options{Model: model, Command: command})
	return pages, diags, err
}

func runPolicyDoc(p *policyDocParams, stdout, stderr io.Writer) (int, error) {
	pages, diags, err := policyDocPages(p.dirs, docCommand(p.out, p.dirs))
	printDiagnostics(stderr, diags)
	if err != nil {
		return ExitUsage, err
	}
	if diags.HasErrors() {
		return ExitUsage, fmt.Errorf("policies could not be loaded")
	}
	if err := os.MkdirAll(p.out, 0o755); err != nil {
		return ExitUsage, fmt.Errorf("create output directory: %w", err)
	}
	removed, err := removeStalePages(p.out, pages)
	if err != nil {
		return ExitUsage, err
	}
	names := make([]string, 0, len(pages))
	for name := range pages {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(p.out, name), pages[name], 0o644); err != nil {
			return ExitUsage, fmt.Errorf("write page: %w", err)
		}
	}
	fmt.Fprintf(stdout, "wrote %s and %s to %s", plural(len(pages)-1, "policy page"), policydoc.IndexName, p.out)
	if removed > 0 {
		fmt.Fprintf(stdout, "; removed %d stale pages", removed)
	}
	fmt.Fprintln(stdout)
	return ExitOK, nil
}

// removeStalePages deletes pages a previous run generated (they start with
// policydoc.Marker) that this run does not write.
func removeStalePages(dir string, keep map[string][]byte) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, fmt.Errorf("read output directory: %w", err)
	}
	n := 0
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		if _, ok := keep[e.Name()]; ok {
			continue
		}
		path := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(path)
		if err != nil {
			return n, fmt.Errorf("read %s: %w", path, err)
		}
		if bytes.HasPrefix(b, []byte(policydoc.Marker)) {
			if err := os.Remove(path); err != nil {
				return n, fmt.Errorf("remove stale page: %w", err)
			}
			n++
		}
	}
	return n, nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
