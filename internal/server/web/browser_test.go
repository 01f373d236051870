package web_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onus-project/onus/internal/server"
	"github.com/onus-project/onus/internal/server/servertest"
)

// chromium returns the browser to drive, skipping (or failing, when
// ONUS_REQUIRE_CHROMIUM=1) when there is none.
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("ONUS_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	msg := "the dashboard browser test needs Chromium at /usr/bin/chromium (apt-get install chromium) or ONUS_CHROMIUM=/path/to/chromium"
	if os.Getenv("ONUS_REQUIRE_CHROMIUM") == "1" {
		t.Fatal("ONUS_REQUIRE_CHROMIUM=1 but " + msg)
	}
	t.Skip(msg)
	return ""
}

// TestDashboardInChromium drives the dashboard in headless Chromium against
// a real server on loopback with a SQLite store: log in, read the matrix,
// filter findings, open one, and take a screenshot.
func TestDashboardInChromium(t *testing.T) {
	exe := chromium(t)
	e := servertest.Start(t, nil, server.AppOptions{})
	seed(t, e)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(t.Context(), opts...)
	defer cancelAlloc()
	ctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithErrorf(t.Logf))
	defer cancelCtx()

	step := func(name string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("browser: %s: %v", name, err)
		}
	}
	// the first Run starts the browser: it gets the test's context, the
	// steps after it a bounded one
	step("open", chromedp.Do(ctx, chromedp.Navigate(e.URL+"/")))
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	step("login", chromedp.Do(ctx,
		chromedp.WaitVisible("#token"),
		chromedp.SendKeys("#token", e.Viewer),
		chromedp.Click("#login"),
		chromedp.WaitVisible("#matrix"),
	))
	failed, err := chromedp.Run(ctx, chromedp.Text("#failed-total"))
	step("read the overview", err)
	overview, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	step("screenshot the overview", err)
	step("filter", chromedp.Do(ctx,
		chromedp.Navigate(e.URL+"/findings"),
		chromedp.WaitVisible("#filters"),
		chromedp.SetValue("#severity", "critical"),
		chromedp.SetValue(`input[name="repo"]`, "acme/shop"),
		chromedp.Click("#apply"),
	))
	// the click submits the form: wait for the filtered page
	var location string
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(location, "severity=critical"); {
		if time.Now().After(deadline) {
			t.Fatalf("the filter form did not navigate (at %q)", location)
		}
		time.Sleep(50 * time.Millisecond)
		location, err = chromedp.Run(ctx, chromedp.Location())
		step("location", err)
	}
	step("filtered page", chromedp.Do(ctx, chromedp.WaitVisible("#findings")))
	rows, err := chromedp.Run(ctx, chromedp.Nodes("#findings tbody tr"))
	step("rows", err)
	step("open a finding", chromedp.Do(ctx,
		chromedp.Click("a.finding-link"),
		chromedp.WaitVisible("#finding"),
	))
	findingText, err := chromedp.Run(ctx, chromedp.Text("#finding"))
	step("read the finding", err)
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	step("screenshot", err)
	if failed != "4" {
		t.Errorf("overview shows %q failing, want 4", failed)
	}
	if !strings.Contains(location, "severity=critical") || !strings.Contains(location, "repo=acme%2Fshop") {
		t.Errorf("filter went to %q", location)
	}
	if len(rows) != 3 {
		t.Errorf("filtered table has %d rows, want the 3 critical findings of acme/shop (one waived)", len(rows))
	}
	for _, want := range []string{"ONUS-K8S-001", "How to fix it", "operating-system", "acme/shop"} {
		if !strings.Contains(findingText, want) {
			t.Errorf("finding page lacks %q:\n%s", want, findingText)
		}
	}
	dir := os.Getenv("ONUS_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	for name, png := range map[string][]byte{"dashboard-overview.png": overview, "dashboard-finding.png": shot} {
		if !bytes.HasPrefix(png, []byte("\x89PNG")) || len(png) < 10000 {
			t.Fatalf("%s is not a PNG screenshot (%d bytes)", name, len(png))
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s (%d bytes)", path, len(png))
	}
}
