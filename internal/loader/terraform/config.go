package terraform

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/resource"
)

// config is one module directory, parsed but not evaluated. A module
// called several times shares one config.
type config struct {
	dir       string
	variables map[string]*variable
	locals    map[string]*hcl.Attribute
	localList []string // source order
	outputs   map[string]*hcl.Attribute
	calls     []*moduleCall
	callByKey map[string]*moduleCall
	managed   []*block
	data      []*block
	blocks    map[string]*block // "aws_s3_bucket.b", "data.aws_iam_policy_document.p"
	types     map[string]bool   // managed resource types declared here
	diags     hcl.Diagnostics
}

type variable struct {
	name     string
	typ      cty.Type
	defaults *typeexpr.Defaults
	def      cty.Value // cty.NilVal when there is no default
	nullable bool
	rng      hcl.Range
}

type moduleCall struct {
	name        string
	source      string
	sourceRange hcl.Range
	count       hcl.Expression
	forEach     hcl.Expression
	inputs      map[string]*hcl.Attribute
	rng         hcl.Range
}

type mode int

const (
	managed mode = iota
	dataMode
)

// block is a resource or data block.
type block struct {
	mode     mode
	typ      string
	name     string
	body     hcl.Body
	count    hcl.Expression
	forEach  hcl.Expression
	provider string // local name of the provider meta-argument, "" when absent
	rng      hcl.Range
	sups     []resource.Suppression
}

func (b *block) key() string {
	if b.mode == dataMode {
		return "data." + b.typ + "." + b.name
	}
	return b.typ + "." + b.name
}

var rootSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "terraform"},
		{Type: "provider", LabelNames: []string{"name"}},
		{Type: "variable", LabelNames: []string{"name"}},
		{Type: "locals"},
		{Type: "output", LabelNames: []string{"name"}},
		{Type: "module", LabelNames: []string{"name"}},
		{Type: "resource", LabelNames: []string{"type", "name"}},
		{Type: "data", LabelNames: []string{"type", "name"}},
		{Type: "ephemeral", LabelNames: []string{"type", "name"}},
		{Type: "moved"},
		{Type: "import"},
		{Type: "removed"},
		{Type: "check", LabelNames: []string{"name"}},
	},
}

var variableSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "type"}, {Name: "default"}, {Name: "description"}, {Name: "sensitive"},
		{Name: "nullable"}, {Name: "ephemeral"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "validation"}},
}

// metaArgs are resource and data block arguments that are not attributes
// of the resource.
var metaArgs = map[string]bool{"count": true, "for_each": true, "provider": true, "depends_on": true}

// metaBlocks are nested blocks of the same kind.
var metaBlocks = map[string]bool{"lifecycle": true, "provisioner": true, "connection": true, "precondition": true, "postcondition": true}

// parseFile parses one configuration file; JSON by name.
func parseFile(name string, src []byte) (*hcl.File, hcl.Diagnostics) {
	if strings.HasSuffix(name, ".json") {
		return hcljson.Parse(src, name)
	}
	return hclsyntax.ParseConfig(src, name, hcl.InitialPos)
}

// loadConfig reads and parses the configuration files of a module.
func loadConfig(fsys fs.FS, dir string, files []string, maxSize int64) *config {
	c := &config{
		dir: dir, variables: map[string]*variable{}, locals: map[string]*hcl.Attribute{},
		outputs: map[string]*hcl.Attribute{}, callByKey: map[string]*moduleCall{},
		blocks: map[string]*block{}, types: map[string]bool{},
	}
	var overrides []*hcl.File
	for _, name := range files {
		src, err := discover.ReadFile(fsys, name, maxSize)
		if err != nil {
			c.diags = append(c.diags, hclErr(&hcl.Range{Filename: name}, "cannot read", "%v", err))
			continue
		}
		f, diags := parseFile(name, src)
		c.diags = append(c.diags, diags...)
		if f == nil || f.Body == nil {
			continue
		}
		var sups *fileSuppressions
		if !strings.HasSuffix(name, ".json") && bytes.Contains(src, []byte(resource.SuppressionMarker)) {
			sups = scanSuppressions(src, name)
		}
		if isOverride(name) {
			overrides = append(overrides, f)
			continue
		}
		c.addFile(f, sups)
	}
	for _, f := range overrides {
		c.applyOverride(f)
	}
	return c
}

