package store

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
)

// TokenPrefix starts every onus token, so secret scanners can find leaked
// ones.
const TokenPrefix = "onus_"

// NewSecret returns a fresh random token (256 bits from crypto/rand),
// to be shown once, and the hash to store.
func NewSecret() (plain string, hash []byte, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", nil, fmt.Errorf("generate token: %w", err)
	}
	plain = TokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	return plain, Hash(plain), nil
}

// Hash returns the SHA-256 of a secret, as stored. Tokens are 256 random
// bits, so a fast hash is enough: there is nothing to brute-force.
func Hash(plain string) []byte {
	h := sha256.Sum256([]byte(plain))
	return h[:]
}

// DisplayPrefix is the non-secret start of a token shown in listings.
func DisplayPrefix(plain string) string {
	rest := strings.TrimPrefix(plain, TokenPrefix)
	if len(rest) > 6 {
		rest = rest[:6]
	}
	return TokenPrefix + rest
}

// ValidSecret reports whether s looks like an onus token.
func ValidSecret(s string) bool {
	return strings.HasPrefix(s, TokenPrefix) && len(s) >= len(TokenPrefix)+32
}

// EqualHash compares hashes in constant time.
func EqualHash(a, b []byte) bool { return subtle.ConstantTimeCompare(a, b) == 1 }
