// Command ferretdb runs FerretDB v1 (a MongoDB wire-protocol server) embedded as a
// library, backed by SQLite files in a local directory (or by PostgreSQL).
//
// It is TrialWatch's local/dev/CI database: no Docker, no MongoDB binaries, only
// modules from the Go module proxy. See README.md.
//
// When the listener accepts connections it prints exactly one line to stdout:
//
//	ferretdb ready mongodb://HOST:PORT/
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	_ "net/http/pprof" // served only with --pprof-addr
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	dataDir := flag.String("data-dir", ".data/ferretdb", "SQLite data directory (created if missing)")
	listenAddr := flag.String("listen-addr", "127.0.0.1:27017", "TCP listen address HOST:PORT")
	handler := flag.String("handler", "sqlite", "backend handler: sqlite or postgresql")
	pgURL := flag.String("postgresql-url", "postgres://127.0.0.1:5432/ferretdb", "PostgreSQL URL for --handler postgresql")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn, error")
	synchronous := flag.String("sqlite-synchronous", "normal",
		"sqlite: PRAGMA synchronous (off, normal, full, extra); normal with WAL loses no integrity, only the last commits on power loss")
	idIndexEvery := flag.Duration("id-index-interval", time.Second,
		"sqlite: how often to add the missing _id lookup index to new collections (0 disables; see idindex.go)")
	pprofAddr := flag.String("pprof-addr", "",
		"serve Go's pprof handlers (/debug/pprof/) on this HOST:PORT, for profiling the database (off when empty)")
	flag.Parse()

	if flag.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", flag.Args())
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("bad --log-level: %w", err)
	}

	logger := slog.New(newQuietHandler(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})))
	slog.SetDefault(logger)

	cfg := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listenAddr},
		Logger:   logger,
		Handler:  *handler,
	}

	var sqliteDir string

	switch *handler {
	case "sqlite":
		abs, err := filepath.Abs(*dataDir)
		if err != nil {
			return err
		}
		if err = os.MkdirAll(abs, 0o755); err != nil {
			return fmt.Errorf("create data dir: %w", err)
		}
		// FerretDB wants a "file:" URI for a directory, ending with "/".
		switch *synchronous {
		case "off", "normal", "full", "extra":
		default:
			return fmt.Errorf("bad --sqlite-synchronous %q (want off, normal, full or extra)", *synchronous)
		}
		// FerretDB adds busy_timeout, journal_mode(wal) and auto_vacuum to these pragmas itself.
		query := url.Values{"_pragma": {"synchronous(" + *synchronous + ")"}}
		cfg.SQLiteURL = (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs) + "/", RawQuery: query.Encode()}).String()
		sqliteDir = abs
	case "postgresql":
		cfg.PostgreSQLURL = *pgURL
	default:
		return fmt.Errorf("unknown --handler %q (want sqlite or postgresql)", *handler)
	}

	if *pprofAddr != "" {
		go func() {
			if err := http.ListenAndServe(*pprofAddr, nil); err != nil {
				logger.Error("pprof listener stopped", slog.String("error", err.Error()))
			}
		}()
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	// New opens the backend and binds the TCP listener.
	f, err := ferretdb.New(cfg)
	if err != nil {
		return err
	}

	if sqliteDir != "" && *idIndexEvery > 0 {
		// existing data first, so that lookups by _id are fast from the first request
		ensureIDIndexes(ctx, sqliteDir, logger)
		go runIDIndexer(ctx, sqliteDir, *idIndexEvery, logger)
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	// MongoDBURI blocks until the TCP listener is bound and reports the real
	// address (useful with port 0). Confirm it answers before announcing readiness.
	uri := f.MongoDBURI()
	u, err := url.Parse(uri)
	if err != nil {
		return err
	}
	if err = waitDial(ctx, u.Host, 10*time.Second); err != nil {
		stop()
		<-done
		return err
	}

	if _, err = fmt.Fprintf(os.Stdout, "ferretdb ready %s\n", uri); err != nil {
		return err
	}
	_ = os.Stdout.Sync() // no-op error on pipes/ttys; fmt writes are unbuffered anyway

	err = <-done
	logger.Debug("ferretdb stopped")
	return err
}

func waitDial(ctx context.Context, addr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			_ = c.Close()
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if time.Now().After(deadline) {
			return errors.Join(fmt.Errorf("listener %s did not answer in %s", addr, timeout), err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
