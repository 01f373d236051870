package config

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/loader/yamlnode"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

const (
	wantSeverity = "critical, high, medium, low or none"
	wantLayer    = "data-access, application, middleware, operating-system, network, virtual-infrastructure, physical-infrastructure"
	wantCategory = "public-access, network-exposure, encryption, identity, logging, vulnerability, workload-isolation, secrets, resilience, configuration"
	wantOwner    = "customer, shared or provider"
	wantModel    = "IaaS, CaaS, PaaS, FaaS or SaaS"
)

// Parse reads config bytes; name is used in diagnostics. Every problem is a
// diagnostic at file:line:col of the offending key or value; the config is
// nil when any is an error.
func Parse(name string, b []byte) (*Config, source.Diagnostics) {
	c := Default()
	c.File = name
	c.pos = map[string]*source.Range{}
	if len(bytes.TrimSpace(b)) == 0 {
		return c, nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, source.Diagnostics{{Severity: source.Error, Summary: "invalid config", Detail: yamlnode.CleanError(err), Subject: yamlnode.ErrorRange(name, err, 0, b)}}
	}
	d := &decoder{file: name, pos: c.pos}
	doc := &root
	if doc.Kind == 0 { // comments only
		return c, nil
	}
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return c, nil
		}
		doc = doc.Content[0]
	}
	if doc.Kind == yaml.ScalarNode && doc.Tag == "!!null" {
		return c, nil
	}
	d.fields(doc, "", map[string]func(k, v *yaml.Node, p string){
		"policies": func(_, v *yaml.Node, p string) { c.Policies = d.policies(v, p) },
		"fail_on": func(_, v *yaml.Node, p string) {
			c.FailOn = d.threshold(v, p)
		},
		"ignore": func(_, v *yaml.Node, p string) { c.Ignore = d.strs(v, p) },
		"max_file_size": func(_, v *yaml.Node, p string) {
			if c.MaxFileSize = d.int64(v, p); c.MaxFileSize <= 0 {
				d.errorf(v, "%s: must be a positive number of bytes", p)
			}
		},
		"teams":      func(_, v *yaml.Node, p string) { c.Teams = d.teams(v, p) },
		"ownership":  func(_, v *yaml.Node, p string) { c.Ownership = d.ownership(v, p) },
		"thresholds": func(_, v *yaml.Node, p string) { c.Thresholds = d.thresholds(v, p) },
		"waivers":    func(_, v *yaml.Node, p string) { c.Waivers = d.str(v, p) },
		"matrix":     func(_, v *yaml.Node, p string) { c.Matrix = d.matrix(v, p) },
		"catalog":    func(_, v *yaml.Node, p string) { c.Catalog = d.catalog(v, p) },
	})
	if c.FailOn == "" {
		c.FailOn = string(finding.Low)
	}
	d.crossCheck(c)
	if d.diags.HasErrors() {
		return nil, d.diags
	}
	return c, d.diags
}

func (d *decoder) threshold(v *yaml.Node, p string) string {
	s := d.str(v, p)
	if s == "" || s == "none" {
		return s
	}
	if _, err := finding.ParseSeverity(s); err != nil {
		d.errorf(v, "%s: unknown value %q (want %s)", p, s, wantSeverity)
		return ""
	}
	return s
}

func (d *decoder) policies(n *yaml.Node, path string) Policies {
	var out Policies
	d.fields(n, path, map[string]func(k, v *yaml.Node, p string){
		"dirs": func(_, v *yaml.Node, p string) { out.Dirs = d.strs(v, p) },
		"params": func(_, v *yaml.Node, p string) {
			out.Params = map[string]map[string]any{}
			d.entries(v, p, func(k, v *yaml.Node, p string) {
				params := map[string]any{}
				d.entries(v, p, func(pk, pv *yaml.Node, pp string) {
					var x any
					if err := pv.Decode(&x); err != nil {
						d.errorf(pv, "%s: %v", pp, err)
						return
					}
					params[pk.Value] = x
				})
				out.Params[k.Value] = params
			})
		},
		"enable":  func(_, v *yaml.Node, p string) { out.Enable = d.strs(v, p) },
		"disable": func(_, v *yaml.Node, p string) { out.Disable = d.strs(v, p) },
		"categories": func(_, v *yaml.Node, p string) {
			d.fields(v, p, map[string]func(k, v *yaml.Node, p string){
				"enable": func(_, v *yaml.Node, p string) {
					out.Categories.Enable = enums(d, v, p, finding.Category.Valid, wantCategory)
				},
				"disable": func(_, v *yaml.Node, p string) {
					out.Categories.Disable = enums(d, v, p, finding.Category.Valid, wantCategory)
				},
			})
		},
		"severity": func(_, v *yaml.Node, p string) {
			out.Severity = map[string]finding.Severity{}
			d.entries(v, p, func(k, v *yaml.Node, p string) {
				if s := enum(d, v, p, finding.Severity.Valid, "critical, high, medium or low"); s != "" {
					out.Severity[k.Value] = s
				}
			})
		},
	})
	return out
}

