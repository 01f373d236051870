package report

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/onus-project/onus/internal/finding"
)

// chromiumPath is the browser the HTML report is tested in (Debian's
// chromium package; .ci/run installs it).
const chromiumPath = "/usr/bin/chromium"

// requireChromium makes a missing browser a failure instead of a skip.
const requireChromium = "ONUS_REQUIRE_CHROMIUM"

// browserLog collects what the page does that a test must see.
type browserLog struct {
	mu       sync.Mutex
	problems []string
	requests []string
}

func (b *browserLog) request(ev any) {
	if e, ok := ev.(*network.EventRequestWillBeSent); ok {
		b.mu.Lock()
		b.requests = append(b.requests, e.Request.URL)
		b.mu.Unlock()
	}
}

// watch collects console errors and warnings, uncaught exceptions and
// browser log entries (a Content-Security-Policy violation is one) until
// ctx ends.
func (b *browserLog) watch(ctx context.Context, wg *sync.WaitGroup) {
	msgs := chromedp.Console(ctx) // subscribes now
	wg.Add(1)
	go func() {
		defer wg.Done()
		for m, err := range msgs {
			if err != nil {
				return
			}
			switch m.Type {
			case chromedp.ConsoleError, chromedp.ConsoleWarning, chromedp.ConsoleException, "assert":
				b.mu.Lock()
				b.problems = append(b.problems, fmt.Sprintf("%s %s (%s:%d)", m, m.Source, m.URL, m.Line))
				b.mu.Unlock()
			}
		}
	}()
}

func (b *browserLog) snapshot() (problems, requests []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.problems...), append([]string(nil), b.requests...)
}

