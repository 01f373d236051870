package cli

import (
	"context"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/onus-project/onus/internal/store"
	"github.com/onus-project/onus/internal/store/postgres"
	"github.com/onus-project/onus/internal/store/sqlite"
)

// DefaultDB is the SQLite file used when --db is not given.
const DefaultDB = "onus.db"

// openStore opens a postgres:// (or postgresql://) URL with PostgreSQL and
// anything else as a SQLite file path.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}

// envName is the ONUS_* variable of a flag: --tls-cert → ONUS_TLS_CERT.
func envName(flag string) string {
	return "ONUS_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// flagsFromEnv sets every flag not given on the command line from its
// ONUS_* environment variable, or from the file its ONUS_*_FILE variable
// names (a mounted Secret), when set.
func flagsFromEnv(cmd *cobra.Command, env *Env) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if err != nil || f.Changed || f.Name == "help" {
			return
		}
		v, lerr := env.secret(envName(f.Name))
		if lerr != nil {
			err = lerr
			return
		}
		if v != "" {
			if serr := cmd.Flags().Set(f.Name, v); serr != nil {
				err = usageError("%s: %v", envName(f.Name), serr)
			}
		}
	})
	return err
}

// maxSecretFile bounds what a *_FILE variable may point at.
const maxSecretFile = 64 << 10

// secret reads the variable name, or when it is unset the file that
// name_FILE points at (trailing newlines trimmed), the way container
// images read secrets mounted as files. Both set is a usage error.
func (e *Env) secret(name string) (string, error) {
	v, file := e.Getenv(name), e.Getenv(name+"_FILE")
	switch {
	case file == "":
		return v, nil
	case v != "":
		return "", usageError("%s and %s_FILE are both set: set one", name, name)
	}
	f, err := os.Open(file)
	if err != nil {
		return "", usageError("%s_FILE: %v", name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxSecretFile+1))
	if err != nil {
		return "", usageError("%s_FILE: %v", name, err)
	}
	if len(b) > maxSecretFile {
		return "", usageError("%s_FILE: %s is larger than %d bytes", name, file, maxSecretFile)
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}