func (d *decoder) teams(n *yaml.Node, path string) []Team {
	var out []Team
	d.list(n, path, func(_ int, v *yaml.Node, p string) {
		var t Team
		d.fields(v, p, map[string]func(k, v *yaml.Node, p string){
			"name":       func(_, v *yaml.Node, p string) { t.Name = d.str(v, p) },
			"contact":    func(_, v *yaml.Node, p string) { t.Contact = d.str(v, p) },
			"handles":    func(_, v *yaml.Node, p string) { t.Handles = d.strs(v, p) },
			"codeowners": func(_, v *yaml.Node, p string) { t.Codeowners = d.strs(v, p) },
		})
		switch {
		case t.Name == "":
			d.errorf(v, "%s: a team needs a name", p)
		case strings.ContainsAny(t.Name, " \t,"):
			d.errorf(v, "%s.name: %q: team names have no spaces or commas", p, t.Name)
		}
		for i, h := range t.Handles {
			if !strings.HasPrefix(h, "@") && !strings.Contains(h, "@") {
				d.diags = append(d.diags, source.Errorf(d.pos[fmt.Sprintf("%s.handles[%d]", p, i)], "invalid config",
					"%s.handles[%d]: %q is not a CODEOWNERS owner (want @org/team, @user or an e-mail address)", p, i, h))
			}
		}
		out = append(out, t)
	})
	return out
}

func (d *decoder) ownership(n *yaml.Node, path string) Ownership {
	var out Ownership
	d.fields(n, path, map[string]func(k, v *yaml.Node, p string){
		"codeowners":   func(_, v *yaml.Node, p string) { out.Codeowners = d.str(v, p) },
		"default_team": func(_, v *yaml.Node, p string) { out.DefaultTeam = d.str(v, p) },
		"rules": func(_, v *yaml.Node, p string) {
			d.list(v, p, func(i int, v *yaml.Node, p string) {
				out.Rules = append(out.Rules, d.rule(i, v, p))
			})
		},
	})
	return out
}

func (d *decoder) globs(n *yaml.Node, path string) []string {
	list := d.strs(n, path)
	for i, g := range list {
		if !doublestar.ValidatePattern(g) {
			d.diags = append(d.diags, source.Errorf(d.pos[fmt.Sprintf("%s[%d]", path, i)], "invalid config", "%s[%d]: %q is not a valid glob", path, i, g))
		}
	}
	return list
}

func (d *decoder) globMap(n *yaml.Node, path string) map[string]string {
	m := d.stringMap(n, path)
	for k, g := range m {
		if !doublestar.ValidatePattern(g) {
			d.diags = append(d.diags, source.Errorf(d.pos[path+"."+k], "invalid config", "%s.%s: %q is not a valid glob", path, k, g))
		}
	}
	return m
}

