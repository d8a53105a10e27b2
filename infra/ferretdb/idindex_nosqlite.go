//go:build ferretdb_no_sqlite

package main

import (
	"context"
	"log/slog"
	"time"
)

func ensureIDIndexes(context.Context, string, *slog.Logger) {}

func runIDIndexer(context.Context, string, time.Duration, *slog.Logger) {}
