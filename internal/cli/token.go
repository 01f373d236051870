package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/onus-project/onus/internal/store"
)

type tokenParams struct {
	db   string
	role string
	name string
}

func newTokenCommand(env *Env) *cobra.Command {
	p := &tokenParams{db: DefaultDB}
	cmd := &cobra.Command{
		Use:   "token",
		Short: "Create, list and revoke the API tokens of onus serve",
		Long:  tokenLong,
	}
	cmd.PersistentFlags().StringVar(&p.db, "db", p.db, "the server's store: a SQLite file or a postgres:// URL (env ONUS_DB or ONUS_DB_FILE)")
	run := func(fn func(ctx context.Context, st store.Store, args []string, stdout io.Writer) error) func(*cobra.Command, []string) error {
		return func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("db") {
				v, err := env.secret("ONUS_DB")
				if err != nil {
					return &ExitError{Code: ExitUsage, Err: err}
				}
				if v != "" {
					p.db = v
				}
			}
			st, err := openStore(cmd.Context(), p.db)
			if err != nil {
				return &ExitError{Code: ExitUsage, Err: err}
			}
			defer st.Close()
			if err := fn(cmd.Context(), st, args, cmd.OutOrStdout()); err != nil {
				if _, ok := err.(*ExitError); ok {
					return err
				}
				return &ExitError{Code: ExitUsage, Err: err}
			}
			return nil
		}
	}
	create := &cobra.Command{
		Use:     "create --role ROLE --name NAME",
		Short:   "Create a token and print it once",
		Example: "  onus token create --db onus.db --role uploader --name github-actions",
		Args:    cobra.NoArgs,
		PreRunE: func(*cobra.Command, []string) error {
			if !store.Role(p.role).Valid() {
				return usageError("--role: want admin, uploader or viewer, got %q", p.role)
			}
			if strings.TrimSpace(p.name) == "" {
				return usageError("--name: give the token a name (who or what uses it)")
			}
			return nil
		},
		RunE: run(func(ctx context.Context, st store.Store, _ []string, stdout io.Writer) error {
			plain, hash, err := store.NewSecret()
			if err != nil {
				return err
			}
			t, err := st.CreateToken(ctx, store.Token{Name: p.name, Role: store.Role(p.role), Prefix: store.DisplayPrefix(plain), Hash: hash})
			if err != nil {
				return err
			}
			fmt.Fprintln(stdout, plain)
			fmt.Fprintf(env.Stderr, "created token %d (%s, role %s); it is shown once: store it now\n", t.ID, t.Name, t.Role)
			return nil
		}),
	}
	create.Flags().StringVar(&p.role, "role", "", "admin, uploader (CI uploads) or viewer (API and dashboard)")
	create.Flags().StringVar(&p.name, "name", "", "what the token is for")
	list := &cobra.Command{
		Use:   "list",
		Short: "List tokens (never their secrets)",
		Args:  cobra.NoArgs,
		RunE: run(func(ctx context.Context, st store.Store, _ []string, stdout io.Writer) error {
			ts, err := st.ListTokens(ctx)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tROLE\tPREFIX\tCREATED\tREVOKED")
			for _, t := range ts {
				revoked := "-"
				if t.RevokedAt != nil {
					revoked = t.RevokedAt.Format(time.RFC3339)
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Name, t.Role, t.Prefix, t.CreatedAt.Format(time.RFC3339), revoked)
			}
			return tw.Flush()
		}),
	}
	revoke := &cobra.Command{
		Use:   "revoke ID",
		Short: "Revoke a token and end its dashboard sessions",
		Args:  cobra.ExactArgs(1),
		RunE: run(func(ctx context.Context, st store.Store, args []string, stdout io.Writer) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return usageError("revoke: want a token id (see onus token list), got %q", args[0])
			}
			if err := st.RevokeToken(ctx, id); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "revoked token %d\n", id)
			return nil
		}),
	}
	cmd.AddCommand(create, list, revoke)
	return cmd
}
