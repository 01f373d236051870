package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/onus-project/onus/internal/report"
	"github.com/onus-project/onus/internal/server/api"
)

// uploadParams are scan's --upload options.
type uploadParams struct {
	url    string
	token  string
	repo   string
	commit string
	branch string
}

// fromCI fills what was not given from the CI's environment: GitHub
// Actions, then GitLab CI.
func (u *uploadParams) fromCI(getenv func(string) string) {
	first := func(cur string, names ...string) string {
		if cur != "" {
			return cur
		}
		for _, n := range names {
			if v := getenv(n); v != "" {
				return v
			}
		}
		return ""
	}
	u.token = first(u.token, "ONUS_TOKEN")
	u.repo = first(u.repo, "GITHUB_REPOSITORY", "CI_PROJECT_PATH")
	u.commit = first(u.commit, "GITHUB_SHA", "CI_COMMIT_SHA")
	u.branch = first(u.branch, "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME")
}

func (u *uploadParams) validate() error {
	if u.url == "" {
		return nil
	}
	p, err := url.Parse(u.url)
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		return usageError("--upload: want the server's URL, https://HOST[:PORT], got %q", u.url)
	}
	if u.token == "" {
		return usageError("--upload needs --token (or ONUS_TOKEN): an uploader token from onus token create")
	}
	if u.repo == "" {
		return usageError("--upload needs --repo (or GITHUB_REPOSITORY / CI_PROJECT_PATH in CI)")
	}
	return nil
}

// endpoint is the upload URL: the server's base URL + /api/v1/reports.
func (u *uploadParams) endpoint() string {
	base := strings.TrimRight(u.url, "/")
	if strings.HasSuffix(base, "/api/v1/reports") {
		return base
	}
	return base + "/api/v1/reports"
}

// upload sends the report and returns the id the server stored it under.
// It succeeds only on 201 Created with an id: anything else is an error.
func (u *uploadParams) upload(ctx context.Context, rep *report.Report) (int64, error) {
	var body bytes.Buffer
	if err := (report.JSON{}).Write(&body, rep); err != nil {
		return 0, fmt.Errorf("encode report: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.endpoint(), &body)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+u.token)
	req.Header.Set(api.HeaderRepository, u.repo)
	if u.commit != "" {
		req.Header.Set(api.HeaderCommit, u.commit)
	}
	if u.branch != "" {
		req.Header.Set(api.HeaderBranch, u.branch)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	var out struct {
		ID    int64  `json:"id"`
		Error string `json:"error"`
	}
	_ = json.Unmarshal(b, &out)
	if resp.StatusCode != http.StatusCreated {
		msg := out.Error
		if msg == "" {
			msg = strings.TrimSpace(string(b))
		}
		return 0, fmt.Errorf("the server answered %s: %s", resp.Status, msg)
	}
	if out.ID <= 0 {
		return 0, fmt.Errorf("the server answered %s without a report id: the report may not be stored", resp.Status)
	}
	return out.ID, nil
}
