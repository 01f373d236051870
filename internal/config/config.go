// Package config reads onus.yaml: policy directories and parameters,
// enabled policies, thresholds and scan limits. Problems are diagnostics
// positioned at their line.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/loader/yamlnode"
	"github.com/onus-project/onus/internal/source"
)

// FileName is the config file looked for at the scan root.
const FileName = "onus.yaml"

// MaxSize bounds the config file.
const MaxSize = 1 << 20

// Config is onus.yaml.
type Config struct {
	// Policies configures which policies run and how.
	Policies Policies `yaml:"policies"`
	// FailOn is the severity at or above which a scan fails ("none" never).
	FailOn string `yaml:"fail_on"`
	// Ignore holds gitignore-style patterns of paths not to scan.
	Ignore []string `yaml:"ignore"`
	// MaxFileSize refuses larger files (bytes).
	MaxFileSize int64 `yaml:"max_file_size"`

	// File is where the config was read from ("" for defaults).
	File string `yaml:"-"`
	// Dir is the directory relative paths in the config are resolved against.
	Dir string `yaml:"-"`
}

// Policies is the policies section.
type Policies struct {
	// Dirs are directories of users' policies, relative to the config file.
	Dirs []string `yaml:"dirs"`
	// Params overrides parameter defaults: policy ID → name → value.
	Params map[string]map[string]any `yaml:"params"`
	// Disable lists policy IDs not to run; an entry may be a glob over IDs
	// ("ONUS-AWS-*").
	Disable []string `yaml:"disable"`
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

// Parse reads config bytes; name is used in diagnostics.
func Parse(name string, b []byte) (*Config, source.Diagnostics) {
	c := Default()
	c.File = name
	if len(bytes.TrimSpace(b)) == 0 {
		return c, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, source.Diagnostics{{Severity: source.Error, Summary: "invalid config", Detail: yamlnode.CleanError(err), Subject: yamlnode.ErrorRange(name, err, 0, b)}}
	}
	var root yaml.Node
	_ = yaml.Unmarshal(b, &root)
	var diags source.Diagnostics
	at := func(path ...string) *source.Range {
		n := &root
		var key *yaml.Node
		for _, p := range path {
			k, v := yamlnode.Lookup(n, p)
			if v == nil {
				break
			}
			key, n = k, v
		}
		if key != nil {
			return source.At(name, key.Line, key.Column)
		}
		return &source.Range{Filename: name}
	}
	if c.FailOn != "none" {
		if _, err := finding.ParseSeverity(c.FailOn); err != nil {
			diags = append(diags, source.Errorf(at("fail_on"), "invalid config", "fail_on: %v (or none)", err))
		}
	}
	if c.MaxFileSize < 0 {
		diags = append(diags, source.Errorf(at("max_file_size"), "invalid config", "max_file_size must be positive"))
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return c, diags
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
