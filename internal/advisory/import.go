package advisory

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/onus-project/onus/internal/source"
)

// Import limits. A zip export of a whole ecosystem (npm with its malicious
// package reports) holds a few hundred thousand small entries.
const (
	DefaultMaxEntries    = 2_000_000
	DefaultMaxTotalBytes = 16 << 30
)

// ImportOptions tune an import. The zero value uses the defaults.
type ImportOptions struct {
	// Now stamps the import; zero means time.Now.
	Now time.Time
	// Replace empties the index before importing.
	Replace bool
	// MaxEntries bounds the entries read from one zip archive.
	MaxEntries int
	// MaxTotalBytes bounds the uncompressed bytes read from one archive.
	MaxTotalBytes int64
	Logger        *slog.Logger
}

// ImportResult says what an import did.
type ImportResult struct {
	// Sources holds one entry per path imported.
	Sources  []Source
	Manifest Manifest
	// Withdrawn counts records dropped because they were withdrawn.
	Withdrawn int
}

// Import reads OSV records from files (.json: one record or an array),
// directories (every .json below them) and zip archives (the per-ecosystem
// exports) into the index in dir, merging with what is there: a record
// replaces an earlier one with the same id. Bad records are diagnostics
// naming the file (and the archive entry); the rest is imported. The error
// is for what stops the import (the index cannot be written).
func Import(ctx context.Context, dir string, paths []string, opts ImportOptions) (*ImportResult, source.Diagnostics, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.MaxEntries <= 0 {
		opts.MaxEntries = DefaultMaxEntries
	}
	if opts.MaxTotalBytes <= 0 {
		opts.MaxTotalBytes = DefaultMaxTotalBytes
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With("component", "advisory")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("create advisory index: %w", err)
	}
	var man Manifest
	if !opts.Replace {
		if ix, err := OpenIndex(dir); err == nil {
			man = ix.Manifest
			ix.Close()
		} else if !errors.Is(err, ErrNoIndex) {
			return nil, nil, err
		}
	}
	if man.Ecosystems == nil {
		man.Ecosystems = map[string]EcosystemFile{}
	}
	man.Format = FormatVersion

	res := &ImportResult{}
	var diags source.Diagnostics
	incoming := map[string]map[string]*record{} // ecosystem → id → record
	withdrawn := map[string]bool{}
	for _, p := range paths {
		if ctx.Err() != nil {
			return nil, diags, ctx.Err()
		}
		src := Source{Path: p, ImportedAt: opts.Now.UTC(), Ecosystems: map[string]int{}}
		if abs, err := filepath.Abs(p); err == nil {
			src.Path = abs
		}
		add := func(name string, b []byte) {
			vs, raws, errs := decodeRecords(b)
			for _, err := range errs {
				diags = append(diags, source.Errorf(&source.Range{Filename: name}, "invalid OSV record", "%v", err))
			}
			for i, v := range vs {
				if v.Withdrawn != nil {
					withdrawn[v.ID] = true
					res.Withdrawn++
					continue
				}
				r, err := newRecord(v, raws[i])
				if err != nil {
					diags = append(diags, source.Errorf(&source.Range{Filename: name}, "invalid OSV record", "%v", err))
					continue
				}
				if len(r.keys) == 0 {
					continue // no package (a GIT-only record)
				}
				src.Records++
				if v.Modified.After(src.Newest) {
					src.Newest = v.Modified.UTC()
				}
				for eco := range r.keys {
					if incoming[eco] == nil {
						incoming[eco] = map[string]*record{}
					}
					if old, ok := incoming[eco][v.ID]; ok && old.modified.After(v.Modified) {
						continue
					}
					incoming[eco][v.ID] = r
					src.Ecosystems[eco]++
				}
			}
		}
		ds, err := readSource(ctx, p, opts, add)
		diags = append(diags, ds...)
		if err != nil {
			return nil, diags, err
		}
		log.Debug("imported", "path", p, "records", src.Records)
		res.Sources = append(res.Sources, src)
	}

	for eco, recs := range incoming {
		name := fileName(eco)
		all := map[string]*record{}
		if ef, ok := man.Ecosystems[eco]; ok && !opts.Replace {
			old, err := readAll(filepath.Join(dir, ef.File))
			if err != nil {
				return nil, diags, fmt.Errorf("merge with the existing index: %w", err)
			}
			all = old
		}
		for id, r := range recs {
			if old, ok := all[id]; ok && old.modified.After(r.modified) {
				continue
			}
			all[id] = r
		}
		for id := range withdrawn {
			delete(all, id)
		}
		ef, err := writeEcoFile(filepath.Join(dir, name), eco, all)
		if err != nil {
			return nil, diags, err
		}
		man.Ecosystems[eco] = ef
	}
	// withdrawals also reach ecosystems this import did not touch
	for eco, ef := range man.Ecosystems {
		if _, done := incoming[eco]; done || len(withdrawn) == 0 {
			continue
		}
		all, err := readAll(filepath.Join(dir, ef.File))
		if err != nil {
			return nil, diags, err
		}
		n := len(all)
		for id := range withdrawn {
			delete(all, id)
		}
		if len(all) != n {
			if man.Ecosystems[eco], err = writeEcoFile(filepath.Join(dir, ef.File), eco, all); err != nil {
				return nil, diags, err
			}
		}
	}
	man.Sources = append(man.Sources, res.Sources...)
	man.UpdatedAt = opts.Now.UTC()
	if err := writeManifest(dir, &man); err != nil {
		return nil, diags, err
	}
	res.Manifest = man
	return res, diags, nil
}

func writeManifest(dir string, m *Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".tmp-manifest-*")
	if err != nil {
		return fmt.Errorf("write advisory index: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("write advisory index: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write advisory index: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, ManifestFile)); err != nil {
		return fmt.Errorf("write advisory index: %w", err)
	}
	return nil
}

