package lockfile

import (
	"context"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/onus-project/onus/internal/ecosystem"
	"github.com/onus-project/onus/internal/loader/inventory"
	"github.com/onus-project/onus/internal/source"
)

// pinned matches "name[extras] == version ; marker" (PEP 508 with == or ===).
var pinned = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(===?)\s*([A-Za-z0-9!+._-]+)\s*(?:;.*)?$`)

var reqName = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9._-]*)`)

// parseRequirements reads a pip requirements file. Only pinned
// requirements (== or ===, no wildcard) name one version; every other
// requirement is a warning, since the version pip installs is unknown.
func parseRequirements(_ context.Context, _ fs.FS, file string, b []byte, _ int64) ([]inventory.Package, source.Diagnostics) {
	var out []inventory.Package
	var diags source.Diagnostics
	ls := lines(b)
	for i := 0; i < len(ls); i++ {
		start := i + 1
		line := ls[i]
		for strings.HasSuffix(line, "\\") && i+1 < len(ls) {
			i++
			line = strings.TrimSuffix(line, "\\") + " " + ls[i]
		}
		if j := strings.Index(line, " #"); j >= 0 {
			line = line[:j]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		// per-requirement options such as --hash follow the requirement
		if j := strings.Index(line, " --"); j >= 0 {
			line = strings.TrimSpace(line[:j])
		}
		if strings.HasPrefix(line, "-") {
			if strings.HasPrefix(line, "-e") || strings.HasPrefix(line, "--editable") {
				diags = append(diags, source.Warningf(atp(file, start), "requirement not pinned", "%s is an editable install; not checked against advisories", line))
			}
			if f, ok := includedFile(line); ok && !(strings.HasPrefix(path.Base(f), "requirements") && strings.HasSuffix(f, ".txt")) {
				diags = append(diags, source.Warningf(atp(file, start), "included requirements not read", "%s is read only when scanned itself, and onus finds requirements files by the name requirements*.txt", f))
			}
			continue // -r, -c, --index-url and other options
		}
		m := pinned.FindStringSubmatch(line)
		if m == nil || strings.Contains(m[3], "*") {
			name := line
			if n := reqName.FindString(line); n != "" {
				name = n
			}
			diags = append(diags, source.Warningf(atp(file, start), "requirement not pinned", "%q names no single version (pin it with ==, or scan a lockfile); %s is not checked against advisories", line, name))
			continue
		}
		out = append(out, inventory.Package{Type: ecosystem.PyPI, OSV: "PyPI", Name: m[1], Version: m[3], Range: at(file, start)})
	}
	return out, diags
}

// parseGradleLock reads gradle.lockfile: "group:artifact:version=configurations".
func parseGradleLock(_ context.Context, _ fs.FS, file string, b []byte, _ int64) ([]inventory.Package, source.Diagnostics) {
	var out []inventory.Package
	var diags source.Diagnostics
	for i, line := range lines(b) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "empty=") {
			continue
		}
		coord, confs, _ := strings.Cut(line, "=")
		parts := strings.Split(coord, ":")
		if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
			diags = append(diags, source.Errorf(atp(file, i+1), "invalid gradle.lockfile line", "want group:artifact:version=configurations, got %q", line))
			continue
		}
		dev := confs != ""
		for _, c := range strings.Split(confs, ",") {
			if !strings.Contains(strings.ToLower(c), "test") {
				dev = false
			}
		}
		out = append(out, inventory.Package{
			Type: ecosystem.Maven, OSV: "Maven", Name: parts[0] + ":" + parts[1], Version: parts[2],
			Dev: inventory.Bool(dev), Scope: confs, Range: at(file, i+1),
		})
	}
	return out, diags
}

