// Package cloudformation loads AWS CloudFormation and SAM templates (YAML
// with short-form intrinsic tags, or JSON) into resources. Parameters
// (defaults and a parameter file beside the template), pseudo parameters,
// Mappings and Conditions are evaluated; a value that cannot be known
// before deployment is absent from attrs and listed in unknown. Ref and
// Fn::GetAtt between resources become refs, so a bucket policy or a
// separate security group ingress points at its target. Nested stacks whose
// TemplateURL is a local path are loaded under their logical id.
//
// Attrs are the resource's evaluated Properties; resource-level keys
// (DependsOn, Condition, DeletionPolicy, UpdateReplacePolicy, Metadata…) are
// under the reserved key "_resource". See docs/cloudformation.md.
package cloudformation

import (
	"bytes"
	"context"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/loader/yamlnode"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// Provider is the provider of CloudFormation resources.
const Provider = "aws"

// ResourceKey is the reserved attrs key holding resource-level attributes.
const ResourceKey = "_resource"

// MaxNesting bounds nested stacks.
const MaxNesting = 8

// Loader reads CloudFormation templates.
type Loader struct {
	// MaxFileSize bounds a read; 0 means the discover default.
	MaxFileSize int64
}

var (
	_ loader.Loader  = (*Loader)(nil)
	_ loader.Grouper = (*Loader)(nil)
)

// New returns a CloudFormation loader.
func New() *Loader { return &Loader{} }

// Options tune Parse.
type Options struct {
	// Params are parameter values (ParameterKey → ParameterValue); they
	// win over the template's defaults.
	Params map[string]string
	// ParamsFile names the file Params came from, for diagnostics.
	ParamsFile string
	// ReadFile reads a nested stack's template by root-relative path; nil
	// leaves nested stacks unexpanded.
	ReadFile func(name string) ([]byte, error)
}

// Load implements loader.Loader.
func (l *Loader) Load(ctx context.Context, fsys fs.FS, in discover.Input) ([]*resource.Resource, source.Diagnostics) {
	b, err := discover.ReadFile(fsys, in.Path, l.MaxFileSize)
	if err != nil {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: in.Path}, "cannot read", "%v", err)}
	}
	opts := Options{ReadFile: func(name string) ([]byte, error) { return discover.ReadFile(fsys, name, l.MaxFileSize) }}
	var diags source.Diagnostics
	if pf, ok := findParamsFile(fsys, in.Path); ok {
		pb, err := discover.ReadFile(fsys, pf, l.MaxFileSize)
		if err != nil {
			diags = append(diags, source.Errorf(&source.Range{Filename: pf}, "cannot read parameter file", "%v", err))
		} else {
			params, ds := ParseParams(pf, pb)
			diags = append(diags, ds...)
			opts.Params, opts.ParamsFile = params, pf
		}
	}
	rs, ds := Parse(ctx, in.Path, b, opts)
	return rs, append(diags, ds...)
}

var templateURL = regexp.MustCompile(`(?m)"?(?:TemplateURL|Location)"?\s*:\s*["']?([^"'\s{}\[\],]+)`)

// Group implements loader.Grouper: a template that another template loads
// as a nested stack is scanned through its parent (with the parent's
// parameters and an address prefix), not on its own.
func (l *Loader) Group(fsys fs.FS, ins []discover.Input) []discover.Input {
	nested := map[string]bool{}
	for _, in := range ins {
		b, err := discover.ReadFile(fsys, in.Path, l.MaxFileSize)
		if err != nil {
			continue
		}
		for _, m := range templateURL.FindAllSubmatch(b, -1) {
			if p, ok := localTemplate(in.Path, string(m[1])); ok && p != in.Path {
				nested[p] = true
			}
		}
	}
	if len(nested) == 0 {
		return ins
	}
	var out []discover.Input
	for _, in := range ins {
		if !nested[in.Path] {
			out = append(out, in)
		}
	}
	return out
}

// localTemplate resolves a TemplateURL that names a file beside the parent
// template (not an S3 or HTTPS URL) to a root-relative path.
func localTemplate(parent, url string) (string, bool) {
	if url == "" || strings.Contains(url, "://") || strings.HasPrefix(url, "/") || strings.HasPrefix(url, "!") {
		return "", false
	}
	p := path.Clean(path.Join(path.Dir(parent), url))
	if !fs.ValidPath(p) || p == "." {
		return "", false
	}
	return p, true
}

