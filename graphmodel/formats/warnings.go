package formats

import (
	"fmt"
	"strconv"

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
	msg         func(t *tally) string
}

// see counts one more occurrence at p.
func (t *tally) see(file string, p pos, what string) {
	if t.n == 0 {
		t.file, t.first, t.what = file, p, what
	}
	t.n++
	t.last = p
}

// counted notes one more occurrence of the warning key: p and what
// describe this one, and msg words the warning from the tally once the read
// is done (each key gives one line, placed at its first occurrence).
func (b *builder) counted(key, file string, p pos, what string, msg func(t *tally) string) {
	if b.tallies == nil {
		b.tallies = map[string]*tally{}
	}
	t, ok := b.tallies[key]
	if !ok {
		t = &tally{msg: msg}
		b.tallies[key] = t
		b.tallyOrder = append(b.tallyOrder, key)
	}
	t.see(file, p, what)
}

// unreadAttr notes a value of an attribute or column Echoes has no field
// for, given by an item (a row, a node, an edge) at p. Each attribute gives
// one warning, at its first value, with how many items gave it.
func (b *builder) unreadAttr(file string, p pos, kind, name, item, why string) {
	b.counted("unread "+kind+" "+name, file, p, "", func(t *tally) string {
		return fmt.Sprintf("%s %q is not read (%s it): %s", kind, name, givenBy(t.n, item), why)
	})
}

// leftOut notes a value of a field that is not one Echoes can use, and is
// left out; what names the field, fix says what values it takes.
func (b *builder) leftOut(what, file string, p pos, val, fix string) {
	b.counted("left out "+what, file, p, strconv.Quote(clip(val)), func(t *tally) string {
		if t.n == 1 {
			return fmt.Sprintf("%s %s left out; %s", what, t.what, fix)
		}
		return fmt.Sprintf("%d %s values left out (the first here: %s; the last at line %d); %s", t.n, what, t.what, t.last.line, fix)
	})
}

// mergedSpells notes an actor whose several spells became one span: the
// hull of them, gaps and all.
func (b *builder) mergedSpells(file string, p pos, what string, n int, h interval) {
	desc := fmt.Sprintf("%s has %d spells, merged into one span from %s to %s", what, n, orOpenWord(h.start), orOpenWord(h.end))
	b.counted("merged spells", file, p, desc, func(t *tally) string {
		const why = "an actor has one span, so the gaps between its spells are lost"
		if t.n == 1 {
			return fmt.Sprintf("%s; %s", t.what, why)
		}
		return fmt.Sprintf("%d actors' spells merged into one span each (the first here: %s; the last at line %d); %s", t.n, t.what, t.last.line, why)
	})
}

// orOpenWord writes a bound of a span, or "open" when it has none.
func orOpenWord(d graphmodel.Date) string {
	if d.IsZero() {
		return "open"
	}
	return d.String()
}

// givenBy says how many items gave a value: "1 row gives", "3 nodes give".
func givenBy(n int, item string) string {
	if n == 1 {
		return "1 " + item + " gives"
	}
	return fmt.Sprintf("%d %ss give", n, item)
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
	for _, key := range b.tallyOrder {
		t := b.tallies[key]
		b.warnf(t.file, t.first, "%s", t.msg(t))
	}
	if b.nWarnings > len(b.warnings) {
		b.warnings = append(b.warnings, graphmodel.Problem{File: b.file, Msg: fmt.Sprintf("%d more warnings not shown", b.nWarnings-len(b.warnings))})
	}
	return b.warnings
}
