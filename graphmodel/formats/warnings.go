package formats

import (
	"fmt"

	"github.com/echoes-viz/echoes/graphmodel"
)

// A warning is something a reader dropped or changed in a file it read all
// the same: a self-loop, spells merged into one span, a column it has no
// field for. Warnings are graphmodel.Problem values, so they print as
// FILE:LINE:COL: message; unlike problems they do not make a file invalid.

// maxWarnings caps the warnings one read reports; the last one says how
// many more there were.
const maxWarnings = graphmodel.MaxProblems

// tally counts one kind of repeated warning, so that a file with hundreds
// of self-loops gets one line that says how many and where the first was.
type tally struct {
	n           int
	file        string // file of the first, when not the builder's
	first, last pos
	what        string // the first one, described
}

// see counts one more occurrence at p.
func (t *tally) see(file string, p pos, what string) {
	if t.n == 0 {
		t.file, t.first, t.what = file, p, what
	}
	t.n++
	t.last = p
}

// warnf records a warning at p in file ("" for the builder's own file).
func (b *builder) warnf(file string, p pos, format string, args ...any) {
	if file == "" {
		file = b.file
	}
	b.nWarnings++
	if len(b.warnings) < maxWarnings {
		b.warnings = append(b.warnings, graphmodel.Problem{File: file, Line: p.line, Col: p.col, Msg: fmt.Sprintf(format, args...)})
	}
}

// selfLoop notes an edge or row from an actor to itself, which is dropped:
// a relation is between two different actors.
func (b *builder) selfLoop(file string, p pos, what, id, actor string) {
	b.loops.see(file, p, fmt.Sprintf("%s %q joins %q to itself", what, id, actor))
}

// warningsDone turns the tallies into warnings and caps the list; it
// returns every warning of the read.
func (b *builder) warningsDone() []graphmodel.Problem {
	if t := b.loops; t.n > 0 {
		kept := ""
		if b.loopOnly > 0 {
			kept = fmt.Sprintf("; %s that appear only in them are kept as actors", counted(b.loopOnly, "id"))
		}
		if t.n == 1 {
			b.warnf(t.file, t.first, "self-loop left out: %s; a relation in Echoes is between two different actors%s", t.what, kept)
		} else {
			b.warnf(t.file, t.first, "%d self-loops left out (the first here: %s; the last at line %d); a relation in Echoes is between two different actors%s", t.n, t.what, t.last.line, kept)
		}
	}
	if b.nWarnings > len(b.warnings) {
		b.warnings = append(b.warnings, graphmodel.Problem{File: b.file, Msg: fmt.Sprintf("%d more warnings not shown", b.nWarnings-len(b.warnings))})
	}
	return b.warnings
}
