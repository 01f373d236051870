// Package kubernetes loads Kubernetes manifests (YAML or JSON, multi-document,
// kind: List, Helm-rendered output) into resources. Every workload kind's pod
// spec is also presented under extra.pod so one container policy covers
// Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs
// and ReplicationControllers alike.
package kubernetes

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/loader/yamlnode"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// Provider is the provider name of Kubernetes resources.
const Provider = "kubernetes"

// Loader reads Kubernetes manifests.
type Loader struct {
	// MaxFileSize bounds a read; 0 means the discover default.
	MaxFileSize int64
}

var _ loader.Loader = (*Loader)(nil)

// New returns a Kubernetes loader.
func New() *Loader { return &Loader{} }

// Load implements loader.Loader.
func (l *Loader) Load(ctx context.Context, fsys fs.FS, in discover.Input) ([]*resource.Resource, source.Diagnostics) {
	b, err := discover.ReadFile(fsys, in.Path, l.MaxFileSize)
	if err != nil {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: in.Path}, "cannot read", "%v", err)}
	}
	return Parse(ctx, in.Path, b)
}

// document is one YAML document of a file and the line it starts on.
type document struct {
	body  []byte
	first int // 0-based line offset of body in the file
}

// splitDocuments splits a stream at "---" lines, so that one broken
// document does not hide the others.
func splitDocuments(b []byte) []document {
	var docs []document
	start, startLine, line := 0, 0, 0
	for i := 0; i <= len(b); {
		j := bytes.IndexByte(b[i:], '\n')
		end := len(b)
		if j >= 0 {
			end = i + j
		}
		l := b[i:end]
		if isSeparator(l) {
			docs = append(docs, document{body: b[start:i], first: startLine})
			start, startLine = end+1, line+1
			if start > len(b) {
				start = len(b)
			}
		}
		line++
		if j < 0 {
			break
		}
		i = end + 1
	}
	docs = append(docs, document{body: b[start:], first: startLine})
	return docs
}

func isSeparator(l []byte) bool {
	l = bytes.TrimRight(l, "\r")
	if !bytes.HasPrefix(l, []byte("---")) {
		return false
	}
	rest := l[3:]
	return len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t'
}

// Parse reads the manifests in b; file is the root-relative name.
func Parse(ctx context.Context, file string, b []byte) ([]*resource.Resource, source.Diagnostics) {
	var out []*resource.Resource
	var diags source.Diagnostics
	for di, doc := range splitDocuments(b) {
		if ctx.Err() != nil {
			return out, diags
		}
		if len(bytes.TrimSpace(doc.body)) == 0 {
			continue
		}
		var root yaml.Node
		if err := yaml.Unmarshal(doc.body, &root); err != nil {
			diags = append(diags, &source.Diagnostic{
				Severity: source.Error,
				Summary:  "invalid YAML",
				Detail:   yamlnode.CleanError(err),
				Subject:  yamlnode.ErrorRange(file, err, doc.first, doc.body),
			})
			continue
		}
		if root.Kind == 0 {
			continue // only comments
		}
		yamlnode.ShiftLines(&root, doc.first)
		conv := yamlnode.NewConverter(len(doc.body))
		helm := helmSource(doc.body)
		rs, ds := objects(conv, file, fmt.Sprint(di), &root, helm)
		for _, r := range rs {
			// the node tree is dropped; a finding re-reads the document
			if loc, ok := r.Locs.(yamlnode.Locator); ok {
				r.Locs = &yamlnode.LazyLocator{File: file, Body: doc.body, Line0: doc.first, Prefix: pathTo(&root, loc.Root)}
			}
		}
		if docSup := commentSuppressions(file, &root); len(docSup) > 0 {
			for _, r := range rs {
				r.Suppressions = append(docSup, r.Suppressions...)
			}
		}
		out = append(out, rs...)
		diags = append(diags, ds...)
	}
	return out, diags
}

