package formats

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/echoes-viz/echoes/graphmodel"
)

// csvTable is a CSV file read a row at a time: its header, and the row
// each yields with the place of every field. Only the current row is held:
// a million rows held at once took half a gigabyte.
type csvTable struct {
	file   string
	header []string // as written
	keys   []string // normalised
	b      *builder
	r      *csv.Reader
	lines  lineCursor
	n      int      // rows yielded
	row    []string // the current row
	at     []pos    // where its fields are
}

// col returns the index of the first column whose normalised name is one
// of names, or -1.
func (t *csvTable) col(names ...string) int {
	for _, n := range names {
		for i, k := range t.keys {
			if k == n {
				return i
			}
		}
	}
	return -1
}

// get returns row r's field in column i without spaces at its ends, or ""
// when the row is short. r is the row each yielded last.
func (t *csvTable) get(r, i int) string {
	return strings.TrimSpace(t.id(r, i))
}

// id returns row r's field in column i as an id: with the spaces at its
// ends if it was quoted, or "" when the row is short or the field blank.
func (t *csvTable) id(_, i int) string {
	if i < 0 || i >= len(t.row) || strings.TrimSpace(t.row[i]) == "" {
		return ""
	}
	return t.row[i]
}

// lineCursor finds the byte at a line and column of a CSV file, for fields
// met in order, without indexing every line.
type lineCursor struct {
	data []byte
	line int // the line that starts at off
	off  int
}

// quoted reports whether the field that starts at line, col (1-based, col
// in bytes, as encoding/csv counts them) starts with a quote.
func (lc *lineCursor) quoted(line, col int) bool {
	for lc.line < line {
		i := bytes.IndexByte(lc.data[lc.off:], '\n')
		if i < 0 {
			return false
		}
		lc.off += i + 1
		lc.line++
	}
	at := lc.off + col - 1
	return lc.line == line && at < len(lc.data) && lc.data[at] == '"'
}

// place returns where row r's field in column i is.
func (t *csvTable) place(_, i int) pos {
	if i < 0 || i >= len(t.at) {
		return t.at[0]
	}
	return t.at[i]
}

// readCSVTable parses one CSV file: UTF-8 (a byte-order mark is skipped),
// fields separated by commas, semicolons or tabs, whichever the header line
// uses most. Rows that are wholly empty are skipped.
func readCSVTable(b *builder, file string, data []byte) *csvTable {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		col := off - bytes.LastIndexByte(data[:off], '\n')
		b.addfIn(file, pos{line, col}, "text is not UTF-8; save the file as \"CSV UTF-8\"")
		return nil
	}
	t := &csvTable{file: file, b: b, lines: lineCursor{data: data, line: 1}}
	t.r = csv.NewReader(bytes.NewReader(data))
	t.r.Comma = sniffComma(data)
	t.r.FieldsPerRecord = -1
	t.r.ReuseRecord = true // only the current row is held; what is kept is strings
	if rec, places, ok := t.next(); ok {
		t.header = slices.Clone(rec)
		t.keys = make([]string, len(rec))
		seen := map[string]bool{}
		for i, h := range rec {
			t.keys[i] = normKey(h)
			if t.keys[i] != "" && seen[t.keys[i]] {
				b.addfIn(file, places[i], "column %q appears twice; rename or remove one", h)
			}
			seen[t.keys[i]] = true
		}
	}
	if t.header == nil {
		if !b.stopped() && !t.failed() {
			b.addfIn(file, pos{1, 1}, "the file is empty; the first row names the columns, e.g. id,kind,name,actors,start,end")
		}
		return nil
	}
	return t
}

// failed reports whether reading stopped at a problem rather than at the
// end of the file.
func (t *csvTable) failed() bool { return t.r == nil }

