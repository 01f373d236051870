package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/policydoc"
	"github.com/onus-project/onus/internal/source"
)

// SARIF writes a SARIF 2.1.0 log that GitHub code scanning accepts: a rule
// per policy the scan ran, a result per finding (waived findings carry
// suppressions), and diagnostics as tool execution notifications.
type SARIF struct {
	Options
}

var _ Writer = (*SARIF)(nil)

// SARIFSchema is the schema URI written in every log.
const SARIFSchema = "https://json.schemastore.org/sarif-2.1.0.json"

// SrcRoot is the uriBaseId result locations are relative to: the directory
// onus ran in (the repository root in CI).
const SrcRoot = "%SRCROOT%"

// FingerprintKey names onus's line-independent fingerprint among a
// result's partialFingerprints.
const FingerprintKey = "onusFingerprint/v1"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Invocations        []sarifInvocation           `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds"`
	ColumnKind         string                      `json:"columnKind"`
	Results            []sarifResult               `json:"results"`
	Properties         map[string]any              `json:"properties,omitempty"`
}

type sarifTool struct {
	Driver sarifComponent `json:"driver"`
}

type sarifComponent struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          map[string]any     `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
	Properties       map[string]any `json:"properties,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI         string     `json:"uri,omitempty"`
	URIBaseID   string     `json:"uriBaseId,omitempty"`
	Description *sarifText `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
}

type sarifLogical struct {
	Name               string `json:"name,omitempty"`
	FullyQualifiedName string `json:"fullyQualifiedName,omitempty"`
	Kind               string `json:"kind,omitempty"`
}

type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Status        string         `json:"status"`
	Justification string         `json:"justification,omitempty"`
	Properties    map[string]any `json:"properties,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	EndTimeUTC                 string              `json:"endTimeUtc,omitempty"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

// Level maps a severity to a SARIF level.
func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.Critical, finding.High:
		return "error"
	case finding.Medium:
		return "warning"
	default:
		return "note"
	}
}

// SecuritySeverity is the CVSS-like score GitHub code scanning reads from
// a rule's security-severity property: above 9 is critical, 7 to 8.9 high,
// 4 to 6.9 medium, below that low.
func SecuritySeverity(s finding.Severity) string {
	switch s {
	case finding.Critical:
		return "9.5"
	case finding.High:
		return "8.0"
	case finding.Medium:
		return "5.5"
	default:
		return "3.0"
	}
}

