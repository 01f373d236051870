package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSecretFromFile: a setting comes from its variable or from the file
// its _FILE variable names, never from both.
func TestSecretFromFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "url")
	if err := os.WriteFile(file, []byte("postgres://db/onus\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, make([]byte, maxSecretFile+1), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		vars map[string]string
		want string
		err  string
	}{
		{"variable", map[string]string{"ONUS_DB": "onus.db"}, "onus.db", ""},
		{"file", map[string]string{"ONUS_DB_FILE": file}, "postgres://db/onus", ""},
		{"neither", nil, "", ""},
		{"both", map[string]string{"ONUS_DB": "x", "ONUS_DB_FILE": file}, "", "ONUS_DB and ONUS_DB_FILE are both set"},
		{"missing file", map[string]string{"ONUS_DB_FILE": filepath.Join(dir, "nope")}, "", "ONUS_DB_FILE: open"},
		{"huge file", map[string]string{"ONUS_DB_FILE": big}, "", "is larger than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := &Env{Getenv: func(k string) string { return tc.vars[k] }}
			got, err := env.secret("ONUS_DB")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("secret = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}
