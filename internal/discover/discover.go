// Package discover walks a scan root and says which files onus reads and in
// which format. The root is an *os.Root, so no path or symlink can lead out
// of it; files over a size limit are refused with a diagnostic.
package discover

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"slices"
	"sort"
	"strings"

	ignore "github.com/sabhiram/go-gitignore"

	"github.com/onus-project/onus/internal/source"
)

// DefaultMaxFileSize is the largest file read unless Options says otherwise.
const DefaultMaxFileSize = 10 << 20

// SniffSize is how much of a file is read to detect its format.
const SniffSize = 8 << 10

// IgnoreFile is the gitignore-syntax file read from the scan root.
const IgnoreFile = ".onusignore"

// SkippedDirs are never descended into.
var SkippedDirs = []string{".git", ".terraform", "node_modules", "vendor", ".hg", ".svn"}

// Input is one thing a loader reads: a file, or for Terraform a directory.
type Input struct {
	// Path is slash-separated and relative to the scan root.
	Path   string `json:"path"`
	Format Format `json:"format"`
	// Files lists a directory input's files (relative to the root).
	Files []string `json:"files,omitempty"`
	Size  int64    `json:"size"`
}

// Options tune a walk. The zero value walks everything with the default
// size limit.
type Options struct {
	// MaxFileSize refuses larger files; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Ignore holds extra gitignore-style patterns (from config or flags).
	Ignore []string
	// Only, when set, restricts the walk to these root-relative paths
	// (files or directories).
	Only []string
	// Logger receives operator logs; nil discards them.
	Logger *slog.Logger
}

// Walk finds the inputs under root. Problems with single files become
// diagnostics; the walk goes on. The error is only for a cancelled context.
func Walk(ctx context.Context, root *os.Root, opts Options) ([]Input, source.Diagnostics, error) {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With("component", "discover")
	fsys := root.FS()
	var diags source.Diagnostics

	patterns := slices.Clone(opts.Ignore)
	if b, err := fs.ReadFile(fsys, IgnoreFile); err == nil {
		patterns = append(patterns, strings.Split(string(b), "\n")...)
	} else if !errors.Is(err, fs.ErrNotExist) {
		diags = append(diags, source.Errorf(&source.Range{Filename: IgnoreFile}, "cannot read ignore file", "%v", err))
	}
	ign := ignore.CompileIgnoreLines(patterns...)

	var inputs []Input
	tfDirs := map[string]*Input{}
	starts := opts.Only
	if len(starts) == 0 {
		starts = []string{"."}
	}
	for _, start := range starts {
		err := fs.WalkDir(fsys, start, func(p string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				diags = append(diags, source.Errorf(&source.Range{Filename: p}, "cannot read", "%v", err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p != start && (slices.Contains(SkippedDirs, d.Name()) || ign.MatchesPath(p+"/")) {
					return fs.SkipDir
				}
				return nil
			}
			if p != start && ign.MatchesPath(p) {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if _, err := root.Stat(p); err != nil {
					diags = append(diags, source.Warningf(&source.Range{Filename: p}, "symlink skipped", "it does not resolve inside the scan root: %v", err))
				} else {
					log.Debug("symlink skipped", "path", p)
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			in, diag := classify(fsys, p, opts.MaxFileSize)
			if diag != nil {
				diags = append(diags, diag)
			}
			switch in.Format {
			case "":
				return nil
			case HelmTemplate:
				diags = append(diags, source.Warningf(&source.Range{Filename: p}, "helm chart template not scanned",
					"it holds template actions; scan the output of `helm template` instead"))
				return nil
			case Terraform:
				dir := path.Dir(p)
				t := tfDirs[dir]
				if t == nil {
					t = &Input{Path: dir, Format: Terraform}
					tfDirs[dir] = t
				}
				t.Files = append(t.Files, p)
				t.Size += in.Size
				return nil
			}
			inputs = append(inputs, in)
			return nil
		})
		if err != nil {
			if ctx.Err() != nil {
				return nil, diags, fmt.Errorf("walk: %w", ctx.Err())
			}
			diags = append(diags, source.Errorf(&source.Range{Filename: start}, "cannot walk", "%v", err))
		}
	}
	for _, t := range tfDirs {
		sort.Strings(t.Files)
		inputs = append(inputs, *t)
	}
	sort.Slice(inputs, func(i, j int) bool { return inputs[i].Path < inputs[j].Path })
	inputs = slices.CompactFunc(inputs, func(a, b Input) bool { return a.Path == b.Path && a.Format == b.Format })
	return inputs, diags, nil
}

// classify detects a file's format. A file in a known format but too large is
// returned with no format and an error diagnostic.
func classify(fsys fs.FS, p string, limit int64) (Input, *source.Diagnostic) {
	f, err := fsys.Open(p)
	if err != nil {
		return Input{}, source.Errorf(&source.Range{Filename: p}, "cannot open", "%v", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Input{}, source.Errorf(&source.Range{Filename: p}, "cannot stat", "%v", err)
	}
	head := make([]byte, SniffSize)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return Input{}, source.Errorf(&source.Range{Filename: p}, "cannot read", "%v", err)
	}
	head = head[:n]
	if bytes.IndexByte(head, 0) >= 0 {
		return Input{}, nil // binary
	}
	format := Detect(p, head)
	if format == "" {
		return Input{}, nil
	}
	if st.Size() > limit {
		return Input{}, source.Errorf(&source.Range{Filename: p}, "file too large",
			"%d bytes is over the %d byte limit (--max-file-size); it was not scanned", st.Size(), limit)
	}
	return Input{Path: p, Format: format, Size: st.Size()}, nil
}

// ReadFile reads a root-relative file, refusing it when it is larger than
// limit bytes (0 means DefaultMaxFileSize).
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// read into a buffer of the file's size (plus one byte to see the
	// end), as os.ReadFile does, rather than growing one from 512 bytes
	size := int64(512)
	if st, err := f.Stat(); err == nil && st.Size() > 0 && st.Size() <= limit {
		size = st.Size() + 1
	}
	b := make([]byte, 0, size)
	r := io.LimitReader(f, limit+1)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // grow
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: file is over the %d byte limit", name, limit)
	}
	return b, nil
}

// OpenRoot opens the scan root for a path given on the command line. A file
// argument opens its directory and restricts the walk to the file.
func OpenRoot(arg string) (*os.Root, []string, error) {
	st, err := os.Stat(arg)
	if err != nil {
		return nil, nil, err
	}
	if st.IsDir() {
		r, err := os.OpenRoot(arg)
		return r, nil, err
	}
	dir, file := path.Split(strings.ReplaceAll(arg, string(os.PathSeparator), "/"))
	if dir == "" {
		dir = "."
	}
	r, err := os.OpenRoot(dir)
	return r, []string{file}, err
}
