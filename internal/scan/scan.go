// Package scan is the one pipeline every entry point uses: discover →
// load (parallel) → engine → ownership → report.
package scan

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/report"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// Options configure a scan. Loaders, Engine and Model are required.
type Options struct {
	// Paths are the files and directories to scan (each a root).
	Paths    []string
	Loaders  *loader.Set
	Engine   *engine.Engine
	Model    *ownership.Model
	Discover discover.Options
	// Workers bounds parallel loading; 0 means GOMAXPROCS.
	Workers int
	// Now stamps the report; zero means time.Now.
	Now    time.Time
	Tool   report.Tool
	Logger *slog.Logger
	// Progress, when set, is told how many inputs are loaded.
	Progress func(done, total int)
	// Enrichers add facts to resources after loading and before policies
	// run (matched advisories on packages, for example).
	Enrichers []Enricher
	// Ownership configures teams, waivers, the baseline and the --team
	// filter (ownership.go).
	Ownership OwnershipOptions
}

// Enricher adds facts to loaded resources. It may add report extensions.
type Enricher interface {
	Enrich(ctx context.Context, rs []*resource.Resource) (Extension, source.Diagnostics)
}

// Extension is a named section an enricher adds to the report's extensions.
type Extension struct {
	Name  string
	Value any
}

// Loaded is what loading produced: the resources of every input.
type Loaded struct {
	FS          fs.FS
	Inputs      []discover.Input
	Resources   []*resource.Resource
	Diagnostics source.Diagnostics
	Roots       []string
	close       func()
}

// Close releases the scan roots.
func (l *Loaded) Close() {
	if l.close != nil {
		l.close()
	}
}

// Load discovers and loads every input under opts.Paths.
func Load(ctx context.Context, opts Options) (*Loaded, error) {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With("component", "scan")
	if len(opts.Paths) == 0 {
		return nil, fmt.Errorf("scan: no paths")
	}
	l := &Loaded{}
	mfs := &mountFS{}
	var roots []*os.Root
	l.close = func() {
		for _, r := range roots {
			r.Close()
		}
	}
	for _, arg := range opts.Paths {
		root, only, err := discover.OpenRoot(arg)
		if err != nil {
			l.Close()
			return nil, fmt.Errorf("open %s: %w", arg, err)
		}
		roots = append(roots, root)
		prefix := ""
		if len(opts.Paths) > 1 {
			prefix = prefixFor(arg)
		}
		mfs.mounts = append(mfs.mounts, mount{prefix: prefix, fsys: root.FS()})
		l.Roots = append(l.Roots, arg)
		dopts := opts.Discover
		dopts.Only = only
		dopts.Logger = log
		ins, diags, err := discover.Walk(ctx, root, dopts)
		if err != nil {
			l.Close()
			return nil, err
		}
		for i := range ins {
			ins[i].Path = join(prefix, ins[i].Path)
			for j := range ins[i].Files {
				ins[i].Files[j] = join(prefix, ins[i].Files[j])
			}
		}
		for _, d := range diags {
			if d.Subject != nil {
				d.Subject.Filename = join(prefix, d.Subject.Filename)
			}
		}
		l.Inputs = append(l.Inputs, ins...)
		l.Diagnostics = append(l.Diagnostics, diags...)
	}
	l.FS = mfs
	if len(mfs.mounts) == 1 {
		l.FS = mfs.mounts[0].fsys
	}
	l.Inputs = group(l.FS, opts.Loaders, l.Inputs)

	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type out struct {
		rs    []*resource.Resource
		diags source.Diagnostics
	}
	results := make([]out, len(l.Inputs))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range min(workers, max(1, len(l.Inputs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				in := l.Inputs[i]
				ld := opts.Loaders.For(in.Format)
				if ld == nil {
					results[i].diags = source.Diagnostics{source.Warningf(&source.Range{Filename: in.Path}, "format not supported", "onus recognised this file as %s but has no loader for it", in.Format)}
				} else if ctx.Err() == nil {
					start := time.Now()
					results[i].rs, results[i].diags = ld.Load(ctx, l.FS, in)
					log.Debug("loaded", "path", in.Path, "format", in.Format, "resources", len(results[i].rs), "elapsed", time.Since(start))
				}
				if opts.Progress != nil {
					mu.Lock()
					done++
					opts.Progress(done, len(l.Inputs))
					mu.Unlock()
				}
			}
		}()
	}
	for i := range l.Inputs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		l.Close()
		return nil, fmt.Errorf("load: %w", err)
	}
	for _, r := range results {
		l.Resources = append(l.Resources, r.rs...)
		l.Diagnostics = append(l.Diagnostics, r.diags...)
	}
	return l, nil
}

func join(prefix, p string) string {
	if prefix == "" {
		return p
	}
	if p == "." {
		return prefix
	}
	return prefix + "/" + p
}

