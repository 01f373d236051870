package advisory

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/onus-project/onus/internal/ecosystem"
)

// The index is a directory (by default os.UserCacheDir()/onus/advisories):
//
//	manifest.json      what was imported, when, from where; counts per ecosystem
//	<ecosystem>.idx    one file per OSV ecosystem
//
// An .idx file starts with the 8-byte magic "ONUSIDX1", a big-endian
// uint64 header length and a gob-encoded header: the ecosystem, the sorted
// normalised package names and, for each name, the offset and length of
// its block. Each block is a JSON array of the OSV records (compacted, as
// imported) that affect that package. A scan reads the headers of the
// ecosystems its packages belong to and then only the blocks of the
// package names it holds, so opening the index costs a few milliseconds
// even for a full ecosystem export.

// FormatVersion is the index layout version written in the manifest.
const FormatVersion = 1

const magic = "ONUSIDX1"

// ManifestFile is the name of the index manifest.
const ManifestFile = "manifest.json"

// Manifest describes an index.
type Manifest struct {
	Format    int       `json:"format"`
	UpdatedAt time.Time `json:"updated_at"`
	// Sources lists each import, oldest first.
	Sources []Source `json:"sources"`
	// Ecosystems maps an OSV ecosystem to its file and counts.
	Ecosystems map[string]EcosystemFile `json:"ecosystems"`
}

// Source is one import.
type Source struct {
	Path       string    `json:"path"`
	ImportedAt time.Time `json:"imported_at"`
	Records    int       `json:"records"`
	// Newest is the latest modified time among the imported records: how
	// fresh the data was when it was exported.
	Newest     time.Time      `json:"newest_modified"`
	Ecosystems map[string]int `json:"ecosystems"`
}

// EcosystemFile is one ecosystem's file in the index.
type EcosystemFile struct {
	File     string `json:"file"`
	Packages int    `json:"packages"`
	Records  int    `json:"records"`
}

// Records counts the distinct records of the index.
func (m *Manifest) Records() int {
	n := 0
	for _, e := range m.Ecosystems {
		n += e.Records
	}
	return n
}

// Newest is the newest modified time of any imported record.
func (m *Manifest) Newest() time.Time {
	var t time.Time
	for _, s := range m.Sources {
		if s.Newest.After(t) {
			t = s.Newest
		}
	}
	return t
}

type header struct {
	Ecosystem string
	Names     []string
	Offsets   []int64
	Lengths   []int32
	Records   int
}

// Index is an opened on-disk index. It is safe for concurrent use.
type Index struct {
	Dir      string
	Manifest Manifest

	mu    sync.Mutex
	files map[string]*ecoFile
}

type ecoFile struct {
	once  sync.Once
	err   error
	f     *os.File
	hdr   header
	base  int64
	cache map[string][]*Vulnerability
	mu    sync.Mutex
}

// ErrNoIndex is returned by OpenIndex when the directory holds no index.
var ErrNoIndex = errors.New("no advisory index")

// OpenIndex opens the index in dir. It returns ErrNoIndex (wrapped) when
// nothing was imported there.
func OpenIndex(dir string) (*Index, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", dir, ErrNoIndex)
		}
		return nil, fmt.Errorf("read advisory index: %w", err)
	}
	ix := &Index{Dir: dir, files: map[string]*ecoFile{}}
	if err := json.Unmarshal(b, &ix.Manifest); err != nil {
		return nil, fmt.Errorf("read advisory index %s: %w", filepath.Join(dir, ManifestFile), err)
	}
	if ix.Manifest.Format != FormatVersion {
		return nil, fmt.Errorf("advisory index %s has format %d, this onus reads %d: import again", dir, ix.Manifest.Format, FormatVersion)
	}
	return ix, nil
}

// Close releases the open files.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var errs []error
	for _, f := range ix.files {
		if f.f != nil {
			errs = append(errs, f.f.Close())
		}
	}
	ix.files = map[string]*ecoFile{}
	return errors.Join(errs...)
}

func (ix *Index) file(eco string) (*ecoFile, error) {
	ef, ok := ix.Manifest.Ecosystems[eco]
	if !ok {
		return nil, nil
	}
	ix.mu.Lock()
	f, ok := ix.files[eco]
	if !ok {
		f = &ecoFile{cache: map[string][]*Vulnerability{}}
		ix.files[eco] = f
	}
	ix.mu.Unlock()
	f.once.Do(func() {
		f.f, f.hdr, f.base, f.err = openEcoFile(filepath.Join(ix.Dir, ef.File))
	})
	return f, f.err
}

func openEcoFile(path string) (*os.File, header, int64, error) {
	var h header
	f, err := os.Open(path)
	if err != nil {
		return nil, h, 0, fmt.Errorf("open advisory index: %w", err)
	}
	var pre [16]byte
	if _, err := io.ReadFull(f, pre[:]); err != nil || string(pre[:8]) != magic {
		f.Close()
		return nil, h, 0, fmt.Errorf("%s is not an onus advisory index file", path)
	}
	n := binary.BigEndian.Uint64(pre[8:])
	if n > 1<<31 {
		f.Close()
		return nil, h, 0, fmt.Errorf("%s: header too large", path)
	}
	if err := gob.NewDecoder(io.LimitReader(f, int64(n))).Decode(&h); err != nil {
		f.Close()
		return nil, h, 0, fmt.Errorf("%s: read header: %w", path, err)
	}
	if len(h.Offsets) != len(h.Names) || len(h.Lengths) != len(h.Names) {
		f.Close()
		return nil, h, 0, fmt.Errorf("%s: corrupt header", path)
	}
	return f, h, 16 + int64(n), nil
}

