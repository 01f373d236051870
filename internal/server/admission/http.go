package admission

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"

	admissionv1 "k8s.io/api/admission/v1"

	"github.com/onus-project/onus/internal/server/httperr"
)

// MaxReviewBytes bounds an AdmissionReview: the API server keeps objects
// under 1.5 MiB, and a review of an UPDATE holds two of them.
const MaxReviewBytes = 4 << 20

// HTTP serves h as the webhook endpoint: application/json AdmissionReview
// v1 in, AdmissionReview v1 out. A body that is not JSON is 415; a review
// that cannot be decoded or lacks a request or uid is 400; an oversized one
// 413 (the route bounds the body); an evaluation error 500.
func HTTP(h Handler, log *slog.Logger) http.Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || mt != "application/json" {
			httperr.Write(w, http.StatusUnsupportedMediaType, fmt.Sprintf("an AdmissionReview is application/json, got %q", r.Header.Get("Content-Type")))
			return
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			code, msg := httperr.Body(err)
			httperr.Write(w, code, msg)
			return
		}
		review, err := Decode(body)
		if err != nil {
			httperr.Write(w, http.StatusBadRequest, err.Error())
			return
		}
		res, err := h(r.Context(), review.Request)
		if err != nil {
			log.ErrorContext(r.Context(), "admission failed", "uid", string(review.Request.UID), "error", err)
			httperr.Write(w, http.StatusInternalServerError, "onus could not evaluate the object: "+err.Error())
			return
		}
		resp := res.Response
		resp.UID = review.Request.UID
		out := admissionv1.AdmissionReview{TypeMeta: review.TypeMeta, Response: resp}
		w.Header().Set("Content-Type", "application/json")
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			log.WarnContext(r.Context(), "write admission response", "error", err)
		}
	})
}

// Decode reads an AdmissionReview v1 and checks it carries a request.
func Decode(body []byte) (*admissionv1.AdmissionReview, error) {
	var review admissionv1.AdmissionReview
	if err := json.Unmarshal(body, &review); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("malformed AdmissionReview: invalid JSON at byte %d: %v", se.Offset, err)
		}
		return nil, fmt.Errorf("malformed AdmissionReview: %v", err)
	}
	switch {
	case review.APIVersion != "admission.k8s.io/v1" || review.Kind != "AdmissionReview":
		return nil, fmt.Errorf("malformed AdmissionReview: want apiVersion admission.k8s.io/v1 and kind AdmissionReview, got %q %q (set admissionReviewVersions: [v1] in the webhook configuration)", review.APIVersion, review.Kind)
	case review.Request == nil:
		return nil, errors.New("malformed AdmissionReview: request is missing")
	case review.Request.UID == "":
		return nil, errors.New("malformed AdmissionReview: request.uid is missing")
	case review.Request.Operation == "":
		return nil, errors.New("malformed AdmissionReview: request.operation is missing")
	}
	return &review, nil
}