// FromObject reads one object, as the admission webhook receives it (JSON).
// file names it in diagnostics and findings.
//
// A JSON object with a kind and an apiVersion is decoded with encoding/json
// (the same values the YAML path gives: int64, float64, string, bool, nil)
// and its attribute lines are found only if a finding asks; anything else
// goes through the YAML parser for positioned diagnostics.
func FromObject(file string, raw []byte) (*resource.Resource, source.Diagnostics) {
	if obj := jsonObject(raw); obj != nil {
		kind, _ := obj["kind"].(string)
		apiVersion, _ := obj["apiVersion"].(string)
		if kind != "" && apiVersion != "" && !(strings.HasSuffix(kind, "List") && apiVersion == "v1") {
			end := 1 + bytes.Count(bytes.TrimRight(raw, "\n"), []byte("\n"))
			rng := source.Range{Filename: file, Start: source.Pos{Line: 1, Column: 1}, End: source.Pos{Line: end, Column: 1}}
			return newResource(file, "0", obj, "", rng, &yamlnode.LazyLocator{File: file, Body: raw}), nil
		}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return nil, source.Diagnostics{{Severity: source.Error, Summary: "invalid object", Detail: yamlnode.CleanError(err), Subject: yamlnode.ErrorRange(file, err, 0, raw)}}
	}
	rs, diags := objects(yamlnode.NewConverter(len(raw)), file, "0", &root, "")
	if len(rs) != 1 {
		if diags.HasErrors() {
			return nil, diags
		}
		return nil, append(diags, source.Errorf(&source.Range{Filename: file}, "invalid object", "want exactly one Kubernetes object, found %d", len(rs)))
	}
	return rs[0], diags
}

// pathTo returns the path from a document root to one of its nodes (a
// List item), or nil when target is the root object.
func pathTo(root, target *yaml.Node) resource.Path {
	n := yamlnode.Deref(root)
	if n == target {
		return nil
	}
	if _, items := yamlnode.Lookup(n, "items"); items != nil {
		n = yamlnode.Deref(items)
		for i, it := range n.Content {
			if yamlnode.Deref(it) == target {
				return resource.Path{resource.Key("items"), resource.Index(i)}
			}
		}
		return nil
	}
	if n != nil && n.Kind == yaml.SequenceNode {
		for i, it := range n.Content {
			if yamlnode.Deref(it) == target {
				return resource.Path{resource.Index(i)}
			}
		}
	}
	return nil
}

// helmSource returns the template path of a "# Source: chart/templates/x.yaml"
// comment at the top of a rendered document.
func helmSource(body []byte) string {
	for line := range bytes.SplitSeq(body, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) == 0 {
			continue
		}
		if !bytes.HasPrefix(t, []byte("#")) {
			return ""
		}
		if s, ok := bytes.CutPrefix(bytes.TrimSpace(t[1:]), []byte("Source:")); ok {
			return string(bytes.TrimSpace(s))
		}
	}
	return ""
}

// objects converts a document (one object, or a List of objects).
func objects(conv *yamlnode.Converter, file, id string, root *yaml.Node, helm string) ([]*resource.Resource, source.Diagnostics) {
	node := yamlnode.Deref(root)
	if node == nil {
		return nil, nil
	}
	// a bare sequence of objects is read like a List's items
	if node.Kind == yaml.SequenceNode {
		return items(conv, file, id, node.Content, helm)
	}
	if node.Kind != yaml.MappingNode {
		return nil, source.Diagnostics{source.Warningf(source.At(file, node.Line, node.Column), "document skipped", "not a Kubernetes object: the document is a %s, not a mapping", kindName(node))}
	}
	v, err := conv.Value(node)
	if err != nil {
		return nil, source.Diagnostics{source.Errorf(source.At(file, node.Line, node.Column), "document refused", "%v", err)}
	}
	obj := v.(map[string]any)
	kind, _ := obj["kind"].(string)
	apiVersion, _ := obj["apiVersion"].(string)
	if kind == "" || apiVersion == "" {
		missing := "kind"
		if apiVersion == "" {
			missing = "apiVersion"
		}
		return nil, source.Diagnostics{source.Warningf(source.At(file, node.Line, node.Column), "document skipped", "not a Kubernetes object: %s is missing", missing)}
	}
	if strings.HasSuffix(kind, "List") && apiVersion == "v1" {
		if _, itemsNode := yamlnode.Lookup(node, "items"); itemsNode != nil {
			if itemsNode = yamlnode.Deref(itemsNode); itemsNode.Kind == yaml.SequenceNode {
				return items(conv, file, id, itemsNode.Content, helm)
			}
		}
		return nil, nil
	}
	r, diags := build(file, id, node, obj, helm)
	return []*resource.Resource{r}, diags
}