// next reads the next row that is not wholly empty, with the place of each
// field; ok is false at the end of the file, or at a problem, reported.
func (t *csvTable) next() (rec []string, places []pos, ok bool) {
	if t.r == nil {
		return nil, nil, false
	}
	for {
		rec, err := t.r.Read()
		if err == io.EOF {
			return nil, nil, false
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				t.b.addfIn(t.file, pos{pe.Line, pe.Column}, "%s; a quote inside a quoted field is written twice (\"\"), and a field with quotes is quoted whole (fields here are separated by %s, as the first line is)", csvErrText(pe.Err), commaName(t.r.Comma))
			} else {
				t.b.addfIn(t.file, pos{}, "cannot read the file: %v; check that it was saved whole", err)
			}
			// The rows after a broken quote cannot be told apart, and
			// checking the rows before it would only add noise: stop here.
			t.r, t.b.full = nil, true
			return nil, nil, false
		}
		if blank(rec) {
			continue
		}
		places := slices.Grow(t.at[:0], len(rec))[:len(rec)] // reused, as the row is
		for i := range rec {
			rec[i] = plainLineBreaks(rec[i])
			l, c := t.r.FieldPos(i)
			places[i] = pos{l, c}
			// Spaces at the ends of a field are dropped, unless the field
			// is quoted: then they are part of the value (an id " A").
			if !t.lines.quoted(l, c) {
				rec[i] = strings.TrimSpace(rec[i])
			}
			rec[i] = unescapeCell(rec[i]) // '=x as written for spreadsheets
		}
		return rec, places, true
	}
}

// each yields the rows after the header one at a time, by number, up to
// MaxRelations of them; get, id and place read the row last yielded.
func (t *csvTable) each() iter.Seq[int] {
	return func(yield func(int) bool) {
		for !t.b.stopped() {
			rec, places, ok := t.next()
			if !ok {
				return
			}
			if t.n >= MaxRelations {
				t.b.addfIn(t.file, places[0], "more than %d rows; Echoes reads at most %d, split the file", MaxRelations, MaxRelations)
				t.r, t.b.full = nil, true
				return
			}
			t.row, t.at = rec, places
			if !yield(t.n) {
				return
			}
			t.n++
		}
	}
}

// csvErrText words encoding/csv's parse errors for a user.
func csvErrText(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return `CSV: a " in a field that is not quoted`
	case errors.Is(err, csv.ErrQuote):
		return `CSV: extraneous or missing " in quoted-field`
	}
	return "CSV: " + err.Error()
}

// commaName names a separator in a message.
func commaName(c rune) string {
	switch c {
	case ';':
		return "semicolons"
	case '\t':
		return "tabs"
	case ' ':
		return "spaces"
	}
	return "commas"
}

// plainLineBreaks drops the carriage returns before each line feed in a
// field. encoding/csv reads a quoted \r\n as \n but leaves any earlier \r
// (from "\r\r\n"), and such a field would not survive being saved and
// opened again.
func plainLineBreaks(f string) string {
	if !strings.Contains(f, "\r\n") {
		return f
	}
	b := make([]byte, 0, len(f))
	for i := 0; i < len(f); i++ {
		if f[i] == '\n' {
			b = bytes.TrimRight(b, "\r")
		}
		b = append(b, f[i])
	}
	return string(b)
}

