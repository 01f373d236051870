// Package config reads onus.yaml: policy directories, parameters, enabled
// policies and severities, teams and the rules that route responsibilities
// to them, failure thresholds, the waiver file, and overrides of the
// responsibility matrix and the service catalog. Every problem is a
// diagnostic positioned at the file, line and column of the offending key or
// value; unknown keys are refused. docs/config.md documents every key.
package config

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// FileName is the config file looked for at the scan root.
const FileName = "onus.yaml"

// MaxSize bounds the config file.
const MaxSize = 1 << 20

// Config is onus.yaml. Every key is documented in docs/config.md.
type Config struct {
	// Policies configures which policies run and how.
	Policies Policies
	// FailOn is the severity at or above which a scan fails ("none" never).
	FailOn string
	// Ignore holds gitignore-style patterns of paths not to scan.
	Ignore []string
	// MaxFileSize refuses larger files (bytes).
	MaxFileSize int64
	// Teams are the teams inside the customer that own layers.
	Teams []Team
	// Ownership routes customer and shared responsibilities to teams.
	Ownership Ownership
	// Thresholds set failure thresholds per owner and per team.
	Thresholds Thresholds
	// Waivers is the waiver file, relative to the config's directory.
	Waivers string
	// Matrix overrides cells of the responsibility matrix.
	Matrix []MatrixOverride
	// Catalog adds services to the service catalog or changes them.
	Catalog []CatalogEntry

	// File is where the config was read from ("" for defaults).
	File string
	// Dir is the directory relative paths in the config are resolved against.
	Dir string

	pos map[string]*source.Range
}

// Policies is the policies section.
type Policies struct {
	// Dirs are directories of users' policies, relative to the config file.
	Dirs []string
	// Params overrides parameter defaults: policy ID → name → value.
	Params map[string]map[string]any
	// Enable, when not empty, runs only these policy IDs (and the policies
	// of Categories.Enable).
	Enable []string
	// Disable lists policy IDs not to run; an entry may be a glob over IDs
	// ("ONUS-AWS-*").
	Disable []string
	// Categories enables or disables whole categories.
	Categories CategorySelection
	// Severity overrides the severity of a policy's findings: ID → severity.
	Severity map[string]finding.Severity
}

// CategorySelection enables or disables categories of policies.
type CategorySelection struct {
	Enable  []finding.Category
	Disable []finding.Category
}

// Team is a team inside the customer's organisation.
type Team struct {
	Name    string
	Contact string
	// Handles are the CODEOWNERS owners that mean this team: @org/team,
	// @user or an e-mail address.
	Handles []string
	// Codeowners are CODEOWNERS-style path patterns the team owns
	// ("/apps/payments/", "*.tf").
	Codeowners []string
}

// Ownership routes findings and matrix layers to teams.
type Ownership struct {
	// Codeowners is a CODEOWNERS file (GitHub syntax), relative to the
	// config's directory.
	Codeowners string
	// DefaultTeam owns customer and shared layers that no rule routes.
	DefaultTeam string
	// Rules route responsibilities to teams; the most specific wins.
	Rules []Rule
}

// Rule routes the customer and shared layers of matching resources to a
// team. Every selector given must match (a list matches when any of its
// entries does); a rule needs at least one selector.
type Rule struct {
	Team string
	// Responsibility selectors.
	Layers     []finding.Layer
	Categories []finding.Category
	Owners     []finding.Owner
	Services   []string
	// Resource selectors.
	Resources  []string          // resource address globs
	Paths      []string          // file path globs (doublestar: **)
	Namespaces []string          // Kubernetes namespace globs
	Labels     map[string]string // Kubernetes labels: key → value glob
	Modules    []string          // Terraform module address globs
	Tags       map[string]string // cloud tags: key → value glob

	// Index is the rule's position in the list; Path names it ("ownership.rules[2]").
	Index int
	Path  string
}

// Thresholds set the failure threshold per owner and per team. A value is a
// severity or "none". A team's threshold wins over its owner's, which wins
// over fail_on.
type Thresholds struct {
	Owners map[finding.Owner]string
	Teams  map[string]string
}

// MatrixOverride changes cells of the responsibility matrix for one service
// model, for every provider or for one.
type MatrixOverride struct {
	Provider string
	Model    finding.ServiceModel
	Why      string
	Layers   map[finding.Layer]finding.Owner
}

// CatalogEntry adds a service to the catalog or changes one (by id).
type CatalogEntry struct {
	ID       string
	Name     string
	Provider string
	Model    finding.ServiceModel
	Types    map[resource.Kind][]string
	Note     string
}

// Default returns the configuration used without onus.yaml.
func Default() *Config {
	return &Config{FailOn: string(finding.Low)}
}

// Find returns the config path to use: explicit if set, else onus.yaml at
// the first scan root when it exists, else "".
func Find(explicit string, roots []string) string {
	if explicit != "" {
		return explicit
	}
	if len(roots) == 0 {
		return ""
	}
	dir := roots[0]
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	p := filepath.Join(dir, FileName)
	if _, err := os.Stat(p); err == nil {
		return p
	}
	return ""
}

// Load reads a config file. An empty path returns the defaults.
func Load(path string) (*Config, source.Diagnostics) {
	if path == "" {
		return Default(), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: path}, "cannot read config", "%v", err)}
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: path}, "cannot read config", "%v", err)}
	}
	if len(b) > MaxSize {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: path}, "config too large", "over %d bytes", MaxSize)}
	}
	c, diags := Parse(path, b)
	if c != nil {
		c.Dir = filepath.Dir(path)
	}
	return c, diags
}

// Resolve returns a path of the config resolved against its directory.
func (c *Config) Resolve(p string) string {
	if p == "" || filepath.IsAbs(p) || c.Dir == "" {
		return p
	}
	return filepath.Join(c.Dir, p)
}

// Threshold returns the failure threshold of a finding's owner and team: the
// team's when set, else the owner's, else fail_on — except that the provider
// owner defaults to "none" (provider-owned findings never fail a build
// unless thresholds.owners.provider says so). override, when not empty,
// replaces fail_on (the --fail-on flag).
func (c *Config) Threshold(owner finding.Owner, team, override string) string {
	if t, ok := c.Thresholds.Teams[team]; ok && team != "" {
		return t
	}
	if t, ok := c.Thresholds.Owners[owner]; ok {
		return t
	}
	if owner == finding.Provider {
		return "none"
	}
	if override != "" {
		return override
	}
	return c.FailOn
}

// TeamNames lists the names of the teams.
func (c *Config) TeamNames() []string {
	out := make([]string, 0, len(c.Teams))
	for _, t := range c.Teams {
		out = append(out, t.Name)
	}
	return out
}

// PolicyDirs returns the policy directories resolved against the config's
// directory.
func (c *Config) PolicyDirs() []string {
	var out []string
	for _, d := range c.Policies.Dirs {
		if !filepath.IsAbs(d) && c.Dir != "" {
			d = filepath.Join(c.Dir, d)
		}
		out = append(out, d)
	}
	return out
}

// String names the config for messages.
func (c *Config) String() string {
	if c.File == "" {
		return "defaults"
	}
	return c.File
}

var _ fmt.Stringer = (*Config)(nil)
