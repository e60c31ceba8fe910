package main

// FerretDB 1.24's SQLite backend finds a document by _id with the expression
// `_ferretdb_sjson->'$._id'` (metadata.IDColumn), but the unique _id index it creates for every
// collection is on `_ferretdb_sjson->"_id"`. SQLite uses an expression index only for the identical
// expression, so every find, update and delete by _id scans the whole table: measured here, an
// update by _id cost ~6 ms at 100 documents and ~76 ms at 3,000. FerretDB itself is left unmodified;
// beside its own index we keep one on exactly the expression it queries with. FerretDB never reads
// sqlite_master, so it does not see the extra index, and dropping a collection drops it with the table.

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the SQLite driver FerretDB itself uses
)

const idIndexSuffix = "_yjs_id_lookup"

// sqliteDir turns FerretDB's --sqlite-url (file:<dir>/?<params>) into the directory it names.
func sqliteDir(sqliteURL string) (string, error) {
	u, err := url.Parse(sqliteURL)
	if err != nil {
		return "", err
	}
	dir := u.Opaque
	if dir == "" {
		dir = u.Path
	}
	if dir == "" {
		return "", fmt.Errorf("no directory in %q", sqliteURL)
	}
	return dir, nil
}

// keepIDIndexes adds the missing _id lookup index to every collection table, now and every interval
// (collections are created on first insert while the server runs), until ctx ends. On the same connection
// it checkpoints the databases written meanwhile (checkpoint.go; cp may be nil).
//
// The connection lives for one visit, never between ticks. FerretDB drops a database by closing its own
// connections and removing only the .sqlite file; SQLite deletes the write-ahead log and shared-memory files
// on the last close. A connection of ours kept open made FerretDB's close not the last: the log stayed, our
// connection stayed on the removed file, and once a database of the same name was created its checkpoint
// copied the new database's log into the removed file, losing the new tables ("no such table";
// test/integration/database/recreated-database.test.ts). Open for a millisecond or two each tick, ours can
// still overlap a drop, but rarely where it used to always.
func keepIDIndexes(ctx context.Context, dir string, interval time.Duration, cp *checkpoints, logger *slog.Logger) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
		for _, file := range files {
			visitDatabase(ctx, file, cp, logger)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

func visitDatabase(ctx context.Context, file string, cp *checkpoints, logger *slog.Logger) {
	db, err := sql.Open("sqlite", "file:"+file+"?mode=rw&_pragma=busy_timeout(10000)") // mode=rw: never creates a dropped database again
	if err != nil {
		logger.Warn("id index: open failed", "file", file, "err", err)
		return
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := addMissingIDIndexes(ctx, db); err != nil && ctx.Err() == nil {
		if _, statErr := os.Stat(file); statErr != nil { // database dropped meanwhile
			cp.forget(file)
			return
		}
		logger.Warn("id index: check failed", "file", file, "err", err)
	}
	cp.maybe(ctx, db, file, logger)
}

func addMissingIDIndexes(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `
		SELECT t.name FROM sqlite_master t
		WHERE t.type = 'table' AND t.name NOT LIKE '\_ferretdb\_%' ESCAPE '\' AND t.name NOT LIKE 'sqlite\_%' ESCAPE '\'
		  AND NOT EXISTS (SELECT 1 FROM sqlite_master i WHERE i.type = 'index' AND i.name = t.name || ?)
		  AND EXISTS (SELECT 1 FROM pragma_table_info(t.name) c WHERE c.name = '_ferretdb_sjson')`, idIndexSuffix)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, name)
	}
	rows.Close()
	for _, table := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON %s (_ferretdb_sjson->'$._id')`,
			quoteIdent(table+idIndexSuffix), quoteIdent(table))
		if _, err := db.ExecContext(ctx, q); err != nil && !strings.Contains(err.Error(), "no such table") {
			return err
		}
	}
	return nil
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
