// Package plan loads Terraform plans in JSON (the output of
// `terraform show -json PLANFILE`) into resources of the same shape the
// HCL loader produces: planned values of the root module and every child
// module, with the attributes Terraform knows only after apply
// (after_unknown) listed as unknown, and addresses as Terraform prints
// them. When the .tf files the plan was made from are beside the plan in
// the scan root, findings point at their lines; otherwise at the resource
// in the plan file. Refs come from the configuration section's
// expression references.
package plan

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"sort"
	"strings"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/loader/terraform"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// Options configure the plan loader.
type Options struct {
	// MaxFileSize bounds every file read; 0 means the discover default.
	MaxFileSize int64
	Logger      *slog.Logger
}

// Loader reads Terraform JSON plans.
type Loader struct {
	opts Options
	log  *slog.Logger
}

var _ loader.Loader = (*Loader)(nil)

// New returns a plan loader.
func New(opts Options) *Loader {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Loader{opts: opts, log: log.With("component", "loader/terraform/plan")}
}

// Load implements loader.Loader.
func (l *Loader) Load(ctx context.Context, fsys fs.FS, in discover.Input) ([]*resource.Resource, source.Diagnostics) {
	b, err := discover.ReadFile(fsys, in.Path, l.opts.MaxFileSize)
	if err != nil {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: in.Path}, "cannot read", "%v", err)}
	}
	return Parse(ctx, fsys, in.Path, b, l.opts.MaxFileSize)
}

// The parts of the plan JSON format onus reads.
type planJSON struct {
	FormatVersion   string      `json:"format_version"`
	PlannedValues   *valuesJSON `json:"planned_values"`
	ResourceChanges []change    `json:"resource_changes"`
	Configuration   *struct {
		RootModule *cfgModule `json:"root_module"`
	} `json:"configuration"`
}

type valuesJSON struct {
	RootModule *module `json:"root_module"`
}

type module struct {
	Address      string      `json:"address"`
	Resources    []planned   `json:"resources"`
	ChildModules []*module   `json:"child_modules"`
	raw          []rawObject // offsets of Resources in the file, in order
}

type planned struct {
	Address      string         `json:"address"`
	Mode         string         `json:"mode"`
	Type         string         `json:"type"`
	Name         string         `json:"name"`
	Index        any            `json:"index"`
	ProviderName string         `json:"provider_name"`
	Values       map[string]any `json:"values"`
}

type change struct {
	Address string `json:"address"`
	Mode    string `json:"mode"`
	Change  struct {
		Actions      []string `json:"actions"`
		AfterUnknown any      `json:"after_unknown"`
	} `json:"change"`
}

type cfgModule struct {
	Resources   []cfgResource       `json:"resources"`
	ModuleCalls map[string]*cfgCall `json:"module_calls"`
	Outputs     map[string]struct {
		Expression any `json:"expression"`
	} `json:"outputs"`
}

type cfgResource struct {
	Address     string         `json:"address"`
	Mode        string         `json:"mode"`
	Type        string         `json:"type"`
	Name        string         `json:"name"`
	Expressions map[string]any `json:"expressions"`
}

type cfgCall struct {
	Source      string         `json:"source"`
	Expressions map[string]any `json:"expressions"`
	Module      *cfgModule     `json:"module"`
}

