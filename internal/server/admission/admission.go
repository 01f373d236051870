// Package admission is the validating admission webhook: it decodes an
// AdmissionReview (admission.k8s.io/v1), reads the object with the same
// Kubernetes loader as onus scan, judges it with the same engine (each
// object alone: policies that read the whole estate are skipped), applies
// the ownership model and inline waivers, and answers allowed or denied
// with the violated policies and their fixes, and warnings for findings
// below the enforcement threshold.
//
// A Handler is a function; decorators (WithOperations, WithExclusions,
// WithRecorder, WithMetrics, WithLogger) add behaviour around it.
package admission

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	admissionv1 "k8s.io/api/admission/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/loader/kubernetes"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/scan"
)

// Action is what a finding of a severity does to a request.
type Action string

// Actions, from the strongest.
const (
	Deny  Action = "deny"  // refuse the request
	Warn  Action = "warn"  // admit it with a warning shown to the user
	Audit Action = "audit" // admit it silently; the decision log keeps it
	// Allow and Excluded only describe decisions.
	Allow    Action = "allow"
	Excluded Action = "excluded"
)

// Actions maps each severity to an action.
type Actions map[finding.Severity]Action

// DefaultActions deny critical and high findings and warn about the rest.
func DefaultActions() Actions {
	return Actions{finding.Critical: Deny, finding.High: Deny, finding.Medium: Warn, finding.Low: Warn}
}

// ParseActions reads "critical=deny,high=deny,medium=warn,low=audit" over
// the defaults.
func ParseActions(s string) (Actions, error) {
	a := DefaultActions()
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		sev, err := finding.ParseSeverity(strings.TrimSpace(k))
		if !ok || err != nil {
			return nil, fmt.Errorf("want severity=action (critical, high, medium, low), got %q", part)
		}
		switch act := Action(strings.TrimSpace(v)); act {
		case Deny, Warn, Audit:
			a[sev] = act
		default:
			return nil, fmt.Errorf("%s: want deny, warn or audit, got %q", sev, v)
		}
	}
	return a, nil
}

// String prints the actions in severity order.
func (a Actions) String() string {
	var parts []string
	for _, s := range []finding.Severity{finding.Critical, finding.High, finding.Medium, finding.Low} {
		parts = append(parts, string(s)+"="+string(a[s]))
	}
	return strings.Join(parts, ",")
}

// Result is a decision: the response to send and what led to it.
type Result struct {
	Response *admissionv1.AdmissionResponse
	Action   Action
	// Rules are the ids of the policies that failed (waived ones left out).
	Rules    []string
	Findings []finding.Finding
}

// Handler decides one admission request. An error means no decision
// could be made (the API server then applies the webhook's failurePolicy).
type Handler func(ctx context.Context, req *admissionv1.AdmissionRequest) (*Result, error)

// Kubernetes limits on warnings: the API server may truncate one past 256
// characters and drops those past 4096 characters in all.
const (
	MaxWarningLen    = 256
	MaxWarningsTotal = 4096
	// MaxMessageLen bounds the status message of a denial.
	MaxMessageLen = 8 << 10
)

// Evaluator judges objects with an engine.
type Evaluator struct {
	Engine  *engine.Engine
	Model   *ownership.Model
	Actions Actions
	// Ownership routes findings to teams and applies severity overrides and
	// the waiver file, as onus scan does (the zero value: inline waivers only).
	Ownership scan.OwnershipOptions
	// Now returns the time waivers expire against; nil means time.Now.
	Now    func() time.Time
	Logger *slog.Logger
}

// Judges reports whether admission can use a policy: whether it targets
// Kubernetes objects. onus serve compiles only these (policy.Set.Trim), so
// that the policies of other kinds, which no admission request reaches, do
// not weigh on the server's heap: a smaller live heap makes each garbage
// collection shorter, and requests that arrive during one wait less.
func Judges(p *policy.Policy) bool {
	for _, t := range p.Targets {
		if t.Kind == resource.Kubernetes {
			return true
		}
	}
	return false
}

// Warm prepares the engine's queries for every Kubernetes type a policy
// targets, so the first real request does not pay for it.
func (e *Evaluator) Warm(ctx context.Context) error {
	seen := map[string]bool{}
	for _, p := range e.Engine.Policies() {
		for _, t := range p.Targets {
			if t.Kind != resource.Kubernetes {
				continue
			}
			for _, ty := range t.Types {
				if ty == "*" || seen[ty] {
					continue
				}
				seen[ty] = true
				obj := fmt.Sprintf(`{"apiVersion": "v1", "kind": %q, "metadata": {"name": "warm-up"}}`, ty)
				r, _ := kubernetes.FromObject("warm-up", []byte(obj))
				if r == nil {
					continue
				}
				if _, err := e.Engine.Evaluate(ctx, []*resource.Resource{r}, engine.EvalOptions{Standalone: true, NoLines: true}); err != nil {
					return fmt.Errorf("warm up %s: %w", ty, err)
				}
			}
		}
	}
	return nil
}

