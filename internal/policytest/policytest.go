// Package policytest runs a policy directory's tests the way `opa test`
// does, plus its fixtures: every policy directory may hold
// testdata/pass*/ and testdata/fail*/ folders, each scanned with the full
// pipeline; a pass folder must yield no finding of the policy, a fail
// folder at least one, and exactly the file:line pairs of an optional
// want.txt. A fixture folder may hold an onus.yaml whose policies.params
// apply to that fixture only (a policy that is silent with its defaults
// needs one to fail). Users' policies and the built-in ones are tested the
// same way.
package policytest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/onus-project/onus/internal/config"
	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/scan"
	"github.com/onus-project/onus/internal/source"
)

// Options configure a run.
type Options struct {
	Loaders *loader.Set
	Model   *ownership.Model
	// Libraries are modules available to the policies under test (the
	// built-in onus.lib packages); a package the directory defines itself
	// wins.
	Libraries map[string]*ast.Module
	// Run filters tests and fixtures by a regular expression on their names.
	Run string
	// Now fixes the time policies see.
	Now time.Time
	// Enrichers run on each fixture's resources before the policies (the
	// built-in advisory set, so vulnerability fixtures are reproducible).
	Enrichers []scan.Enricher
}

// Case is the outcome of one Rego test or one fixture.
type Case struct {
	Kind     string        `json:"kind"` // rego | fixture
	Name     string        `json:"name"`
	Policy   string        `json:"policy,omitempty"`
	File     string        `json:"file"`
	Pass     bool          `json:"pass"`
	Skip     bool          `json:"skip,omitempty"`
	Message  string        `json:"message,omitempty"`
	Duration time.Duration `json:"duration"`
}

// Result is a whole run.
type Result struct {
	Cases       []Case             `json:"cases"`
	Policies    int                `json:"policies"`
	Diagnostics source.Diagnostics `json:"diagnostics"`
	// Untested lists policies without a pass and a fail fixture.
	Untested []string `json:"untested,omitempty"`
}

// Failed reports whether any case failed or a diagnostic is an error.
func (r *Result) Failed() bool {
	if r.Diagnostics.HasErrors() {
		return true
	}
	for _, c := range r.Cases {
		if !c.Pass && !c.Skip {
			return true
		}
	}
	return false
}

// Run tests the policies in dir.
func Run(ctx context.Context, dir string, opts Options) (*Result, error) {
	origin := filepath.ToSlash(filepath.Clean(dir)) + "/"
	set, diags := policy.Load(os.DirFS(dir), policy.LoadOptions{Origin: origin})
	res := &Result{Diagnostics: diags, Policies: len(set.Policies)}
	if diags.HasErrors() {
		return res, nil
	}
	defined := map[string]bool{}
	for _, m := range set.Modules {
		defined[m.Package.Path.String()] = true
	}
	for name, m := range opts.Libraries {
		if !defined[m.Package.Path.String()] {
			set.Modules[name] = m
		}
	}
	var filter *regexp.Regexp
	if opts.Run != "" {
		var err error
		if filter, err = regexp.Compile(opts.Run); err != nil {
			return nil, fmt.Errorf("--run: %w", err)
		}
	}

	rego, err := regoTests(ctx, set, opts.Run)
	if err != nil {
		res.Diagnostics = append(res.Diagnostics, policy.FromRegoError(err)...)
		return res, nil
	}
	res.Cases = append(res.Cases, rego...)

	eng, ds := engine.New(set, engine.Options{Now: opts.Now})
	res.Diagnostics = append(res.Diagnostics, ds...)
	if eng == nil {
		return res, nil
	}
	for _, p := range set.Policies {
		rel := strings.TrimPrefix(p.Dir()+"/", origin) // "" for a policy at the root of dir
		testdata := filepath.Join(dir, filepath.FromSlash(rel), "testdata")
		entries, err := os.ReadDir(testdata)
		if err != nil && !os.IsNotExist(err) {
			return nil, fmt.Errorf("read fixtures of %s: %w", p.ID, err)
		}
		var pass, fail bool
		for _, e := range entries {
			name := e.Name()
			want := ""
			switch {
			case strings.HasPrefix(name, "pass"):
				want, pass = "pass", true
			case strings.HasPrefix(name, "fail"):
				want, fail = "fail", true
			default:
				continue
			}
			caseName := p.ID + "/" + name
			if filter != nil && !filter.MatchString(caseName) {
				continue
			}
			res.Cases = append(res.Cases, fixture(ctx, eng, set, opts, p, filepath.Join(testdata, name), want, caseName))
		}
		if !pass || !fail {
			res.Untested = append(res.Untested, p.ID)
		}
	}
	return res, nil
}

