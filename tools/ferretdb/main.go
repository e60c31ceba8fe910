// Command ferretdb runs FerretDB v1.24.2 (pinned in go.mod) with its SQLite backend for the
// single-machine setup. It wraps FerretDB's embeddable package rather than its CLI because the
// CLI refuses to start when built from the module cache (it expects a git checkout's
// build/version/version.txt); the embeddable package has no such check. Flags mirror the CLI's.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	handler := flag.String("handler", "sqlite", "backend handler: sqlite or postgresql")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite directory URI")
	postgresURL := flag.String("postgresql-url", "", "PostgreSQL URL")
	listenAddr := flag.String("listen-addr", "127.0.0.1:27017", "TCP listen address")
	logLevel := flag.String("log-level", "error", "debug, info, warn or error")
	flag.String("telemetry", "disable", "accepted for CLI compatibility; telemetry is always off")
	flag.String("debug-addr", "-", "accepted for CLI compatibility; no debug listener")
	flag.String("state-dir", "-", "accepted for CLI compatibility; no state directory")
	version := flag.Bool("version", false, "print the version and exit")
	flag.Parse()

	if *version {
		fmt.Println("ferretdb v1.24.2 (embedded, sqlite)")
		return
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "invalid --log-level %q: %v\n", *logLevel, err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	// YJS_NO_REPLY_PROXY=on: FerretDB listens on a private Unix socket behind the proxy that owns the TCP
	// address (no_reply_proxy.go). Off by default: the product sends no w: 0 (its driver guard), and the
	// extra hop cost ~7 ms of CPU per task completion (+28%) on 2 cores; turn it on where other clients
	// (shells, scripts) reach the embedded database.
	listener := ferretdb.ListenerConfig{TCP: *listenAddr}
	var front net.Listener
	if os.Getenv("YJS_NO_REPLY_PROXY") == "on" {
		dir, err := os.MkdirTemp("", "yjs-ferretdb-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer os.RemoveAll(dir)
		listener = ferretdb.ListenerConfig{Unix: filepath.Join(dir, "ferretdb.sock")}
		if front, err = net.Listen("tcp", *listenAddr); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      listener,
		Logger:        logger,
		Handler:       *handler,
		SQLiteURL:     *sqliteURL,
		PostgreSQLURL: *postgresURL,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	if *handler == "sqlite" {
		if dir, err := sqliteDir(*sqliteURL); err == nil {
			var cp *checkpoints
			if every, err := time.ParseDuration(os.Getenv("YJS_CHECKPOINT_INTERVAL")); err == nil && every > 0 {
				cp = newCheckpoints(every)
			}
			go keepIDIndexes(ctx, dir, 250*time.Millisecond, cp, logger)
			// An environment variable, not a flag, so the product can pass it to an upstream binary too.
			if every, err := time.ParseDuration(os.Getenv("YJS_WAL_SYNC_INTERVAL")); err == nil && every > 0 {
				go keepWALsSynced(ctx, dir, every, logger)
			}
		} else {
			logger.Warn("id index: not kept", "err", err)
		}
	}

	if front != nil {
		sock := listener.Unix
		go serveWithoutStrayReplies(ctx, front, func() (net.Conn, error) { return net.Dial("unix", sock) }, logger)
	}

	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
