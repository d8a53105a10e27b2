package main

import (
	"context"
	"log/slog"
	"slices"
	"strings"
)

// quietHandler does two things to FerretDB's logging.
//
// It demotes FerretDB's per-connection chatter, which it logs at WARN, to DEBUG: a dump of every failed
// response (each node client's close sends `endSessions`, which FerretDB 1.24 does not know) and every
// normal disconnect. The client sees those errors anyway; --log-level debug shows them again.
//
// And it defers WithAttrs/WithGroup until a record is really written. FerretDB 1.24 calls
// `logger.With(slog.Any("args", args)).DebugContext(...)` around every SQL statement, with the whole
// document as an argument; slog's built-in handlers format attributes eagerly in WithAttrs, whatever the
// level, so at the default level the server spent most of its CPU quoting documents into log lines
// nobody reads (measured with perf: ~35% of the server's CPU on inserts; see docs/BENCHMARKS.md).
type quietHandler struct {
	inner slog.Handler
	// pending WithAttrs/WithGroup calls, in order, applied only in Handle
	ops []handlerOp
}

type handlerOp struct {
	group string // a WithGroup call when attrs is nil
	attrs []slog.Attr
}

var noisyPrefixes = []string{
	"Response header",
	"Response message",
	"Connection stopped",
	"Failed to set deadline",
}

func newQuietHandler(inner slog.Handler) quietHandler {
	return quietHandler{inner: inner}
}

func (h quietHandler) Enabled(ctx context.Context, l slog.Level) bool {
	// decided per record in Handle, where the message is known
	return l >= slog.LevelWarn || h.inner.Enabled(ctx, l)
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

	if !h.inner.Enabled(ctx, r.Level) {
		return nil
	}

	inner := h.inner
	for _, op := range h.ops {
		if op.attrs == nil {
			inner = inner.WithGroup(op.group)
		} else {
			inner = inner.WithAttrs(op.attrs)
		}
	}

	return inner.Handle(ctx, r)
}

func (h quietHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	if len(attrs) == 0 {
		return h
	}
	return quietHandler{inner: h.inner, ops: append(slices.Clip(h.ops), handlerOp{attrs: slices.Clone(attrs)})}
}

func (h quietHandler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	return quietHandler{inner: h.inner, ops: append(slices.Clip(h.ops), handlerOp{group: name})}
}