func (c *config) addFile(f *hcl.File, sups *fileSuppressions) {
	content, diags := f.Body.Content(rootSchema)
	c.diags = append(c.diags, diags...)
	if content == nil {
		return
	}
	for _, b := range content.Blocks {
		switch b.Type {
		case "variable":
			c.addVariable(b)
		case "locals":
			attrs, diags := b.Body.JustAttributes()
			c.diags = append(c.diags, diags...)
			for _, a := range sortedAttrs(attrs) {
				if prev, dup := c.locals[a.Name]; dup {
					c.diags = append(c.diags, hclErr(&a.NameRange, "Duplicate local value definition",
						"A local value named %q was already defined at %s.", a.Name, prev.NameRange))
					continue
				}
				c.locals[a.Name] = a
				c.localList = append(c.localList, a.Name)
			}
		case "output":
			attrs, diags := b.Body.JustAttributes()
			c.diags = append(c.diags, ignoreBlocksDiags(diags)...)
			if v, ok := attrs["value"]; ok {
				c.outputs[b.Labels[0]] = v
			} else if diags == nil {
				c.diags = append(c.diags, hclErr(&b.DefRange, "Missing required argument", "The output %q has no value argument.", b.Labels[0]))
			}
		case "module":
			c.addModuleCall(b)
		case "resource", "data":
			c.addBlock(b, sups)
		}
	}
}

// ignoreBlocksDiags drops the errors JustAttributes reports for nested
// blocks (precondition in outputs) that onus does not evaluate.
func ignoreBlocksDiags(diags hcl.Diagnostics) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, d := range diags {
		if d.Summary == "Unexpected \"precondition\" block" || strings.HasPrefix(d.Summary, "Unexpected \"") {
			continue
		}
		out = append(out, d)
	}
	return out
}

func sortedAttrs(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return rangeLess(out[i].Range, out[j].Range) })
	return out
}

func rangeLess(a, b hcl.Range) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Start.Byte < b.Start.Byte
}

func (c *config) addVariable(b *hcl.Block) {
	name := b.Labels[0]
	if !hclsyntax.ValidIdentifier(name) {
		c.diags = append(c.diags, hclErr(&b.LabelRanges[0], "Invalid variable name", "%q is not a valid identifier.", name))
		return
	}
	if prev, dup := c.variables[name]; dup {
		c.diags = append(c.diags, hclErr(&b.DefRange, "Duplicate variable declaration",
			"A variable named %q was already declared at %s.", name, prev.rng))
		return
	}
	content, diags := b.Body.Content(variableSchema)
	c.diags = append(c.diags, diags...)
	v := &variable{name: name, typ: cty.DynamicPseudoType, def: cty.NilVal, nullable: true, rng: b.DefRange}
	if content == nil {
		c.variables[name] = v
		return
	}
	if a, ok := content.Attributes["type"]; ok {
		ty, defs, diags := typeexpr.TypeConstraintWithDefaults(a.Expr)
		c.diags = append(c.diags, diags...)
		if !diags.HasErrors() {
			v.typ, v.defaults = ty, defs
		}
	}
	if a, ok := content.Attributes["nullable"]; ok {
		if val, diags := a.Expr.Value(nil); !diags.HasErrors() && val.Type() == cty.Bool && val.IsKnown() && !val.IsNull() {
			v.nullable = val.True()
		}
	}
	if a, ok := content.Attributes["default"]; ok {
		val, diags := a.Expr.Value(nil)
		c.diags = append(c.diags, diags...)
		if !diags.HasErrors() {
			if v.defaults != nil {
				val = v.defaults.Apply(val)
			}
			conv, err := convertTo(val, v.typ)
			if err != nil {
				c.diags = append(c.diags, hclErr(a.Expr.Range().Ptr(), "Invalid default value for variable",
					"This default value is not compatible with the variable's type constraint: %v.", err))
			} else {
				v.def = conv
			}
		}
	}
	c.variables[name] = v
}