// Lookup returns the records that affect a package (by normalised name)
// of an OSV ecosystem.
func (ix *Index) Lookup(eco, name string) ([]*Vulnerability, error) {
	f, err := ix.file(eco)
	if f == nil || err != nil {
		return nil, err
	}
	key := ecosystem.NormalizeName(eco, name)
	i, ok := slices.BinarySearch(f.hdr.Names, key)
	if !ok {
		return nil, nil
	}
	f.mu.Lock()
	vs, ok := f.cache[key]
	f.mu.Unlock()
	if ok {
		return vs, nil
	}
	// ReadAt is safe for concurrent use; decode outside the lock
	buf := make([]byte, f.hdr.Lengths[i])
	if _, err := f.f.ReadAt(buf, f.base+f.hdr.Offsets[i]); err != nil {
		return nil, fmt.Errorf("read advisory index %s: %w", eco, err)
	}
	if err := json.Unmarshal(buf, &vs); err != nil {
		return nil, fmt.Errorf("read advisory index %s: %w", eco, err)
	}
	f.mu.Lock()
	if cached, ok := f.cache[key]; ok {
		vs = cached
	} else {
		f.cache[key] = vs
	}
	f.mu.Unlock()
	return vs, nil
}

// record is an imported record kept raw, with what indexing needs.
type record struct {
	id       string
	modified time.Time
	raw      []byte
	// keys are ecosystem → normalised package names it affects.
	keys map[string][]string
}

func newRecord(v *Vulnerability, raw []byte) (*record, error) {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return nil, err
	}
	r := &record{id: v.ID, modified: v.Modified, raw: buf.Bytes(), keys: map[string][]string{}}
	for _, a := range v.Affected {
		if a.Package.Ecosystem == "" || a.Package.Name == "" {
			continue
		}
		eco := ecosystem.FromOSV(a.Package.Ecosystem)
		n := ecosystem.NormalizeName(eco, a.Package.Name)
		if !slices.Contains(r.keys[eco], n) {
			r.keys[eco] = append(r.keys[eco], n)
		}
	}
	return r, nil
}

// readAll loads every record of one ecosystem file, by id.
func readAll(path string) (map[string]*record, error) {
	f, h, base, err := openEcoFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]*record{}
	for i := range h.Names {
		buf := make([]byte, h.Lengths[i])
		if _, err := f.ReadAt(buf, base+h.Offsets[i]); err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		var raws []json.RawMessage
		if err := json.Unmarshal(buf, &raws); err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		for _, raw := range raws {
			var v Vulnerability
			if err := json.Unmarshal(raw, &v); err != nil {
				return nil, fmt.Errorf("read %s: %w", path, err)
			}
			if _, ok := out[v.ID]; ok {
				continue
			}
			r, err := newRecord(&v, raw)
			if err != nil {
				return nil, err
			}
			out[v.ID] = r
		}
	}
	return out, nil
}

// writeEcoFile writes one ecosystem's records to path atomically.
func writeEcoFile(path, eco string, recs map[string]*record) (EcosystemFile, error) {
	byName := map[string][]*record{}
	for _, r := range recs {
		for _, n := range r.keys[eco] {
			byName[n] = append(byName[n], r)
		}
	}
	h := header{Ecosystem: eco, Records: len(recs)}
	for n := range byName {
		h.Names = append(h.Names, n)
	}
	sort.Strings(h.Names)
	var body bytes.Buffer
	for _, n := range h.Names {
		rs := byName[n]
		sort.Slice(rs, func(i, j int) bool { return rs[i].id < rs[j].id })
		start := body.Len()
		body.WriteByte('[')
		for i, r := range rs {
			if i > 0 {
				body.WriteByte(',')
			}
			body.Write(r.raw)
		}
		body.WriteByte(']')
		if body.Len()-start > 1<<31-1 {
			return EcosystemFile{}, fmt.Errorf("%s %s: block too large", eco, n)
		}
		h.Offsets = append(h.Offsets, int64(start))
		h.Lengths = append(h.Lengths, int32(body.Len()-start))
	}
	var hb bytes.Buffer
	if err := gob.NewEncoder(&hb).Encode(&h); err != nil {
		return EcosystemFile{}, fmt.Errorf("encode index header: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*.idx")
	if err != nil {
		return EcosystemFile{}, fmt.Errorf("write advisory index: %w", err)
	}
	defer os.Remove(tmp.Name())
	var pre [16]byte
	copy(pre[:], magic)
	binary.BigEndian.PutUint64(pre[8:], uint64(hb.Len()))
	for _, part := range [][]byte{pre[:], hb.Bytes(), body.Bytes()} {
		if _, err := tmp.Write(part); err != nil {
			tmp.Close()
			return EcosystemFile{}, fmt.Errorf("write advisory index: %w", err)
		}
	}
	if err := tmp.Close(); err != nil {
		return EcosystemFile{}, fmt.Errorf("write advisory index: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return EcosystemFile{}, fmt.Errorf("write advisory index: %w", err)
	}
	return EcosystemFile{File: filepath.Base(path), Packages: len(h.Names), Records: len(recs)}, nil
}

// fileName returns a safe file name for an ecosystem.
func fileName(eco string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(eco) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String() + ".idx"
}
