// Package compliance holds the catalogs of the compliance frameworks onus
// maps policies to (embedded data/*.yaml: every control with its id and
// title, and who owns it where the framework or the provider model says so)
// and assesses a scan against one: each control is passing, failing, not
// covered by any enabled policy, or owned by the provider.
package compliance

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/report"
)

//go:embed data/*.yaml
var data embed.FS

// Framework is one compliance framework's catalog.
type Framework struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Version string `json:"version"`
	URL     string `json:"url,omitempty"`
	// Scope says what the catalog lists (for CIS benchmarks: which sections
	// and assessment statuses).
	Scope    string    `json:"scope,omitempty"`
	Controls []Control `json:"controls"`
}

// Control is one control (a CIS recommendation, a NIST control, a CCM
// control, a PCI DSS requirement).
type Control struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Section string `json:"section"`
	// Owner is who is responsible for the control: provider controls are
	// out of the customer's scope (a managed control plane, the CSP-owned
	// controls of the CCM's shared security responsibility model, physical
	// security inherited from the cloud provider).
	Owner finding.Owner `json:"owner"`
	// Why explains a provider or shared owner.
	Why string `json:"why,omitempty"`
	// Assessment is "automated" or "manual" for CIS recommendations.
	Assessment string `json:"assessment,omitempty"`
}

type fileSection struct {
	Title    string        `yaml:"title"`
	Owner    finding.Owner `yaml:"owner"`
	Why      string        `yaml:"why"`
	Controls []string      `yaml:"controls"`
}

type file struct {
	ID       string        `yaml:"id"`
	Name     string        `yaml:"name"`
	Version  string        `yaml:"version"`
	URL      string        `yaml:"url"`
	Scope    string        `yaml:"scope"`
	Sections []fileSection `yaml:"sections"`
}

// Catalogs returns every embedded framework by id, parsed once.
var Catalogs = sync.OnceValues(func() (map[string]*Framework, error) {
	out := map[string]*Framework{}
	err := fs.WalkDir(data, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := data.ReadFile(p)
		if err != nil {
			return err
		}
		fw, err := parse(b)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if _, dup := out[fw.ID]; dup {
			return fmt.Errorf("%s: framework %s is defined twice", p, fw.ID)
		}
		out[fw.ID] = fw
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load compliance catalogs: %w", err)
	}
	return out, nil
})

// parse reads a catalog. A control line is "ID Title", optionally ending in
// "(Automated)" or "(Manual)" (CIS) and then "@customer", "@shared" or
// "@provider" to override the section's owner.
func parse(b []byte) (*Framework, error) {
	var f file
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	if f.ID == "" || f.Name == "" || f.Version == "" {
		return nil, fmt.Errorf("id, name and version are required")
	}
	fw := &Framework{ID: f.ID, Name: f.Name, Version: f.Version, URL: f.URL, Scope: f.Scope}
	seen := map[string]bool{}
	for _, s := range f.Sections {
		owner := s.Owner
		if owner == "" {
			owner = finding.Customer
		}
		if !owner.Valid() {
			return nil, fmt.Errorf("section %q: unknown owner %q", s.Title, owner)
		}
		for _, line := range s.Controls {
			id, title, ok := strings.Cut(strings.TrimSpace(line), " ")
			if !ok || strings.TrimSpace(title) == "" {
				return nil, fmt.Errorf("section %q: control %q needs an id and a title", s.Title, line)
			}
			c := Control{ID: id, Section: s.Title, Owner: owner}
			title = strings.TrimSpace(title)
			for _, o := range finding.Owners {
				if t, ok := strings.CutSuffix(title, " @"+string(o)); ok {
					title, c.Owner = strings.TrimSpace(t), o
				}
			}
			if t, ok := strings.CutSuffix(title, " (Automated)"); ok {
				title, c.Assessment = t, "automated"
			} else if t, ok := strings.CutSuffix(title, " (Manual)"); ok {
				title, c.Assessment = t, "manual"
			}
			c.Title = title
			if c.Owner != finding.Customer {
				c.Why = s.Why
			}
			if seen[id] {
				return nil, fmt.Errorf("control %s is listed twice", id)
			}
			seen[id] = true
			fw.Controls = append(fw.Controls, c)
		}
	}
	if len(fw.Controls) == 0 {
		return nil, fmt.Errorf("no controls")
	}
	return fw, nil
}