// Write implements Writer.
func (s *SARIF) Write(w io.Writer, r *Report) error {
	m := s.model()
	rules, index := sarifRules(m, r)
	base := uriBase(r)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifComponent{Name: nonEmpty(r.Tool.Name, "onus"), Version: r.Tool.Version, Rules: rules}},
		OriginalURIBaseIDs: map[string]sarifArtifactLoc{
			SrcRoot: base.root,
		},
		ColumnKind: "unicodeCodePoints",
		Results:    make([]sarifResult, 0, len(r.Findings)),
		Properties: map[string]any{
			"onus/schema":  Schema,
			"onus/summary": r.Summary,
			"onus/gaps":    r.Gaps,
		},
	}
	inv := sarifInvocation{
		ExecutionSuccessful:        r.Summary.Errors == 0,
		ToolExecutionNotifications: []sarifNotification{},
	}
	if !r.GeneratedAt.IsZero() {
		inv.EndTimeUTC = r.GeneratedAt.UTC().Format(time.RFC3339)
	}
	for _, d := range r.Diagnostics {
		n := sarifNotification{Level: "warning", Message: sarifText{Text: d.Summary}}
		if d.Severity == source.Error {
			n.Level = "error"
		}
		if d.Detail != "" {
			n.Message.Text += ": " + d.Detail
		}
		if d.File != "" {
			loc := sarifPhysical{ArtifactLocation: base.artifact(d.File)}
			if d.Line > 0 {
				loc.Region = &sarifRegion{StartLine: d.Line, StartColumn: d.Column}
			}
			n.Locations = []sarifLocation{{PhysicalLocation: &loc}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	run.Invocations = []sarifInvocation{inv}

	for _, f := range r.Findings {
		run.Results = append(run.Results, sarifFinding(f, index[f.Rule], base))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

func sarifFinding(f finding.Finding, ruleIndex int, base uriBaseInfo) sarifResult {
	res := sarifResult{
		RuleID:    f.Rule,
		RuleIndex: ruleIndex,
		Level:     sarifLevel(f.Severity),
		Message: sarifText{Text: fmt.Sprintf("%s (layer %s, owner %s under %s, service %s, team %s)",
			strings.TrimRight(f.Message, "."), f.Layer, f.Owner, f.ServiceModel, f.Service, TeamName(f.Team))},
		Properties: map[string]any{
			"severity":      string(f.Severity),
			"category":      string(f.Category),
			"layer":         string(f.Layer),
			"owner":         string(f.Owner),
			"service":       f.Service,
			"service-model": string(f.ServiceModel),
			"team":          TeamName(f.Team),
			"resource":      f.Resource,
		},
	}
	loc := sarifLocation{
		LogicalLocations: []sarifLogical{{Name: f.Resource.Name, FullyQualifiedName: f.Resource.Address, Kind: "resource"}},
	}
	if f.Location.File != "" {
		phys := &sarifPhysical{ArtifactLocation: base.artifact(f.Location.File)}
		if f.Location.StartLine > 0 {
			phys.Region = &sarifRegion{StartLine: f.Location.StartLine, StartColumn: f.Location.StartColumn,
				EndLine: max(f.Location.EndLine, f.Location.StartLine)}
		}
		loc.PhysicalLocation = phys
	}
	res.Locations = []sarifLocation{loc}
	if f.Fingerprint != "" {
		res.PartialFingerprints = map[string]string{FingerprintKey: f.Fingerprint}
	}
	if f.Status == finding.Waived {
		sup := sarifSuppression{Kind: "external", Status: "accepted"}
		if f.Waiver != nil {
			if f.Waiver.Source == "inline" {
				sup.Kind = "inSource"
			}
			sup.Justification = f.Waiver.Reason
			props := map[string]any{"source": f.Waiver.Source}
			if f.Waiver.Approver != "" {
				props["approver"] = f.Waiver.Approver
			}
			if f.Waiver.Ticket != "" {
				props["ticket"] = f.Waiver.Ticket
			}
			if f.Waiver.Expires != nil {
				props["expires"] = f.Waiver.Expires.Format("2006-01-02")
			}
			sup.Properties = props
		}
		res.Suppressions = []sarifSuppression{sup}
	}
	return res
}

// sarifRules describes every policy the scan ran, plus any rule a finding
// names that is not among them (a report read back from JSON).
func sarifRules(m *ownership.Model, r *Report) ([]sarifRule, map[string]int) {
	pols := map[string]*policy.Policy{}
	for _, p := range r.Policies {
		pols[p.ID] = p
	}
	for _, f := range r.Findings {
		if _, ok := pols[f.Rule]; !ok {
			pols[f.Rule] = &policy.Policy{ID: f.Rule, Title: f.Title, Severity: f.Severity, Category: f.Category,
				Layer: f.Layer, Remediation: f.Remediation, Controls: f.Controls}
		}
	}
	ids := make([]string, 0, len(pols))
	for id := range pols {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	rules := make([]sarifRule, 0, len(ids))
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		p := pols[id]
		index[id] = i
		rules = append(rules, sarifRuleOf(m, p, r.Findings))
	}
	return rules, index
}

func sarifRuleOf(m *ownership.Model, p *policy.Policy, fs []finding.Finding) sarifRule {
	owners := policydoc.Owners(m, p)
	ownerSet := policydoc.OwnersOf(owners)
	models := policydoc.ModelsOf(owners)
	if len(owners) == 0 {
		// a rule known only from findings: take owners and models from them
		for _, f := range fs {
			if f.Rule == p.ID {
				if f.Owner.Valid() && !containsOwner(ownerSet, f.Owner) {
					ownerSet = append(ownerSet, f.Owner)
				}
				if f.ServiceModel.Valid() && !containsModel(models, f.ServiceModel) {
					models = append(models, f.ServiceModel)
				}
			}
		}
	}
	tags := []string{"security", "category:" + string(p.Category), "layer:" + string(p.Layer)}
	var ownerNames, modelNames []string
	for _, o := range ownerSet {
		tags = append(tags, "owner:"+string(o))
		ownerNames = append(ownerNames, string(o))
	}
	for _, sm := range models {
		tags = append(tags, "service-model:"+string(sm))
		modelNames = append(modelNames, string(sm))
	}
	desc := strings.TrimSpace(p.Description)
	if desc == "" {
		desc = p.Title
	}
	help := policydoc.Help(m, p)
	text := desc + "\n\nHow to fix: " + strings.TrimSpace(p.Remediation)
	props := map[string]any{
		"security-severity": SecuritySeverity(p.Severity),
		"precision":         "high",
		"problem.severity":  problemSeverity(p.Severity),
		"tags":              tags,
		"severity":          string(p.Severity),
		"category":          string(p.Category),
		"layer":             string(p.Layer),
	}
	if len(ownerNames) > 0 {
		props["owners"] = ownerNames
	}
	if len(modelNames) > 0 {
		props["service-models"] = modelNames
	}
	if len(p.Controls) > 0 {
		props["controls"] = p.Controls
	}
	rule := sarifRule{
		ID:                   p.ID,
		Name:                 ruleName(p.Title),
		ShortDescription:     sarifText{Text: p.Title},
		FullDescription:      sarifText{Text: desc},
		Help:                 sarifText{Text: text, Markdown: help},
		DefaultConfiguration: sarifConfig{Level: sarifLevel(p.Severity)},
		Properties:           props,
	}
	for _, u := range p.Related {
		if pu, err := url.Parse(u); err == nil && pu.IsAbs() {
			rule.HelpURI = u
			break
		}
	}
	return rule
}

func problemSeverity(s finding.Severity) string {
	switch s {
	case finding.Critical, finding.High:
		return "error"
	case finding.Medium:
		return "warning"
	default:
		return "recommendation"
	}
}

// ruleName turns a title into an identifier-like name ("Container runs
// privileged" → "ContainerRunsPrivileged").
func ruleName(title string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

func containsOwner(os []finding.Owner, o finding.Owner) bool {
	for _, x := range os {
		if x == o {
			return true
		}
	}
	return false
}

func containsModel(ms []finding.ServiceModel, m finding.ServiceModel) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// uriBaseInfo turns report paths (relative to the scanned root) into URIs
// relative to %SRCROOT%.
type uriBaseInfo struct {
	prefix string
	root   sarifArtifactLoc
}

// uriBase works out where report paths start. With one relative root (the
// usual `onus scan .` or `onus scan infra` in a checkout), URIs are the
// root's path joined with the file's and %SRCROOT% is the working
// directory; with one absolute root, %SRCROOT% is that directory as a file
// URI. Several roots already prefix every path with their own.
func uriBase(r *Report) uriBaseInfo {
	desc := &sarifText{Text: "The directory onus scanned from (the repository root in CI)."}
	info := uriBaseInfo{root: sarifArtifactLoc{Description: desc}}
	if len(r.Roots) != 1 {
		return info
	}
	root := strings.ReplaceAll(r.Roots[0], "\\", "/")
	if isFileRoot(root, r) {
		root = path.Dir(root)
	}
	root = path.Clean(root)
	switch {
	case path.IsAbs(root):
		u := url.URL{Scheme: "file", Path: strings.TrimSuffix(root, "/") + "/"}
		info.root = sarifArtifactLoc{URI: u.String(), Description: &sarifText{Text: "The directory onus scanned."}}
	case root == "." || root == ".." || strings.HasPrefix(root, "../"):
	default:
		info.prefix = root + "/"
	}
	return info
}

// isFileRoot reports whether the single root was a file (its findings then
// name the file by its base name).
func isFileRoot(root string, r *Report) bool {
	base := path.Base(root)
	for _, f := range r.Findings {
		if f.Location.File == base {
			return true
		}
	}
	for _, d := range r.Diagnostics {
		if d.File == base {
			return true
		}
	}
	return false
}

func (b uriBaseInfo) artifact(file string) sarifArtifactLoc {
	u := url.URL{Path: b.prefix + file}
	return sarifArtifactLoc{URI: u.EscapedPath(), URIBaseID: SrcRoot}
}