func (c *config) addModuleCall(b *hcl.Block) {
	name := b.Labels[0]
	if _, dup := c.callByKey[name]; dup {
		c.diags = append(c.diags, hclErr(&b.DefRange, "Duplicate module call", "A module call named %q was already defined.", name))
		return
	}
	attrs, diags := b.Body.JustAttributes()
	c.diags = append(c.diags, diags...)
	m := &moduleCall{name: name, inputs: map[string]*hcl.Attribute{}, rng: b.DefRange}
	for n, a := range attrs {
		switch n {
		case "source":
			v, ds := a.Expr.Value(nil)
			if ds.HasErrors() || v.Type() != cty.String || v.IsNull() || !v.IsKnown() {
				c.diags = append(c.diags, hclErr(a.Expr.Range().Ptr(), "Invalid module source", "The module source must be a literal string."))
				continue
			}
			m.source, m.sourceRange = v.AsString(), a.Expr.Range()
		case "count":
			m.count = a.Expr
		case "for_each":
			m.forEach = a.Expr
		case "version", "providers", "depends_on":
		default:
			m.inputs[n] = a
		}
	}
	if m.source == "" && !diags.HasErrors() {
		c.diags = append(c.diags, hclErr(&b.DefRange, "Missing required argument", "The module %q has no source argument.", name))
	}
	if m.count != nil && m.forEach != nil {
		c.diags = append(c.diags, hclErr(m.forEach.Range().Ptr(), "Invalid combination of \"count\" and \"for_each\"",
			"The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only one should be used."))
		m.forEach = nil
	}
	c.calls = append(c.calls, m)
	c.callByKey[name] = m
}

func (c *config) addBlock(hb *hcl.Block, sups *fileSuppressions) {
	b := &block{mode: managed, typ: hb.Labels[0], name: hb.Labels[1], body: hb.Body, rng: blockRange(hb)}
	if hb.Type == "data" {
		b.mode = dataMode
	}
	if prev, dup := c.blocks[b.key()]; dup {
		c.diags = append(c.diags, hclErr(&hb.DefRange, "Duplicate resource configuration",
			"A %s block for %s was already declared at %s.", hb.Type, b.key(), prev.rng.Filename+fmt.Sprintf(":%d", prev.rng.Start.Line)))
		return
	}
	b.count, b.forEach, b.provider = metaArguments(hb.Body)
	if b.count != nil && b.forEach != nil {
		c.diags = append(c.diags, hclErr(b.forEach.Range().Ptr(), "Invalid combination of \"count\" and \"for_each\"",
			"The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only one should be used."))
		b.forEach = nil
	}
	if sups != nil {
		b.sups = sups.forBlock(b.rng)
	}
	c.blocks[b.key()] = b
	if b.mode == dataMode {
		c.data = append(c.data, b)
	} else {
		c.managed = append(c.managed, b)
		c.types[b.typ] = true
	}
}

// blockRange covers a block from its type keyword to its closing brace.
func blockRange(hb *hcl.Block) hcl.Range {
	if sb, ok := hb.Body.(*hclsyntax.Body); ok {
		return hcl.RangeBetween(hb.TypeRange, sb.SrcRange)
	}
	return hb.DefRange
}

// metaArguments finds count, for_each and provider in a resource body.
func metaArguments(body hcl.Body) (count, forEach hcl.Expression, provider string) {
	var attrs map[string]hcl.Expression
	switch b := body.(type) {
	case *hclsyntax.Body:
		attrs = map[string]hcl.Expression{}
		for n, a := range b.Attributes {
			if metaArgs[n] {
				attrs[n] = a.Expr
			}
		}
	default:
		content, _, _ := body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}, {Name: "provider"}}})
		attrs = map[string]hcl.Expression{}
		if content != nil {
			for n, a := range content.Attributes {
				attrs[n] = a.Expr
			}
		}
	}
	count, forEach = attrs["count"], attrs["for_each"]
	if p, ok := attrs["provider"]; ok {
		if t, diags := hcl.AbsTraversalForExpr(p); !diags.HasErrors() && len(t) > 0 {
			provider = t.RootName()
		} else if v, diags := p.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			provider, _, _ = strings.Cut(v.AsString(), ".") // JSON: "aws.west"
		}
	}
	return count, forEach, provider
}

