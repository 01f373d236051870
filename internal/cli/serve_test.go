package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/onus-project/onus/internal/store"
)

var listenRE = regexp.MustCompile(`"msg":"onus serve","addr":"([^"]+)"`)

// startServe runs onus serve through Execute on a free loopback port and
// returns its base URL, its stdout and a stop function that waits for a
// clean exit.
func startServe(t *testing.T, env map[string]string, args ...string) (string, *syncBuffer, func() int) {
	t.Helper()
	url, stdout, _, stop := startServeLog(t, env, args...)
	return url, stdout, stop
}

// startServeLog is startServe that also returns the server's log (stderr).
func startServeLog(t *testing.T, env map[string]string, args ...string) (string, *syncBuffer, *syncBuffer, func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- Execute(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), &Env{
			Stdout: stdout, Stderr: stderr, Getenv: func(k string) string { return env[k] },
		})
	}()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if m := listenRE.FindStringSubmatch(stderr.String()); m != nil {
			stop := func() int {
				cancel()
				select {
				case code := <-done:
					return code
				case <-time.After(30 * time.Second):
					t.Fatal("onus serve did not stop")
					return -1
				}
			}
			t.Cleanup(func() { cancel() })
			return "http://" + m[1], stdout, stderr, stop
		}
		select {
		case code := <-done:
			t.Fatalf("onus serve exited %d:\n%s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("onus serve did not start:\n%s", stderr.String())
		}
	}
}

func run(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Execute(t.Context(), args, &Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string { return env[k] }})
	return code, stdout.String(), stderr.String()
}

// TestServeAndUpload runs onus serve, creates an uploader token with onus
// token create, uploads a scan with onus scan --upload (metadata from CI
// variables) and reads it back from the API.
func TestServeAndUpload(t *testing.T) {
	db := filepath.Join(t.TempDir(), "onus.db")
	url, stdout, stop := startServe(t, nil, "--insecure-http", "--db", db)
	admin := regexp.MustCompile(`onus_[A-Za-z0-9_-]{43}`).FindString(stdout.String())
	if admin == "" {
		t.Fatalf("the first start printed no admin token:\n%s", stdout.String())
	}
	code, out, errOut := run(t, nil, "token", "create", "--db", db, "--role", "uploader", "--name", "ci")
	uploader := strings.TrimSpace(out)
	if code != 0 || !store.ValidSecret(uploader) || !strings.Contains(errOut, "shown once") {
		t.Fatalf("token create = %d %q %q", code, out, errOut)
	}

	report := filepath.Join(t.TempDir(), "report.json")
	ci := map[string]string{"GITHUB_REPOSITORY": "acme/shop", "GITHUB_SHA": "0123abcd", "GITHUB_REF_NAME": "main", "ONUS_TOKEN": uploader}
	code, _, errOut = run(t, ci, "scan", "--format", "json", "--output", report, "--upload", url, "testdata/upload/k8s")
	if code != ExitFindings || !regexp.MustCompile(`uploaded report \d+ to `).MatchString(errOut) {
		t.Fatalf("scan --upload = %d, stderr %q; want exit 1 (findings) and the upload confirmed", code, errOut)
	}
	if _, err := os.Stat(report); err != nil {
		t.Errorf("the chosen output was not written: %v", err)
	}

	req, _ := http.NewRequest("GET", url+"/api/v1/reports", nil)
	req.Header.Set("Authorization", "Bearer "+admin)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var list struct{ Items []store.ReportHeader }
	json.Unmarshal(b, &list)
	if len(list.Items) != 1 || list.Items[0].Repository != "acme/shop" || list.Items[0].Commit != "0123abcd" || list.Items[0].Branch != "main" || list.Items[0].Summary.Failed != 2 {
		t.Fatalf("stored reports = %s", b)
	}

	// a failed upload is exit 2 with a clear message, never a success
	code, _, errOut = run(t, nil, "scan", "--format", "json", "--output", report, "--upload", url, "--token", "onus_notarealtokennotarealtokennotarealtoken", "--repo", "acme/shop", "testdata/upload/k8s")
	if code != ExitUsage || !strings.Contains(errOut, "NOT stored") || !strings.Contains(errOut, "401") {
		t.Errorf("upload with a bad token = %d %q", code, errOut)
	}
	code, _, errOut = run(t, nil, "scan", "--upload", url, "--token", uploader, "testdata/upload/k8s")
	if code != ExitUsage || !strings.Contains(errOut, "--repo") {
		t.Errorf("upload without a repository = %d %q", code, errOut)
	}

	code, out, _ = run(t, nil, "token", "list", "--db", db)
	if code != 0 || !strings.Contains(out, "admin (first start)") || !strings.Contains(out, "ci") || strings.Contains(out, uploader) {
		t.Errorf("token list = %d\n%s", code, out)
	}
	if code := stop(); code != 0 {
		t.Errorf("onus serve exited %d after SIGTERM-like cancel, want 0", code)
	}
	// a second start of the same store prints no new token
	_, stdout2, stop2 := startServe(t, nil, "--insecure-http", "--db", db)
	stop2()
	if strings.Contains(stdout2.String(), "onus_") {
		t.Errorf("a second start printed a token again:\n%s", stdout2.String())
	}
	code, _, _ = run(t, nil, "token", "revoke", "--db", db, "2")
	if code != 0 {
		t.Errorf("token revoke = %d", code)
	}
}

