package sbom

import (
	"context"
	"strings"

	"github.com/onus-project/onus/internal/loader/inventory"
	"github.com/onus-project/onus/internal/loader/jsonpos"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

type spdxPackage struct {
	SPDXID           string `json:"SPDXID"`
	Name             string `json:"name"`
	VersionInfo      string `json:"versionInfo"`
	LicenseConcluded string `json:"licenseConcluded"`
	LicenseDeclared  string `json:"licenseDeclared"`
	ExternalRefs     []struct {
		Category string `json:"referenceCategory"`
		Type     string `json:"referenceType"`
		Locator  string `json:"referenceLocator"`
	} `json:"externalRefs"`
}

type spdxRelationship struct {
	Element string `json:"spdxElementId"`
	Type    string `json:"relationshipType"`
	Related string `json:"relatedSpdxElement"`
}

// ParseSPDX reads an SPDX 2.x JSON document; file is its root-relative
// name. A package is read when it has a purl external reference.
func ParseSPDX(ctx context.Context, file string, b []byte) ([]*resource.Resource, source.Diagnostics) {
	lines := jsonpos.NewLines(b)
	members, err := jsonpos.Root(b).Members()
	if err != nil {
		return nil, source.Diagnostics{jsonError(file, lines, "invalid SPDX JSON", err)}
	}
	var diags source.Diagnostics
	var pkgs jsonpos.Value
	version := ""
	var rels []spdxRelationship
	var describes []string
	for _, m := range members {
		switch m.Key {
		case "spdxVersion":
			_ = m.Value.Decode(&version)
		case "packages":
			pkgs = m.Value
		case "relationships":
			if err := m.Value.Decode(&rels); err != nil {
				diags = append(diags, jsonError(file, lines, "invalid SPDX relationships", err))
			}
		case "documentDescribes":
			_ = m.Value.Decode(&describes)
		}
	}
	if !strings.HasPrefix(version, "SPDX-2.") {
		return nil, source.Diagnostics{source.Errorf(source.At(file, 1, 1), "unsupported SPDX version", "spdxVersion %q; onus reads SPDX 2.x JSON", version)}
	}
	// direct dependencies: what the described packages depend on
	roots := map[string]bool{}
	for _, d := range describes {
		roots[d] = true
	}
	for _, r := range rels {
		if r.Type == "DESCRIBES" && r.Element == "SPDXRef-DOCUMENT" {
			roots[r.Related] = true
		}
	}
	var direct map[string]bool
	for _, r := range rels {
		if direct == nil && len(roots) > 0 {
			direct = map[string]bool{}
		}
		switch {
		case r.Type == "DEPENDS_ON" && roots[r.Element]:
			direct[r.Related] = true
		case r.Type == "DEPENDENCY_OF" && roots[r.Related]:
			direct[r.Element] = true
		}
	}

	var out []*resource.Resource
	if pkgs.Kind() != '[' {
		return nil, diags
	}
	elems, err := pkgs.Elements()
	if err != nil {
		diags = append(diags, jsonError(file, lines, "invalid SPDX packages", err))
	}
	noPurl := 0
	for _, e := range elems {
		if ctx.Err() != nil {
			break
		}
		if len(out) >= inventory.MaxPackages {
			r := lines.Range(file, e.Off)
			diags = append(diags, source.Errorf(&r, "too many packages", "more than %d; the rest are not read", inventory.MaxPackages))
			break
		}
		rng := lines.Range(file, e.Off)
		var sp spdxPackage
		if err := e.Decode(&sp); err != nil {
			diags = append(diags, source.Errorf(&rng, "invalid SPDX package", "%v", err))
			continue
		}
		purl := ""
		for _, ref := range sp.ExternalRefs {
			if ref.Type == "purl" {
				purl = ref.Locator
				break
			}
		}
		if purl == "" {
			if !roots[sp.SPDXID] {
				noPurl++
			}
			continue
		}
		t, osv, name, ver, err := inventory.FromPurl(purl)
		if err != nil {
			diags = append(diags, source.Warningf(&rng, "invalid package purl", "%s: %v", purl, err))
			continue
		}
		if sp.VersionInfo != "" {
			ver = sp.VersionInfo
		}
		if ver == "" {
			diags = append(diags, source.Warningf(&rng, "package without a version", "%s cannot be checked", purl))
			continue
		}
		p := inventory.Package{Type: t, OSV: osv, Name: name, Version: ver, Purl: purl, Range: rng}
		if ms, err := e.Members(); err == nil {
			for _, m := range ms {
				if m.Key == "versionInfo" {
					r := lines.Range(file, m.KeyOff)
					p.VersionRange = &r
				}
			}
		}
		if direct != nil {
			p.Direct = inventory.Bool(direct[sp.SPDXID])
		}
		for _, l := range []string{sp.LicenseDeclared, sp.LicenseConcluded} {
			if l != "" && l != "NOASSERTION" && l != "NONE" {
				p.Licenses = append(p.Licenses, l)
				break
			}
		}
		out = append(out, inventory.Resource(file, len(out), p))
	}
	if noPurl > 0 {
		diags = append(diags, source.Warningf(source.At(file, 1, 1), "packages without a purl", "%d packages have no purl external reference, so onus cannot tell their ecosystem and does not check them", noPurl))
	}
	return out, diags
}