// applyOverride merges an override file into the configuration, the way
// Terraform does for the common cases: an attribute replaces the original,
// and nested blocks of a type replace all the original's blocks of that
// type. Only native-syntax blocks are merged.
func (c *config) applyOverride(f *hcl.File) {
	content, diags := f.Body.Content(rootSchema)
	c.diags = append(c.diags, diags...)
	if content == nil {
		return
	}
	for _, hb := range content.Blocks {
		switch hb.Type {
		case "resource", "data":
			key := hb.Labels[0] + "." + hb.Labels[1]
			if hb.Type == "data" {
				key = "data." + key
			}
			orig, ok := c.blocks[key]
			if !ok {
				c.diags = append(c.diags, hclErr(&hb.DefRange, "Missing base resource for override", "There is no %s block for %s to override.", hb.Type, key))
				continue
			}
			ob, ok1 := orig.body.(*hclsyntax.Body)
			nb, ok2 := hb.Body.(*hclsyntax.Body)
			if !ok1 || !ok2 {
				c.diags = append(c.diags, hclWarn(&hb.DefRange, "Override not merged", "onus merges overrides written in native syntax only; %s keeps its original configuration.", key))
				continue
			}
			orig.body = mergeBodies(ob, nb)
			orig.count, orig.forEach, orig.provider = metaArguments(orig.body)
		case "locals":
			attrs, diags := hb.Body.JustAttributes()
			c.diags = append(c.diags, diags...)
			for n, a := range attrs {
				if _, ok := c.locals[n]; !ok {
					c.localList = append(c.localList, n)
				}
				c.locals[n] = a
			}
		case "variable":
			name := hb.Labels[0]
			old := c.variables[name]
			delete(c.variables, name)
			c.addVariable(hb)
			if nv := c.variables[name]; old != nil && nv != nil && nv.def == cty.NilVal {
				nv.def = old.def
			}
		case "output":
			attrs, _ := hb.Body.JustAttributes()
			if v, ok := attrs["value"]; ok {
				c.outputs[hb.Labels[0]] = v
			}
		case "module":
			name := hb.Labels[0]
			old := c.callByKey[name]
			if old == nil {
				continue
			}
			attrs, diags := hb.Body.JustAttributes()
			c.diags = append(c.diags, diags...)
			for n, a := range attrs {
				switch n {
				case "source", "version", "providers", "depends_on":
				case "count":
					old.count = a.Expr
				case "for_each":
					old.forEach = a.Expr
				default:
					old.inputs[n] = a
				}
			}
		}
	}
}

func mergeBodies(orig, over *hclsyntax.Body) *hclsyntax.Body {
	out := *orig
	out.Attributes = make(hclsyntax.Attributes, len(orig.Attributes)+len(over.Attributes))
	for n, a := range orig.Attributes {
		out.Attributes[n] = a
	}
	for n, a := range over.Attributes {
		out.Attributes[n] = a
	}
	replaced := map[string]bool{}
	for _, b := range over.Blocks {
		typ := b.Type
		if typ == "dynamic" && len(b.Labels) > 0 {
			typ = b.Labels[0]
		}
		replaced[typ] = true
	}
	out.Blocks = slices.DeleteFunc(slices.Clone(orig.Blocks), func(b *hclsyntax.Block) bool {
		typ := b.Type
		if typ == "dynamic" && len(b.Labels) > 0 {
			typ = b.Labels[0]
		}
		return replaced[typ]
	})
	out.Blocks = append(out.Blocks, over.Blocks...)
	return &out
}
