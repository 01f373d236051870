package lockfile

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/ecosystem"
	"github.com/onus-project/onus/internal/loader/inventory"
	"github.com/onus-project/onus/internal/source"
)

// Bounds of POM reading.
const (
	maxPomDepth   = 64 // element nesting
	maxParents    = 8  // local parent chain
	maxInterpDeep = 10 // nested ${property} references
)

type pomDep struct {
	group, artifact, version, scope, typ string
	optional                             bool
	line, versionLine                    int
}

type pomValue struct {
	value string
	line  int
	file  string
}

// pom is what onus reads of a POM.
type pom struct {
	file                         string
	group, artifact, version     pomValue
	parentGroup, parentArtifact  string
	parentVersion, parentRelPath pomValue
	hasParent, hasRelPath        bool
	props                        map[string]pomValue
	deps, managed                []pomDep
}

// readPom reads the parts of a POM onus uses, with the line of each.
func readPom(file string, b []byte) (*pom, error) {
	p := &pom{file: file, props: map[string]pomValue{}}
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = true
	var stack []string
	var text strings.Builder
	var cur *pomDep
	line := func() int { l, _ := dec.InputPos(); return l }
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return p, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			if len(stack) > maxPomDepth {
				return p, fmt.Errorf("line %d: elements nested deeper than %d", line(), maxPomDepth)
			}
			text.Reset()
			where := strings.Join(stack, "/")
			if where == "project/dependencies/dependency" || where == "project/dependencyManagement/dependencies/dependency" {
				cur = &pomDep{line: line()}
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			if len(stack) == 0 {
				return p, fmt.Errorf("line %d: unbalanced </%s>", line(), t.Name.Local)
			}
			where := strings.Join(stack, "/")
			v := pomValue{value: strings.TrimSpace(text.String()), line: line(), file: file}
			switch {
			case where == "project/groupId":
				p.group = v
			case where == "project/artifactId":
				p.artifact = v
			case where == "project/version":
				p.version = v
			case where == "project/parent":
				p.hasParent = true
			case where == "project/parent/groupId":
				p.parentGroup = v.value
			case where == "project/parent/artifactId":
				p.parentArtifact = v.value
			case where == "project/parent/version":
				p.parentVersion = v
			case where == "project/parent/relativePath":
				p.parentRelPath, p.hasRelPath = v, true
			case len(stack) == 3 && stack[0] == "project" && stack[1] == "properties":
				p.props[stack[2]] = v
			case cur != nil && strings.HasSuffix(where, "/dependency/groupId"):
				cur.group = v.value
			case cur != nil && strings.HasSuffix(where, "/dependency/artifactId"):
				cur.artifact = v.value
			case cur != nil && strings.HasSuffix(where, "/dependency/version"):
				cur.version, cur.versionLine = v.value, v.line
			case cur != nil && strings.HasSuffix(where, "/dependency/scope"):
				cur.scope = v.value
			case cur != nil && strings.HasSuffix(where, "/dependency/type"):
				cur.typ = v.value
			case cur != nil && strings.HasSuffix(where, "/dependency/optional"):
				cur.optional = v.value == "true"
			case where == "project/dependencies/dependency" && cur != nil:
				p.deps = append(p.deps, *cur)
				cur = nil
			case where == "project/dependencyManagement/dependencies/dependency" && cur != nil:
				p.managed = append(p.managed, *cur)
				cur = nil
			}
			stack = stack[:len(stack)-1]
			text.Reset()
		}
	}
	if len(stack) == 0 || stack[0] != "project" {
		if p.artifact.value == "" {
			return p, errors.New("not a Maven POM: no <project> element")
		}
	}
	return p, nil
}

var propRef = regexp.MustCompile(`\$\{([^}]+)\}`)

// chain is a POM and its local parents, nearest first.
type chain []*pom

func (c chain) prop(name string) (pomValue, bool) {
	for _, p := range c {
		if v, ok := p.props[name]; ok {
			return v, true
		}
	}
	self := c[0]
	switch name {
	case "project.version", "pom.version", "version":
		if self.version.value != "" {
			return self.version, true
		}
		return self.parentVersion, self.parentVersion.value != ""
	case "project.groupId", "pom.groupId", "groupId":
		if self.group.value != "" {
			return self.group, true
		}
		return pomValue{value: self.parentGroup}, self.parentGroup != ""
	case "project.artifactId", "pom.artifactId":
		return self.artifact, true
	case "project.parent.version", "parent.version":
		return self.parentVersion, self.parentVersion.value != ""
	case "project.parent.groupId", "parent.groupId":
		return pomValue{value: self.parentGroup}, self.parentGroup != ""
	}
	return pomValue{}, false
}

// interpolate replaces ${...} references; it returns the value, the
// property that set it (for its line) and the first unresolved name.
func (c chain) interpolate(s string) (string, *pomValue, string) {
	var from *pomValue
	missing := ""
	for range maxInterpDeep {
		if !strings.Contains(s, "${") {
			break
		}
		s = propRef.ReplaceAllStringFunc(s, func(ref string) string {
			name := ref[2 : len(ref)-1]
			v, ok := c.prop(name)
			if !ok {
				if missing == "" {
					missing = name
				}
				return ref
			}
			if from == nil {
				vv := v
				from = &vv
			}
			return v.value
		})
		if missing != "" {
			break
		}
	}
	if strings.Contains(s, "${") && missing == "" {
		missing = s
	}
	return s, from, missing
}

