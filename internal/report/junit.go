package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/source"
)

// JUnit writes JUnit XML: a test suite per policy, a test case per policy
// and resource checked (failed when the policy found something, skipped
// when every finding is waived or the result was undetermined), a suite of
// input errors and a suite of gaps (layers nobody checks, as skipped
// cases). CI systems show it as test results.
type JUnit struct{}

var _ Writer = JUnit{}

type junitSuites struct {
	XMLName   xml.Name     `xml:"testsuites"`
	Name      string       `xml:"name,attr"`
	Tests     int          `xml:"tests,attr"`
	Failures  int          `xml:"failures,attr"`
	Errors    int          `xml:"errors,attr"`
	Skipped   int          `xml:"skipped,attr"`
	Timestamp string       `xml:"timestamp,attr,omitempty"`
	Suites    []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Skipped    int              `xml:"skipped,attr"`
	Timestamp  string           `xml:"timestamp,attr,omitempty"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
	SystemErr  string           `xml:"system-err,omitempty"`
}

type junitProperties struct {
	Items []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
	findings  []finding.Finding
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// Write implements Writer.
func (JUnit) Write(w io.Writer, r *Report) error {
	doc := junitSuites{Name: nonEmpty(r.Tool.Name, "onus")}
	if !r.GeneratedAt.IsZero() {
		doc.Timestamp = r.GeneratedAt.UTC().Format(time.RFC3339)
	}
	for _, p := range junitPolicies(r) {
		doc.Suites = append(doc.Suites, junitPolicySuite(r, p, doc.Timestamp))
	}
	if s, ok := junitDiagnostics(r, doc.Timestamp); ok {
		doc.Suites = append(doc.Suites, s)
	}
	if len(r.Gaps) > 0 {
		s := junitSuite{Name: "onus gaps: owned layers nobody is handling", Timestamp: doc.Timestamp}
		for _, g := range r.Gaps {
			s.Cases = append(s.Cases, junitCase{
				Name:      fmt.Sprintf("%s %s (%s)", g.Service, g.Layer, g.ServiceModel),
				Classname: "onus.gaps." + g.Kind,
				Skipped:   &junitSkipped{Message: fmt.Sprintf("%s: %s (owner %s, team %s)", g.Kind, g.Message, g.Owner, TeamName(g.Team))},
			})
		}
		s.count()
		doc.Suites = append(doc.Suites, s)
	}
	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Skipped += s.Skipped
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func (s *junitSuite) count() {
	s.Tests, s.Failures, s.Errors, s.Skipped = len(s.Cases), 0, 0, 0
	for _, c := range s.Cases {
		switch {
		case c.Failure != nil:
			s.Failures++
		case c.Error != nil:
			s.Errors++
		case c.Skipped != nil:
			s.Skipped++
		}
	}
}

// junitPolicies lists the policies of the report, plus rules named only by
// findings, by ID.
func junitPolicies(r *Report) []*policy.Policy {
	byID := map[string]*policy.Policy{}
	for _, p := range r.Policies {
		byID[p.ID] = p
	}
	for _, f := range r.Findings {
		if _, ok := byID[f.Rule]; !ok {
			byID[f.Rule] = &policy.Policy{ID: f.Rule, Title: f.Title, Severity: f.Severity, Category: f.Category, Layer: f.Layer}
		}
	}
	out := make([]*policy.Policy, 0, len(byID))
	for _, p := range byID {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// checkKey identifies a policy × resource pair in checks and findings.
func checkKey(rule, resourceID string, ref finding.ResourceRef, file string) string {
	if resourceID != "" {
		return rule + "\x00" + resourceID
	}
	return rule + "\x00" + string(ref.Kind) + "\x00" + ref.Address + "\x00" + file
}

func junitPolicySuite(r *Report, p *policy.Policy, ts string) junitSuite {
	s := junitSuite{
		Name:      p.ID + " " + p.Title,
		Timestamp: ts,
		Properties: &junitProperties{Items: []junitProperty{
			{Name: "severity", Value: string(p.Severity)},
			{Name: "category", Value: string(p.Category)},
			{Name: "layer", Value: string(p.Layer)},
		}},
	}
	cases := map[string]*junitCase{}
	var order []string
	add := func(key string, c junitCase) *junitCase {
		if existing, ok := cases[key]; ok {
			return existing
		}
		cases[key] = &c
		order = append(order, key)
		return &c
	}
	for _, c := range r.Checks {
		if c.Rule != p.ID {
			continue
		}
		jc := add(checkKey(c.Rule, c.ResourceID, c.Resource, c.Location.File), junitCase{
			Name: c.Resource.Address, Classname: p.ID, File: c.Location.File, Line: c.Location.StartLine,
		})
		if c.Failed == 0 && c.Undetermined > 0 {
			jc.Skipped = &junitSkipped{Message: fmt.Sprintf("undetermined: %d result(s) rest on values unknown before apply", c.Undetermined)}
		}
	}
	for _, f := range r.Findings {
		if f.Rule != p.ID {
			continue
		}
		key := checkKey(f.Rule, f.ResourceID, f.Resource, f.Location.File)
		if _, ok := cases[key]; !ok && f.ResourceID != "" {
			// a check list without this finding's resource id: match loosely
			key = checkKey(f.Rule, "", f.Resource, f.Location.File)
		}
		jc := add(key, junitCase{Name: f.Resource.Address, Classname: p.ID, File: f.Location.File, Line: f.Location.StartLine})
		jc.findings = append(jc.findings, f)
	}
	for _, key := range order {
		jc := cases[key]
		junitVerdict(jc)
		s.Cases = append(s.Cases, *jc)
	}
	sort.SliceStable(s.Cases, func(i, j int) bool {
		a, b := s.Cases[i], s.Cases[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Name < b.Name
	})
	s.count()
	return s
}

// junitVerdict sets a case's failure or skip from its findings.
func junitVerdict(jc *junitCase) {
	var failing, waived []finding.Finding
	for _, f := range jc.findings {
		if f.Status == finding.Waived {
			waived = append(waived, f)
		} else {
			failing = append(failing, f)
		}
	}
	if len(failing) > 0 {
		var text strings.Builder
		for i, f := range failing {
			if i > 0 {
				text.WriteString("\n")
			}
			fmt.Fprintf(&text, "%s:%d: %s\n", f.Location.File, f.Location.StartLine, f.Message)
			fmt.Fprintf(&text, "severity %s · layer %s · owner %s (%s) · service %s · team %s\n",
				f.Severity, f.Layer, f.Owner, f.ServiceModel, f.Service, TeamName(f.Team))
			if f.Remediation != "" {
				fmt.Fprintf(&text, "fix: %s\n", strings.Join(strings.Fields(f.Remediation), " "))
			}
		}
		msg := failing[0].Message
		if len(failing) > 1 {
			msg = fmt.Sprintf("%s (and %d more)", msg, len(failing)-1)
		}
		jc.Failure = &junitProblem{Message: msg, Type: string(failing[0].Severity), Text: text.String()}
		jc.Skipped = nil
		// the first failing finding is where the case points
		jc.Line = failing[0].Location.StartLine
		return
	}
	if len(waived) > 0 {
		reason := ""
		if waived[0].Waiver != nil {
			reason = waived[0].Waiver.Reason
		}
		jc.Skipped = &junitSkipped{Message: strings.TrimSpace("waived: " + reason)}
		jc.SystemOut = waived[0].Message
	}
}

func junitDiagnostics(r *Report, ts string) (junitSuite, bool) {
	if len(r.Diagnostics) == 0 {
		return junitSuite{}, false
	}
	s := junitSuite{Name: "onus inputs", Timestamp: ts}
	var warnings strings.Builder
	for _, d := range r.Diagnostics {
		if d.Severity != source.Error {
			warnings.WriteString("warning: " + d.String() + "\n")
			continue
		}
		name := d.File
		if name == "" {
			name = "(no file)"
		}
		s.Cases = append(s.Cases, junitCase{
			Name: name, Classname: "onus.inputs", File: d.File, Line: d.Line,
			Error: &junitProblem{Message: d.Summary, Type: "error", Text: d.String()},
		})
	}
	s.SystemErr = warnings.String()
	s.count()
	return s, true
}
