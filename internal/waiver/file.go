package waiver

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/source"
)

// MaxFileSize bounds a waiver file.
const MaxFileSize = 4 << 20

// Rule is one waiver of a waiver file.
type Rule struct {
	// Rules are policy IDs ("*" for every policy).
	Rules []string
	// Resource is a glob over resource addresses; Path a glob over file
	// paths relative to the scan root (doublestar: ** crosses /). At least
	// one is required; when both are given, both must match.
	Resource string
	Path     string
	Reason   string
	Approver string
	Ticket   string
	Expires  time.Time
	// Line is where the waiver starts in the file.
	Line int
}

// File is a parsed waiver file.
type File struct {
	Name  string
	Rules []Rule
}

var fileKeys = []string{"rule", "rules", "resource", "path", "reason", "approver", "ticket", "expires"}

// LoadFile reads a waiver file; name is how diagnostics name it.
func LoadFile(path, name string) (*File, source.Diagnostics) {
	f, err := os.Open(path)
	if err != nil {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: name}, "cannot read waivers", "%v", err)}
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: name}, "cannot read waivers", "%v", err)}
	}
	if len(b) > MaxFileSize {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: name}, "waiver file too large", "over %d bytes", MaxFileSize)}
	}
	return Parse(name, b)
}

// Parse reads a waiver file:
//
//	waivers:
//	  - rule: ONUS-K8S-001
//	    resource: "DaemonSet/monitoring/*"
//	    path: "k8s/monitoring/**"
//	    reason: node-exporter reads host metrics
//	    approver: security@example.com
//	    ticket: SEC-142
//	    expires: 2027-03-31
//
// rule (or rules), reason, expires and resource or path are required.
// Every problem is an error at its line and column; the file is nil when
// there is one.
func Parse(name string, b []byte) (*File, source.Diagnostics) {
	out := &File{Name: name}
	var diags source.Diagnostics
	at := func(n *yaml.Node) *source.Range { return source.At(name, n.Line, n.Column) }
	bad := func(n *yaml.Node, format string, args ...any) {
		diags = append(diags, source.Errorf(at(n), "invalid waiver", format, args...))
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return out, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: name}, "invalid waivers", "%v", err)}
	}
	if doc.Kind == 0 {
		return out, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		bad(root, "want a mapping with a waivers: list")
		return nil, diags
	}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if k.Value != "waivers" {
			bad(k, "unknown key %q (want waivers)", k.Value)
			continue
		}
		list = root.Content[i+1]
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		if list != nil {
			bad(list, "waivers: want a list")
		}
		if diags.HasErrors() {
			return nil, diags
		}
		return out, diags
	}
	for i, item := range list.Content {
		path := fmt.Sprintf("waivers[%d]", i)
		if item.Kind != yaml.MappingNode {
			bad(item, "%s: want a mapping", path)
			continue
		}
		w := Rule{Line: item.Line}
		seen := map[string]bool{}
		str := func(v *yaml.Node, key string) string {
			if v.Kind != yaml.ScalarNode {
				bad(v, "%s.%s: want a string", path, key)
				return ""
			}
			return strings.TrimSpace(v.Value)
		}
		for j := 0; j+1 < len(item.Content); j += 2 {
			k, v := item.Content[j], item.Content[j+1]
			if !slices.Contains(fileKeys, k.Value) {
				bad(k, "%s: unknown key %q (want one of %s)", path, k.Value, strings.Join(fileKeys, ", "))
				continue
			}
			if seen[k.Value] {
				bad(k, "%s: key %q is given twice", path, k.Value)
				continue
			}
			seen[k.Value] = true
			switch k.Value {
			case "rule":
				if s := str(v, k.Value); s != "" {
					w.Rules = append(w.Rules, s)
				}
			case "rules":
				if v.Kind != yaml.SequenceNode {
					bad(v, "%s.rules: want a list", path)
					continue
				}
				for _, r := range v.Content {
					if s := str(r, "rules"); s != "" {
						w.Rules = append(w.Rules, s)
					}
				}
			case "resource", "path":
				g := str(v, k.Value)
				if !doublestar.ValidatePattern(g) {
					bad(v, "%s.%s: %q is not a valid glob", path, k.Value, g)
				}
				if k.Value == "resource" {
					w.Resource = g
				} else {
					w.Path = g
				}
			case "reason":
				w.Reason = str(v, k.Value)
			case "approver":
				w.Approver = str(v, k.Value)
			case "ticket":
				w.Ticket = str(v, k.Value)
			case "expires":
				s := str(v, k.Value)
				exp, err := time.Parse(DateLayout, s)
				if err != nil {
					bad(v, "%s.expires: %q is not a date (YYYY-MM-DD)", path, s)
					continue
				}
				w.Expires = exp
			}
		}
		var missing []string
		if len(w.Rules) == 0 && !seen["rule"] && !seen["rules"] {
			missing = append(missing, "rule")
		}
		if w.Reason == "" && !seen["reason"] {
			missing = append(missing, "reason")
		}
		if w.Expires.IsZero() && !seen["expires"] {
			missing = append(missing, "expires")
		}
		if w.Resource == "" && w.Path == "" && !seen["resource"] && !seen["path"] {
			missing = append(missing, "resource or path")
		}
		if len(missing) > 0 {
			bad(item, "%s: missing %s", path, strings.Join(missing, ", "))
		}
		out.Rules = append(out.Rules, w)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return out, diags
}