// Parse reads one template; file is its root-relative name.
func Parse(ctx context.Context, file string, b []byte, opts Options) ([]*resource.Resource, source.Diagnostics) {
	var diags source.Diagnostics
	root, ok := parseDocument(file, b, &diags)
	if !ok {
		return nil, diags
	}
	params := map[string]string{}
	for k, v := range opts.Params {
		params[k] = v
	}
	st := &stack{
		file:     file,
		idBase:   file + "#",
		budget:   max(100_000, 2*len(b)), // bounds alias expansion
		readFile: opts.ReadFile,
		diags:    &diags,
		chain:    []string{file},
	}
	st.init(root, params, nil, opts.ParamsFile)
	rs := st.resources(ctx)
	return rs, diags
}

// parseDocument reads YAML or JSON into a node tree; the document must be a
// mapping.
func parseDocument(file string, b []byte, diags *source.Diagnostics) (*yaml.Node, bool) {
	trimmed := bytes.TrimLeft(b, " \t\r\n\ufeff")
	var root *yaml.Node
	if len(trimmed) > 0 && trimmed[0] == '{' {
		n, _, err := yamlnode.ParseJSON(b, false)
		if err != nil {
			d := source.Errorf(&source.Range{Filename: file}, "invalid JSON", "%v", err)
			if je, ok := err.(*yamlnode.JSONError); ok {
				d.Subject, d.Detail = je.Range(file), je.Msg
			}
			*diags = append(*diags, d)
			return nil, false
		}
		root = n
	} else {
		var n yaml.Node
		if err := yaml.Unmarshal(b, &n); err != nil {
			*diags = append(*diags, &source.Diagnostic{Severity: source.Error, Summary: "invalid YAML", Detail: yamlnode.CleanError(err), Subject: yamlnode.ErrorRange(file, err, 0, b)})
			return nil, false
		}
		root = &n
	}
	top := yamlnode.Deref(root)
	if top == nil {
		*diags = append(*diags, source.Warningf(&source.Range{Filename: file}, "empty template", "the file holds no template"))
		return nil, false
	}
	if top.Kind != yaml.MappingNode {
		*diags = append(*diags, source.Errorf(source.At(file, top.Line, top.Column), "invalid template", "a template is a mapping of sections (Resources, Parameters…)"))
		return nil, false
	}
	return top, true
}

// findParamsFile looks for <base>.params.json or <base>.parameters.json
// beside the template.
func findParamsFile(fsys fs.FS, tpl string) (string, bool) {
	base := strings.TrimSuffix(tpl, path.Ext(tpl))
	for _, suffix := range []string{".params.json", ".parameters.json"} {
		p := base + suffix
		if st, err := fs.Stat(fsys, p); err == nil && !st.IsDir() {
			return p, true
		}
	}
	return "", false
}

// rangeOf is the range of a key and its value in the stack's file.
func (s *stack) rangeOf(key, val *yaml.Node) source.Range {
	return yamlnode.RangeOf(s.file, key, val)
}

func (s *stack) at(n *yaml.Node) *source.Range {
	if n == nil {
		return &source.Range{Filename: s.file}
	}
	return source.At(s.file, n.Line, n.Column)
}

func (s *stack) warn(n *yaml.Node, summary, format string, args ...any) {
	*s.diags = append(*s.diags, source.Warningf(s.at(n), summary, format, args...))
}

func (s *stack) errorf(n *yaml.Node, summary, format string, args ...any) {
	*s.diags = append(*s.diags, source.Errorf(s.at(n), summary, format, args...))
}

// lookup returns the key and value nodes of a mapping's key.
func lookup(n *yaml.Node, key string) (*yaml.Node, *yaml.Node) { return yamlnode.Lookup(n, key) }

// commentSuppressions collects "# onus:ignore" comments in a subtree.
func commentSuppressions(file string, nodes ...*yaml.Node) []resource.Suppression {
	var out []resource.Suppression
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > yamlnode.MaxDepth || n.Kind == yaml.AliasNode {
			return
		}
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			if !strings.Contains(c, resource.SuppressionMarker) {
				continue
			}
			for i, line := range strings.Split(c, "\n") {
				if s, ok := resource.ParseSuppression(line, *source.At(file, commentLine(n, c, i), n.Column)); ok {
					out = append(out, s)
				}
			}
		}
		for _, ch := range n.Content {
			walk(ch, depth+1)
		}
	}
	for _, n := range nodes {
		walk(n, 0)
	}
	return out
}

// commentLine estimates the line of the i-th line of comment c attached
// to n: head comments sit above the node, others on or below it.
func commentLine(n *yaml.Node, c string, i int) int {
	if c == n.HeadComment {
		return n.Line - strings.Count(c, "\n") - 1 + i
	}
	return n.Line + i
}