// IDs lists framework ids, sorted.
func IDs(all map[string]*Framework) []string {
	out := make([]string, 0, len(all))
	for id := range all {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Control returns a control by id.
func (fw *Framework) Control(id string) (Control, bool) {
	for _, c := range fw.Controls {
		if c.ID == id {
			return c, true
		}
	}
	return Control{}, false
}

// Status of a control in an assessment.
type Status string

const (
	Passing    Status = "passing"
	Failing    Status = "failing"
	NotCovered Status = "not-covered"
	Provider   Status = "provider"
)

// Statuses lists the statuses in report order.
var Statuses = []Status{Failing, Passing, NotCovered, Provider}

// ControlResult is one control's assessment.
type ControlResult struct {
	Control
	Status Status `json:"status"`
	// Policies are the enabled policies mapped to the control.
	Policies []string `json:"policies"`
	// Checks, Passed, Failed and Waived add up the policies' checks.
	Checks int `json:"checks"`
	Passed int `json:"passed"`
	Failed int `json:"failed"`
	Waived int `json:"waived"`
	// Reason explains a not-covered or provider status.
	Reason string `json:"reason,omitempty"`
}

// Assessment is a framework assessed against a scan.
type Assessment struct {
	Framework struct {
		ID      string `json:"id"`
		Name    string `json:"name"`
		Version string `json:"version"`
		Scope   string `json:"scope,omitempty"`
	} `json:"framework"`
	Roots    []string         `json:"roots"`
	Summary  map[Status]int   `json:"summary"`
	Controls []ControlResult  `json:"controls"`
	Unknown  []UnknownControl `json:"unknown_controls"`
}

// UnknownControl is a policy's control id that the catalog does not list.
type UnknownControl struct {
	Policy  string `json:"policy"`
	Control string `json:"control"`
}

// Assess reports every control of fw: provider when the provider owns it;
// else failing when a mapped policy has a failing check, passing when the
// mapped policies ran and none failed, not-covered when no enabled policy
// maps to it or none of their checks ran on this estate.
func Assess(fw *Framework, rep *report.Report) *Assessment {
	a := &Assessment{Roots: rep.Roots, Summary: map[Status]int{}, Controls: []ControlResult{}, Unknown: []UnknownControl{}}
	a.Framework.ID, a.Framework.Name, a.Framework.Version, a.Framework.Scope = fw.ID, fw.Name, fw.Version, fw.Scope
	byControl := map[string][]*policy.Policy{}
	for _, p := range rep.Policies {
		for _, id := range p.Controls[fw.ID] {
			if _, ok := fw.Control(id); !ok {
				a.Unknown = append(a.Unknown, UnknownControl{Policy: p.ID, Control: id})
			}
			byControl[id] = append(byControl[id], p)
		}
	}
	for _, c := range fw.Controls {
		cr := ControlResult{Control: c, Policies: []string{}}
		for _, p := range byControl[c.ID] {
			cr.Policies = append(cr.Policies, p.ID)
			r := rep.Results[p.ID]
			cr.Checks += r.Checks
			cr.Passed += r.Passed
			cr.Failed += r.Failed
			cr.Waived += r.Waived
		}
		slices.Sort(cr.Policies)
		switch {
		case c.Owner == finding.Provider:
			cr.Status = Provider
			cr.Reason = "owned by the provider: " + c.Why
			if c.Why == "" {
				cr.Reason = "owned by the provider"
			}
		case len(cr.Policies) == 0:
			cr.Status = NotCovered
			cr.Reason = "no enabled policy maps to this control"
		case cr.Failed > 0:
			cr.Status = Failing
		case cr.Checks == 0:
			cr.Status = NotCovered
			cr.Reason = "no resource in this estate is in scope of " + strings.Join(cr.Policies, ", ")
		default:
			cr.Status = Passing
		}
		a.Summary[cr.Status]++
		a.Controls = append(a.Controls, cr)
	}
	return a
}