// managed returns the dependencyManagement entry of group:artifact in the
// chain, nearest first, and the POM that declares it.
func (c chain) managed(group, artifact string) (*pomDep, *pom) {
	for _, p := range c {
		pc := c.from(p)
		for i := range p.managed {
			m := &p.managed[i]
			g, _, _ := pc.interpolate(m.group)
			a, _, _ := pc.interpolate(m.artifact)
			if g == group && a == artifact && m.version != "" {
				return m, p
			}
		}
	}
	return nil, nil
}

func (c chain) from(p *pom) chain {
	for i, q := range c {
		if q == p {
			return c[i:]
		}
	}
	return c
}

// parents reads the local parent chain of a POM from fsys.
func parents(fsys fs.FS, p *pom, maxSize int64) (chain, source.Diagnostics) {
	c := chain{p}
	var diags source.Diagnostics
	seen := map[string]bool{p.file: true}
	for cur := p; cur.hasParent && len(c) <= maxParents && fsys != nil; {
		rel := "../pom.xml"
		if cur.hasRelPath {
			rel = cur.parentRelPath.value
		}
		if rel == "" {
			break // an empty relativePath: the parent comes from a repository
		}
		if !strings.HasSuffix(rel, ".xml") {
			rel = path.Join(rel, "pom.xml")
		}
		pp := path.Clean(path.Join(path.Dir(cur.file), rel))
		if strings.HasPrefix(pp, "../") || pp == ".." || seen[pp] {
			break
		}
		seen[pp] = true
		b, err := discover.ReadFile(fsys, pp, maxSize)
		if err != nil {
			break // not in the scan: from a repository
		}
		par, err := readPom(pp, b)
		if err != nil {
			diags = append(diags, source.Warningf(&source.Range{Filename: pp}, "parent POM not read", "%v", err))
			break
		}
		if par.artifact.value != cur.parentArtifact {
			break // relativePath points at another project
		}
		c = append(c, par)
		cur = par
	}
	return c, diags
}

// parsePom reads the dependencies a pom.xml declares, resolving versions
// from properties and from the dependencyManagement of the POM and of its
// parents found in the scan. What stays unknown (a version from a remote
// parent or an imported BOM, a version range) is a warning.
func parsePom(_ context.Context, fsys fs.FS, file string, b []byte, maxSize int64) ([]inventory.Package, source.Diagnostics) {
	p, err := readPom(file, b)
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, source.Diagnostics{source.Errorf(atp(file, se.Line), "invalid pom.xml", "%s", se.Msg)}
		}
		return nil, source.Diagnostics{source.Errorf(atp(file, 1), "invalid pom.xml", "%v", err)}
	}
	c, diags := parents(fsys, p, maxSize)
	var out []inventory.Package
	var unmanaged []string
	for _, d := range p.deps {
		group, _, gmiss := c.interpolate(d.group)
		artifact, _, amiss := c.interpolate(d.artifact)
		if gmiss != "" || amiss != "" || group == "" || artifact == "" {
			diags = append(diags, source.Warningf(atp(file, d.line), "dependency not resolved", "groupId %q artifactId %q cannot be resolved; not checked", d.group, d.artifact))
			continue
		}
		name := group + ":" + artifact
		raw, vline, vfile := d.version, d.versionLine, file
		scope := d.scope
		// properties resolve in the effective POM: this POM first, then its parents
		vc := c
		if raw == "" {
			m, owner := c.managed(group, artifact)
			if m == nil {
				unmanaged = append(unmanaged, name)
				continue
			}
			raw, vline, vfile = m.version, m.versionLine, owner.file
			if scope == "" {
				scope = m.scope
			}
		}
		version, from, missing := vc.interpolate(raw)
		if missing != "" {
			diags = append(diags, source.Warningf(atp(file, d.line), "dependency version not resolved", "%s version %s: property %s is not defined in this POM or a local parent; not checked", name, raw, missing))
			continue
		}
		if strings.ContainsAny(version, "[]()") || strings.Contains(version, ",") {
			diags = append(diags, source.Warningf(atp(file, d.line), "dependency version is a range", "%s %s: Maven resolves a range at build time; not checked (scan a resolved SBOM instead)", name, version))
			continue
		}
		if scope == "" {
			scope = "compile"
		}
		pkg := inventory.Package{
			Type: ecosystem.Maven, OSV: "Maven", Name: name, Version: version,
			Direct: inventory.Bool(true), Dev: inventory.Bool(scope == "test"), Scope: scope,
			Optional: inventory.Bool(d.optional), Range: at(file, d.line),
		}
		// the version is written where the property or the managed entry is
		if from != nil && from.line > 0 && from.file == file {
			pkg.VersionRange = atp(file, from.line)
		} else if vline > 0 && vfile == file {
			pkg.VersionRange = atp(file, vline)
		}
		out = append(out, pkg)
	}
	if len(unmanaged) > 0 {
		diags = append(diags, source.Warningf(atp(file, 1), "dependency versions not declared", "%s: the version comes from a parent POM or an imported BOM that is not in the scan; not checked (scan a resolved SBOM, e.g. from the CycloneDX Maven plugin)", strings.Join(unmanaged, ", ")))
	}
	return out, diags
}
