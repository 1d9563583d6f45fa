package formats

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/echoes-viz/echoes/graphmodel"
)

// relationColumns are the relations file's columns, in order.
func relationColumns() []string {
	return []string{"id", "kind", "name", "actors", "directed", "signed", "start", "end", "certainty", "description", "sources", "echoes", "ref"}
}

// actorColumns are the actors file's columns, in order.
func actorColumns() []string {
	return []string{"id", "name", "short", "from", "kind", "start", "end", "longitude", "latitude", "color"}
}

// encodeRelationsCSV writes one row per relation; lists are a;b (or a JSON
// array when an id holds ; or |).
func encodeRelationsCSV(w io.Writer, ds *graphmodel.Dataset) error {
	cw := &csvWriter{w: w}
	if err := cw.Write(relationColumns()); err != nil {
		return err
	}
	for _, r := range ds.Relations {
		directed := ""
		if r.Directed {
			directed = "true"
		}
		sources := ""
		if r.Sources != nil {
			sources = formatList(r.Sources)
		}
		row := []string{r.ID, string(r.Kind), r.Name, formatList(r.Actors), directed, dateText(r.Signed),
			dateText(r.Start), dateText(r.End), string(r.Certainty), r.Description, sources, r.Echoes, r.Ref}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// encodeActorsCSV writes one row per actor, and a further row with the id,
// the name, the short name and the from date for each later name.
func encodeActorsCSV(w io.Writer, ds *graphmodel.Dataset) error {
	cw := &csvWriter{w: w}
	langs := localisedLanguages(ds)
	header := actorColumns()
	for _, l := range langs {
		header = append(header, "name:"+l, "short:"+l) // read back by localNameCols
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, a := range ds.Actors {
		for i, n := range a.Names {
			row := []string{a.ID, n.Name, n.Short, dateText(n.From), "", "", "", "", "", ""}
			for _, l := range langs {
				row = append(row, n.Localised[l].Name, n.Localised[l].Short)
			}
			if i == 0 {
				row[4], row[5], row[6] = a.Kind, dateText(a.Span.Start), dateText(a.Span.End)
				row[7] = strconv.FormatFloat(a.Anchor[0], 'g', -1, 64)
				row[8] = strconv.FormatFloat(a.Anchor[1], 'g', -1, 64)
				row[9] = a.Color
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	return nil
}

// localisedLanguages lists the languages, in graphmodel.Languages order,
// that some actor's name is given in: each gets a name and a short column.
func localisedLanguages(ds *graphmodel.Dataset) []string {
	var out []string
	for _, l := range graphmodel.Languages() {
	find:
		for _, a := range ds.Actors {
			for _, n := range a.Names {
				if _, ok := n.Localised[l]; ok {
					out = append(out, l)
					break find
				}
			}
		}
	}
	return out
}

// dateText writes a date at its own precision, or "" when unset.
func dateText(d graphmodel.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// csvWriter writes CSV rows, comma-separated, one per line, in a form that
// is safe to open in a spreadsheet and that the reader takes back as it
// was: each cell escaped as escapeCell says, and quoted when it holds a
// comma, a quote or a line break, or starts or ends with a space (the
// reader keeps the spaces of a quoted field only; encoding/csv's writer
// quotes a leading space but not a trailing one).
type csvWriter struct {
	w   io.Writer
	buf []byte
}

// Write writes one row.
func (c *csvWriter) Write(row []string) error {
	c.buf = c.buf[:0]
	for i, f := range row {
		if i > 0 {
			c.buf = append(c.buf, ',')
		}
		f = escapeCell(f)
		if !needsQuotes(f) {
			c.buf = append(c.buf, f...)
			continue
		}
		c.buf = append(c.buf, '"')
		c.buf = append(c.buf, strings.ReplaceAll(f, `"`, `""`)...)
		c.buf = append(c.buf, '"')
	}
	c.buf = append(c.buf, '\n')
	_, err := c.w.Write(c.buf)
	return err
}

// needsQuotes reports whether a cell must be quoted to be read back as it is.
func needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if strings.ContainsAny(f, ",\"\r\n") {
		return true
	}
	first, _ := utf8.DecodeRuneInString(f)
	last, _ := utf8.DecodeLastRuneInString(f)
	return unicode.IsSpace(first) || unicode.IsSpace(last)
}

// formulaStart reports whether a spreadsheet takes a cell starting with
// c as a formula (OWASP's CSV injection list: = + - @, tab, carriage
// return).
func formulaStart(c byte) bool {
	return strings.IndexByte("=+-@\t\r", c) >= 0
}

// plainNumber matches a decimal number: a spreadsheet reads -12.5 or +1e3
// as a number, not a formula, so a longitude stays a number.
var plainNumber = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// escapeCell makes a cell safe to open in a spreadsheet: one that would
// start a formula gets a leading ' (a spreadsheet shows the rest as text),
// and so does one that already starts with quotes before such a character,
// so that unescapeCell can take exactly one off. Plain numbers are left
// alone.
func escapeCell(v string) string {
	k := 0
	for k < len(v) && v[k] == '\'' {
		k++
	}
	if k == len(v) || !formulaStart(v[k]) || (k == 0 && plainNumber.MatchString(v)) {
		return v
	}
	return "'" + v
}

// unescapeCell undoes escapeCell: a cell of one or more ' and then a
// formula character loses one '. A spreadsheet saving such a cell writes
// it without the ' it showed, so the reader takes both forms alike.
func unescapeCell(v string) string {
	k := 0
	for k < len(v) && v[k] == '\'' {
		k++
	}
	if k == 0 || k == len(v) || !formulaStart(v[k]) {
		return v
	}
	return v[1:]
}
