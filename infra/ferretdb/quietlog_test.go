package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// countingHandler counts WithAttrs calls: the eager formatting quietHandler must avoid.
type countingHandler struct {
	slog.Handler
	withAttrs *int
}

func (h countingHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	*h.withAttrs++
	return countingHandler{h.Handler.WithAttrs(attrs), h.withAttrs}
}

func (h countingHandler) WithGroup(name string) slog.Handler {
	return countingHandler{h.Handler.WithGroup(name), h.withAttrs}
}

func newTestLogger(level slog.Level) (*slog.Logger, *bytes.Buffer, *int) {
	var out bytes.Buffer
	calls := 0
	inner := countingHandler{slog.NewTextHandler(&out, &slog.HandlerOptions{Level: level}), &calls}
	return slog.New(newQuietHandler(inner)), &out, &calls
}

func TestDisabledRecordsFormatNoAttributes(t *testing.T) {
	logger, out, calls := newTestLogger(slog.LevelWarn)
	logger.With(slog.Any("args", []any{strings.Repeat("x", 1000)})).Debug(">>> INSERT")
	if *calls != 0 || out.Len() != 0 {
		t.Fatalf("a debug record at level warn formatted its attributes: %d WithAttrs calls, output %q", *calls, out.String())
	}
}

func TestEnabledRecordsKeepAttributesAndGroups(t *testing.T) {
	logger, out, _ := newTestLogger(slog.LevelDebug)
	logger.With("a", 1).WithGroup("g").With("b", 2).Info("hello", "c", 3)
	got := out.String()
	if !strings.Contains(got, "msg=hello a=1 g.b=2 g.c=3") {
		t.Fatalf("unexpected output %q", got)
	}
}

func TestNoisyWarningsAreDemoted(t *testing.T) {
	logger, out, _ := newTestLogger(slog.LevelWarn)
	logger.Warn("Connection stopped", "conn", "x")
	logger.Warn("something real")
	got := out.String()
	if strings.Contains(got, "Connection stopped") || !strings.Contains(got, "something real") {
		t.Fatalf("unexpected output %q", got)
	}
}
