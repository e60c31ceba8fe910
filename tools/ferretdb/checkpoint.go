package main

// SQLite copies the write-ahead log back into the database file (a checkpoint) from inside a commit, once
// the log passes wal_autocheckpoint pages (1,000 by default, ~4 MB): that commit's caller, one request, then
// waits for the copy and, with synchronous=NORMAL, two fsyncs. The product raises that threshold
// (resolve-database.ts) and passes YJS_CHECKPOINT_INTERVAL, and this loop checkpoints each database written
// since its last checkpoint in the background, PASSIVE: it never waits for or blocks FerretDB's readers and
// writer, and a commit stays a commit. An upstream ferretdb binary ignores the variable and checkpoints at
// the raised threshold itself.

import (
	"context"
	"database/sql"
	"log/slog"
	"os"
	"time"
)

type checkpoints struct {
	every time.Duration
	last  map[string]time.Time // database file → when it was last checkpointed
}

func newCheckpoints(every time.Duration) *checkpoints {
	return &checkpoints{every: every, last: map[string]time.Time{}}
}

// maybe checkpoints file (through db, a connection of its own) when its log was written since the last
// checkpoint and at least `every` has passed.
func (c *checkpoints) maybe(ctx context.Context, db *sql.DB, file string, logger *slog.Logger) {
	if c == nil {
		return
	}
	wal, err := os.Stat(file + "-wal")
	if err != nil {
		return
	}
	last := c.last[file]
	if time.Since(last) < c.every || !wal.ModTime().After(last) {
		return
	}
	c.last[file] = time.Now()
	if _, err := db.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)"); err != nil && ctx.Err() == nil {
		logger.Warn("checkpoint failed", "file", file, "err", err)
	}
}

func (c *checkpoints) forget(file string) {
	if c != nil {
		delete(c.last, file)
	}
}
