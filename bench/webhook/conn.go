package main

import (
	"bufio"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// admitConn is one keep-alive connection to the webhook that sends
// prepared requests and reads their responses with net/http's parser. It
// is the generator's whole client: net/http's Transport hands every request
// between three goroutines (the caller, a writer and a reader), and on a
// machine the generator shares with the server those hand-offs wait for
// the server's evaluations and count as webhook latency.
type admitConn struct {
	host string      // host:port, dialled and sent as Host
	tls  *tls.Config // nil for http://
	c    net.Conn
	br   *bufio.Reader
}

// dialer returns n connections to the webhook at base (https:// or
// http://); each dials on first use.
func dialer(base string, n int) ([]*admitConn, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	var conf *tls.Config
	switch u.Scheme {
	case "https":
		conf = &tls.Config{InsecureSkipVerify: true} // loopback, self-signed
	case "http":
	default:
		return nil, fmt.Errorf("-url: want https:// or http://, got %q", base)
	}
	conns := make([]*admitConn, n)
	for i := range conns {
		conns[i] = &admitConn{host: u.Host, tls: conf}
	}
	return conns, nil
}

// request returns the bytes of a POST /v1/admit carrying body.
func (a *admitConn) request(body []byte) []byte {
	head := "POST /v1/admit HTTP/1.1\r\nHost: " + a.host + "\r\nContent-Type: application/json\r\nContent-Length: " +
		strconv.Itoa(len(body)) + "\r\n\r\n"
	return append([]byte(head), body...)
}

func (a *admitConn) dial() error {
	c, err := net.DialTimeout("tcp", a.host, 10*time.Second)
	if err != nil {
		return err
	}
	if a.tls != nil {
		tc := tls.Client(c, a.tls)
		if err := tc.Handshake(); err != nil {
			c.Close()
			return err
		}
		c = tc
	}
	a.c, a.br = c, bufio.NewReaderSize(c, 16<<10)
	return nil
}

func (a *admitConn) close() {
	if a.c != nil {
		a.c.Close()
		a.c = nil
	}
}

// admit sends one prepared request and says whether the review's response
// allowed it. A connection the server closed while idle is dialled again
// once.
func (a *admitConn) admit(req []byte) (bool, error) {
	for attempt := 0; ; attempt++ {
		allowed, retry, err := a.try(req)
		if err == nil || !retry || attempt > 0 {
			return allowed, err
		}
	}
}

func (a *admitConn) try(req []byte) (allowed, retry bool, err error) {
	if a.c == nil {
		if err := a.dial(); err != nil {
			return false, false, err
		}
	}
	a.c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := a.c.Write(req); err != nil {
		a.close()
		return false, true, err
	}
	resp, err := http.ReadResponse(a.br, nil)
	if err != nil {
		a.close()
		return false, err == io.EOF || err == io.ErrUnexpectedEOF, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.Close {
		a.close()
	}
	if err != nil || resp.StatusCode != http.StatusOK {
		a.close()
		return false, false, fmt.Errorf("status %d: %s %v", resp.StatusCode, b, err)
	}
	var out struct {
		Response struct{ Allowed bool } `json:"response"`
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return false, false, fmt.Errorf("response: %v", err)
	}
	return out.Response.Allowed, false, nil
}
