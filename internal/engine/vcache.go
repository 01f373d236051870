package engine

import (
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// virtualCache is the cache of rule and function results OPA keeps during
// one query (topdown.VirtualCache). OPA's own is a tree with a hash map per
// reference segment, built anew for every query: on a Kubernetes workload,
// whose query evaluates some forty policies and their helpers, that is
// about three hundred allocations of the fifteen hundred a query makes.
// This one keeps, per frame, one map from a reference's hash to its
// entries, and is reused from query to query (virtualCaches), so that once
// warm it allocates nothing.
type virtualCache struct {
	frames []vcFrame
	top    int
}

type vcFrame struct {
	index   map[int]int32 // a reference's hash → its first entry
	entries []vcEntry
	terms   []*ast.Term // the references' terms, copied: OPA reuses its buffers
}

type vcEntry struct {
	ref   ast.Ref
	value *ast.Term // nil: the reference is undefined
	next  int32     // the next entry of the same hash, or -1
}

var _ topdown.VirtualCache = (*virtualCache)(nil)

func newVirtualCache() *virtualCache {
	return &virtualCache{frames: []vcFrame{{index: map[int]int32{}}}}
}

// virtualCaches holds caches between queries.
var virtualCaches = sync.Pool{New: func() any { return newVirtualCache() }}

func getVirtualCache() *virtualCache { return virtualCaches.Get().(*virtualCache) }

// putVirtualCache empties c, dropping what it refers to, and keeps it for
// the next query.
func putVirtualCache(c *virtualCache) {
	for c.top > 0 {
		c.Pop()
	}
	c.frames[0].reset()
	virtualCaches.Put(c)
}

func (f *vcFrame) reset() {
	clear(f.index)
	clear(f.entries)
	f.entries = f.entries[:0]
	clear(f.terms)
	f.terms = f.terms[:0]
}

// Push opens a frame (OPA does for a with modifier).
func (c *virtualCache) Push() {
	c.top++
	if c.top == len(c.frames) {
		c.frames = append(c.frames, vcFrame{index: map[int]int32{}})
	}
}

// Pop drops the top frame.
func (c *virtualCache) Pop() {
	c.frames[c.top].reset()
	c.top--
}

func (c *virtualCache) find(ref ast.Ref) (*vcFrame, int32, int) {
	f := &c.frames[c.top]
	h := ref.Hash()
	i, ok := f.index[h]
	if !ok {
		return f, -1, h
	}
	for ; i >= 0; i = f.entries[i].next {
		if f.entries[i].ref.Equal(ref) {
			return f, i, h
		}
	}
	return f, -1, h
}

// Get returns a reference's value; (nil, true) when it was found
// undefined, (nil, false) when it is not cached.
func (c *virtualCache) Get(ref ast.Ref) (*ast.Term, bool) {
	f, i, _ := c.find(ref)
	if i < 0 {
		return nil, false
	}
	v := f.entries[i].value
	return v, v == nil
}

// Put records a reference's value, nil meaning undefined.
func (c *virtualCache) Put(ref ast.Ref, value *ast.Term) {
	f, i, h := c.find(ref)
	if i >= 0 {
		f.entries[i].value = value
		return
	}
	start := len(f.terms)
	f.terms = append(f.terms, ref...)
	next, ok := f.index[h]
	if !ok {
		next = -1
	}
	f.index[h] = int32(len(f.entries))
	f.entries = append(f.entries, vcEntry{ref: f.terms[start:len(f.terms):len(f.terms)], value: value, next: next})
}

// Keys returns the references of the top frame that have a value.
func (c *virtualCache) Keys() []ast.Ref {
	var out []ast.Ref
	for _, e := range c.frames[c.top].entries {
		if e.value != nil {
			out = append(out, e.ref)
		}
	}
	return out
}
