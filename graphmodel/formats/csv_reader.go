package formats

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unsafe"
)

// csvReader reads CSV records as encoding/csv does with LazyQuotes off,
// FieldsPerRecord -1 and no comments (the same fields, places and errors:
// csv_reader_test.go compares them), from a file in memory or streaming
// in. A row without quotes is cut where it lies rather than copied, and
// each field says whether it was quoted, which decides if its spaces
// count: encoding/csv and looking each field up again in the file were a
// third of reading a million rows.
type csvReader struct {
	data  []byte
	off   int  // the next line starts here
	line  int  // lines read, as encoding/csv counts them
	comma byte // ',', ';', '\t' or ' ': sniffComma picks only these
	// shared: the fields of a row without quotes are the file's own bytes,
	// not a copy, so the caller must copy what it keeps (builder.own
	// does). A million rows copied were 80 MB of garbage. The data is
	// never written to once read.
	shared bool

	src  io.Reader // where more of the file comes from; nil when data is all
	eof  bool      // src is done
	size int64     // the file's size, for guessing its rows

	buf    []byte   // a quoted row's text, unquoted
	ends   []int    // where each field ends in buf
	fields []string // the current row, reused
	places []pos
	quoted []bool
}

// readLine returns the next line without its line break (a \r before the
// \n, or before the end of the file, is dropped as encoding/csv drops
// it), whether a line break ended it, and false at the end of the data.
func (r *csvReader) readLine() (body []byte, nl, ok bool) {
	if r.off >= len(r.data) {
		if r.src != nil && !r.eof {
			panic(errNeedMore)
		}
		return nil, false, false
	}
	rest := r.data[r.off:]
	r.line++
	i := bytes.IndexByte(rest, '\n')
	if i < 0 && r.src != nil && !r.eof {
		panic(errNeedMore) // read recovers, reads more and reads the record again
	}
	if i < 0 {
		r.off = len(r.data)
		return bytes.TrimSuffix(rest, []byte("\r")), false, true
	}
	r.off += i + 1
	return bytes.TrimSuffix(rest[:i], []byte("\r")), true, true
}

// read returns the next record that is not an empty line; the slices are
// reused by the next call. err says where and how a record is malformed;
// ok is false at the end of the data.
func (r *csvReader) read() (fields []string, places []pos, quoted []bool, ok bool, err *csv.ParseError) {
	for {
		start, line := r.off, r.line
		more := false
		func() {
			defer func() {
				if p := recover(); p != nil {
					if p != errNeedMore {
						panic(p)
					}
					more = true
				}
			}()
			fields, places, quoted, ok, err = r.record()
		}()
		if !more {
			return fields, places, quoted, ok, err
		}
		r.off, r.line = start, line
		if ferr := r.fill(start); ferr != nil {
			return nil, nil, nil, true, &csv.ParseError{StartLine: line + 1, Line: line + 1, Column: 1, Err: ferr}
		}
	}
}

// fill keeps data[keep:], the record being read, in a new buffer with
// room to read more into, and reads until it is full. A new buffer, not
// the old one reused: strings cut from earlier rows may still be in use.
func (r *csvReader) fill(keep int) error {
	rest := r.data[keep:]
	buf := make([]byte, len(rest), max(2*len(rest), 1<<20))
	copy(buf, rest)
	r.data, r.off = buf, r.off-keep
	for len(r.data) < cap(r.data) {
		m, err := r.src.Read(r.data[len(r.data):cap(r.data)])
		r.data = r.data[:len(r.data)+m]
		if err == io.EOF {
			r.eof = true
			return nil
		}
		if err != nil {
			return fmt.Errorf("cannot read the file: %w", err)
		}
	}
	return nil
}

