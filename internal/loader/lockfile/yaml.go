package lockfile

import (
	"context"
	"io/fs"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/ecosystem"
	"github.com/onus-project/onus/internal/loader/inventory"
	"github.com/onus-project/onus/internal/loader/yamlnode"
	"github.com/onus-project/onus/internal/source"
)

// yamlRoot parses b into its top-level mapping.
func yamlRoot(file string, b []byte, what string) (*yaml.Node, source.Diagnostics) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, source.Diagnostics{{Severity: source.Error, Summary: "invalid " + what, Detail: yamlnode.CleanError(err), Subject: yamlnode.ErrorRange(file, err, 0, b)}}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	root := yamlnode.Deref(doc.Content[0])
	if root == nil || root.Kind != yaml.MappingNode {
		return nil, source.Diagnostics{source.Errorf(atp(file, 1), "invalid "+what, "want a mapping at the top level")}
	}
	return root, nil
}

// pairs iterates a mapping's key and value nodes.
func pairs(n *yaml.Node, fn func(k, v *yaml.Node)) {
	n = yamlnode.Deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i], yamlnode.Deref(n.Content[i+1]))
	}
}

func scalar(n *yaml.Node, key string) (string, int) {
	k, v := yamlnode.Lookup(n, key)
	v = yamlnode.Deref(v)
	if v == nil || v.Kind != yaml.ScalarNode {
		return "", 0
	}
	return v.Value, k.Line
}

// parsePnpmLock reads pnpm-lock.yaml of lockfile versions 5 ("/name/1.0.0"),
// 6 ("/name@1.0.0(peer@2)") and 9 ("name@1.0.0").
func parsePnpmLock(ctx context.Context, _ fs.FS, file string, b []byte, _ int64) ([]inventory.Package, source.Diagnostics) {
	root, diags := yamlRoot(file, b, "pnpm-lock.yaml")
	if root == nil {
		return nil, diags
	}
	direct := map[string]bool{}
	addDirect := func(n *yaml.Node) {
		for _, sec := range []string{"dependencies", "devDependencies", "optionalDependencies"} {
			_, d := yamlnode.Lookup(n, sec)
			pairs(d, func(k, _ *yaml.Node) { direct[k.Value] = true })
		}
	}
	addDirect(root) // version 5
	_, importers := yamlnode.Lookup(root, "importers")
	pairs(importers, func(_, v *yaml.Node) { addDirect(v) })

	v5 := false
	if lv, _ := scalar(root, "lockfileVersion"); strings.HasPrefix(lv, "5") {
		v5 = true
	}
	var out []inventory.Package
	_, pkgs := yamlnode.Lookup(root, "packages")
	pairs(pkgs, func(k, v *yaml.Node) {
		if ctx.Err() != nil {
			return
		}
		name, version, ok := pnpmKey(k.Value, v5)
		if !ok {
			if ver, line := scalar(v, "version"); ver != "" {
				n, _ := scalar(v, "name")
				if n != "" {
					out = append(out, pnpmPackage(file, n, ver, k.Line, line, v, direct))
					return
				}
			}
			diags = append(diags, source.Warningf(atp(file, k.Line), "package not from the registry", "%s; not checked against advisories", k.Value))
			return
		}
		_, vline := scalar(v, "version")
		out = append(out, pnpmPackage(file, name, version, k.Line, vline, v, direct))
	})
	return out, diags
}

func pnpmPackage(file, name, version string, line, vline int, v *yaml.Node, direct map[string]bool) inventory.Package {
	p := inventory.Package{
		Type: ecosystem.Npm, OSV: "npm", Name: name, Version: version,
		Direct: inventory.Bool(direct[name]), Range: at(file, line), VersionRange: rangeOrNil(file, vline),
	}
	if dev, _ := scalar(v, "dev"); dev != "" {
		p.Dev = inventory.Bool(dev == "true")
	}
	if opt, _ := scalar(v, "optional"); opt == "true" {
		p.Optional = inventory.Bool(true)
	}
	return p
}

// pnpmKey reads a packages key into a name and a version.
func pnpmKey(key string, v5 bool) (name, version string, ok bool) {
	k := strings.TrimPrefix(key, "/")
	if i := strings.Index(k, "("); i >= 0 {
		k = k[:i] // peer dependencies (version 6 and 9)
	}
	if i := strings.LastIndex(k, "@"); i > 0 && !v5 {
		name, version = k[:i], k[i+1:]
	} else {
		// version 5: name/version, peers after "_"
		i := strings.LastIndex(k, "/")
		if i <= 0 {
			return "", "", false
		}
		name, version = k[:i], k[i+1:]
		if j := strings.Index(version, "_"); j >= 0 {
			version = version[:j]
		}
	}
	if name == "" || version == "" || strings.ContainsAny(version, ":/") {
		return "", "", false
	}
	return name, version, true
}

// parseYarnBerry reads the YAML yarn.lock of Yarn 2 and later.
func parseYarnBerry(ctx context.Context, _ fs.FS, file string, b []byte, _ int64) ([]inventory.Package, source.Diagnostics) {
	root, diags := yamlRoot(file, b, "yarn.lock")
	if root == nil {
		return nil, diags
	}
	var out []inventory.Package
	seen := map[string]bool{}
	pairs(root, func(k, v *yaml.Node) {
		if ctx.Err() != nil || k.Value == "__metadata" {
			return
		}
		res, _ := scalar(v, "resolution")
		version, vline := scalar(v, "version")
		i := strings.LastIndex(res, "@npm:")
		if i <= 0 {
			if !strings.Contains(res, "@workspace:") && !strings.Contains(res, "@patch:") && !strings.Contains(res, "@link:") && !strings.Contains(res, "@portal:") {
				diags = append(diags, source.Warningf(atp(file, k.Line), "package not from the registry", "%s; not checked against advisories", res))
			}
			return
		}
		name := res[:i]
		if version == "" || seen[name+"@"+version] {
			return
		}
		seen[name+"@"+version] = true
		out = append(out, inventory.Package{
			Type: ecosystem.Npm, OSV: "npm", Name: name, Version: version,
			Range: at(file, k.Line), VersionRange: rangeOrNil(file, vline),
		})
	})
	return out, diags
}
