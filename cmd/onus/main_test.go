package main

import (
	"context"
	"flag"
	"io"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/onus-project/onus/internal/cli"
)

var update = flag.Bool("update", false, "rewrite the expected output in testscript files")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"onus": func() {
			os.Exit(cli.Execute(context.Background(), os.Args[1:], &cli.Env{
				Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv,
				IsTerminal: func(io.Writer) bool { return false },
			}))
		},
	})
}

// TestScripts runs the end-to-end CLI scripts in testdata/script: exit codes,
// stdout and stderr of real onus commands on real files.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}
