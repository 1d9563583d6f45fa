package formats

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"iter"
	"strings"
	"unicode/utf8"
)

// csvTable is a CSV file read a row at a time: its header, and the row
// each yields with the place of every field. Only the current row is held:
// a million rows held at once took half a gigabyte.
type csvTable struct {
	file   string
	header []string // as written
	keys   []string // normalised
	b      *builder
	r      *csvReader // nil once reading stopped at a problem
	comma  rune
	n      int      // rows yielded
	row    []string // the current row
	at     []pos    // where its fields are
	quoted []bool   // which of its fields were quoted
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
	if i >= 0 && i < len(t.row) && !t.quoted[i] {
		return t.row[i] // trimmed as it was read
	}
	if i < 0 || i >= len(t.row) || strings.TrimSpace(t.row[i]) == "" {
		return ""
	}
	return t.row[i]
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
func readCSVTable(b *builder, file string, in csvInput) *csvTable {
	data := bytes.TrimPrefix(in.data, []byte("\xef\xbb\xbf"))
	if in.src == nil && !utf8.Valid(data) { // a file streamed in was checked whole before
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
	t := &csvTable{file: file, b: b, comma: sniffComma(data)}
	// Only the current row is held; what is kept is strings.
	t.r = &csvReader{data: data, comma: byte(t.comma), src: in.src, eof: in.src == nil, size: in.size}
	if rec, places, ok := t.next(); ok {
		t.header = make([]string, len(rec))
		for i, h := range rec {
			t.header[i] = strings.Clone(h) // the names outlive the row
		}
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

// csvInput is a CSV file in memory (data), or its first bytes (data) and
// the rest to read from src as the rows are read, size bytes in all.
type csvInput struct {
	data []byte
	src  io.Reader
	size int64
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
		rec, places, quoted, ok, err := t.r.read()
		t.quoted = quoted
		if err != nil {
			t.b.addfIn(t.file, pos{err.Line, err.Column}, "%s; a quote inside a quoted field is written twice (\"\"), and a field with quotes is quoted whole (fields here are separated by %s, as the first line is)", csvErrText(err.Err), commaName(t.comma))
			// The rows after a broken quote cannot be told apart, and
			// checking the rows before it would only add noise: stop here.
			t.r, t.b.full = nil, true
			return nil, nil, false
		}
		if !ok {
			return nil, nil, false
		}
		if blank(rec) {
			continue
		}
		for i := range rec {
			// Spaces at the ends of a field are dropped, unless the field
			// is quoted: then they are part of the value (an id " A").
			// Only a quoted field can hold a line break.
			if quoted[i] {
				rec[i] = plainLineBreaks(rec[i])
			} else {
				rec[i] = strings.TrimSpace(rec[i])
			}
			if f := rec[i]; len(f) > 1 && f[0] == '\'' {
				rec[i] = unescapeCell(f) // '=x as written for spreadsheets
			}
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