// Matches reports whether the waiver covers a finding.
func (w *Rule) Matches(f *finding.Finding) bool {
	ok := slices.ContainsFunc(w.Rules, func(r string) bool { return r == "*" || strings.EqualFold(r, f.Rule) })
	if !ok {
		return false
	}
	if w.Resource != "" {
		if m, err := doublestar.Match(w.Resource, f.Resource.Address); err != nil || !m {
			return false
		}
	}
	if w.Path != "" {
		if m, err := doublestar.Match(w.Path, f.Location.File); err != nil || !m {
			return false
		}
	}
	return true
}

func (file *File) apply(fs []finding.Finding, now time.Time) (Outcome, source.Diagnostics) {
	out := Outcome{}
	var diags source.Diagnostics
	matched := make([]int, len(file.Rules))
	for i := range fs {
		f := &fs[i]
		if f.Status == finding.Waived {
			continue
		}
		for j := range file.Rules {
			w := &file.Rules[j]
			if !w.Matches(f) {
				continue
			}
			matched[j]++
			if expired(w.Expires, now) {
				continue
			}
			exp := w.Expires
			f.Status = finding.Waived
			f.Waiver = &finding.Waiver{Source: "file", File: file.Name, Line: w.Line, Reason: w.Reason, Approver: w.Approver, Ticket: w.Ticket, Expires: &exp}
			break
		}
	}
	for j := range file.Rules {
		w := &file.Rules[j]
		e := Entry{Source: "file", File: file.Name, Line: w.Line, Rules: w.Rules, Resource: w.Resource, Path: w.Path,
			Reason: w.Reason, Approver: w.Approver, Ticket: w.Ticket, Expires: w.Expires.Format(DateLayout), Matched: matched[j]}
		at := source.At(file.Name, w.Line, 0)
		switch {
		case expired(w.Expires, now):
			out.Expired = append(out.Expired, e)
			diags = append(diags, source.Warningf(at, "waiver expired", "the waiver of %s expired on %s; %s reported again",
				strings.Join(w.Rules, ","), e.Expires, findingsWord(matched[j])))
		case matched[j] == 0:
			out.Stale = append(out.Stale, e)
			diags = append(diags, source.Warningf(at, "stale waiver", "the waiver of %s matches no finding; delete or correct it", strings.Join(w.Rules, ",")))
		}
	}
	return out, diags
}
