package main

import (
	"context"
	"log/slog"
	"strings"
)

// quietHandler demotes FerretDB's per-connection chatter, which it logs at WARN,
// to DEBUG: a dump of every failed response (each node client's close sends
// `endSessions`, which FerretDB 1.24 does not know) and every normal disconnect.
// The client sees those errors anyway; --log-level debug shows them again.
type quietHandler struct {
	slog.Handler
}

var noisyPrefixes = []string{
	"Response header",
	"Response message",
	"Connection stopped",
	"Failed to set deadline",
}

func (h quietHandler) Enabled(ctx context.Context, l slog.Level) bool {
	// decided per record in Handle, where the message is known
	return l >= slog.LevelWarn || h.Handler.Enabled(ctx, l)
}

func (h quietHandler) Handle(ctx context.Context, r slog.Record) error {
	if r.Level == slog.LevelWarn {
		for _, p := range noisyPrefixes {
			if strings.HasPrefix(r.Message, p) {
				r.Level = slog.LevelDebug
				break
			}
		}
	}

	if !h.Handler.Enabled(ctx, r.Level) {
		return nil
	}

	return h.Handler.Handle(ctx, r)
}

func (h quietHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return quietHandler{h.Handler.WithAttrs(attrs)}
}

func (h quietHandler) WithGroup(name string) slog.Handler {
	return quietHandler{h.Handler.WithGroup(name)}
}
