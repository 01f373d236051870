package policy

import (
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// MaxModuleSize bounds one .rego file.
const MaxModuleSize = 1 << 20

// LoadOptions tune Load.
type LoadOptions struct {
	// Origin prefixes file names in diagnostics ("builtin:", a directory).
	Origin string
	// Builtin marks the policies as built-in.
	Builtin bool
	// SkipTests leaves *_test.rego files unread, for callers that only
	// evaluate policies.
	SkipTests bool
}

// Load reads every .rego file under fsys. A module that does not parse, or a
// policy whose metadata is invalid, becomes a diagnostic; the rest load.
func Load(fsys fs.FS, opts LoadOptions) (*Set, source.Diagnostics) {
	set := &Set{Modules: map[string]*ast.Module{}, Tests: map[string]*ast.Module{}}
	var diags source.Diagnostics
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, source.Errorf(&source.Range{Filename: opts.Origin + p}, "cannot read policy", "%v", err))
			return nil
		}
		if d.IsDir() {
			if p != "." && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".rego") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		diags = append(diags, source.Errorf(&source.Range{Filename: opts.Origin}, "cannot read policies", "%v", err))
	}
	sort.Strings(files)
	if opts.SkipTests {
		files = slices.DeleteFunc(files, func(p string) bool { return strings.HasSuffix(p, "_test.rego") })
	}
	// parsing is most of the cost of loading, and each file parses alone
	parsed := make([]parsedFile, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(1, len(files))) {
		wg.Go(func() {
			for i := range next {
				parsed[i] = parseFile(fsys, files[i], opts.Origin+files[i])
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()

	ids := map[string]string{}
	for i, p := range files {
		name := opts.Origin + p
		mod := parsed[i].mod
		if mod == nil {
			diags = append(diags, parsed[i].diags...)
			continue
		}
		if strings.HasSuffix(p, "_test.rego") {
			set.Tests[name] = mod
			continue
		}
		set.Modules[name] = mod
		pol, ds := fromModule(name, mod)
		diags = append(diags, ds...)
		if pol == nil {
			continue
		}
		pol.Builtin = opts.Builtin
		if prev, dup := ids[pol.ID]; dup {
			diags = append(diags, source.Errorf(annotationRange(mod), "duplicate policy id", "%s is also defined in %s", pol.ID, prev))
			continue
		}
		ids[pol.ID] = name
		set.Policies = append(set.Policies, pol)
	}
	sort.Slice(set.Policies, func(i, j int) bool { return set.Policies[i].ID < set.Policies[j].ID })
	return set, diags
}

// parsedFile is one .rego file read and parsed, or why it was not.
type parsedFile struct {
	mod   *ast.Module
	diags source.Diagnostics
}

func parseFile(fsys fs.FS, p, name string) parsedFile {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return parsedFile{diags: source.Diagnostics{source.Errorf(&source.Range{Filename: name}, "cannot read policy", "%v", err)}}
	}
	if len(b) > MaxModuleSize {
		return parsedFile{diags: source.Diagnostics{source.Errorf(&source.Range{Filename: name}, "policy too large", "%d bytes is over the %d byte limit", len(b), MaxModuleSize)}}
	}
	mod, err := ast.ParseModuleWithOpts(name, string(b), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
	if err != nil {
		return parsedFile{diags: FromRegoError(err)}
	}
	return parsedFile{mod: mod}
}

// FromRegoError converts Rego parse or compile errors to diagnostics.
func FromRegoError(err error) source.Diagnostics {
	var out source.Diagnostics
	if errs, ok := err.(ast.Errors); ok {
		for _, e := range errs {
			out = append(out, fromASTError(e))
		}
		return out
	}
	if e, ok := err.(*ast.Error); ok {
		return source.Diagnostics{fromASTError(e)}
	}
	return source.Diagnostics{source.Errorf(nil, "rego error", "%v", err)}
}

func fromASTError(e *ast.Error) *source.Diagnostic {
	var subject *source.Range
	if e.Location != nil {
		subject = source.At(e.Location.File, e.Location.Row, e.Location.Col)
	}
	return &source.Diagnostic{Severity: source.Error, Summary: "rego " + e.Code, Detail: e.Message, Subject: subject}
}

func annotationRange(mod *ast.Module) *source.Range {
	for _, a := range mod.Annotations {
		if a.Scope == "package" && a.Location != nil {
			return source.At(a.Location.File, a.Location.Row, a.Location.Col)
		}
	}
	if mod.Package != nil && mod.Package.Location != nil {
		return source.At(mod.Package.Location.File, mod.Package.Location.Row, mod.Package.Location.Col)
	}
	return nil
}

// fromModule returns the policy a module defines, or nil for a library
// (a module whose package METADATA has no custom.id).
func fromModule(name string, mod *ast.Module) (*Policy, source.Diagnostics) {
	var ann *ast.Annotations
	for _, a := range mod.Annotations {
		if a.Scope == "package" {
			ann = a
			break
		}
	}
	if ann == nil || ann.Custom == nil || ann.Custom["id"] == nil {
		return nil, nil
	}
	at := annotationRange(mod)
	v := validator{at: at, lines: annotationLines(mod, ann)}
	p := &Policy{
		ID:          v.str(ann.Custom, "id", true),
		Title:       ann.Title,
		Description: ann.Description,
		Severity:    finding.Severity(v.str(ann.Custom, "severity", true)),
		Category:    finding.Category(v.str(ann.Custom, "category", true)),
		Layer:       finding.Layer(v.str(ann.Custom, "layer", true)),
		Remediation: strings.TrimSpace(v.str(ann.Custom, "remediation", true)),
		Package:     mod.Package.Path.String(),
		File:        name,
		Module:      mod,
	}
	for _, r := range ann.RelatedResources {
		if r.Ref.String() != "" {
			p.Related = append(p.Related, r.Ref.String())
		}
	}
	if p.ID != "" && !idPattern.MatchString(p.ID) {
		v.fail("custom.id %q: want letters and digits in dash-separated parts, like ONUS-K8S-001", p.ID)
	}
	if p.Title == "" {
		v.fail("title is required")
	}
	if p.Severity != "" && !p.Severity.Valid() {
		v.fail("custom.severity %q: want one of %v", p.Severity, finding.Severities)
	}
	if p.Category != "" && !p.Category.Valid() {
		v.fail("custom.category %q: want one of %v", p.Category, finding.Categories)
	}
	if p.Layer != "" && !p.Layer.Valid() {
		v.fail("custom.layer %q: want one of %v", p.Layer, finding.Layers)
	}
	p.Targets = v.targets(ann.Custom["targets"])
	p.Controls = v.controls(ann.Custom["controls"])
	p.Params = v.params(ann.Custom["params"])
	for k := range ann.Custom {
		switch k {
		case "id", "severity", "category", "layer", "targets", "controls", "params", "remediation":
		default:
			v.fail("custom.%s: unknown field (want id, severity, category, layer, targets, controls, params, remediation)", k)
		}
	}
	if !hasRule(mod, Entrypoint) {
		v.fail("the package defines no %q rule", Entrypoint)
	}
	if len(v.diags) > 0 {
		return nil, v.diags
	}
	return p, nil
}

func hasRule(mod *ast.Module, name string) bool {
	for _, r := range mod.Rules {
		if r.Head.Name.String() == name || (len(r.Head.Reference) > 0 && r.Head.Reference[0].Value.String() == name) {
			return true
		}
	}
	return false
}

type validator struct {
	at    *source.Range
	lines []annotationLine
	diags source.Diagnostics
}

// annotationLine is one comment line of the METADATA block.
type annotationLine struct {
	text string
	at   *source.Range
}

func annotationLines(mod *ast.Module, ann *ast.Annotations) []annotationLine {
	if ann.Location == nil {
		return nil
	}
	var out []annotationLine
	for _, c := range mod.Comments {
		if c.Location == nil || c.Location.File != ann.Location.File || c.Location.Row < ann.Location.Row {
			continue
		}
		if mod.Package != nil && mod.Package.Location != nil && c.Location.Row >= mod.Package.Location.Row {
			continue
		}
		out = append(out, annotationLine{text: string(c.Text), at: source.At(c.Location.File, c.Location.Row, c.Location.Col)})
	}
	return out
}

// fail records a problem at the metadata line that mentions the first
// "custom.a.b" key of the message, or at the METADATA block.
func (v *validator) fail(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	v.diags = append(v.diags, &source.Diagnostic{Severity: source.Error, Summary: "invalid policy metadata", Detail: msg, Subject: v.lineOf(msg)})
}

func (v *validator) lineOf(msg string) *source.Range {
	field, _, _ := strings.Cut(msg, " ")
	field = strings.TrimSuffix(field, ":")
	parts := strings.Split(strings.TrimPrefix(field, "custom."), ".")
	key := parts[len(parts)-1]
	if i := strings.IndexByte(key, '['); i >= 0 {
		key = key[:i]
	}
	if key == "" {
		return v.at
	}
	for _, l := range v.lines {
		t := strings.TrimSpace(l.text)
		t = strings.TrimPrefix(t, "- ")
		if strings.HasPrefix(t, key+":") {
			return l.at
		}
	}
	return v.at
}

func (v *validator) str(m map[string]any, key string, required bool) string {
	x, ok := m[key]
	if !ok {
		if required {
			v.fail("custom.%s is required", key)
		}
		return ""
	}
	s, ok := x.(string)
	if !ok {
		v.fail("custom.%s: want a string, got %T", key, x)
	}
	return s
}

func (v *validator) strings(x any, what string) []string {
	list, ok := x.([]any)
	if !ok {
		if s, ok := x.(string); ok {
			return []string{s}
		}
		v.fail("%s: want a list of strings", what)
		return nil
	}
	var out []string
	for _, e := range list {
		s, ok := e.(string)
		if !ok {
			v.fail("%s: want a list of strings, found %v", what, e)
			continue
		}
		out = append(out, s)
	}
	return out
}

func (v *validator) targets(x any) []Target {
	list, ok := x.([]any)
	if !ok || len(list) == 0 {
		v.fail("custom.targets is required: a list of {kind, types}")
		return nil
	}
	var out []Target
	for i, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			v.fail("custom.targets[%d]: want {kind, types}", i)
			continue
		}
		kind, _ := m["kind"].(string)
		if !resource.Kind(kind).Valid() {
			v.fail("custom.targets[%d].kind %q: want one of %v", i, kind, resource.Kinds)
			continue
		}
		for k := range m {
			if k != "kind" && k != "types" {
				v.fail("custom.targets[%d].%s: unknown field (want kind, types)", i, k)
			}
		}
		types := v.strings(m["types"], fmt.Sprintf("custom.targets[%d].types", i))
		if len(types) == 0 {
			v.fail("custom.targets[%d].types: want at least one type (or \"*\")", i)
			continue
		}
		expanded, err := ExpandTypes(resource.Kind(kind), types)
		if err != nil {
			v.fail("custom.targets[%d].types: %v", i, err)
			continue
		}
		out = append(out, Target{Kind: resource.Kind(kind), Types: expanded})
	}
	return out
}

func (v *validator) controls(x any) map[string][]string {
	if x == nil {
		return map[string][]string{}
	}
	m, ok := x.(map[string]any)
	if !ok {
		v.fail("custom.controls: want a map of framework to control ids")
		return nil
	}
	out := make(map[string][]string, len(m))
	for fw, ids := range m {
		if _, known := Frameworks[fw]; !known {
			v.fail("custom.controls.%s: unknown framework (want one of %s)", fw, strings.Join(frameworkIDs(), ", "))
			continue
		}
		out[fw] = v.strings(ids, "custom.controls."+fw)
	}
	return out
}

func frameworkIDs() []string {
	var out []string
	for k := range Frameworks {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (v *validator) params(x any) map[string]Param {
	if x == nil {
		return nil
	}
	m, ok := x.(map[string]any)
	if !ok {
		v.fail("custom.params: want a map of name to {default, description}")
		return nil
	}
	out := make(map[string]Param, len(m))
	for name, e := range m {
		pm, ok := e.(map[string]any)
		if !ok {
			v.fail("custom.params.%s: want {default, description}", name)
			continue
		}
		if _, has := pm["default"]; !has {
			v.fail("custom.params.%s.default is required", name)
			continue
		}
		desc, _ := pm["description"].(string)
		out[name] = Param{Default: pm["default"], Description: desc}
	}
	return out
}

// Dir returns the directory of a policy's file, for locating its fixtures.
func (p *Policy) Dir() string { return path.Dir(p.File) }
