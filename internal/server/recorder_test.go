package server_test

import (
	"net/http"
	"net/http/httptest"
)

type recorder struct {
	*httptest.ResponseRecorder
	code int
}

func newRecorder() *recorder { return &recorder{ResponseRecorder: httptest.NewRecorder()} }

func (r *recorder) WriteHeader(code int) {
	r.code = code
	r.ResponseRecorder.WriteHeader(code)
}

func (r *recorder) result() *http.Response { return r.Result() }

func httptestRequest(method, path string) *http.Request {
	return httptest.NewRequest(method, path, nil)
}
