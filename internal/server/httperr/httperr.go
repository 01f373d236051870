// Package httperr writes the server's JSON errors ({"error": "..."}) and
// maps body read failures to status codes.
package httperr

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// Write writes {"error": msg} with a status code.
func Write(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(map[string]string{"error": msg})
}

// Body maps an error met reading a request body to a status code and a
// message: 413 when the body passed its bound, else 400.
func Body(err error) (int, string) {
	if mbe, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body too large: the limit is %d bytes", mbe.Limit)
	}
	return http.StatusBadRequest, err.Error()
}
