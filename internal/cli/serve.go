package cli

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/onus-project/onus/internal/config"
	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/server"
	"github.com/onus-project/onus/internal/server/admission"
	"github.com/onus-project/onus/internal/server/api"
	"github.com/onus-project/onus/internal/store"
)

type serveParams struct {
	addr              string
	db                string
	tlsCert, tlsKey   string
	selfSigned        bool
	hosts             []string
	insecureHTTP      bool
	policyDirs        []string
	config            string
	admissionActions  string
	excludeNamespaces []string
	excludeLabels     string
	recordDecisions   string
	maxUpload         int64
	logLevel          string
	shutdownTimeout   time.Duration

	actions  admission.Actions
	level    slog.Level
	excluded admission.Exclusions
}

func newServeParams() *serveParams {
	return &serveParams{
		addr: ":8443", db: DefaultDB, hosts: []string{"localhost", "127.0.0.1"},
		admissionActions: admission.DefaultActions().String(), excludeNamespaces: admission.DefaultExcludedNamespaces(),
		recordDecisions: string(admission.RecordFindings), maxUpload: api.DefaultMaxUpload, logLevel: "info",
		shutdownTimeout: 25 * time.Second,
	}
}

func (p *serveParams) validate() error {
	modes := 0
	if p.tlsCert != "" || p.tlsKey != "" {
		if p.tlsCert == "" || p.tlsKey == "" {
			return usageError("--tls-cert and --tls-key go together")
		}
		modes++
	}
	if p.selfSigned {
		modes++
	}
	if p.insecureHTTP {
		modes++
	}
	if modes != 1 {
		return usageError("choose one of --tls-cert/--tls-key, --self-signed or --insecure-http (the admission webhook must be served over TLS)")
	}
	var err error
	if p.actions, err = admission.ParseActions(p.admissionActions); err != nil {
		return usageError("--admission-actions: %v", err)
	}
	if p.excluded.Selector, err = admission.ParseSelector(p.excludeLabels); err != nil {
		return usageError("--exclude-labels: %v", err)
	}
	p.excluded.Namespaces = p.excludeNamespaces
	switch admission.RecordMode(p.recordDecisions) {
	case admission.RecordNone, admission.RecordFindings, admission.RecordAll:
	default:
		return usageError("--record-decisions: want none, findings or all, got %q", p.recordDecisions)
	}
	if err := p.level.UnmarshalText([]byte(p.logLevel)); err != nil {
		return usageError("--log-level: want debug, info, warn or error, got %q", p.logLevel)
	}
	if p.maxUpload <= 0 {
		return usageError("--max-upload: want a positive number of bytes")
	}
	return nil
}