func (d *decoder) rule(i int, n *yaml.Node, path string) Rule {
	r := Rule{Index: i, Path: path}
	d.fields(n, path, map[string]func(k, v *yaml.Node, p string){
		"team":       func(_, v *yaml.Node, p string) { r.Team = d.str(v, p) },
		"layers":     func(_, v *yaml.Node, p string) { r.Layers = enums(d, v, p, finding.Layer.Valid, wantLayer) },
		"categories": func(_, v *yaml.Node, p string) { r.Categories = enums(d, v, p, finding.Category.Valid, wantCategory) },
		"owners": func(_, v *yaml.Node, p string) {
			d.list(v, p, func(_ int, v *yaml.Node, p string) {
				switch o := enum(d, v, p, finding.Owner.Valid, "customer or shared"); o {
				case finding.Provider:
					d.errorf(v, "%s: provider-owned layers are not routed to teams (want customer or shared)", p)
				case "":
				default:
					r.Owners = append(r.Owners, o)
				}
			})
		},
		"services":   func(_, v *yaml.Node, p string) { r.Services = d.strs(v, p) },
		"resources":  func(_, v *yaml.Node, p string) { r.Resources = d.globs(v, p) },
		"paths":      func(_, v *yaml.Node, p string) { r.Paths = d.globs(v, p) },
		"namespaces": func(_, v *yaml.Node, p string) { r.Namespaces = d.globs(v, p) },
		"labels":     func(_, v *yaml.Node, p string) { r.Labels = d.globMap(v, p) },
		"modules":    func(_, v *yaml.Node, p string) { r.Modules = d.globs(v, p) },
		"tags":       func(_, v *yaml.Node, p string) { r.Tags = d.globMap(v, p) },
	})
	if r.Team == "" {
		d.errorf(n, "%s: a rule needs a team", path)
	}
	if r.Selectors() == 0 && !hasKeyBesides(n, "team") {
		d.errorf(n, "%s: a rule needs at least one selector (layers, categories, owners, services, resources, paths, namespaces, labels, modules or tags)", path)
	}
	return r
}

func (d *decoder) thresholds(n *yaml.Node, path string) Thresholds {
	var out Thresholds
	d.fields(n, path, map[string]func(k, v *yaml.Node, p string){
		"owners": func(_, v *yaml.Node, p string) {
			out.Owners = map[finding.Owner]string{}
			d.entries(v, p, func(k, v *yaml.Node, p string) {
				if !finding.Owner(k.Value).Valid() {
					d.errorf(k, "%s: unknown owner %q (want %s)", path+".owners", k.Value, wantOwner)
					return
				}
				if t := d.threshold(v, p); t != "" {
					out.Owners[finding.Owner(k.Value)] = t
				}
			})
		},
		"teams": func(_, v *yaml.Node, p string) {
			out.Teams = map[string]string{}
			d.entries(v, p, func(k, v *yaml.Node, p string) {
				if t := d.threshold(v, p); t != "" {
					out.Teams[k.Value] = t
				}
			})
		},
	})
	return out
}

func (d *decoder) matrix(n *yaml.Node, path string) []MatrixOverride {
	var out []MatrixOverride
	d.list(n, path, func(_ int, v *yaml.Node, p string) {
		var m MatrixOverride
		d.fields(v, p, map[string]func(k, v *yaml.Node, p string){
			"provider": func(_, v *yaml.Node, p string) { m.Provider = d.str(v, p) },
			"model":    func(_, v *yaml.Node, p string) { m.Model = enum(d, v, p, finding.ServiceModel.Valid, wantModel) },
			"why":      func(_, v *yaml.Node, p string) { m.Why = d.str(v, p) },
			"layers": func(_, v *yaml.Node, p string) {
				m.Layers = map[finding.Layer]finding.Owner{}
				d.entries(v, p, func(k, v *yaml.Node, p string) {
					if !finding.Layer(k.Value).Valid() {
						d.errorf(k, "%s: unknown layer %q (want %s)", path, k.Value, wantLayer)
						return
					}
					if o := enum(d, v, p, finding.Owner.Valid, wantOwner); o != "" {
						m.Layers[finding.Layer(k.Value)] = o
					}
				})
			},
		})
		if m.Model == "" && !hasKey(v, "model") {
			d.errorf(v, "%s: an override needs a model (%s)", p, wantModel)
		}
		if len(m.Layers) == 0 && !hasKey(v, "layers") {
			d.errorf(v, "%s: an override needs layers (layer: owner)", p)
		}
		out = append(out, m)
	})
	return out
}

