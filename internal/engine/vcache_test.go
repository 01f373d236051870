package engine

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestVirtualCache checks the cache OPA's evaluation uses: values and
// undefined results by reference, references whose hashes collide, frames
// pushed and popped by with modifiers, buffers the caller reuses, and a
// cache taken from the pool after use holding nothing.
func TestVirtualCache(t *testing.T) {
	c := getVirtualCache()
	a, b := ast.MustParseRef("data.p.allow"), ast.MustParseRef("data.p.deny")
	if v, undefined := c.Get(a); v != nil || undefined {
		t.Fatalf("empty cache: %v %v", v, undefined)
	}
	c.Put(a, ast.BooleanTerm(true))
	c.Put(b, nil)
	if v, undefined := c.Get(a); v == nil || !v.Equal(ast.BooleanTerm(true)) || undefined {
		t.Errorf("Get(%v) = %v %v, want true", a, v, undefined)
	}
	if v, undefined := c.Get(b); v != nil || !undefined {
		t.Errorf("Get(%v) = %v %v, want undefined", b, v, undefined)
	}
	if v, _ := c.Get(ast.MustParseRef("data.p")); v != nil {
		t.Errorf("a prefix of a cached reference is cached: %v", v)
	}

	// two references with one hash (the hash of a ref is the sum of its
	// terms' hashes, so a permutation collides)
	x, y := ast.MustParseRef(`data.f["a"]["b"]`), ast.MustParseRef(`data.f["b"]["a"]`)
	if x.Hash() != y.Hash() {
		t.Fatal("test refs do not collide")
	}
	c.Put(x, ast.IntNumberTerm(1))
	c.Put(y, ast.IntNumberTerm(2))
	if v, _ := c.Get(x); v == nil || !v.Equal(ast.IntNumberTerm(1)) {
		t.Errorf("Get(%v) = %v, want 1", x, v)
	}
	if v, _ := c.Get(y); v == nil || !v.Equal(ast.IntNumberTerm(2)) {
		t.Errorf("Get(%v) = %v, want 2", y, v)
	}

	// a buffer the caller overwrites after Put
	buf := ast.MustParseRef(`data.g["x"]`)
	c.Put(buf, ast.StringTerm("gx"))
	buf[1] = ast.StringTerm("other")
	if v, _ := c.Get(ast.MustParseRef(`data.g["x"]`)); v == nil || !v.Equal(ast.StringTerm("gx")) {
		t.Errorf("an entry changed with the caller's buffer: %v", v)
	}

	c.Push()
	if v, _ := c.Get(a); v != nil {
		t.Errorf("a pushed frame sees the frame below: %v", v)
	}
	c.Put(a, ast.BooleanTerm(false))
	if got := len(c.Keys()); got != 1 {
		t.Errorf("pushed frame has %d keys, want 1", got)
	}
	c.Pop()
	if v, _ := c.Get(a); v == nil || !v.Equal(ast.BooleanTerm(true)) {
		t.Errorf("after Pop, Get(%v) = %v, want true", a, v)
	}
	if got := len(c.Keys()); got != 4 {
		t.Errorf("%d keys with a value, want 4", got)
	}

	c.Push()
	putVirtualCache(c)
	if c.top != 0 || len(c.frames[0].entries) != 0 || len(c.frames[0].index) != 0 {
		t.Errorf("a pooled cache holds %d frames above the first and %d entries", c.top, len(c.frames[0].entries))
	}
	if v, undefined := c.Get(b); v != nil || undefined {
		t.Errorf("a pooled cache remembers %v: %v %v", b, v, undefined)
	}
}
