// Package sbom loads software bills of materials — CycloneDX JSON (1.2 to
// 1.6, nested components included) and SPDX 2.3 JSON — into package
// resources (see package inventory). Each component with a Package URL
// becomes one resource pointing at the line its component object starts.
package sbom

import (
	"context"
	"io/fs"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/loader/jsonpos"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// Loader reads CycloneDX and SPDX JSON documents.
type Loader struct {
	// MaxFileSize bounds a read; 0 means the discover default.
	MaxFileSize int64
}

var _ loader.Loader = (*Loader)(nil)

// New returns an SBOM loader.
func New() *Loader { return &Loader{} }

// Load implements loader.Loader.
func (l *Loader) Load(ctx context.Context, fsys fs.FS, in discover.Input) ([]*resource.Resource, source.Diagnostics) {
	b, err := discover.ReadFile(fsys, in.Path, l.MaxFileSize)
	if err != nil {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: in.Path}, "cannot read", "%v", err)}
	}
	if in.Format == discover.SPDX {
		return ParseSPDX(ctx, in.Path, b)
	}
	return ParseCycloneDX(ctx, in.Path, b)
}

// jsonError turns a jsonpos error into a diagnostic at its line.
func jsonError(file string, lines *jsonpos.Lines, summary string, err error) *source.Diagnostic {
	if je, ok := err.(*jsonpos.Error); ok {
		r := lines.Range(file, je.Off)
		return source.Errorf(&r, summary, "%s", je.Msg)
	}
	return source.Errorf(&source.Range{Filename: file}, summary, "%v", err)
}