// group lets loaders that implement loader.Grouper regroup their inputs.
func group(fsys fs.FS, set *loader.Set, ins []discover.Input) []discover.Input {
	byFormat := map[discover.Format][]discover.Input{}
	var order []discover.Format
	for _, in := range ins {
		if _, ok := byFormat[in.Format]; !ok {
			order = append(order, in.Format)
		}
		byFormat[in.Format] = append(byFormat[in.Format], in)
	}
	var out []discover.Input
	for _, f := range order {
		list := byFormat[f]
		if g, ok := set.For(f).(loader.Grouper); ok {
			list = g.Group(fsys, list)
		}
		out = append(out, list...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// Run scans opts.Paths and returns the report.
func Run(ctx context.Context, opts Options) (*report.Report, error) {
	if opts.Loaders == nil || opts.Engine == nil || opts.Model == nil {
		return nil, fmt.Errorf("scan: Loaders, Engine and Model are required")
	}
	l, err := Load(ctx, opts)
	if err != nil {
		return nil, err
	}
	defer l.Close()
	return Evaluate(ctx, l, opts)
}

// Evaluate judges what Load loaded and builds the report: Run is Load then
// Evaluate, and a caller that compiles its policies while the files load
// calls the two itself. It does not close l.
func Evaluate(ctx context.Context, l *Loaded, opts Options) (*report.Report, error) {
	if opts.Engine == nil || opts.Model == nil {
		return nil, fmt.Errorf("scan: Engine and Model are required")
	}
	extensions := map[string]any{}
	for _, en := range opts.Enrichers {
		ext, ds := en.Enrich(ctx, l.Resources)
		l.Diagnostics = append(l.Diagnostics, ds...)
		if ext.Name != "" {
			extensions[ext.Name] = ext.Value
		}
	}
	// nothing reads the resources' attributes after evaluation
	res, err := opts.Engine.Evaluate(ctx, l.Resources, engine.EvalOptions{DropAttrs: true})
	if err != nil {
		return nil, err
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	own := opts.applyOwnership(res, l.Resources, now)
	undetermined := 0
	for _, c := range res.Checks {
		undetermined += c.Undetermined
	}
	files := map[string]bool{}
	for _, in := range l.Inputs {
		if len(in.Files) > 0 {
			for _, f := range in.Files {
				files[f] = true
			}
		} else {
			files[in.Path] = true
		}
	}
	diags := append(append(l.Diagnostics, res.Diagnostics...), own.diags...)
	rep := report.Build(report.Input{
		CheckResults: checks(opts.Model, res.Checks),
		Tool:         opts.Tool,
		Now:          now,
		Roots:        l.Roots,
		Findings:     res.Findings,
		Gaps:         own.gaps,
		Matrix:       own.matrix,
		Waivers:      own.waivers,
		Results:      own.results,
		Diagnostics:  diags,
		Files:        len(files),
		Resources:    len(l.Resources),
		Checks:       len(res.Checks),
		Undetermined: undetermined,
		Policies:     opts.Engine.Policies(),
		Sources:      snippets(l.FS, res.Findings, opts.Discover.MaxFileSize),
	})
	if len(extensions) > 0 {
		rep.Extensions = extensions
	}
	return rep, nil
}

// checks converts the engine's checks for the report, with the service,
// model and owner the responsibility model gives each.
func checks(m *ownership.Model, cs []engine.Check) []report.Check {
	out := make([]report.Check, len(cs))
	one := make([]finding.Finding, 1) // reused: a check is not a finding, and there are many
	for i, c := range cs {
		r := c.Resource
		one[0] = finding.Finding{
			Layer: c.Policy.Layer,
			Resource: finding.ResourceRef{Address: r.Address, Type: r.Type, Name: r.Name, Kind: r.Kind,
				Provider: r.Provider, Namespace: r.Namespace, Module: r.Module},
		}
		m.Assign(one)
		f := &one[0]
		out[i] = report.Check{
			Rule: c.Policy.ID, ResourceID: r.ID, Resource: f.Resource,
			Location: finding.Location{File: r.Range.Filename, StartLine: r.Range.Start.Line,
				EndLine: max(r.Range.End.Line, r.Range.Start.Line)},
			Service: f.Service, ServiceModel: f.ServiceModel, Layer: f.Layer, Owner: f.Owner,
			Failed: c.Failed, Undetermined: c.Undetermined,
		}
	}
	return out
}

// snippets reads the files findings point into, for reports that show code.
func snippets(fsys fs.FS, fs []finding.Finding, limit int64) source.Files {
	out := source.Files{}
	for _, f := range fs {
		if _, ok := out[f.Location.File]; ok || f.Location.File == "" {
			continue
		}
		b, err := discover.ReadFile(fsys, f.Location.File, limit)
		if err != nil {
			continue // the loader already reported an unreadable file
		}
		out[f.Location.File] = b
	}
	return out
}
