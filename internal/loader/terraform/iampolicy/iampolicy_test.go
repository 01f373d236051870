package iampolicy

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRender(t *testing.T) {
	args := map[string]any{
		"source_policy_documents": []any{`{"Version":"2012-10-17","Statement":[{"Sid":"Keep","Effect":"Allow","Action":"s3:ListBucket","Resource":"*"},{"Sid":"Replace","Effect":"Allow","Action":"s3:*","Resource":"*"}]}`},
		"statement": []any{
			map[string]any{"sid": "Replace", "effect": "Deny", "actions": []any{"s3:PutObject", "s3:GetObject"},
				"resources":  []any{"arn:aws:s3:::b/*"},
				"principals": []any{map[string]any{"type": "AWS", "identifiers": []any{"arn:aws:iam::1:root"}}},
				"condition": []any{
					map[string]any{"test": "Bool", "variable": "aws:SecureTransport", "values": []any{"false"}},
					map[string]any{"test": "StringEquals", "variable": "aws:PrincipalOrgID", "values": []any{"o-1", "o-2"}},
				}},
			map[string]any{"actions": []any{"*"}, "resources": []any{"*"}, "principals": []any{map[string]any{"type": "*", "identifiers": []any{"*"}}}},
		},
		"override_policy_documents": []any{`{"Statement":{"Sid":"Keep","Effect":"Deny","Action":"s3:ListBucket","Resource":"*"}}`},
	}
	pretty, mini, err := Render(args)
	if err != nil {
		t.Fatal(err)
	}
	var got any
	if err := json.Unmarshal([]byte(pretty), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"Version": "2012-10-17", "Statement": []any{
		map[string]any{"Sid": "Keep", "Effect": "Deny", "Action": "s3:ListBucket", "Resource": "*"},
		map[string]any{"Sid": "Replace", "Effect": "Deny", "Action": []any{"s3:PutObject", "s3:GetObject"}, "Resource": "arn:aws:s3:::b/*",
			"Principal": map[string]any{"AWS": "arn:aws:iam::1:root"},
			"Condition": map[string]any{"Bool": map[string]any{"aws:SecureTransport": "false"}, "StringEquals": map[string]any{"aws:PrincipalOrgID": []any{"o-1", "o-2"}}}},
		map[string]any{"Effect": "Allow", "Action": "*", "Resource": "*", "Principal": "*"},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	if strings.Contains(mini, "\n") || !strings.HasPrefix(pretty, "{\n  \"Version\"") {
		t.Fatalf("pretty %q / minified %q", pretty, mini)
	}
	if _, _, err := Render(map[string]any{"source_policy_documents": []any{`{"Statement":[{"Sid":"A"},{"Sid":"A"}]}`}}); err == nil || !strings.Contains(err.Error(), "duplicate Sid") {
		t.Fatalf("duplicate Sids must fail, got %v", err)
	}
	if _, _, err := Render(map[string]any{"source_policy_documents": []any{`not json`}}); err == nil {
		t.Fatal("a broken source document must fail")
	}
}
