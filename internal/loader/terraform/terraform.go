// Package terraform loads Terraform root modules (.tf and .tf.json files)
// into resources, evaluating them the way Terraform plans them: variables
// from defaults, tfvars files, the command line and TF_VAR_* variables,
// locals, the Terraform function library, count and for_each with
// Terraform's instance addresses, dynamic blocks, local modules (and
// modules downloaded by terraform init) with their inputs and outputs.
//
// Values Terraform only knows after apply (computed resource attributes,
// data sources, variables without a value) stay unknown: they are absent
// from a resource's attributes and listed in its Unknown paths, so the
// engine neither raises nor clears a finding on them. References between
// resources are kept as Refs, so policies can follow them. See
// docs/terraform.md.
package terraform

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// Limits bound the work one root module may cause. The zero value of a
// field means its default.
type Limits struct {
	// MaxInstances bounds the instances of one resource, data or module
	// block (count or for_each); default 10,000.
	MaxInstances int
	// MaxResources bounds the resource instances of one root module,
	// modules included; default 200,000.
	MaxResources int
	// MaxModuleDepth bounds module nesting; default 32.
	MaxModuleDepth int
	// MaxModules bounds the module instances of one root module; default
	// 10,000.
	MaxModules int
	// MaxEvalDepth bounds how deeply values may depend on one another
	// (local → local → ...); default 2,000.
	MaxEvalDepth int
}

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.MaxInstances, 10_000)
	def(&l.MaxResources, 200_000)
	def(&l.MaxModuleDepth, 32)
	def(&l.MaxModules, 10_000)
	def(&l.MaxEvalDepth, 2_000)
	return l
}

// VarFile is a variable definitions file given on the command line
// (--var-file). Name is how diagnostics name it.
type VarFile struct {
	Name string
	Body []byte
}

// VarValue is one --var NAME=VALUE.
type VarValue struct {
	Name  string
	Value string
}

// Options configure the loader. The zero value reads no command-line
// variables and no environment.
type Options struct {
	// MaxFileSize bounds every file read (configuration, tfvars, file());
	// 0 means the discover default.
	MaxFileSize int64
	// VarFiles and Vars are applied to every root module, after the
	// module's own tfvars files: first the files, then the values, each in
	// order.
	VarFiles []VarFile
	Vars     []VarValue
	// Getenv reads TF_VAR_<name> for root module variables; nil reads
	// nothing.
	Getenv func(string) string
	Limits Limits
	Logger *slog.Logger
}

// Loader reads Terraform root modules. It is safe for concurrent use.
type Loader struct {
	opts Options
	log  *slog.Logger
}

var (
	_ loader.Loader  = (*Loader)(nil)
	_ loader.Grouper = (*Loader)(nil)
)

// New returns a Terraform loader.
func New(opts Options) *Loader {
	opts.Limits = opts.Limits.withDefaults()
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Loader{opts: opts, log: log.With("component", "loader/terraform")}
}

// Load implements loader.Loader: in is a directory (a root module) and
// in.Files its configuration files.
func (l *Loader) Load(ctx context.Context, fsys fs.FS, in discover.Input) (rs []*resource.Resource, diags source.Diagnostics) {
	defer func() {
		if p := recover(); p != nil {
			l.log.Error("panic evaluating module", "path", in.Path, "panic", p, "stack", string(debug.Stack()))
			rs = nil
			diags = append(diags, source.Errorf(&source.Range{Filename: in.Path}, "module not evaluated",
				"onus failed while evaluating this module (%v); please report it", p))
		}
	}()
	files := in.Files
	if len(files) == 0 {
		files = listConfigFiles(fsys, in.Path)
	}
	ev := newEvaluator(ctx, fsys, l.opts, in.Path)
	ev.run(files)
	return ev.resources(), ev.diagnostics()
}

// Module loads the root module in directory dir of fsys, reading every
// configuration file in it. It is Load without discovery, for tests and
// tools.
func (l *Loader) Module(ctx context.Context, fsys fs.FS, dir string) ([]*resource.Resource, source.Diagnostics) {
	return l.Load(ctx, fsys, discover.Input{Path: dir, Format: discover.Terraform})
}

// listConfigFiles lists the .tf and .tf.json files of a directory, sorted.
func listConfigFiles(fsys fs.FS, dir string) []string {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		if e.Type().IsRegular() && discover.IsTerraformName(e.Name()) {
			out = append(out, path.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out
}

// isOverride reports whether a configuration file is an override file,
// whose blocks are merged into those of the other files.
func isOverride(name string) bool {
	base := strings.TrimSuffix(strings.TrimSuffix(path.Base(name), ".json"), ".tf")
	return base == "override" || strings.HasSuffix(base, "_override")
}

func convertDiag(d *hcl.Diagnostic) *source.Diagnostic {
	sev := source.Error
	if d.Severity == hcl.DiagWarning {
		sev = source.Warning
	}
	out := &source.Diagnostic{Severity: sev, Summary: strings.TrimSuffix(d.Summary, "."), Detail: d.Detail}
	if d.Subject != nil {
		r := rangeOf(*d.Subject)
		out.Subject = &r
	}
	return out
}

// rangeOf converts an HCL range (whose Filename is root-relative).
func rangeOf(r hcl.Range) source.Range {
	return source.Range{
		Filename: r.Filename,
		Start:    source.Pos{Line: r.Start.Line, Column: r.Start.Column, Byte: r.Start.Byte},
		End:      source.Pos{Line: r.End.Line, Column: r.End.Column, Byte: r.End.Byte},
	}
}

func hclErr(subject *hcl.Range, summary, format string, args ...any) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(format, args...), Subject: subject}
}

func hclWarn(subject *hcl.Range, summary, format string, args ...any) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: summary, Detail: fmt.Sprintf(format, args...), Subject: subject}
}
