package scan

import (
	"io/fs"
	"path"
	"strings"
)

// mountFS presents several scan roots as one tree, each under its prefix,
// so that every file has one name in the report.
type mountFS struct {
	mounts []mount
}

type mount struct {
	prefix string
	fsys   fs.FS
}

var _ fs.FS = (*mountFS)(nil)

func (m *mountFS) resolve(name string) (fs.FS, string, bool) {
	for _, mt := range m.mounts {
		if mt.prefix == "" {
			return mt.fsys, name, true
		}
		if name == mt.prefix {
			return mt.fsys, ".", true
		}
		if rest, ok := strings.CutPrefix(name, mt.prefix+"/"); ok {
			return mt.fsys, rest, true
		}
	}
	return nil, "", false
}

// Open implements fs.FS.
func (m *mountFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	fsys, rest, ok := m.resolve(name)
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return fsys.Open(rest)
}

// prefixFor turns a command-line path into a clean slash-separated prefix.
func prefixFor(arg string) string {
	p := path.Clean(strings.ReplaceAll(arg, "\\", "/"))
	p = strings.TrimPrefix(p, "/")
	for strings.HasPrefix(p, "../") {
		p = strings.TrimPrefix(p, "../")
	}
	if p == "." || p == ".." {
		return "root"
	}
	return p
}
