package store

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestMigrations(t *testing.T) {
	good := fstest.MapFS{
		"m/0002_more.sql": {Data: []byte("B")},
		"m/0001_init.sql": {Data: []byte("A")},
		"m/README":        {Data: []byte("ignored")},
	}
	ms, err := Migrations(good, "m")
	if err != nil || len(ms) != 2 || ms[0].Version != 1 || ms[1].Name != "more" || ms[1].SQL != "B" {
		t.Fatalf("Migrations = %+v, %v", ms, err)
	}
	for name, fsys := range map[string]fstest.MapFS{
		"hole":     {"m/0001_a.sql": {}, "m/0003_c.sql": {}},
		"bad name": {"m/init.sql": {}},
		"zero":     {"m/0000_a.sql": {}},
	} {
		if _, err := Migrations(fsys, "m"); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestSecrets(t *testing.T) {
	a, ha, err := NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := NewSecret()
	if a == b || !strings.HasPrefix(a, TokenPrefix) || len(a) != len(TokenPrefix)+43 || !ValidSecret(a) {
		t.Errorf("secrets %q, %q", a, b)
	}
	if !EqualHash(ha, Hash(a)) || EqualHash(ha, Hash(b)) {
		t.Errorf("hashes do not tell the secrets apart")
	}
	if ValidSecret("onus_short") || ValidSecret(strings.Repeat("x", 60)) {
		t.Errorf("ValidSecret accepted a malformed token")
	}
	if p := DisplayPrefix(a); len(p) != len(TokenPrefix)+6 || !strings.HasPrefix(a, p) {
		t.Errorf("DisplayPrefix = %q", p)
	}
}

func TestRoles(t *testing.T) {
	for _, tc := range []struct {
		have, need Role
		ok         bool
	}{
		{Admin, Viewer, true}, {Admin, Uploader, true}, {Admin, Admin, true},
		{Uploader, Uploader, true}, {Uploader, Viewer, false}, {Uploader, Admin, false},
		{Viewer, Viewer, true}, {Viewer, Uploader, false}, {Viewer, Admin, false},
	} {
		if got := tc.have.Allows(tc.need); got != tc.ok {
			t.Errorf("%s.Allows(%s) = %v", tc.have, tc.need, got)
		}
	}
}