func TestServeAdminTokenFromEnv(t *testing.T) {
	plain, _, _ := store.NewSecret()
	db := filepath.Join(t.TempDir(), "onus.db")
	url, stdout, stop := startServe(t, map[string]string{"ONUS_ADMIN_TOKEN": plain, "ONUS_RECORD_DECISIONS": "all"}, "--insecure-http", "--db", db)
	defer stop()
	if strings.Contains(stdout.String(), "onus_") {
		t.Errorf("a token was printed although ONUS_ADMIN_TOKEN is set")
	}
	req, _ := http.NewRequest("GET", url+"/api/v1/tokens", nil)
	req.Header.Set("Authorization", "Bearer "+plain)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("ONUS_ADMIN_TOKEN cannot list tokens: %d", resp.StatusCode)
	}
}

func TestServeUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		env  map[string]string
		msg  string
	}{
		{[]string{"serve"}, nil, "choose one of"},
		{[]string{"serve", "--self-signed", "--insecure-http"}, nil, "choose one of"},
		{[]string{"serve", "--tls-cert", "x.pem"}, nil, "go together"},
		{[]string{"serve", "--insecure-http", "--admission-actions", "high=block"}, nil, "admission-actions"},
		{[]string{"serve", "--insecure-http", "--record-decisions", "some"}, nil, "record-decisions"},
		{[]string{"serve"}, map[string]string{"ONUS_INSECURE_HTTP": "maybe"}, "ONUS_INSECURE_HTTP"},
		{[]string{"serve", "--insecure-http", "--addr", "127.0.0.1:0"}, map[string]string{"ONUS_ADMIN_TOKEN": "short"}, "ONUS_ADMIN_TOKEN"},
		{[]string{"token", "create", "--role", "root", "--name", "x"}, nil, "--role"},
	} {
		t.Run(fmt.Sprint(tc.args, tc.env), func(t *testing.T) {
			env := tc.env
			if env == nil {
				env = map[string]string{}
			}
			env["ONUS_DB"] = filepath.Join(t.TempDir(), "onus.db")
			code, _, errOut := run(t, env, tc.args...)
			if code != ExitUsage || !strings.Contains(errOut, tc.msg) {
				t.Errorf("= %d %q, want 2 mentioning %q", code, errOut, tc.msg)
			}
		})
	}
}

// TestServeCompilesKubernetesPolicies checks that onus serve compiles the
// policies admission can use, built-in or from --policy, with the library
// modules they import, and leaves out those of other kinds.
func TestServeCompilesKubernetesPolicies(t *testing.T) {
	// a Kubernetes policy that imports its own library, and a Terraform policy
	dir := "testdata/serve-policies"
	url, _, stderr, stop := startServeLog(t, nil, "--insecure-http", "--db", filepath.Join(t.TempDir(), "onus.db"), "--policy", dir)
	defer stop()
	m := regexp.MustCompile(`"msg":"onus serve".*"policies":(\d+)`).FindStringSubmatch(stderr.String())
	kube := 0
	set, _ := loadPolicies(nil, nil, nil)
	for _, p := range set.Policies {
		if strings.HasPrefix(p.ID, "ONUS-K8S-") {
			kube++
		}
	}
	if m == nil || m[1] != fmt.Sprint(kube+1) {
		t.Errorf("onus serve compiled %v policies, want the %d built-in Kubernetes ones and ACME-K8S-001:\n%s", m, kube, stderr.String())
	}

	review := `{"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {"uid": "u1", "operation": "CREATE",
		"kind": {"group": "", "version": "v1", "kind": "Pod"}, "namespace": "shop", "name": "api",
		"object": {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "api", "namespace": "shop"},
			"spec": {"containers": [{"name": "api", "image": "registry.example.com/api:1.0"}]}}}}`
	resp, err := http.Post(url+"/v1/admit", "application/json", strings.NewReader(review))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), "ACME-K8S-001") || !strings.Contains(string(b), "api has no team label") {
		t.Errorf("/v1/admit = %d %s, want a denial by ACME-K8S-001", resp.StatusCode, b)
	}
}