// regoTests runs the test_ rules of the set's test modules.
func regoTests(ctx context.Context, set *policy.Set, run string) ([]Case, error) {
	if len(set.Tests) == 0 {
		return nil, nil
	}
	mods := map[string]*ast.Module{}
	for k, m := range set.Modules {
		mods[k] = m
	}
	for k, m := range set.Tests {
		mods[k] = m
	}
	comp := ast.NewCompiler().WithCapabilities(engine.Capabilities()).WithDefaultRegoVersion(ast.RegoV1)
	runner := tester.NewRunner().SetCompiler(comp).SetModules(mods).SetTimeout(30 * time.Second)
	if run != "" {
		runner = runner.Filter(run)
	}
	ch, err := runner.RunTests(ctx, nil)
	if err != nil {
		return nil, err
	}
	var out []Case
	for r := range ch {
		c := Case{Kind: "rego", Name: strings.TrimPrefix(r.Package, "data.") + "." + r.Name, Pass: r.Pass(), Skip: r.Skip, Duration: r.Duration}
		if r.Location != nil {
			c.File = fmt.Sprintf("%s:%d", r.Location.File, r.Location.Row)
		}
		switch {
		case r.Error != nil:
			c.Message = r.Error.Error()
		case r.Fail:
			c.Message = "test rule was not true"
			if r.FailedAt != nil && r.FailedAt.Location != nil {
				c.Message = fmt.Sprintf("failed at %s:%d: %s", r.FailedAt.Location.File, r.FailedAt.Location.Row, r.FailedAt.String())
			}
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func fixture(ctx context.Context, eng *engine.Engine, set *policy.Set, opts Options, p *policy.Policy, dir, want, name string) Case {
	start := time.Now()
	c := Case{Kind: "fixture", Name: name, Policy: p.ID, File: filepath.ToSlash(dir)}
	if cfgPath := filepath.Join(dir, config.FileName); fileExists(cfgPath) {
		// the fixture sets parameters: an engine of its own
		cfg, diags := config.Load(cfgPath)
		if diags.HasErrors() {
			c.Message = "fixture config: " + diags.Error()
			return c
		}
		e, diags := engine.New(set, engine.Options{Now: opts.Now, Params: cfg.Policies.Params})
		if e == nil {
			c.Message = "fixture config: " + diags.Error()
			return c
		}
		eng = e
	}
	rep, err := scan.Run(ctx, scan.Options{Paths: []string{dir}, Loaders: opts.Loaders, Engine: eng, Model: opts.Model, Now: opts.Now, Enrichers: opts.Enrichers})
	c.Duration = time.Since(start)
	if err != nil {
		c.Message = err.Error()
		return c
	}
	for _, d := range rep.Diagnostics {
		if d.Severity == source.Error {
			c.Message = "fixture does not load: " + d.String()
			return c
		}
	}
	var got []string
	for _, f := range rep.Findings {
		if f.Rule == p.ID {
			got = append(got, fmt.Sprintf("%s:%d", f.Location.File, f.Location.StartLine))
		}
	}
	sort.Strings(got)
	switch want {
	case "pass":
		c.Pass = len(got) == 0
		if !c.Pass {
			c.Message = "want no finding, got " + strings.Join(got, ", ")
		}
	case "fail":
		c.Pass = len(got) > 0
		if !c.Pass {
			c.Message = "want a finding, got none"
			break
		}
		wantLines, err := readWant(filepath.Join(dir, "want.txt"))
		if err != nil {
			c.Pass, c.Message = false, err.Error()
			break
		}
		if wantLines != nil && !slices.Equal(wantLines, got) {
			c.Pass = false
			c.Message = fmt.Sprintf("want findings at %s, got %s", strings.Join(wantLines, ", "), strings.Join(got, ", "))
		}
	}
	return c
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// readWant reads want.txt: one file:line per line, # comments allowed.
// A missing file returns nil.
func readWant(p string) ([]string, error) {
	b, err := os.ReadFile(p)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, path.Clean(line))
	}
	sort.Strings(out)
	return out, sc.Err()
}
