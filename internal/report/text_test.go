package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestTextGolden(t *testing.T) {
	plain := render(t, "text", Options{})
	golden(t, "report.txt", plain)
	if bytes.Contains(plain, []byte("\x1b[")) {
		t.Error("text without colour holds ANSI escapes")
	}
	colour := render(t, "text", Options{Color: true})
	golden(t, "report.color.txt", colour)
	if !bytes.Contains(colour, []byte(ansiBold+ansiMag+"CRITICAL"+ansiReset)) {
		t.Error("coloured text does not colour the critical severity")
	}
	// colour changes only the escapes, never the words
	if stripANSI(string(colour)) != string(plain) {
		t.Error("coloured text differs from plain text beyond its escapes")
	}
}

func TestTextQuiet(t *testing.T) {
	out := string(render(t, "text", Options{Quiet: true}))
	for _, absent := range []string{"(waived)", "GAPS", "warning:", "fix:"} {
		if strings.Contains(out, absent) {
			t.Errorf("quiet text holds %q:\n%s", absent, out)
		}
	}
	for _, present := range []string{"error: broken/values.yaml:3:9: invalid YAML", "ONUS-K8S-041", "5 findings"} {
		if !strings.Contains(out, present) {
			t.Errorf("quiet text lacks %q:\n%s", present, out)
		}
	}
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && s[j] != 'm' {
				j++
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
