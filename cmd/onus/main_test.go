package main

import (
	"archive/zip"
	"context"
	"flag"
	"io"
	"os"
	"strings"
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
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"zip": zipCmd,
		},
	})
}

// zipCmd writes a zip archive: zip ARCHIVE FILE... stores each FILE under
// its name; FILE=NAME stores it under NAME (which may be hostile, as "../x").
func zipCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: zip ARCHIVE FILE[=NAME]...")
	}
	f, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	zw := zip.NewWriter(f)
	for _, a := range args[1:] {
		file, name, ok := strings.Cut(a, "=")
		if !ok {
			name = file
		}
		w, err := zw.Create(name)
		ts.Check(err)
		_, err = w.Write([]byte(ts.ReadFile(file)))
		ts.Check(err)
	}
	ts.Check(zw.Close())
	ts.Check(f.Close())
}
