// Package lockfile loads package manager lockfiles and manifests into
// package resources (see package inventory), one per locked package, each
// pointing at the line of its lockfile entry:
//
//	go.mod                         Go modules (require, with replace applied)
//	package-lock.json              npm, lockfile versions 1, 2 and 3
//	yarn.lock                      Yarn classic and Yarn berry (2+)
//	pnpm-lock.yaml                 pnpm, lockfile versions 5, 6 and 9
//	requirements*.txt              pip, pinned requirements (==, ===)
//	poetry.lock, Pipfile.lock      Poetry and Pipenv
//	pom.xml                        Maven declared dependencies, properties and
//	                               a local parent's dependencyManagement
//	gradle.lockfile                Gradle dependency locking
//	Gemfile.lock                   Bundler
//	Cargo.lock                     Cargo (registry and git packages)
//	composer.lock                  Composer
//
// Maintained parsers read each format where they exist (encoding/json,
// encoding/xml, go.yaml.in/yaml/v3, golang.org/x/mod/modfile,
// github.com/BurntSushi/toml); the line-oriented formats with no Go
// parser (yarn classic, Gemfile.lock, gradle.lockfile, requirements.txt)
// are read here. What cannot be checked (an unpinned requirement, a Maven
// version that is not declared locally) is a warning, never a silent skip.
package lockfile

import (
	"context"
	"io/fs"
	"path"
	"strings"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/loader/inventory"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// Loader reads lockfiles and manifests.
type Loader struct {
	// MaxFileSize bounds a read; 0 means the discover default.
	MaxFileSize int64
}

var _ loader.Loader = (*Loader)(nil)

// New returns a lockfile loader.
func New() *Loader { return &Loader{} }

// parser reads one format. fsys is the scan root, for formats that read
// neighbouring files (a Maven parent POM).
type parser func(ctx context.Context, fsys fs.FS, file string, b []byte, maxSize int64) ([]inventory.Package, source.Diagnostics)

// parserFor returns the parser of a file name, or nil.
func parserFor(name string) parser {
	base := path.Base(name)
	switch base {
	case "go.mod":
		return parseGoMod
	case "package-lock.json":
		return parsePackageLock
	case "yarn.lock":
		return parseYarnLock
	case "pnpm-lock.yaml":
		return parsePnpmLock
	case "poetry.lock":
		return parsePoetryLock
	case "Pipfile.lock":
		return parsePipfileLock
	case "pom.xml":
		return parsePom
	case "gradle.lockfile":
		return parseGradleLock
	case "Gemfile.lock":
		return parseGemfileLock
	case "Cargo.lock":
		return parseCargoLock
	case "composer.lock":
		return parseComposerLock
	}
	if strings.HasPrefix(base, "requirements") && strings.HasSuffix(base, ".txt") {
		return parseRequirements
	}
	return nil
}

// Load implements loader.Loader.
func (l *Loader) Load(ctx context.Context, fsys fs.FS, in discover.Input) ([]*resource.Resource, source.Diagnostics) {
	p := parserFor(in.Path)
	if p == nil {
		return nil, source.Diagnostics{source.Warningf(&source.Range{Filename: in.Path}, "format not supported", "onus reads no lockfile named %s", path.Base(in.Path))}
	}
	b, err := discover.ReadFile(fsys, in.Path, l.MaxFileSize)
	if err != nil {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: in.Path}, "cannot read", "%v", err)}
	}
	return Parse(ctx, fsys, in.Path, b, l.MaxFileSize)
}

// Parse reads the lockfile b named file (its base name picks the format).
// fsys may be nil; then a Maven parent POM is not read.
func Parse(ctx context.Context, fsys fs.FS, file string, b []byte, maxSize int64) ([]*resource.Resource, source.Diagnostics) {
	p := parserFor(file)
	if p == nil {
		return nil, nil
	}
	pkgs, diags := p(ctx, fsys, file, b, maxSize)
	if len(pkgs) > inventory.MaxPackages {
		diags = append(diags, source.Errorf(&source.Range{Filename: file}, "too many packages", "more than %d; the rest are not read", inventory.MaxPackages))
		pkgs = pkgs[:inventory.MaxPackages]
	}
	out := make([]*resource.Resource, 0, len(pkgs))
	for _, p := range pkgs {
		if strings.TrimSpace(p.Name) == "" || strings.TrimSpace(p.Version) == "" {
			rng := p.Range
			diags = append(diags, source.Errorf(&rng, "package without a name or version", "the entry names no package or no version; not checked"))
			continue
		}
		out = append(out, inventory.Resource(file, len(out), p))
	}
	return out, diags
}

// at returns a one-line range.
func at(file string, line int) source.Range {
	p := source.Pos{Line: line, Column: 1}
	return source.Range{Filename: file, Start: p, End: p}
}

func atp(file string, line int) *source.Range {
	r := at(file, line)
	return &r
}

// lines splits b into lines without their line ends.
func lines(b []byte) []string {
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	return strings.Split(s, "\n")
}
