package admission

import (
	"context"
	"encoding/json"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	admissionv1 "k8s.io/api/admission/v1"
	"k8s.io/apimachinery/pkg/labels"

	"github.com/onus-project/onus/internal/store"
)

// WithOperations admits DELETE and CONNECT requests and requests on
// subresources (status, scale, ...) without evaluating them: only the
// object's own spec is judged. UPDATE is judged on the new object.
func (h Handler) WithOperations() Handler {
	return func(ctx context.Context, req *admissionv1.AdmissionRequest) (*Result, error) {
		switch {
		case req.Operation == admissionv1.Delete, req.Operation == admissionv1.Connect:
			return Allowed(req, Allow), nil
		case req.SubResource != "":
			return Allowed(req, Allow), nil
		}
		return h(ctx, req)
	}
}

// Exclusions say which requests are admitted without evaluation.
type Exclusions struct {
	// Namespaces are admitted wholesale (kube-system by default).
	Namespaces []string
	// Selector, when set, admits objects whose labels match it
	// (for example "onus.dev/exclude=true").
	Selector labels.Selector
}

// DefaultExcludedNamespaces returns the namespaces excluded unless
// configured.
func DefaultExcludedNamespaces() []string { return []string{"kube-system"} }

// ParseSelector reads a Kubernetes label selector ("" selects nothing).
func ParseSelector(s string) (labels.Selector, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	return labels.Parse(s)
}

// WithExclusions admits excluded namespaces and labelled objects.
func (h Handler) WithExclusions(ex Exclusions) Handler {
	return func(ctx context.Context, req *admissionv1.AdmissionRequest) (*Result, error) {
		if req.Namespace != "" && slices.Contains(ex.Namespaces, req.Namespace) {
			return Allowed(req, Excluded), nil
		}
		if ex.Selector != nil && !ex.Selector.Empty() {
			var obj struct {
				Metadata struct {
					Labels map[string]string `json:"labels"`
				} `json:"metadata"`
			}
			if json.Unmarshal(req.Object.Raw, &obj) == nil && ex.Selector.Matches(labels.Set(obj.Metadata.Labels)) {
				return Allowed(req, Excluded), nil
			}
		}
		return h(ctx, req)
	}
}

// RecordMode says which decisions go to the audit log.
type RecordMode string

// Record modes.
const (
	RecordNone     RecordMode = "none"
	RecordFindings RecordMode = "findings" // decisions with at least one finding
	RecordAll      RecordMode = "all"
)

// Decision describes a result for the audit log.
func Decision(req *admissionv1.AdmissionRequest, res *Result, now time.Time) store.Decision {
	kind := req.Kind.Kind
	if req.Kind.Version != "" {
		kind = req.Kind.Version + "/" + kind
	}
	if req.Kind.Group != "" {
		kind = req.Kind.Group + "/" + kind
	}
	d := store.Decision{
		Time: now.UTC(), UID: string(req.UID), Operation: string(req.Operation), Kind: kind,
		Namespace: req.Namespace, Name: req.Name, User: req.UserInfo.Username,
		Action: string(res.Action), Allowed: res.Response.Allowed, DryRun: req.DryRun != nil && *req.DryRun,
		Rules: res.Rules,
	}
	if res.Response.Result != nil {
		d.Message = res.Response.Result.Message
	} else if len(res.Response.Warnings) > 0 {
		d.Message = strings.Join(res.Response.Warnings, "\n")
	}
	return d
}

// WithRecorder sends decisions to the audit log. Dry-run requests are
// never recorded, so the webhook has no side effects on them (the webhook
// configuration declares sideEffects: NoneOnDryRun).
func (h Handler) WithRecorder(rec *Recorder, mode RecordMode) Handler {
	if rec == nil || mode == RecordNone {
		return h
	}
	return func(ctx context.Context, req *admissionv1.AdmissionRequest) (*Result, error) {
		res, err := h(ctx, req)
		if err != nil || (req.DryRun != nil && *req.DryRun) {
			return res, err
		}
		if mode == RecordAll || len(res.Rules) > 0 {
			rec.Record(Decision(req, res, time.Now()))
		}
		return res, nil
	}
}

// Metrics counts admission decisions.
type Metrics struct {
	decisions *prometheus.CounterVec
}

// NewMetrics registers the decision counter on reg.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{decisions: prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "onus_admission_decisions_total",
		Help: "Admission decisions by action (deny, warn, audit, allow, excluded, error) and dry run.",
	}, []string{"action", "dry_run"})}
	if reg != nil {
		if err := reg.Register(m.decisions); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// WithMetrics counts decisions by action.
func (h Handler) WithMetrics(m *Metrics) Handler {
	if m == nil {
		return h
	}
	return func(ctx context.Context, req *admissionv1.AdmissionRequest) (*Result, error) {
		res, err := h(ctx, req)
		dry := "false"
		if req.DryRun != nil && *req.DryRun {
			dry = "true"
		}
		if err != nil {
			m.decisions.WithLabelValues("error", dry).Inc()
		} else {
			m.decisions.WithLabelValues(string(res.Action), dry).Inc()
		}
		return res, err
	}
}

// WithLogger logs each decision that is not a plain allow.
func (h Handler) WithLogger(log *slog.Logger) Handler {
	if log == nil {
		return h
	}
	return func(ctx context.Context, req *admissionv1.AdmissionRequest) (*Result, error) {
		res, err := h(ctx, req)
		if err == nil && res.Action != Allow && res.Action != Excluded {
			log.InfoContext(ctx, "admission decision", "uid", string(req.UID), "operation", string(req.Operation),
				"kind", req.Kind.Kind, "namespace", req.Namespace, "name", req.Name, "user", req.UserInfo.Username,
				"action", string(res.Action), "allowed", res.Response.Allowed, "rules", res.Rules,
				"dry_run", req.DryRun != nil && *req.DryRun)
		}
		return res, err
	}
}
