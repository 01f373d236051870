package main

import (
	"archive/zip"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"go.yaml.in/yaml/v3"

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
			// the GitHub Action, whose shell steps action.txtar runs
			b, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(env.WorkDir, "action.yml"), b, 0o644)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"actionstep": actionStep,
			"zip":        zipCmd,
		},
	})
}

// actionStep writes the shell script of a step of action.yml to a file:
// actionstep NAME FILE.
func actionStep(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: actionstep NAME FILE")
	}
	var action struct {
		Runs struct {
			Using string `yaml:"using"`
			Steps []struct {
				Name  string `yaml:"name"`
				Shell string `yaml:"shell"`
				Run   string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	ts.Check(yaml.Unmarshal([]byte(ts.ReadFile("action.yml")), &action))
	for _, st := range action.Runs.Steps {
		if st.Name == args[0] {
			if st.Shell != "bash" || st.Run == "" {
				ts.Fatalf("step %q is not a bash step", args[0])
			}
			ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(st.Run), 0o755))
			return
		}
	}
	ts.Fatalf("action.yml has no step %q", args[0])
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