func items(conv *yamlnode.Converter, file, id string, list []*yaml.Node, helm string) ([]*resource.Resource, source.Diagnostics) {
	var out []*resource.Resource
	var diags source.Diagnostics
	for i, it := range list {
		rs, ds := objects(conv, file, fmt.Sprintf("%s.%d", id, i), it, helm)
		out = append(out, rs...)
		diags = append(diags, ds...)
	}
	return out, diags
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return "scalar"
	case yaml.SequenceNode:
		return "sequence"
	}
	return "node"
}

func build(file, id string, node *yaml.Node, obj map[string]any, helm string) (*resource.Resource, source.Diagnostics) {
	r := newResource(file, id, obj, helm, yamlnode.RangeOf(file, nil, node), yamlnode.Locator{File: file, Root: node})
	r.Suppressions = append(suppressions(file, node), r.Suppressions...)
	return r, nil
}

// newResource builds the resource of one object; rng and locs say where
// it and its attributes are written.
func newResource(file, id string, obj map[string]any, helm string, rng source.Range, locs resource.Locator) *resource.Resource {
	kind := obj["kind"].(string)
	meta, _ := obj["metadata"].(map[string]any)
	name, _ := meta["name"].(string)
	if name == "" {
		name, _ = meta["generateName"].(string)
	}
	ns, _ := meta["namespace"].(string)
	addr := kind + "/" + name
	if ns != "" {
		addr = kind + "/" + ns + "/" + name
	}
	r := &resource.Resource{
		ID:        file + "#" + id,
		Kind:      resource.Kubernetes,
		Provider:  Provider,
		Type:      kind,
		Name:      name,
		Namespace: ns,
		Address:   addr,
		Module:    helm,
		Labels:    stringMap(meta["labels"]),
		Attrs:     obj,
		Range:     rng,
		Locs:      locs,
	}
	if pod := PodSpec(kind, obj); pod != nil {
		r.Extra = map[string]any{"pod": pod}
	}
	if sel := Selector(kind, obj); sel != nil {
		if r.Extra == nil {
			r.Extra = map[string]any{}
		}
		r.Extra["selector"] = sel
	}
	r.Suppressions = annotationSuppressions(r, meta)
	return r
}

// annotationSuppressions reads the waivers of the onus.dev/ignore
// annotation, one a line.
func annotationSuppressions(r *resource.Resource, meta map[string]any) []resource.Suppression {
	ann, _ := meta["annotations"].(map[string]any)
	v, ok := ann[resource.SuppressionAnnotation].(string)
	if !ok {
		return nil
	}
	rng := r.Locate(resource.Path{resource.Key("metadata"), resource.Key("annotations"), resource.Key(resource.SuppressionAnnotation)})
	var out []resource.Suppression
	for line := range strings.SplitSeq(v, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if s, ok := resource.ParseSuppression(resource.SuppressionMarker+" "+line, rng); ok {
			out = append(out, s)
		}
	}
	return out
}

// podPaths says where each workload kind keeps its pod template.
var podPaths = map[string][]string{
	"Pod":                   {"spec"},
	"PodTemplate":           {"template", "spec"},
	"Deployment":            {"spec", "template", "spec"},
	"StatefulSet":           {"spec", "template", "spec"},
	"DaemonSet":             {"spec", "template", "spec"},
	"ReplicaSet":            {"spec", "template", "spec"},
	"ReplicationController": {"spec", "template", "spec"},
	"Job":                   {"spec", "template", "spec"},
	"CronJob":               {"spec", "jobTemplate", "spec", "template", "spec"},
}

