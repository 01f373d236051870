package sbom

import (
	"context"
	"fmt"
	"strings"

	"github.com/onus-project/onus/internal/loader/inventory"
	"github.com/onus-project/onus/internal/loader/jsonpos"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// MaxDepth bounds the nesting of CycloneDX components.
const MaxDepth = 64

type cdxComponent struct {
	Type     string       `json:"type"`
	BomRef   string       `json:"bom-ref"`
	Group    string       `json:"group"`
	Name     string       `json:"name"`
	Version  string       `json:"version"`
	Purl     string       `json:"purl"`
	Scope    string       `json:"scope"`
	Licenses []cdxLicense `json:"licenses"`
}

type cdxLicense struct {
	License *struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"license"`
	Expression string `json:"expression"`
}

type cdxDependency struct {
	Ref       string   `json:"ref"`
	DependsOn []string `json:"dependsOn"`
}

// ParseCycloneDX reads a CycloneDX JSON document; file is its root-relative
// name.
func ParseCycloneDX(ctx context.Context, file string, b []byte) ([]*resource.Resource, source.Diagnostics) {
	lines := jsonpos.NewLines(b)
	root := jsonpos.Root(b)
	members, err := root.Members()
	if err != nil {
		return nil, source.Diagnostics{jsonError(file, lines, "invalid CycloneDX JSON", err)}
	}
	var diags source.Diagnostics
	var comps, deps, meta jsonpos.Value
	format, spec := "", ""
	for _, m := range members {
		switch m.Key {
		case "bomFormat":
			_ = m.Value.Decode(&format)
		case "specVersion":
			_ = m.Value.Decode(&spec)
		case "components":
			comps = m.Value
		case "dependencies":
			deps = m.Value
		case "metadata":
			meta = m.Value
		}
	}
	if format != "CycloneDX" {
		return nil, source.Diagnostics{source.Errorf(source.At(file, 1, 1), "invalid CycloneDX JSON", "bomFormat is %q, want CycloneDX", format)}
	}
	if !strings.HasPrefix(spec, "1.") {
		diags = append(diags, source.Warningf(source.At(file, 1, 1), "unsupported CycloneDX version", "specVersion %q; onus reads 1.2 to 1.6", spec))
	}

	// direct dependencies: what the described component depends on
	rootRef := ""
	if meta.Kind() == '{' {
		var md struct {
			Component *cdxComponent `json:"component"`
		}
		if err := meta.Decode(&md); err == nil && md.Component != nil {
			rootRef = md.Component.BomRef
		}
	}
	var direct map[string]bool
	if deps.Kind() == '[' && rootRef != "" {
		var ds []cdxDependency
		if err := deps.Decode(&ds); err != nil {
			diags = append(diags, jsonError(file, lines, "invalid CycloneDX dependencies", err))
		}
		for _, d := range ds {
			if d.Ref == rootRef {
				direct = map[string]bool{}
				for _, x := range d.DependsOn {
					direct[x] = true
				}
			}
		}
	}

	var out []*resource.Resource
	noPurl := 0
	var walk func(v jsonpos.Value, depth int)
	walk = func(v jsonpos.Value, depth int) {
		if ctx.Err() != nil {
			return
		}
		if depth > MaxDepth {
			r := lines.Range(file, v.Off)
			diags = append(diags, source.Errorf(&r, "CycloneDX components nested too deep", "more than %d levels; deeper components are not read", MaxDepth))
			return
		}
		elems, err := v.Elements()
		if err != nil {
			diags = append(diags, jsonError(file, lines, "invalid CycloneDX components", err))
			return
		}
		for _, e := range elems {
			if len(out) >= inventory.MaxPackages {
				r := lines.Range(file, e.Off)
				diags = append(diags, source.Errorf(&r, "too many components", "more than %d; the rest are not read", inventory.MaxPackages))
				return
			}
			var c cdxComponent
			if err := e.Decode(&c); err != nil {
				r := lines.Range(file, e.Off)
				diags = append(diags, source.Errorf(&r, "invalid CycloneDX component", "%v", err))
				continue
			}
			ms, _ := e.Members()
			rng := lines.Range(file, e.Off)
			var vrng *source.Range
			var nested jsonpos.Value
			for _, m := range ms {
				switch m.Key {
				case "version":
					r := lines.Range(file, m.KeyOff)
					vrng = &r
				case "components":
					nested = m.Value
				}
			}
			if c.Purl == "" {
				noPurl++
			} else if p, err := component(c, direct); err != nil {
				diags = append(diags, source.Warningf(&rng, "invalid component purl", "%s: %v", c.Purl, err))
			} else {
				p.Range, p.VersionRange = rng, vrng
				out = append(out, inventory.Resource(file, len(out), p))
			}
			if nested.Kind() == '[' {
				walk(nested, depth+1)
			}
		}
	}
	if comps.Kind() == '[' {
		walk(comps, 0)
	}
	if noPurl > 0 {
		diags = append(diags, source.Warningf(source.At(file, 1, 1), "components without a purl", "%d components have no Package URL, so onus cannot tell their ecosystem and does not check them", noPurl))
	}
	return out, diags
}

func component(c cdxComponent, direct map[string]bool) (inventory.Package, error) {
	t, osv, name, version, err := inventory.FromPurl(c.Purl)
	if err != nil {
		return inventory.Package{}, err
	}
	if c.Version != "" {
		version = c.Version
	}
	if version == "" {
		return inventory.Package{}, fmt.Errorf("no version")
	}
	p := inventory.Package{Type: t, OSV: osv, Name: name, Version: version, Purl: c.Purl, Scope: c.Scope}
	if c.Scope == "optional" {
		p.Optional = inventory.Bool(true)
	}
	if direct != nil && c.BomRef != "" {
		p.Direct = inventory.Bool(direct[c.BomRef])
	}
	for _, l := range c.Licenses {
		switch {
		case l.Expression != "":
			p.Licenses = append(p.Licenses, l.Expression)
		case l.License != nil && l.License.ID != "":
			p.Licenses = append(p.Licenses, l.License.ID)
		case l.License != nil && l.License.Name != "":
			p.Licenses = append(p.Licenses, l.License.Name)
		}
	}
	return p, nil
}