// sniffComma picks the separator the first line uses most: a comma, a
// semicolon or a tab; or a space when the line has none of those (Gephi's
// table export offers space as a separator).
func sniffComma(data []byte) rune {
	line := data
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	best, n := ',', 0
	for _, c := range []rune{',', ';', '\t', ' '} {
		if c == ' ' && n > 0 {
			break
		}
		count, quoted := 0, false
		for _, r := range string(line) {
			switch {
			case r == '"':
				quoted = !quoted
			case r == c && !quoted:
				count++
			}
		}
		if count > n {
			best, n = c, count
		}
	}
	return best
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// readCSV reads a relations file and, when actData is not nil, the actors
// file beside it. Without an actors file, every actor a relation names is
// made, named by its id.
func readCSV(relName string, relData []byte, actName string, actData []byte) (*graphmodel.Dataset, []graphmodel.Problem, error) {
	b := newBuilder(relName)
	title := strings.TrimSuffix(filepath.Base(relName), filepath.Ext(relName))
	b.ds.Title = strings.TrimSuffix(title, ".relations")
	known := map[string]bool{}
	if actData != nil {
		if t := readCSVTable(b, actName, actData); t != nil {
			csvActors(b, t, known)
		}
	}
	var loops []string
	if t := readCSVTable(b, relName, relData); t != nil {
		loops = csvRelations(b, t)
	}
	if actData == nil && !b.stopped() {
		add := func(id string) bool {
			if known[id] {
				return false
			}
			known[id] = true
			name := strings.TrimSpace(id) // an id's quoted spaces are no part of a name
			b.addActor(&graphmodel.Actor{ID: id, Names: []graphmodel.NameSpan{{Name: name, Short: name}}}, itemLoc{})
			return true
		}
		for _, r := range b.ds.Relations {
			for _, id := range r.Actors {
				add(id)
			}
		}
		// An id that appears only in self-loops is still an actor.
		for _, id := range loops {
			if add(id) {
				b.loopOnly++
			}
		}
	}
	return b.result()
}

// csvActors reads the actors file: one row per actor, and a further row
// with a from date for each later name.
func csvActors(b *builder, t *csvTable, known map[string]bool) {
	idCol := t.col("id")
	nameCol := t.col("name", "label")
	shortCol := t.col("short", "shortname")
	fromCol := t.col("from", "namefrom")
	spanCol := t.col("timeset", "intervals", "interval", "timeinterval", "spells")
	stampCol := t.col("timestamps", "timestamp")
	if idCol < 0 && nameCol < 0 {
		b.addfIn(t.file, pos{1, 1}, "the actors file has no id column; name the first row's columns, e.g. id,name,short,from,kind,start,end,longitude,latitude,color")
		return
	}
	if idCol < 0 {
		idCol = nameCol
	}
	local := localNameCols(t)
	accs := map[string]*actorAcc{}
	var order []*actorAcc
	for r := range t.each() {
		if b.stopped() {
			return
		}
		id := t.id(r, idCol)
		if id == "" {
			b.addfIn(t.file, t.place(r, idCol), "row has no id; give every actor an id")
			continue
		}
		name := graphmodel.NameSpan{Name: t.get(r, nameCol), Short: t.get(r, shortCol)}
		if name.Name == "" {
			name.Name = strings.TrimSpace(id)
		}
		if name.Short == "" {
			name.Short = name.Name
		}
		if s := t.get(r, fromCol); s != "" {
			name.From = b.dateIn(t.file, t.place(r, fromCol), "from", s)
		}
		local.apply(t, r, &name)
		c, seen := accs[id]
		if seen {
			if name.From.IsZero() {
				b.addfIn(t.file, t.place(r, idCol), "actor %q has a second row without a from date; a further row gives a later name and the date it was taken", id)
				continue
			}
			c.names = append(c.names, name)
			continue
		}
		c = &actorAcc{loc: itemLoc{pos: t.place(r, 0), file: t.file, what: "row"}}
		c.a.ID = id
		c.names = []graphmodel.NameSpan{name}
		for i, key := range t.header {
			switch i {
			case idCol, nameCol, shortCol, fromCol, spanCol, stampCol:
				continue
			}
			if local.has(i) {
				continue
			}
			c.set(b, key, t.get(r, i), t.place(r, i))
		}
		if ivs := csvTimes(b, t, r, spanCol, stampCol); len(ivs) > 0 && c.a.Span == (graphmodel.Span{}) {
			// Gephi's node table: the span is the hull of the spells.
			h := hull(ivs)
			if len(ivs) > 1 {
				b.mergedSpells(t.file, t.place(r, max(spanCol, stampCol)), "actor", id, len(ivs), h)
			}
			c.a.Span = graphmodel.Span{Start: h.start, End: h.end}
			c.loc.field("span", t.place(r, max(spanCol, stampCol)))
		}
		if nameCol >= 0 {
			c.loc.field("names", t.place(r, nameCol))
		}
		accs[id] = c
		order = append(order, c)
	}
	for _, c := range order {
		known[c.a.ID] = true
		if !b.addActor(c.actor(), c.loc) {
			return
		}
	}
}

// localNameCol is an actors file's column of names in another language:
// "name:ko", "short:ja" (any spelling normKey folds alike, "Name (ko)").
type localNameCol struct {
	col   int
	lang  string
	short bool
}

// localNames are an actors file's columns of names in other languages.
type localNames []localNameCol

// localNameCols finds the columns of names in Echoes' other languages.
func localNameCols(t *csvTable) localNames {
	var out localNames
	for i, k := range t.keys {
		for _, lang := range graphmodel.Languages() {
			switch k {
			case "name" + normKey(lang):
				out = append(out, localNameCol{i, lang, false})
			case "short" + normKey(lang), "shortname" + normKey(lang):
				out = append(out, localNameCol{i, lang, true})
			}
		}
	}
	return out
}

// has reports whether column i is one of them.
func (ls localNames) has(i int) bool {
	for _, l := range ls {
		if l.col == i {
			return true
		}
	}
	return false
}

// apply sets the names row r gives in other languages on n.
func (ls localNames) apply(t *csvTable, r int, n *graphmodel.NameSpan) {
	for _, l := range ls {
		v := t.get(r, l.col)
		if v == "" {
			continue
		}
		if n.Localised == nil {
			n.Localised = map[string]graphmodel.LocalName{}
		}
		ln := n.Localised[l.lang]
		if l.short {
			ln.Short = v
		} else {
			ln.Name = v
		}
		n.Localised[l.lang] = ln
	}
}

// csvRelations reads the relations file: one row per relation, its actors
// in an actors column (a;b;c) or in source and target columns. It returns
// the actors of the self-loops it dropped.
func csvRelations(b *builder, t *csvTable) (loops []string) {
	idCol := t.col("id")
	srcCol, tgtCol := t.col("source"), t.col("target")
	typeCol := t.col("type")
	spanCol := t.col("timeset", "intervals", "interval", "timeinterval", "spells")
	stampCol := t.col("timestamps", "timestamp")
	if t.col("actors") < 0 && (srcCol < 0 || tgtCol < 0) {
		b.addfIn(t.file, pos{1, 1}, "the relations file has no actors column (nor source and target); name the first row's columns, e.g. id,kind,name,actors,start,end")
		return
	}
	groups := map[string]*groupAcc{}
	c := new(relAcc)
	for r := range t.each() {
		if b.stopped() {
			return
		}
		at := t.place(r, 0)
		// One accumulator for every row: what a row makes is copied out of
		// it (the relation by relation(), its places by addRelation), and a
		// new one each row was 430 bytes of garbage, a million times.
		*c = relAcc{loc: itemLoc{pos: at, file: t.file, what: "row", fields: c.loc.fields[:0]}}
		c.r.ID = t.id(r, idCol)
		if c.r.ID == "" {
			c.r.ID = fmt.Sprintf("r%d", at.line)
		}
		for i, key := range t.header {
			val := t.get(r, i)
			if strings.TrimSpace(key) == "" {
				continue // an unnamed column: nothing to call its values
			}
			switch i {
			case idCol, srcCol, tgtCol, spanCol, stampCol:
				continue
			case typeCol:
				if d, err := parseBool(val); err == nil {
					c.r.Directed = d
					continue
				}
				if graphmodel.Kind(strings.ToLower(val)).Valid() {
					key = "kind"
				}
			}
			c.set(b, key, val, t.place(r, i))
		}
		ivs := csvTimes(b, t, r, spanCol, stampCol)
		src, tgt := t.id(r, srcCol), t.id(r, tgtCol)
		if c.actors == nil && (src == "" || tgt == "") {
			b.addfIn(t.file, at, "row has no actors; fill the actors column (a;b) or source and target")
			continue
		}
		if c.actors == nil && src == tgt {
			b.selfLoop(t.file, at, "row", c.r.ID, src)
			loops = append(loops, src)
			continue
		}
		c.loc.field("actors", t.place(r, max(srcCol, t.col("actors"))))
		b.addEdge(c, []string{src, tgt}, ivs, groups)
	}
	return loops
}

// csvTimes reads row r's Gephi time set: its intervals column, or else its
// timestamps column; nil when it has neither.
func csvTimes(b *builder, t *csvTable, r, spanCol, stampCol int) []interval {
	for _, ic := range []int{spanCol, stampCol} {
		if v := t.get(r, ic); v != "" {
			parse := parseIntervals
			if ic == stampCol {
				parse = parseTimestamps
			}
			ivs, err := parse(v)
			if err != nil {
				b.addfIn(t.file, t.place(r, ic), "%s: %v", t.header[ic], err)
			}
			return ivs
		}
	}
	return nil
}

// dateIn reads a date in another file than the builder's own.
func (b *builder) dateIn(file string, at pos, key, val string) graphmodel.Date {
	d, err := parseTime(val)
	if err != nil {
		b.addfIn(file, at, "%s: %v", key, err)
	}
	return d
}
