//go:build !ferretdb_no_sqlite

package main

// FerretDB v1.24's SQLite backend creates the unique _id index of every
// collection as
//
//	CREATE UNIQUE INDEX "<table>__id_" ON "<table>" (_ferretdb_sjson->"_id")
//
// but its queries, UPDATEs and DELETEs filter on a different expression,
// _ferretdb_sjson->'$._id'. SQLite matches index expressions structurally, so
// that index is only ever used to enforce uniqueness: every find/update/delete by
// _id is a full table scan (about 0.25 s per operation at 50,000 documents of
// 3 KB). We add, for every collection table, a plain index on the exact
// expression the queries use. FerretDB never looks at SQLite's own schema for
// indexes (it keeps its index list in _ferretdb_collections), the extra index
// goes away with the table on drop, and it is invisible to listIndexes.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver (FerretDB uses the same one)
)

const idIndexSuffix = "__tw_id_path"

// ensureIDIndexes adds the missing _id path indexes in every database file of dir.
func ensureIDIndexes(ctx context.Context, dir string, logger *slog.Logger) {
	files, err := filepath.Glob(filepath.Join(dir, "*.sqlite"))
	if err != nil {
		logger.WarnContext(ctx, "id index: glob", slog.Any("error", err))
		return
	}

	for _, f := range files {
		if ctx.Err() != nil {
			return
		}
		if err := ensureIDIndexesFile(ctx, f, logger); err != nil {
			// the database may have been dropped meanwhile; try again next round
			logger.DebugContext(ctx, "id index", slog.String("file", f), slog.Any("error", err))
		}
	}
}

func ensureIDIndexesFile(ctx context.Context, file string, logger *slog.Logger) error {
	// mode=rw: never create a database file that FerretDB has just dropped.
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(file), RawQuery: "mode=rw&_pragma=busy_timeout(10000)"}

	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)

	rows, err := db.QueryContext(ctx, `
		SELECT c.table_name FROM _ferretdb_collections c
		WHERE EXISTS (SELECT 1 FROM sqlite_master t WHERE t.type = 'table' AND t.name = c.table_name)
		  AND NOT EXISTS (SELECT 1 FROM sqlite_master i WHERE i.type = 'index' AND i.name = c.table_name || ?)`,
		idIndexSuffix,
	)
	if err != nil {
		return err
	}

	var tables []string
	for rows.Next() {
		var t string
		if err = rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, t)
	}
	if err = errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}

	for _, t := range tables {
		start := time.Now()
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON %s (_ferretdb_sjson->'$._id')`,
			quoteIdent(t+idIndexSuffix), quoteIdent(t))
		if _, err = db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", t, err)
		}
		logger.DebugContext(ctx, "id index created", slog.String("file", file), slog.String("table", t),
			slog.Duration("took", time.Since(start)))
	}

	return nil
}

func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// runIDIndexer calls ensureIDIndexes every interval until ctx is done.
func runIDIndexer(ctx context.Context, dir string, interval time.Duration, logger *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()

	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			ensureIDIndexes(ctx, dir, logger)
		}
	}
}
