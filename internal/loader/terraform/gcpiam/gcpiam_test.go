package gcpiam

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRender(t *testing.T) {
	args := map[string]any{
		"binding": []any{
			map[string]any{"role": "roles/storage.objectViewer", "members": []any{"allUsers", "group:web@example.com"}},
			map[string]any{"role": "roles/storage.admin", "members": []any{"group:ops@example.com"}},
			map[string]any{"role": "roles/storage.objectViewer", "members": []any{"group:web@example.com", "user:a@example.com"}},
			map[string]any{"role": "roles/storage.objectViewer", "members": []any{"user:b@example.com"},
				"condition": []any{map[string]any{"title": "expires", "expression": `request.time < timestamp("2027-01-01T00:00:00Z")`}}},
		},
		"audit_config": []any{
			map[string]any{"service": "storage.googleapis.com", "audit_log_configs": []any{
				map[string]any{"log_type": "DATA_READ", "exempted_members": []any{"user:a@example.com"}},
				map[string]any{"log_type": "ADMIN_READ"},
			}},
		},
	}
	got, err := Render(args)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"auditConfigs":[{"auditLogConfigs":[{"logType":"ADMIN_READ"},{"exemptedMembers":["user:a@example.com"],"logType":"DATA_READ"}],"service":"storage.googleapis.com"}],` +
		`"bindings":[{"members":["group:ops@example.com"],"role":"roles/storage.admin"},` +
		`{"members":["allUsers","group:web@example.com","user:a@example.com"],"role":"roles/storage.objectViewer"},` +
		`{"condition":{"expression":"request.time \u003c timestamp(\"2027-01-01T00:00:00Z\")","title":"expires"},"members":["user:b@example.com"],"role":"roles/storage.objectViewer"}]}`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("policy_data (-want +got):\n%s", diff)
	}
}

func TestRenderEmpty(t *testing.T) {
	got, err := Render(map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	if got != "{}" {
		t.Errorf("empty policy = %s, want {}", got)
	}
}

func TestRenderBindingWithoutRole(t *testing.T) {
	if _, err := Render(map[string]any{"binding": []any{map[string]any{"members": []any{"allUsers"}}}}); err == nil {
		t.Error("a binding without a role rendered without error")
	}
}