// parseGemfileLock reads Gemfile.lock: the specs of the GEM, GIT and PATH
// sections, and DEPENDENCIES for what is direct.
func parseGemfileLock(_ context.Context, _ fs.FS, file string, b []byte, _ int64) ([]inventory.Package, source.Diagnostics) {
	var out []inventory.Package
	var diags source.Diagnostics
	direct := map[string]bool{}
	section, remote := "", ""
	specs := false
	all := lines(b)
	for _, line := range all {
		if line != "" && line[0] != ' ' {
			section = strings.TrimSpace(line)
			continue
		}
		if section == "DEPENDENCIES" && strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   ") {
			n := strings.TrimSpace(line)
			if j := strings.IndexAny(n, " !"); j >= 0 {
				n = n[:j]
			}
			direct[n] = true
		}
	}
	section = ""
	for i, line := range all {
		if line != "" && line[0] != ' ' {
			section, remote, specs = strings.TrimSpace(line), "", false
			continue
		}
		if section != "GEM" && section != "GIT" && section != "PATH" {
			continue
		}
		switch {
		case strings.HasPrefix(line, "  remote: "):
			remote = strings.TrimSpace(strings.TrimPrefix(line, "  remote: "))
		case strings.TrimSpace(line) == "specs:":
			specs = true
		case specs && strings.HasPrefix(line, "    ") && !strings.HasPrefix(line, "     "):
			spec := strings.TrimSpace(line)
			name, rest, ok := strings.Cut(spec, " (")
			if !ok || !strings.HasSuffix(rest, ")") {
				diags = append(diags, source.Errorf(atp(file, i+1), "invalid Gemfile.lock spec", "want \"name (version)\", got %q", spec))
				continue
			}
			version := strings.TrimSuffix(rest, ")")
			platform := ""
			if j := strings.Index(version, "-"); j > 0 {
				version, platform = version[:j], version[j+1:]
			}
			p := inventory.Package{
				Type: ecosystem.RubyGems, OSV: "RubyGems", Name: name, Version: version,
				Direct: inventory.Bool(direct[name]), Range: at(file, i+1),
			}
			if platform != "" {
				p.Scope = platform
			}
			if section != "GEM" {
				p.Source = strings.ToLower(section) + ": " + remote
				if section == "PATH" {
					diags = append(diags, source.Warningf(atp(file, i+1), "gem from a local path", "%s comes from %s; not checked against advisories", name, remote))
					continue
				}
			}
			out = append(out, p)
		}
	}
	return out, diags
}

// parseYarnLock reads yarn.lock; a file with __metadata is Yarn berry
// (YAML), else Yarn classic.
func parseYarnLock(ctx context.Context, fsys fs.FS, file string, b []byte, max int64) ([]inventory.Package, source.Diagnostics) {
	for _, l := range lines(b) {
		if strings.HasPrefix(l, "__metadata:") {
			return parseYarnBerry(ctx, fsys, file, b, max)
		}
	}
	var out []inventory.Package
	var diags source.Diagnostics
	seen := map[string]bool{}
	type entry struct {
		name string
		line int
	}
	var cur *entry
	for i, line := range lines(b) {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if line[0] != ' ' {
			cur = nil
			if !strings.HasSuffix(line, ":") {
				diags = append(diags, source.Errorf(atp(file, i+1), "invalid yarn.lock entry", "want a line of package specs ending with \":\", got %q", line))
				continue
			}
			first, _, _ := strings.Cut(strings.TrimSuffix(line, ":"), ",")
			name := yarnName(strings.Trim(strings.TrimSpace(first), `"`))
			if name == "" {
				diags = append(diags, source.Errorf(atp(file, i+1), "invalid yarn.lock entry", "cannot read a package name from %q", first))
				continue
			}
			cur = &entry{name: name, line: i + 1}
			continue
		}
		t := strings.TrimSpace(line)
		if cur == nil || !strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "   ") || !strings.HasPrefix(t, "version") {
			continue
		}
		v := strings.Trim(strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(t, "version"), ":")), `"`)
		if v == "" || seen[cur.name+"@"+v] {
			continue
		}
		seen[cur.name+"@"+v] = true
		out = append(out, inventory.Package{
			Type: ecosystem.Npm, OSV: "npm", Name: cur.name, Version: v,
			Range: at(file, cur.line), VersionRange: atp(file, i+1),
		})
	}
	return out, diags
}

// yarnName reads the package name of a yarn spec: "name@range",
// "@scope/name@range", "alias@npm:real@range".
func yarnName(spec string) string {
	if _, real, ok := strings.Cut(spec, "@npm:"); ok && !strings.HasPrefix(real, "^") && !strings.HasPrefix(real, "~") && strings.Contains(real[1:], "@") {
		spec = real
	}
	i := strings.LastIndex(spec, "@")
	if i <= 0 {
		return ""
	}
	return spec[:i]
}

// includedFile returns the file of a -r/-c (--requirement/--constraint) line.
func includedFile(line string) (string, bool) {
	for _, opt := range []string{"--requirement", "--constraint", "-r", "-c"} {
		if rest, ok := strings.CutPrefix(line, opt); ok {
			rest = strings.TrimSpace(strings.TrimPrefix(rest, "="))
			if rest != "" {
				return rest, true
			}
		}
	}
	return "", false
}