// Parse reads a plan. file is its root-relative name; fsys is the scan
// root, where the configuration the plan was made from may be found.
func Parse(ctx context.Context, fsys fs.FS, file string, b []byte, maxSize int64) ([]*resource.Resource, source.Diagnostics) {
	lines := newLineIndex(b)
	var p planJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&p); err != nil {
		return nil, source.Diagnostics{syntaxError(file, err, lines)}
	}
	if p.PlannedValues == nil || p.PlannedValues.RootModule == nil {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: file}, "not a Terraform plan",
			"the file has no planned_values.root_module; produce it with terraform show -json PLANFILE")}
	}
	var diags source.Diagnostics
	if !strings.HasPrefix(p.FormatVersion, "1.") {
		diags = append(diags, source.Warningf(&source.Range{Filename: file}, "unknown plan format version",
			"format_version %q; onus reads version 1.x and may misread this one", p.FormatVersion))
	}
	if err := locateResources(b, p.PlannedValues.RootModule); err != nil {
		diags = append(diags, source.Warningf(&source.Range{Filename: file}, "plan positions unknown", "%v; findings point at the file", err))
	}
	unknown := map[string]any{}
	for _, c := range p.ResourceChanges {
		if c.Mode == "managed" {
			unknown[c.Address] = c.Change.AfterUnknown
		}
	}
	pl := &planLoad{file: file, lines: lines, body: b, unknown: unknown, byBlock: map[string][]string{}, resolved: map[string][]string{}}
	var cfgRoot *cfgModule
	if p.Configuration != nil {
		cfgRoot = p.Configuration.RootModule
	}
	pl.cfg = cfgRoot
	pl.sources = terraform.LoadSources(fsys, path.Dir(file), maxSize)
	pl.collect(p.PlannedValues.RootModule)
	var out []*resource.Resource
	for _, r := range pl.planned {
		if ctx.Err() != nil {
			break
		}
		out = append(out, pl.build(r))
	}
	return out, diags
}

func syntaxError(file string, err error, lines *lineIndex) *source.Diagnostic {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		line, col := lines.pos(max(0, int(se.Offset)-1))
		return source.Errorf(source.At(file, line, col), "invalid JSON", "%v", se)
	case errors.As(err, &te):
		line, col := lines.pos(int(te.Offset))
		return source.Errorf(source.At(file, line, col), "not a Terraform plan", "%s holds a %s where the plan format wants a %s", te.Field, te.Value, te.Type)
	}
	return source.Errorf(&source.Range{Filename: file}, "invalid JSON", "%v", err)
}

// plannedRes is one managed resource of the plan and where it is.
type plannedRes struct {
	p      planned
	module string // module instance address
	raw    rawObject
}

type planLoad struct {
	file    string
	lines   *lineIndex
	body    []byte
	unknown map[string]any
	cfg     *cfgModule
	sources *terraform.Sources
	planned []plannedRes
	// byBlock maps "module address\x00type.name" (managed) to the
	// instance addresses, for refs.
	byBlock map[string][]string
	// resolved memoises references by module instance and text.
	resolved map[string][]string
}

func (pl *planLoad) collect(m *module) {
	for i, r := range m.Resources {
		if r.Mode != "managed" {
			continue
		}
		pr := plannedRes{p: r, module: m.Address}
		if i < len(m.raw) {
			pr.raw = m.raw[i]
		}
		pl.planned = append(pl.planned, pr)
		k := m.Address + "\x00" + r.Type + "." + r.Name
		pl.byBlock[k] = append(pl.byBlock[k], r.Address)
	}
	for _, c := range m.ChildModules {
		if c != nil {
			pl.collect(c)
		}
	}
}

func (pl *planLoad) id(addr string) string { return pl.file + "::" + addr }

func (pl *planLoad) build(pr plannedRes) *resource.Resource {
	r := pr.p
	var unknown []string
	collectUnknown(pl.unknown[r.Address], nil, &unknown)
	sort.Strings(unknown)
	attrs, _ := normalise(r.Values).(map[string]any)
	if attrs == nil {
		attrs = map[string]any{}
	}
	res := &resource.Resource{
		ID:       pl.id(r.Address),
		Kind:     resource.Terraform,
		Provider: providerOf(r.ProviderName, r.Type),
		Type:     r.Type,
		Name:     r.Name,
		Address:  r.Address,
		Module:   pr.module,
		Labels:   labels(attrs),
		Attrs:    attrs,
		Unknown:  unknown,
	}
	calls := moduleCalls(pr.module)
	if cm := pl.cfgModule(calls); cm != nil && pl.declares(cm, r.Type+"."+r.Name) {
		if blk, ok := pl.sources.Find(calls, r.Type+"."+r.Name); ok {
			res.Range, res.Locs, res.Suppressions = blk.Range, blk.Locs, blk.Suppressions
		}
		res.Refs = pl.refs(pr.module, cm, r.Type+"."+r.Name)
	}
	if res.Range.IsZero() {
		line, col := pl.lines.pos(pr.raw.start)
		endLine, _ := pl.lines.pos(pr.raw.end)
		res.Range = source.Range{Filename: pl.file, Start: source.Pos{Line: line, Column: col, Byte: pr.raw.start}, End: source.Pos{Line: endLine}}
		if pr.raw.end > pr.raw.start {
			res.Locs = &jsonLocator{file: pl.file, body: pl.body, lines: pl.lines, obj: pr.raw}
		}
	}
	return res
}

