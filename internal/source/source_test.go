package source

import (
	"errors"
	"strings"
	"testing"
)

func TestDiagnosticsErr(t *testing.T) {
	var ds Diagnostics
	if ds.Err() != nil {
		t.Fatal("empty diagnostics must not be an error")
	}
	ds = append(ds, Warningf(nil, "just a warning", "x"))
	if ds.Err() != nil {
		t.Fatal("warnings alone must not be an error")
	}
	ds = append(ds, Errorf(At("a.yaml", 3, 5), "bad yaml", "did not find expected key"))
	err := ds.Err()
	if err == nil {
		t.Fatal("an error diagnostic must make Err non-nil")
	}
	var got Diagnostics
	if !errors.As(err, &got) || len(got) != 2 {
		t.Fatalf("Err must unwrap to the diagnostics, got %v", err)
	}
	want := "just a warning: x\na.yaml:3:5: bad yaml: did not find expected key"
	if err.Error() != want {
		t.Fatalf("Error() = %q, want %q", err.Error(), want)
	}
}

func TestSort(t *testing.T) {
	ds := Diagnostics{
		Errorf(At("b.yaml", 1, 1), "b", ""),
		Errorf(At("a.yaml", 9, 1), "a9", ""),
		Errorf(nil, "global", ""),
		Errorf(At("a.yaml", 2, 7), "a2", ""),
	}
	ds.Sort()
	var order []string
	for _, d := range ds {
		order = append(order, d.Summary)
	}
	want := []string{"global", "a2", "a9", "b"}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("order = %v, want %v", order, want)
		}
	}
}

func TestFilesLines(t *testing.T) {
	f := Files{"x": []byte("one\ntwo\nthree")}
	got := f.Lines("x", 2, 9)
	if len(got) != 2 || got[0] != "two" || got[1] != "three" {
		t.Fatalf("Lines = %q", got)
	}
	if f.Lines("missing", 1, 2) != nil {
		t.Fatal("missing file must give no lines")
	}
	g := Files{"y": []byte("a\nb\n")}
	for _, tc := range []struct {
		from, to int
		want     []string
	}{
		{1, 1, []string{"a"}},
		{2, 2, []string{"b"}},
		{3, 3, []string{""}},
		{4, 4, nil},
		{2, 1, nil},
		{0, 1, nil},
		{1, 9, []string{"a", "b", ""}},
	} {
		got := g.Lines("y", tc.from, tc.to)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
			t.Errorf("Lines(%d, %d) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}
