package formats

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

// csvRecords reads data with encoding/csv as the reader used to, one line
// per record: its fields with their places, or the error with its place.
func csvRecords(data []byte, comma rune) []string {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.FieldsPerRecord = -1
	var out []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return append(out, "error "+err.Error())
			}
			return append(out, fmt.Sprintf("error %d:%d %v", pe.Line, pe.Column, pe.Err))
		}
		var b strings.Builder
		for i, f := range rec {
			l, c := r.FieldPos(i)
			fmt.Fprintf(&b, "%d:%d %q ", l, c, f)
		}
		out = append(out, b.String())
	}
}

// fastRecords is csvRecords with csvReader, which also says whether each
// field was quoted: that must be the byte at its place.
func fastRecords(t *testing.T, data []byte, comma rune) []string {
	lines := bytes.SplitAfter(data, []byte("\n"))
	r := &csvReader{data: data, comma: byte(comma)}
	var out []string
	for {
		rec, places, quoted, ok, err := r.read()
		if err != nil {
			return append(out, fmt.Sprintf("error %d:%d %v", err.Line, err.Column, err.Err))
		}
		if !ok {
			return out
		}
		var b strings.Builder
		for i, f := range rec {
			fmt.Fprintf(&b, "%d:%d %q ", places[i].line, places[i].col, f)
			l := lines[places[i].line-1]
			if q := places[i].col-1 < len(l) && l[places[i].col-1] == '"'; q != quoted[i] {
				t.Errorf("%q: field %d quoted %v; its first byte says %v", data, i, quoted[i], q)
			}
		}
		out = append(out, b.String())
	}
}

func TestCSVReaderAsEncodingCSV(t *testing.T) {
	inputs := []string{
		"",
		"\n\n",
		"a,b,c\n1,2,3\n",
		"a,b,c\r\n1,2,3\r\n",
		"a,b\n1,2",       // no line break at the end
		"a,b\n1,2\r",     // a carriage return at the end is dropped
		"a,b\r\r\n1,2\n", // only the last \r goes
		"a,b\n\n\r\n1,2\n",
		"a,,\n,,\n",
		" a , b \n",
		`a,"b,c",d` + "\n",
		`"a""b",c` + "\n",
		`"",""` + "\n",
		`"a` + "\n" + `b",c` + "\n", // a quoted line break
		`"a` + "\r\n" + `b",c` + "\r\n",
		`"a` + "\r\r\n" + `b",c` + "\n",
		`"a` + "\n\n" + `b"` + "\n",
		`"a` + "\n" + `b",x"y` + "\n", // a bare quote after a quoted line break
		`a,b"c` + "\n",                // bare quote
		`a, "b"` + "\n",               // a space before the quote makes it bare
		`"a"b,c` + "\n",               // extraneous quote
		`"a` + "\n",                   // the file ends inside quotes
		`"a`,
		`"a"`,
		`"a` + "\n" + `b`,
		"x,\"y\"\n\"z\n",
		"é,\"ü\"\n",
		"a;b;\"c;d\"\n1;2;3\n",
		"a\tb\t\"c\td\"\n",
		"a b \"c d\"\n1  2\n",
		"\xff,\"\xfe\"\n",
		`"a""`,
		`"a"""` + "\n",
		`a,"b"` + "\n" + `"c",d` + "\n",
	}
	for _, in := range inputs {
		for _, comma := range []rune{',', ';', '\t', ' '} {
			want := csvRecords([]byte(in), comma)
			got := fastRecords(t, []byte(in), comma)
			if !slices.Equal(got, want) {
				t.Errorf("%q with %q:\n got %q\nwant %q", in, comma, got, want)
			}
		}
	}
}

// FuzzCSVReader checks that csvReader reads any input as encoding/csv
// does: the same fields, places and errors.
func FuzzCSVReader(f *testing.F) {
	f.Add([]byte("a,b,\"c\"\n\"d\ne\",f\r\n"), uint8(0))
	f.Add([]byte("x;\"y\"\"z\";\n"), uint8(1))
	f.Add([]byte("\"a\"b\n"), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, c uint8) {
		comma := []rune{',', ';', '\t', ' '}[c%4]
		want := csvRecords(data, comma)
		got := fastRecords(t, data, comma)
		if !slices.Equal(got, want) {
			t.Errorf("%q with %q:\n got %q\nwant %q", data, comma, got, want)
		}
	})
}