// record reads one record; see read.
func (r *csvReader) record() (fields []string, places []pos, quoted []bool, ok bool, err *csv.ParseError) {
	var body []byte
	var nl bool
	for {
		body, nl, ok = r.readLine()
		if !ok {
			return nil, nil, nil, false, nil
		}
		if len(body) > 0 {
			break
		}
	}
	r.fields, r.places, r.quoted = r.fields[:0], r.places[:0], r.quoted[:0]
	if bytes.IndexByte(body, '"') < 0 {
		// The common row: no quotes, so each field is where it is.
		var s string
		if r.shared {
			s = unsafe.String(&body[0], len(body))
		} else {
			s = string(body)
		}
		col := 1
		for {
			i := strings.IndexByte(s, r.comma)
			if i < 0 {
				r.add(s, pos{r.line, col}, false)
				return r.fields, r.places, r.quoted, true, nil
			}
			r.add(s[:i], pos{r.line, col}, false)
			s = s[i+1:]
			col += i + 1
		}
	}
	if err := r.quotedRecord(body, nl); err != nil {
		return nil, nil, nil, true, err
	}
	return r.fields, r.places, r.quoted, true, nil
}

func (r *csvReader) add(f string, at pos, quoted bool) {
	r.fields = append(r.fields, f)
	r.places = append(r.places, at)
	r.quoted = append(r.quoted, quoted)
}

// quotedRecord parses a record that has a quote somewhere, which may run
// over several lines, following encoding/csv's readRecord step by step.
func (r *csvReader) quotedRecord(line []byte, nl bool) *csv.ParseError {
	recLine := r.line
	at := pos{r.line, 1}
	r.buf, r.ends = r.buf[:0], r.ends[:0]
	var fieldAt []pos
	var isQuoted []bool
	endField := func(p pos, q bool) {
		r.ends = append(r.ends, len(r.buf))
		fieldAt = append(fieldAt, p)
		isQuoted = append(isQuoted, q)
	}
	fail := func(line, col int, e error) *csv.ParseError {
		return &csv.ParseError{StartLine: recLine, Line: line, Column: col, Err: e}
	}
fields:
	for {
		if len(line) == 0 || line[0] != '"' {
			i := bytes.IndexByte(line, r.comma)
			field := line
			if i >= 0 {
				field = field[:i]
			}
			if j := bytes.IndexByte(field, '"'); j >= 0 {
				return fail(r.line, at.col+j, csv.ErrBareQuote)
			}
			r.buf = append(r.buf, field...)
			endField(at, false)
			if i < 0 {
				break fields
			}
			line = line[i+1:]
			at.col += i + 1
			continue
		}
		start := at
		line = line[1:]
		at.col++
		for {
			i := bytes.IndexByte(line, '"')
			switch {
			case i >= 0:
				r.buf = append(r.buf, line[:i]...)
				line = line[i+1:]
				at.col += i + 1
				switch {
				case len(line) > 0 && line[0] == '"': // "" is a quote
					r.buf = append(r.buf, '"')
					line = line[1:]
					at.col++
				case len(line) > 0 && line[0] == r.comma:
					line = line[1:]
					at.col++
					endField(start, true)
					continue fields
				case len(line) == 0:
					endField(start, true)
					break fields
				default:
					return fail(r.line, at.col-1, csv.ErrQuote)
				}
			case len(line) > 0 || nl:
				// The field goes on past the line break.
				r.buf = append(r.buf, line...)
				if nl {
					r.buf = append(r.buf, '\n')
					at.col++
				}
				at.col += len(line)
				var more bool
				line, nl, more = r.readLine()
				if more && (len(line) > 0 || nl) {
					at.line++
					at.col = 1
				}
			default:
				return fail(at.line, at.col, csv.ErrQuote) // the file ends inside quotes
			}
		}
	}
	s := string(r.buf)
	prev := 0
	for k, end := range r.ends {
		r.add(s[prev:end], fieldAt[k], isQuoted[k])
		prev = end
	}
	return nil
}

// lines counts the lines left, which bounds the rows to come; of a file
// read as it streams in, it guesses from the lines in hand.
func (r *csvReader) lines() int {
	n := bytes.Count(r.data[r.off:], []byte("\n")) + 1
	if r.src == nil || r.eof || len(r.data) == r.off {
		return n
	}
	return int(int64(n) * r.size / int64(len(r.data)-r.off) * 21 / 20)
}