func (pl *planLoad) declares(cm *cfgModule, key string) bool {
	for _, r := range cm.Resources {
		if r.Mode == "managed" && r.Type+"."+r.Name == key {
			return true
		}
	}
	return false
}

// cfgModule returns the configuration of the module reached through calls.
func (pl *planLoad) cfgModule(calls []string) *cfgModule {
	m := pl.cfg
	for _, c := range calls {
		if m == nil || m.ModuleCalls[c] == nil {
			return nil
		}
		m = m.ModuleCalls[c].Module
	}
	return m
}

// moduleCalls splits a module instance address into call names:
// module.net[0].module.sub → [net sub].
func moduleCalls(addr string) []string {
	var out []string
	for _, step := range splitAddress(addr) {
		if step.name == "module" {
			continue
		}
		out = append(out, step.name)
	}
	return out
}

type addrStep struct {
	name string
	key  string // "[0]" or `["eu"]` as written, "" when none
}

// splitAddress splits a dotted address honouring quoted keys.
func splitAddress(addr string) []addrStep {
	var out []addrStep
	for i := 0; i < len(addr); {
		j := i
		for j < len(addr) && addr[j] != '.' && addr[j] != '[' {
			j++
		}
		step := addrStep{name: addr[i:j]}
		if j < len(addr) && addr[j] == '[' {
			k := j + 1
			inQuote := false
			for k < len(addr) {
				c := addr[k]
				if inQuote && c == '\\' {
					k += 2
					continue
				}
				if c == '"' {
					inQuote = !inQuote
				}
				if c == ']' && !inQuote {
					break
				}
				k++
			}
			step.key = addr[j:min(k+1, len(addr))]
			j = k + 1
		}
		out = append(out, step)
		if j < len(addr) && addr[j] == '.' {
			j++
		}
		i = j
	}
	return out
}

// providerOf maps a provider address to the provider onus reports.
func providerOf(providerName, typ string) string {
	name := providerName[strings.LastIndex(providerName, "/")+1:]
	if name == "" {
		name, _, _ = strings.Cut(typ, "_")
	}
	switch name {
	case "azurerm", "azuread", "azapi":
		return "azure"
	case "google", "google-beta":
		return "google"
	}
	return name
}

// normalise turns json.Number into int64 or float64 and drops null values
// and empty lists, so a plan's resource has the shape the HCL loader
// gives the same configuration (where unset attributes and absent nested
// blocks are absent).
func normalise(v any) any {
	switch x := v.(type) {
	case json.Number:
		return resource.PlainNumber(x)
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if e == nil {
				continue
			}
			if l, ok := e.([]any); ok && len(l) == 0 {
				continue
			}
			out[k] = normalise(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalise(e)
		}
		return out
	}
	return v
}

// collectUnknown lists the paths after_unknown marks true.
func collectUnknown(v any, p resource.Path, out *[]string) {
	switch x := v.(type) {
	case bool:
		if x {
			*out = append(*out, p.String())
		}
	case map[string]any:
		for k, e := range x {
			collectUnknown(e, p.Append(resource.Key(k)), out)
		}
	case []any:
		for i, e := range x {
			collectUnknown(e, p.Append(resource.Index(i)), out)
		}
	}
}

func labels(attrs map[string]any) map[string]string {
	var out map[string]string
	for _, key := range []string{"tags", "labels"} {
		m, ok := attrs[key].(map[string]any)
		if !ok {
			continue
		}
		for k, v := range m {
			var s string
			switch x := v.(type) {
			case string:
				s = x
			case bool, int64, float64:
				s = fmt.Sprint(x)
			default:
				continue
			}
			if out == nil {
				out = map[string]string{}
			}
			out[k] = s
		}
	}
	return out
}