func (d *decoder) catalog(n *yaml.Node, path string) []CatalogEntry {
	var out []CatalogEntry
	d.list(n, path, func(_ int, v *yaml.Node, p string) {
		var e CatalogEntry
		d.fields(v, p, map[string]func(k, v *yaml.Node, p string){
			"id":       func(_, v *yaml.Node, p string) { e.ID = d.str(v, p) },
			"name":     func(_, v *yaml.Node, p string) { e.Name = d.str(v, p) },
			"provider": func(_, v *yaml.Node, p string) { e.Provider = d.str(v, p) },
			"model":    func(_, v *yaml.Node, p string) { e.Model = enum(d, v, p, finding.ServiceModel.Valid, wantModel) },
			"note":     func(_, v *yaml.Node, p string) { e.Note = d.str(v, p) },
			"types": func(_, v *yaml.Node, p string) {
				e.Types = map[resource.Kind][]string{}
				d.entries(v, p, func(k, v *yaml.Node, p string) {
					if !resource.Kind(k.Value).Valid() {
						d.errorf(k, "%s: unknown kind %q (want one of %v)", path, k.Value, resource.Kinds)
						return
					}
					e.Types[resource.Kind(k.Value)] = d.strs(v, p)
				})
			},
		})
		if e.ID == "" {
			d.errorf(v, "%s: a catalog entry needs an id", p)
		}
		if len(e.Types) > 0 && (e.Model == "" || e.Provider == "") {
			d.errorf(v, "%s: a new service needs provider, model and types", p)
		}
		out = append(out, e)
	})
	return out
}

// crossCheck validates references between sections: team names.
func (d *decoder) crossCheck(c *Config) {
	teams := map[string]bool{}
	for i, t := range c.Teams {
		if t.Name == "" {
			continue
		}
		if teams[t.Name] {
			d.diags = append(d.diags, source.Errorf(c.At(fmt.Sprintf("teams[%d].name", i)), "invalid config", "teams[%d]: team %q is defined twice", i, t.Name))
		}
		teams[t.Name] = true
	}
	known := func() string {
		names := slices.Sorted(func(yield func(string) bool) {
			for n := range teams {
				if !yield(n) {
					return
				}
			}
		})
		if len(names) == 0 {
			return "no teams are defined under teams:"
		}
		return "defined teams: " + strings.Join(names, ", ")
	}
	for _, r := range c.Ownership.Rules {
		if r.Team != "" && !teams[r.Team] {
			d.diags = append(d.diags, source.Errorf(c.At(r.Path+".team"), "invalid config", "%s.team: unknown team %q (%s)", r.Path, r.Team, known()))
		}
	}
	if t := c.Ownership.DefaultTeam; t != "" && !teams[t] {
		d.diags = append(d.diags, source.Errorf(c.At("ownership.default_team"), "invalid config", "ownership.default_team: unknown team %q (%s)", t, known()))
	}
	for t := range c.Thresholds.Teams {
		if !teams[t] {
			d.diags = append(d.diags, source.Errorf(c.At("thresholds.teams."+t), "invalid config", "thresholds.teams: unknown team %q (%s)", t, known()))
		}
	}
	if c.Ownership.Codeowners != "" && len(c.Teams) == 0 {
		d.diags = append(d.diags, source.Errorf(c.At("ownership.codeowners"), "invalid config", "ownership.codeowners: CODEOWNERS owners map to teams, and no teams are defined"))
	}
}

// Selectors counts the selectors a rule sets.
func (r *Rule) Selectors() int {
	n := 0
	for _, set := range []bool{len(r.Layers) > 0, len(r.Categories) > 0, len(r.Owners) > 0, len(r.Services) > 0,
		len(r.Resources) > 0, len(r.Paths) > 0, len(r.Namespaces) > 0, len(r.Labels) > 0, len(r.Modules) > 0, len(r.Tags) > 0} {
		if set {
			n++
		}
	}
	return n
}

// At returns where a key is written: a dotted path such as "teams[1].name",
// "policies.disable[0]" or "thresholds.teams.payments". Unknown paths give
// the config file alone.
func (c *Config) At(path string) *source.Range {
	if c == nil {
		return nil
	}
	if r, ok := c.pos[path]; ok {
		cp := *r
		return &cp
	}
	return &source.Range{Filename: c.File}
}

// hasKey reports whether mapping n has one of the keys; follow-on errors
// ("an override needs layers") are left out when the key was given but bad.
func hasKey(n *yaml.Node, names ...string) bool {
	return slices.ContainsFunc(keys(n), func(k string) bool { return slices.Contains(names, k) })
}

// hasKeyBesides reports whether mapping n has a key other than except.
func hasKeyBesides(n *yaml.Node, except string) bool {
	return slices.ContainsFunc(keys(n), func(k string) bool { return k != except })
}

func keys(n *yaml.Node) []string {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var out []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, n.Content[i].Value)
	}
	return out
}