// Handle implements Handler.
func (e *Evaluator) Handle(ctx context.Context, req *admissionv1.AdmissionRequest) (*Result, error) {
	if len(req.Object.Raw) == 0 {
		return deny(req, http.StatusBadRequest, "the admission request carries no object"), nil
	}
	file := objectName(req)
	r, diags := kubernetes.FromObject(file, req.Object.Raw)
	if r == nil {
		return deny(req, http.StatusBadRequest, "onus cannot read the object: "+diags.Error()), nil
	}
	if r.Namespace == "" && req.Namespace != "" {
		r.Namespace = req.Namespace
	}
	res, err := e.Engine.Evaluate(ctx, []*resource.Resource{r}, engine.EvalOptions{Standalone: true, NoLines: true})
	if err != nil {
		return nil, fmt.Errorf("evaluate %s: %w", file, err)
	}
	if len(res.Diagnostics) > 0 && e.Logger != nil {
		e.Logger.WarnContext(ctx, "policy diagnostics at admission", "object", file, "diagnostics", res.Diagnostics.Error())
	}
	now := time.Now()
	if e.Now != nil {
		now = e.Now()
	}
	e.Ownership.Assign(e.Model, res.Findings, []*resource.Resource{r}, now)
	return e.decide(req, file, res.Findings), nil
}

func (e *Evaluator) decide(req *admissionv1.AdmissionRequest, obj string, fs []finding.Finding) *Result {
	res := &Result{Action: Allow, Findings: fs, Response: &admissionv1.AdmissionResponse{UID: req.UID, Allowed: true}}
	var denied []finding.Finding
	var warnings []string
	total := 0
	for _, f := range fs {
		if f.Status != finding.Fail {
			continue
		}
		if !slices.Contains(res.Rules, f.Rule) {
			res.Rules = append(res.Rules, f.Rule)
		}
		act := e.Actions[f.Severity]
		switch act {
		case Deny:
			denied = append(denied, f)
			res.Action = Deny
		case Warn:
			if res.Action != Deny {
				res.Action = Warn
			}
			w := truncate(strings.Join(strings.Fields(fmt.Sprintf("onus %s %s: %s (fix: %s)", f.Rule, f.Severity, f.Message, firstParagraph(f.Remediation))), " "), MaxWarningLen)
			if total+len(w) <= MaxWarningsTotal {
				warnings = append(warnings, w)
				total += len(w)
			}
		default:
			if res.Action == Allow {
				res.Action = Audit
			}
		}
	}
	res.Response.Warnings = warnings
	if len(denied) > 0 {
		var b strings.Builder
		fmt.Fprintf(&b, "onus denied %s: %d %s", obj, len(denied), plural(len(denied), "policy violation", "policy violations"))
		for _, f := range denied {
			fmt.Fprintf(&b, "\n[%s] %s (%s, layer %s, owner %s): %s\n  fix: %s", f.Rule, f.Title, f.Severity, f.Layer, f.Owner, f.Message, firstParagraph(f.Remediation))
		}
		res.Response.Allowed = false
		res.Response.Result = &metav1.Status{
			Status: metav1.StatusFailure, Code: http.StatusForbidden, Reason: metav1.StatusReasonForbidden,
			Message: truncate(b.String(), MaxMessageLen),
		}
	}
	return res
}

func deny(req *admissionv1.AdmissionRequest, code int32, msg string) *Result {
	return &Result{Action: Deny, Response: &admissionv1.AdmissionResponse{
		UID: req.UID, Allowed: false,
		Result: &metav1.Status{Status: metav1.StatusFailure, Code: code, Reason: metav1.StatusReasonBadRequest, Message: truncate(msg, MaxMessageLen)},
	}}
}

// Allowed returns an admitting result with no findings.
func Allowed(req *admissionv1.AdmissionRequest, action Action) *Result {
	return &Result{Action: action, Response: &admissionv1.AdmissionResponse{UID: req.UID, Allowed: true}}
}

// objectName names the object in findings and messages: Kind/ns/name.
func objectName(req *admissionv1.AdmissionRequest) string {
	name := req.Name
	if name == "" {
		name = "(generated)"
	}
	if req.Namespace != "" {
		return req.Kind.Kind + "/" + req.Namespace + "/" + name
	}
	return req.Kind.Kind + "/" + name
}

// firstParagraph returns the text up to the first blank line, on one line.
func firstParagraph(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(s), " ")
}

// truncate cuts s to at most n bytes on a rune boundary, marking the cut.
func truncate(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
