package terraform

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/onus-project/onus/internal/discover"
)

// maxFileSetMatches bounds fileset results; maxFileCache bounds the bytes
// of files kept for repeated file() calls.
const (
	maxFileSetMatches = 10_000
	maxFileCache      = 64 << 20
)

// fileFuncs implements Terraform's file functions over the scan root:
// paths are relative to the root module directory, and a path that leads
// out of the scan root is refused. A file that does not exist (a build
// artefact, say) gives an unknown value and a warning.
type fileFuncs struct {
	fsys    fs.FS
	root    string
	maxSize int64
	cache   map[string][]byte
	cached  int
	// warn records a problem to report at the calling expression.
	warn func(msg string)
}

func cleanPath(p string) string {
	if p == "" {
		return "."
	}
	return path.Clean(strings.ReplaceAll(p, "\\", "/"))
}

// resolve maps a path written in the configuration to a path in fsys.
func (f *fileFuncs) resolve(p string) (string, error) {
	p = strings.ReplaceAll(p, "\\", "/")
	if path.IsAbs(p) || (len(p) > 1 && p[1] == ':') {
		return "", fmt.Errorf("%s is an absolute path; onus reads files inside the scan root only", p)
	}
	full := path.Clean(path.Join(f.root, p))
	if !fs.ValidPath(full) {
		return "", fmt.Errorf("%s leads outside the scan root; onus reads files inside it only", p)
	}
	return full, nil
}

var errMissing = errors.New("missing")

func (f *fileFuncs) read(p string) ([]byte, error) {
	full, err := f.resolve(p)
	if err != nil {
		return nil, err
	}
	if b, ok := f.cache[full]; ok {
		return b, nil
	}
	b, err := discover.ReadFile(f.fsys, full, f.maxSize)
	if errors.Is(err, fs.ErrNotExist) {
		f.warn(fmt.Sprintf("%s does not exist in the scan root; the value read from it is unknown", full))
		return nil, errMissing
	}
	if err != nil {
		return nil, err
	}
	if f.cached+len(b) <= maxFileCache {
		f.cache[full] = b
		f.cached += len(b)
	}
	return b, nil
}

// contentFunc builds a function of one path argument returning a string
// computed from the file's bytes.
func (f *fileFuncs) contentFunc(conv func([]byte) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := f.read(args[0].AsString())
			if errors.Is(err, errMissing) {
				return cty.UnknownVal(cty.String), nil
			}
			if err != nil {
				return cty.NilVal, err
			}
			s, err := conv(b)
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(s), nil
		},
	})
}

func utf8Text(b []byte) (string, error) {
	if !utf8.Valid(b) {
		return "", fmt.Errorf("contents are not valid UTF-8; use filebase64 to read binary files")
	}
	return string(b), nil
}

func hexOf(sum func([]byte) []byte) func([]byte) (string, error) {
	return func(b []byte) (string, error) { return hex.EncodeToString(sum(b)), nil }
}

func b64Of(sum func([]byte) []byte) func([]byte) (string, error) {
	return func(b []byte) (string, error) { return base64.StdEncoding.EncodeToString(sum(b)), nil }
}

// functions returns the function table of a root module: the base library
// and the file functions confined to the scan root.
func (ev *evaluator) functions() map[string]function.Function {
	ff := &fileFuncs{fsys: ev.fsys, root: ev.rootDir, maxSize: ev.opts.MaxFileSize, cache: map[string][]byte{},
		warn: func(msg string) { ev.pending = append(ev.pending, msg) }}
	if ff.maxSize <= 0 {
		ff.maxSize = discover.DefaultMaxFileSize
	}
	fns := baseFunctions()
	fns["file"] = ff.contentFunc(utf8Text)
	fns["filebase64"] = ff.contentFunc(func(b []byte) (string, error) { return base64.StdEncoding.EncodeToString(b), nil })
	fns["filemd5"] = ff.contentFunc(hexOf(func(b []byte) []byte { s := md5.Sum(b); return s[:] }))
	fns["filesha1"] = ff.contentFunc(hexOf(func(b []byte) []byte { s := sha1.Sum(b); return s[:] }))
	fns["filesha256"] = ff.contentFunc(hexOf(func(b []byte) []byte { s := sha256.Sum256(b); return s[:] }))
	fns["filesha512"] = ff.contentFunc(hexOf(func(b []byte) []byte { s := sha512.Sum512(b); return s[:] }))
	fns["filebase64sha256"] = ff.contentFunc(b64Of(func(b []byte) []byte { s := sha256.Sum256(b); return s[:] }))
	fns["filebase64sha512"] = ff.contentFunc(b64Of(func(b []byte) []byte { s := sha512.Sum512(b); return s[:] }))
	fns["fileexists"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			full, err := ff.resolve(args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			st, err := fs.Stat(ev.fsys, full)
			if err != nil {
				return cty.False, nil
			}
			if !st.Mode().IsRegular() {
				return cty.NilVal, fmt.Errorf("%s is not a regular file", full)
			}
			return cty.True, nil
		},
	})
	fns["fileset"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "pattern", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Set(cty.String)),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			base, err := ff.resolve(args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			pattern := args[1].AsString()
			var out []cty.Value
			walkErr := fs.WalkDir(ev.fsys, base, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if !d.Type().IsRegular() {
					return nil
				}
				rel := strings.TrimPrefix(p, base+"/")
				if base == "." {
					rel = p
				}
				ok, err := doublestar.Match(pattern, rel)
				if err != nil {
					return fmt.Errorf("invalid pattern %q: %w", pattern, err)
				}
				if ok {
					out = append(out, cty.StringVal(rel))
					if len(out) > maxFileSetMatches {
						return fmt.Errorf("more than %d files match", maxFileSetMatches)
					}
				}
				return nil
			})
			if walkErr != nil {
				return cty.NilVal, walkErr
			}
			if len(out) == 0 {
				return cty.SetValEmpty(cty.String), nil
			}
			sort.Slice(out, func(i, j int) bool { return out[i].AsString() < out[j].AsString() })
			return cty.SetVal(out), nil
		},
	})
	inner := make(map[string]function.Function, len(fns))
	for k, v := range fns {
		inner[k] = v
	}
	fns["templatefile"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := ff.read(args[0].AsString())
			if errors.Is(err, errMissing) {
				return cty.DynamicVal, nil
			}
			if err != nil {
				return cty.NilVal, err
			}
			vars := args[1]
			if !vars.IsWhollyKnown() {
				return cty.DynamicVal, nil
			}
			if !(vars.Type().IsObjectType() || vars.Type().IsMapType()) {
				return cty.NilVal, function.NewArgErrorf(1, "invalid vars value: must be a map")
			}
			full, _ := ff.resolve(args[0].AsString())
			expr, diags := hclsyntax.ParseTemplate(b, full, hcl.InitialPos)
			if diags.HasErrors() {
				return cty.NilVal, fmt.Errorf("parse template %s: %s", full, diags.Error())
			}
			ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: inner}
			if !vars.IsNull() {
				for it := vars.ElementIterator(); it.Next(); {
					k, v := it.Element()
					ctx.Variables[k.AsString()] = v
				}
			}
			v, diags := expr.Value(ctx)
			if diags.HasErrors() {
				return cty.NilVal, fmt.Errorf("template %s: %s", full, diags.Error())
			}
			return v, nil
		},
	})
	return fns
}