// PodSpec returns the uniform pod view of a workload object:
//
//	{"path": "spec.template.spec", "spec": {...},
//	 "metadata_path": "spec.template.metadata", "metadata": {...},
//	 "containers": [{"name", "kind": container|initContainer|ephemeralContainer,
//	                 "path": "spec.template.spec.containers[0]", "container": {...}}]}
//
// or nil when the object has no pod spec.
func PodSpec(kind string, obj map[string]any) map[string]any {
	steps, ok := podPaths[kind]
	if !ok {
		return nil
	}
	var cur any = obj
	var parent map[string]any
	for _, s := range steps {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		parent = m
		cur = m[s]
	}
	spec, ok := cur.(map[string]any)
	if !ok {
		return nil
	}
	path := resource.Path{}
	for _, s := range steps {
		path = append(path, resource.Key(s))
	}
	metaPath := path[:len(path)-1].Append(resource.Key("metadata"))
	meta, _ := parent["metadata"].(map[string]any)
	if kind == "Pod" {
		metaPath = resource.Path{resource.Key("metadata")}
		meta, _ = obj["metadata"].(map[string]any)
	}
	containers := []any{}
	for _, group := range []struct{ field, kind string }{
		{"initContainers", "initContainer"}, {"containers", "container"}, {"ephemeralContainers", "ephemeralContainer"},
	} {
		list, _ := spec[group.field].([]any)
		for i, c := range list {
			cm, ok := c.(map[string]any)
			if !ok {
				continue
			}
			cname, _ := cm["name"].(string)
			containers = append(containers, map[string]any{
				"name":      cname,
				"kind":      group.kind,
				"path":      path.Append(resource.Key(group.field), resource.Index(i)).String(),
				"container": cm,
			})
		}
	}
	if meta == nil {
		meta = map[string]any{}
	}
	return map[string]any{
		"path":          path.String(),
		"spec":          spec,
		"metadata_path": metaPath.String(),
		"metadata":      meta,
		"containers":    containers,
	}
}

// Selector returns the label selector with which an object picks pods, in
// the LabelSelector form {"matchLabels": {...}, "matchExpressions": [...]}:
// a NetworkPolicy's spec.podSelector (absent means every pod), a
// PodDisruptionBudget's spec.selector (absent means none: an empty map is
// returned only when written), a Service's spec.selector (a plain map of
// labels). Other kinds, and objects without a selector where absent means
// none, give nil.
func Selector(kind string, obj map[string]any) map[string]any {
	spec, _ := obj["spec"].(map[string]any)
	switch kind {
	case "NetworkPolicy":
		if sel, ok := spec["podSelector"].(map[string]any); ok {
			return sel
		}
		return map[string]any{}
	case "PodDisruptionBudget":
		sel, _ := spec["selector"].(map[string]any)
		return sel
	case "Service":
		if sel, ok := spec["selector"].(map[string]any); ok && len(sel) > 0 {
			return map[string]any{"matchLabels": sel}
		}
	}
	return nil
}

func stringMap(v any) map[string]string {
	m, ok := v.(map[string]any)
	if !ok || len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, x := range m {
		out[k] = fmt.Sprint(x)
	}
	return out
}

// suppressions collects "# onus:ignore" comments anywhere in the object.
func suppressions(file string, n *yaml.Node) []resource.Suppression {
	var out []resource.Suppression
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > yamlnode.MaxDepth {
			return
		}
		out = append(out, commentSuppressions(file, n)...)
		for _, ch := range n.Content {
			walk(ch, depth+1)
		}
	}
	walk(n, 0)
	return out
}

// commentSuppressions reads suppressions from the comments attached to n.
func commentSuppressions(file string, n *yaml.Node) []resource.Suppression {
	var out []resource.Suppression
	for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
		if c == "" || !strings.Contains(c, resource.SuppressionMarker) {
			continue
		}
		for line := range strings.SplitSeq(c, "\n") {
			if s, ok := resource.ParseSuppression(line, *source.At(file, n.Line, n.Column)); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// jsonObject decodes a JSON object into plain values, or returns nil when
// raw is not one.
func jsonObject(raw []byte) map[string]any {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return nil
	}
	if !plainNumbers(v, 0) {
		return nil
	}
	obj, _ := v.(map[string]any)
	return obj
}

// plainNumbers turns every json.Number inside v into int64 (or float64
// when it is not an integer), as the YAML converter does. It reports false
// when v nests deeper than the YAML path allows.
func plainNumbers(v any, depth int) bool {
	if depth > yamlnode.MaxDepth {
		return false
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if n, ok := e.(json.Number); ok {
				x[k] = resource.PlainNumber(n)
			} else if !plainNumbers(e, depth+1) {
				return false
			}
		}
	case []any:
		for i, e := range x {
			if n, ok := e.(json.Number); ok {
				x[i] = resource.PlainNumber(n)
			} else if !plainNumbers(e, depth+1) {
				return false
			}
		}
	}
	return true
}
