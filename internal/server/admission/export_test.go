package admission

import (
	admissionv1 "k8s.io/api/admission/v1"

	"github.com/onus-project/onus/internal/finding"
)

// Decide exposes the decision for tests.
func Decide(a Actions, req *admissionv1.AdmissionRequest, obj string, fs []finding.Finding) *Result {
	return (&Evaluator{Actions: a}).decide(req, obj, fs)
}
