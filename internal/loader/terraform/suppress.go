package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/onus-project/onus/internal/resource"
)

// fileSuppressions are the inline waivers of one native-syntax file:
// "# onus:ignore RULE reason" or "// onus:ignore RULE reason" comments.
type fileSuppressions struct {
	byLine map[int]resource.Suppression
	// commentOnly marks lines that hold nothing but a comment.
	commentOnly map[int]bool
}

// scanSuppressions lexes a file for comments that are inline waivers.
func scanSuppressions(src []byte, name string) *fileSuppressions {
	toks, _ := hclsyntax.LexConfig(src, name, hcl.InitialPos)
	fs := &fileSuppressions{byLine: map[int]resource.Suppression{}, commentOnly: map[int]bool{}}
	lastLine := 0 // the line of the last non-comment, non-newline token
	for _, t := range toks {
		switch t.Type {
		case hclsyntax.TokenComment:
			line := t.Range.Start.Line
			if lastLine != line {
				fs.commentOnly[line] = true
			}
			if s, ok := resource.ParseSuppression(string(t.Bytes), rangeOf(t.Range)); ok {
				fs.byLine[line] = s
			}
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
		default:
			lastLine = t.Range.End.Line
		}
	}
	return fs
}

// forBlock returns the waivers written inside a block, or in the run of
// comment lines directly above it.
func (fs *fileSuppressions) forBlock(rng hcl.Range) []resource.Suppression {
	var out []resource.Suppression
	for line := rng.Start.Line - 1; line > 0 && fs.commentOnly[line]; line-- {
		if s, ok := fs.byLine[line]; ok {
			out = append(out, s)
		}
	}
	for line := rng.Start.Line; line <= rng.End.Line; line++ {
		if s, ok := fs.byLine[line]; ok {
			out = append(out, s)
		}
	}
	return out
}