// decodeRecords reads one record or a JSON array of records. A bad record
// in an array is an error of its own; the others are returned.
func decodeRecords(b []byte) ([]*Vulnerability, [][]byte, []error) {
	t := bytes.TrimLeft(b, " \t\r\n\ufeff")
	if len(t) > 0 && t[0] == '[' {
		var raws []json.RawMessage
		if err := json.Unmarshal(t, &raws); err != nil {
			return nil, nil, []error{fmt.Errorf("decode OSV: %w", cleanJSONError(err))}
		}
		vs := make([]*Vulnerability, 0, len(raws))
		out := make([][]byte, 0, len(raws))
		var errs []error
		for i, raw := range raws {
			v, err := Parse(raw)
			if err != nil {
				errs = append(errs, fmt.Errorf("record %d: %w", i, err))
				continue
			}
			vs = append(vs, v)
			out = append(out, raw)
		}
		return vs, out, errs
	}
	v, err := Parse(t)
	if err != nil {
		return nil, nil, []error{err}
	}
	return []*Vulnerability{v}, [][]byte{t}, nil
}

// readSource calls add for every JSON document of a file, directory or
// zip archive.
func readSource(ctx context.Context, p string, opts ImportOptions, add func(name string, b []byte)) (source.Diagnostics, error) {
	st, err := os.Stat(p)
	if err != nil {
		return source.Diagnostics{source.Errorf(&source.Range{Filename: p}, "cannot read advisories", "%v", err)}, nil
	}
	if st.IsDir() {
		var diags source.Diagnostics
		err := filepath.WalkDir(p, func(fp string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				diags = append(diags, source.Errorf(&source.Range{Filename: fp}, "cannot read advisories", "%v", err))
				return nil
			}
			if d.IsDir() || d.Type()&fs.ModeSymlink != 0 {
				return nil
			}
			switch strings.ToLower(filepath.Ext(fp)) {
			case ".json":
				b, err := readLimited(fp, MaxRecordSize*64)
				if err != nil {
					diags = append(diags, source.Errorf(&source.Range{Filename: fp}, "cannot read advisories", "%v", err))
					return nil
				}
				add(fp, b)
			case ".zip":
				diags = append(diags, readZip(ctx, fp, opts, add)...)
			}
			return nil
		})
		return diags, err
	}
	if strings.EqualFold(filepath.Ext(p), ".zip") {
		return readZip(ctx, p, opts, add), ctx.Err()
	}
	b, err := readLimited(p, MaxRecordSize*64)
	if err != nil {
		return source.Diagnostics{source.Errorf(&source.Range{Filename: p}, "cannot read advisories", "%v", err)}, nil
	}
	add(p, b)
	return nil, nil
}

func readLimited(p string, limit int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("larger than %d bytes", limit)
	}
	return b, nil
}

// readZip reads the .json entries of an archive. Entry names that are
// absolute or climb out with ".." are refused (the archive is never
// extracted, but such a name marks a hostile or broken archive), as are
// archives with too many entries or too many uncompressed bytes.
func readZip(ctx context.Context, p string, opts ImportOptions, add func(name string, b []byte)) source.Diagnostics {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return source.Diagnostics{source.Errorf(&source.Range{Filename: p}, "cannot read advisories", "not a zip archive: %v", err)}
	}
	defer zr.Close()
	if len(zr.File) > opts.MaxEntries {
		return source.Diagnostics{source.Errorf(&source.Range{Filename: p}, "archive refused", "%d entries, more than the limit of %d", len(zr.File), opts.MaxEntries)}
	}
	var diags source.Diagnostics
	var total int64
	files := zr.File
	sort.SliceStable(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	for _, f := range files {
		if ctx.Err() != nil {
			return diags
		}
		name := p + "!" + f.Name
		if unsafeEntryName(f.Name) {
			diags = append(diags, source.Errorf(&source.Range{Filename: name}, "archive entry refused", "the name leaves the archive (absolute or ..)"))
			continue
		}
		if f.FileInfo().IsDir() || !strings.EqualFold(path.Ext(f.Name), ".json") {
			continue
		}
		if f.UncompressedSize64 > MaxRecordSize {
			diags = append(diags, source.Errorf(&source.Range{Filename: name}, "archive entry refused", "%d bytes, more than the limit of %d", f.UncompressedSize64, MaxRecordSize))
			continue
		}
		rc, err := f.Open()
		if err != nil {
			diags = append(diags, source.Errorf(&source.Range{Filename: name}, "cannot read advisories", "%v", err))
			continue
		}
		// the header's size may lie: read at most the limit
		b, err := io.ReadAll(io.LimitReader(rc, MaxRecordSize+1))
		rc.Close()
		if err != nil {
			diags = append(diags, source.Errorf(&source.Range{Filename: name}, "cannot read advisories", "%v", err))
			continue
		}
		if len(b) > MaxRecordSize {
			diags = append(diags, source.Errorf(&source.Range{Filename: name}, "archive entry refused", "more than %d bytes", MaxRecordSize))
			continue
		}
		total += int64(len(b))
		if total > opts.MaxTotalBytes {
			diags = append(diags, source.Errorf(&source.Range{Filename: p}, "archive refused", "more than %d uncompressed bytes; the rest was not read", opts.MaxTotalBytes))
			return diags
		}
		add(name, b)
	}
	return diags
}

func unsafeEntryName(n string) bool {
	n = strings.ReplaceAll(n, "\\", "/")
	if strings.HasPrefix(n, "/") || (len(n) > 1 && n[1] == ':') {
		return true
	}
	for _, part := range strings.Split(n, "/") {
		if part == ".." {
			return true
		}
	}
	return false
}