func newServeCommand(env *Env) *cobra.Command {
	p := newServeParams()
	cmd := &cobra.Command{
		Use:     "serve",
		Short:   "Run the admission webhook, the report API and the dashboard",
		Long:    serveLong,
		Example: serveExample,
		Args:    cobra.NoArgs,
		PreRunE: func(cmd *cobra.Command, _ []string) error {
			if err := flagsFromEnv(cmd, env); err != nil {
				return err
			}
			return p.validate()
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			code, err := runServe(cmd.Context(), p, env, cmd.OutOrStdout(), cmd.ErrOrStderr())
			if err != nil || code != ExitOK {
				return &ExitError{Code: code, Err: err}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&p.addr, "addr", p.addr, "address to listen on, HOST:PORT")
	f.StringVar(&p.db, "db", p.db, "store: a SQLite file path or a postgres:// URL")
	f.StringVar(&p.tlsCert, "tls-cert", "", "TLS certificate file (PEM); reloaded when it changes")
	f.StringVar(&p.tlsKey, "tls-key", "", "TLS private key file (PEM)")
	f.BoolVar(&p.selfSigned, "self-signed", false, "serve TLS with an in-memory self-signed certificate for --hosts")
	f.StringSliceVar(&p.hosts, "hosts", p.hosts, "host names and IPs of the self-signed certificate")
	f.BoolVar(&p.insecureHTTP, "insecure-http", false, "serve plain HTTP (local trials only: tokens travel in clear)")
	f.StringArrayVarP(&p.policyDirs, "policy", "p", nil, "directory of your own policies (repeatable)")
	f.StringVarP(&p.config, "config", "c", "", "onus.yaml with policy parameters and disabled policies")
	f.StringVar(&p.admissionActions, "admission-actions", p.admissionActions, "action per severity at admission: deny, warn or audit")
	f.StringSliceVar(&p.excludeNamespaces, "exclude-namespaces", p.excludeNamespaces, "namespaces admitted without evaluation")
	f.StringVar(&p.excludeLabels, "exclude-labels", "", "label selector of objects admitted without evaluation (e.g. onus.dev/exclude=true)")
	f.StringVar(&p.recordDecisions, "record-decisions", p.recordDecisions, "admission decisions kept in the audit log: none, findings or all")
	f.Int64Var(&p.maxUpload, "max-upload", p.maxUpload, "largest report upload in bytes")
	f.StringVar(&p.logLevel, "log-level", p.logLevel, "log level: debug, info, warn, error")
	f.DurationVar(&p.shutdownTimeout, "shutdown-timeout", p.shutdownTimeout, "how long to drain in-flight requests on shutdown")
	return cmd
}

func runServe(ctx context.Context, p *serveParams, env *Env, stdout, stderr io.Writer) (int, error) {
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: p.level}))
	log.Debug("garbage collector", "gogc", server.TuneGC(env.Getenv))
	cfg, diags := config.Load(p.config)
	printDiagnostics(stderr, diags)
	if cfg == nil || diags.HasErrors() {
		return ExitUsage, fmt.Errorf("invalid configuration")
	}
	// teams, severity overrides, matrix and catalog overrides and the waiver
	// file of onus.yaml apply at admission as they do in onus scan; only
	// the policies admission can use are compiled
	eng, model, owned, err := buildEvaluation(cfg, p.policyDirs, admission.Judges, ownershipFlags{}, engine.Options{Logger: log}, stderr)
	if err != nil {
		return ExitUsage, err
	}

	st, err := openStore(ctx, p.db)
	if err != nil {
		return ExitUsage, err
	}
	defer st.Close()
	if err := bootstrapAdmin(ctx, st, env, stdout, log); err != nil {
		return ExitUsage, err
	}

	var tlsConf *tls.Config
	switch {
	case p.tlsCert != "":
		rl, err := server.NewCertReloader(p.tlsCert, p.tlsKey)
		if err != nil {
			return ExitUsage, err
		}
		tlsConf = server.TLSConfig(rl.GetCertificate)
	case p.selfSigned:
		cert, fp, err := server.SelfSigned(p.hosts, time.Now())
		if err != nil {
			return ExitUsage, err
		}
		tlsConf = server.TLSConfig(func(*tls.ClientHelloInfo) (*tls.Certificate, error) { return cert, nil })
		fmt.Fprintf(stderr, "onus: self-signed certificate for %s, SHA-256 fingerprint %s\n", strings.Join(p.hosts, ", "), fp)
		log.Info("self-signed certificate", "hosts", p.hosts, "sha256", fp)
	default:
		log.Warn("serving plain HTTP (--insecure-http): tokens and reports travel unencrypted, and Kubernetes cannot call the webhook")
	}

	app, err := server.NewApp(ctx, server.AppOptions{
		Store: st, Engine: eng, Model: model, Actions: p.actions, Exclusions: p.excluded,
		Ownership: owned, Record: admission.RecordMode(p.recordDecisions), MaxUpload: p.maxUpload, TLS: tlsConf,
		Timeouts: server.Timeouts{Shutdown: p.shutdownTimeout}, Logger: log,
	})
	if err != nil {
		return ExitUsage, err
	}

	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		return ExitUsage, fmt.Errorf("listen: %w", err)
	}
	scheme := "https"
	if tlsConf == nil {
		scheme = "http"
	}
	log.Info("onus serve", "addr", ln.Addr().String(), "url", scheme+"://"+ln.Addr().String(), "policies", len(eng.Policies()),
		"admission_actions", p.actions.String(), "excluded_namespaces", p.excludeNamespaces)
	serveErr := app.Serve(ctx, ln)
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := app.Close(cctx); err != nil {
		log.Warn("audit log not flushed", "error", err)
	}
	if serveErr != nil {
		return ExitUsage, serveErr
	}
	return ExitOK, nil
}

// bootstrapAdmin makes sure an admin can get in: ONUS_ADMIN_TOKEN (or the
// file ONUS_ADMIN_TOKEN_FILE names) when set,
// else a token created and printed once, at the first start of a store.
func bootstrapAdmin(ctx context.Context, st store.Store, env *Env, stdout io.Writer, log *slog.Logger) error {
	plain, err := env.secret("ONUS_ADMIN_TOKEN")
	if err != nil {
		return err
	}
	if plain != "" {
		if !store.ValidSecret(plain) {
			return usageError("ONUS_ADMIN_TOKEN: want %s followed by at least 32 random characters (onus token create makes one)", store.TokenPrefix)
		}
		t := store.Token{Name: "admin (ONUS_ADMIN_TOKEN)", Role: store.Admin, Prefix: store.DisplayPrefix(plain), Hash: store.Hash(plain)}
		if _, err := st.Bootstrap(ctx, t); err != nil {
			return err
		}
		return st.EnsureToken(ctx, t)
	}
	plain, hash, err := store.NewSecret()
	if err != nil {
		return err
	}
	created, err := st.Bootstrap(ctx, store.Token{Name: "admin (first start)", Role: store.Admin, Prefix: store.DisplayPrefix(plain), Hash: hash})
	if err != nil {
		return err
	}
	if created {
		fmt.Fprintf(stdout, "onus: first start: created an admin token; it is shown only this once, store it now:\n%s\n", plain)
		log.Info("created the first admin token (printed once on stdout)", "prefix", store.DisplayPrefix(plain))
	}
	return nil
}