// TestHTMLInChromium opens the report in headless Chromium, as a person
// would: the page loads with no console error, exception or network
// request, hostile input does not run, and every filter changes the
// findings shown as the report's data says it should.
func TestHTMLInChromium(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		msg := fmt.Sprintf("Chromium is not installed at %s, so the HTML report was NOT tested in a browser (apt-get install chromium; .ci/run does)", chromiumPath)
		if os.Getenv(requireChromium) == "1" {
			t.Fatal(msg + "; " + requireChromium + "=1 requires it")
		}
		t.Skip(msg)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, render(t, "html", Options{}), 0o644); err != nil {
		t.Fatal(err)
	}

	actx, cancelAlloc := chromedp.NewExecAllocator(t.Context(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1400, 1000),
	)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()

	var bl browserLog
	if err := chromedp.Listen(ctx, bl.request); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	watchCtx, stopWatch := context.WithCancel(ctx)
	var watching sync.WaitGroup
	bl.watch(watchCtx, &watching)
	pageURL := (&url.URL{Scheme: "file", Path: page}).String()
	if err := chromedp.Do(ctx, chromedp.Navigate(pageURL), chromedp.WaitVisible(chromedp.CSS("#f-count"))); err != nil {
		t.Fatalf("open %s: %v", pageURL, err)
	}

	rep := fixture()
	visible := func() int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('article.finding:not([hidden])').length`))
		if err != nil {
			t.Fatal(err)
		}
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('f-count').textContent`))
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("%d of %d findings", n, len(rep.Findings)); shown != want {
			t.Errorf("the count says %q, %d findings are visible", shown, n)
		}
		return n
	}
	count := func(keep func(finding.Finding) bool) int {
		n := 0
		for _, f := range rep.Findings {
			if keep(f) {
				n++
			}
		}
		return n
	}
	choose := func(id, value string) {
		t.Helper()
		err := chromedp.Do(ctx,
			chromedp.SetValue(chromedp.ID(id), value),
			chromedp.Action[chromedp.Void](func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
				_, err := chromedp.Evaluate[bool](`document.getElementById(`+jsString(id)+`).dispatchEvent(new Event('change', {bubbles: true}))`)(ctx, tg)
				return chromedp.Void{}, err
			}),
		)
		if err != nil {
			t.Fatalf("choose %s=%s: %v", id, value, err)
		}
	}
	reset := func() {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("f-reset"))); err != nil {
			t.Fatal(err)
		}
		if n := visible(); n != len(rep.Findings) {
			t.Fatalf("after reset %d findings are visible, want all %d", n, len(rep.Findings))
		}
	}

	if n := visible(); n != len(rep.Findings) {
		t.Fatalf("%d findings visible on load, want %d", n, len(rep.Findings))
	}
	pwned, err := chromedp.Run(ctx, chromedp.Evaluate[string](`typeof window.__pwned`))
	if err != nil || pwned != "undefined" {
		t.Fatalf("hostile input ran in the page (window.__pwned is %s, %v)", pwned, err)
	}

	for _, tc := range []struct {
		id, value string
		keep      func(finding.Finding) bool
	}{
		{"f-severity", "critical", func(f finding.Finding) bool { return f.Severity == finding.Critical }},
		{"f-severity", "high", func(f finding.Finding) bool { return f.Severity.AtLeast(finding.High) }},
		{"f-owner", "provider", func(f finding.Finding) bool { return f.Owner == finding.Provider }},
		{"f-owner", "customer", func(f finding.Finding) bool { return f.Owner == finding.Customer }},
		{"f-layer", "data-access", func(f finding.Finding) bool { return f.Layer == finding.DataAccess }},
		{"f-team", "storefront", func(f finding.Finding) bool { return f.Team == "storefront" }},
		{"f-team", "unassigned", func(f finding.Finding) bool { return f.Team == "" }},
		{"f-service", "kubernetes-workloads", func(f finding.Finding) bool { return f.Service == "kubernetes-workloads" }},
	} {
		choose(tc.id, tc.value)
		want := count(tc.keep)
		if want == 0 || want == len(rep.Findings) {
			t.Fatalf("%s=%s does not discriminate in the fixture", tc.id, tc.value)
		}
		if got := visible(); got != want {
			t.Errorf("%s=%s: %d findings visible, want %d", tc.id, tc.value, got, want)
		}
		reset()
	}

	// filters combine, and empty groups disappear
	choose("f-owner", "provider")
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('section.g-owner[data-owner=customer]').hidden`))
	if err != nil || !hidden {
		t.Errorf("the customer group stays visible when only provider findings are shown (%v)", err)
	}
	choose("f-severity", "critical")
	if got := visible(); got != 0 {
		t.Errorf("provider and critical: %d visible, want 0", got)
	}
	reset()

	// hiding waived findings (a real click on the checkbox)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("f-waived"))); err != nil {
		t.Fatal(err)
	}
	if got, want := visible(), count(func(f finding.Finding) bool { return f.Status == finding.Fail }); got != want {
		t.Errorf("without waived: %d visible, want %d", got, want)
	}
	reset()

	// typing in the search box (real key events); unicode matches
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("f-text"), "café")); err != nil {
		t.Fatal(err)
	}
	if got, want := visible(), count(func(f finding.Finding) bool { return strings.Contains(f.Resource.Address, "café") }); got != want {
		t.Errorf("search café: %d visible, want %d", got, want)
	}
	reset()

	// clicking a cell of the heat-map filters by its service and layer
	cell := `td.cell[data-service="kubernetes-workloads"][data-layer="operating-system"]`
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(cell))); err != nil {
		t.Fatal(err)
	}
	if got, want := visible(), count(func(f finding.Finding) bool {
		return f.Service == "kubernetes-workloads" && f.Layer == finding.OperatingSystem
	}); got != want {
		t.Errorf("matrix cell: %d visible, want %d", got, want)
	}
	selected, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('td.cell.selected').length`))
	if err != nil || selected != 1 {
		t.Errorf("%d cells marked selected, want 1 (%v)", selected, err)
	}
	reset()

	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 is a PNG
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(shot), "\x89PNG") {
		t.Fatal("the screenshot is not a PNG")
	}
	shotPath := filepath.Join(dir, "report.png")
	if err := os.WriteFile(shotPath, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the report in Chromium: %s (%d bytes)", shotPath, len(shot))
	if keep := os.Getenv("ONUS_SCREENSHOT_DIR"); keep != "" {
		kept := filepath.Join(keep, filepath.Base(shotPath))
		if err := os.WriteFile(kept, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot kept at %s", kept)
	}

	time.Sleep(200 * time.Millisecond) // let the last console events arrive
	stopWatch()
	watching.Wait()
	problems, requests := bl.snapshot()
	for _, p := range problems {
		t.Errorf("the page reported a problem: %s", p)
	}
	for _, r := range requests {
		if !strings.HasPrefix(r, "file://") {
			t.Errorf("the page made a request: %s", r)
		}
	}
}

func jsString(s string) string { return "'" + strings.ReplaceAll(s, "'", `\'`) + "'" }
