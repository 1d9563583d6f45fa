package formats

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// A warning is something a reader dropped or changed in a file it read all
// the same: a self-loop, spells merged into one span, a column it has no
// field for. Warnings are graphmodel.Problem values, so they print as
// FILE:LINE:COL: message; unlike problems they do not make a file invalid.
// A warning that can repeat is tallied and given once, at its first place,
// with its count: a file of a million rows gets a line, not a million.

// maxWarnings caps the warnings one read reports; the last one says how
// many more there were.
const maxWarnings = graphmodel.MaxProblems

// tallyKey tells one repeated warning from another: its kind and, for an
// unread attribute, the attribute.
type tallyKey struct{ kind, class, name string }

// tally counts one repeated warning.
type tally struct {
	n           int
	file        string // file of the first, when not the builder's
	first, last pos
	what        string                // the first one, described
	msg         func(t *tally) string // words the warning once the read is done
}

// note counts one more occurrence of the warning key at p in file. A new
// tally (n == 1) is the caller's to describe: it sets what and msg, so
// that repeats cost no formatting.
func (b *builder) note(key tallyKey, file string, p pos) *tally {
	t := b.tallies[key]
	if t == nil {
		if b.tallies == nil {
			b.tallies = map[tallyKey]*tally{}
		}
		t = &tally{file: file, first: p}
		b.tallies[key] = t
		b.tallyOrder = append(b.tallyOrder, key)
	}
	t.n++
	t.last = p
	return t
}

// selfLoop notes an edge or row from an actor to itself, which is left
// out: a relation is between two different actors.
func (b *builder) selfLoop(file string, p pos, what, id, actor string) {
	t := b.note(tallyKey{kind: "self-loop"}, file, p)
	if t.n > 1 {
		return
	}
	t.what = fmt.Sprintf("%s %q joins %q to itself", what, id, actor)
	t.msg = func(t *tally) string {
		const why = "a relation in Echoes is between two different actors"
		kept := ""
		if b.loopOnly > 0 {
			kept = fmt.Sprintf("; %s that appear only in them are kept as actors", Counted(b.loopOnly, "id"))
		}
		if t.n == 1 {
			return fmt.Sprintf("self-loop left out: %s; %s%s", t.what, why, kept)
		}
		return fmt.Sprintf("%d self-loops left out (the first here: %s; the last at line %d); %s%s", t.n, t.what, t.last.line, why, kept)
	}
}

// unreadAttr notes a value of an attribute or column Echoes has no field
// for (kind "column", "node attribute"…), given by an item (a row, a
// node, an edge) at p. Each attribute gives one warning, at its first
// value, with how many items gave it.
func (b *builder) unreadAttr(file string, p pos, kind, name, item, why string) {
	t := b.note(tallyKey{"unread", kind, name}, file, p)
	if t.n > 1 {
		return
	}
	t.msg = func(t *tally) string {
		return fmt.Sprintf("%s %q is not read (%s it): %s", kind, name, givenBy(t.n, item), why)
	}
}

// unreadDefault notes an item (a node, an edge) that takes the declared
// default of an attribute Echoes does not read: kind names the attribute's
// class ("node attribute"), declared at p with default def.
func (b *builder) unreadDefault(p pos, kind, name, def, item, why string) {
	t := b.note(tallyKey{"default", kind, name}, "", p)
	if t.n > 1 {
		return
	}
	t.what = strconv.Quote(clip(strings.TrimSpace(def)))
	t.msg = func(t *tally) string {
		taken := "1 " + item + " takes it"
		if t.n > 1 {
			taken = fmt.Sprintf("%d %ss take it", t.n, item)
		}
		return fmt.Sprintf("%s %q has a default, %s, that is not read (%s): %s", kind, name, t.what, taken, why)
	}
}

// unreadWeight notes a weight other than 1, which Echoes does not draw.
func (b *builder) unreadWeight(file string, p pos, kind, name, item string) {
	t := b.note(tallyKey{"weight", kind, name}, file, p)
	if t.n > 1 {
		return
	}
	t.msg = func(t *tally) string {
		return fmt.Sprintf("%s %q is not read (%s a weight other than 1): Echoes draws every relation alike, whatever its weight", kind, name, givenBy(t.n, item))
	}
}

// leftOut notes a value of a field that is not one Echoes can use, and is
// left out; what names the field, fix says what values it takes.
func (b *builder) leftOut(what, file string, p pos, val, fix string) {
	t := b.note(tallyKey{"left out", what, ""}, file, p)
	if t.n > 1 {
		return
	}
	t.what = strconv.Quote(clip(val))
	t.msg = func(t *tally) string {
		if t.n == 1 {
			return fmt.Sprintf("%s %s left out; %s", what, t.what, fix)
		}
		return fmt.Sprintf("%d %s values left out (the first here: %s; the last at line %d); %s", t.n, what, t.what, t.last.line, fix)
	}
}

// mergedSpells notes an actor (what, such as node, and id) whose n spells
// became one span h: their hull, gaps and all.
func (b *builder) mergedSpells(file string, p pos, what, id string, n int, h interval) {
	t := b.note(tallyKey{kind: "merged spells"}, file, p)
	if t.n > 1 {
		return
	}
	t.what = fmt.Sprintf("%s %q has %d spells, merged into one span from %s to %s", what, id, n, orOpenWord(h.start), orOpenWord(h.end))
	t.msg = func(t *tally) string {
		const why = "an actor has one span, so the gaps between its spells are lost"
		if t.n == 1 {
			return fmt.Sprintf("%s; %s", t.what, why)
		}
		return fmt.Sprintf("%d actors' spells merged into one span each (the first here: %s; the last at line %d); %s", t.n, t.what, t.last.line, why)
	}
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

// warningsDone turns the tallies into warnings, in the order they were
// first met, and caps the list; it returns every warning of the read.
func (b *builder) warningsDone() []graphmodel.Problem {
	for _, key := range b.tallyOrder {
		t := b.tallies[key]
		b.warnf(t.file, t.first, "%s", t.msg(t))
	}
	if b.nWarnings > len(b.warnings) {
		b.warnings = append(b.warnings, graphmodel.Problem{File: b.file, Msg: fmt.Sprintf("%d more warnings not shown", b.nWarnings-len(b.warnings))})
	}
	return b.warnings
}

// Counted says n of noun in English, "1 relation" or "2 relations": the
// form validate, convert and the warnings use.
func Counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
