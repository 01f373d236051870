package cli

import (
	"context"
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
// ONUS_* environment variable, when set.
func flagsFromEnv(cmd *cobra.Command, env *Env) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if err != nil || f.Changed || f.Name == "help" {
			return
		}
		if v := env.Getenv(envName(f.Name)); v != "" {
			if serr := cmd.Flags().Set(f.Name, v); serr != nil {
				err = usageError("%s=%q: %v", envName(f.Name), v, serr)
			}
		}
	})
	return err
}
