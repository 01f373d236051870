package terraform

import (
	"path/filepath"
	"testing"

	"github.com/onus-project/onus/internal/resource"
)

// TestUnknownPaths checks the rule policies rely on: an unknown value is
// absent from attrs and its path, and every path under it, is unknown,
// while known siblings stay known.
func TestUnknownPaths(t *testing.T) {
	rs, diags, _ := scanDir(t, filepath.Join("testdata", "golden", "unknowns"), New(Options{}))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	got := byAddress(rs)
	tests := []struct {
		addr, path string
		unknown    bool
	}{
		{"aws_instance.web", "ami", true},
		{"aws_instance.web", "metadata_options[0].http_tokens", true},
		{"aws_instance.web", "metadata_options[0]", false},
		{"aws_instance.web", "tags.Vpc", true},
		{"aws_instance.web", "tags.Region", false},
		{"aws_security_group.app", "ingress[0].cidr_blocks[0]", true},
		{"aws_security_group.app", "ingress[1].cidr_blocks", true},
		{"aws_security_group.app", "ingress[1].from_port", false},
		{"aws_security_group.app", "egress[3].cidr_blocks", true},
		{"aws_s3_bucket_acl.b", "bucket", true},
		{"aws_s3_bucket_acl.b", "acl", false},
		{"aws_db_instance.db[0]", "password", true},
		{"aws_db_instance.db[0]", "storage_encrypted", false},
	}
	for _, tc := range tests {
		r := got[tc.addr]
		if r == nil {
			t.Fatalf("no resource %s", tc.addr)
		}
		p, err := resource.ParsePath(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		if r.IsUnknown(p) != tc.unknown {
			t.Errorf("%s %s: unknown = %v, want %v (unknown %v)", tc.addr, tc.path, !tc.unknown, tc.unknown, r.Unknown)
		}
		if _, present := resource.Get(r.Attrs, p); tc.unknown && present {
			t.Errorf("%s %s is unknown but present in attrs", tc.addr, tc.path)
		}
	}
	// the ACL still refers to its bucket although the bucket's id is unknown
	if refs := got["aws_s3_bucket_acl.b"].Refs["bucket"]; len(refs) != 1 || refs[0] != ".::aws_s3_bucket.b" {
		t.Fatalf("refs = %v", refs)
	}
}
