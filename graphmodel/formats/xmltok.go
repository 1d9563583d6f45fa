package formats

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// xmlTokenizer reads XML as encoding/xml's Decoder does with Strict set
// (the same tokens, the same checks, errors worded the same and placed
// the same), but scans bytes held in a buffer instead of calling ReadByte
// for each, and allocates only attribute values and names it has not
// seen: a 394 MB GEXF file took a minute or more through encoding/xml,
// ten seconds with this. It streams: only the token being read and what
// follows it in the buffer are held, not the file.
type xmlTokenizer struct {
	src  io.Reader // where more comes from; nil when buf is all there is
	buf  []byte
	base int64 // offset in the file of buf[0]
	off  int   // the next byte to read in buf
	eof  bool  // src is done

	line    int   // line of the byte at counted
	lineOff int64 // offset of the first byte of that line
	counted int64 // offset up to which lines are counted

	names     map[string]string // names met, each allocated once
	nameCache [256]string       // the names met last, by hash: no map lookup
	valCache  [1024]string      // short attribute values met last, by hash
	scratch   []byte            // decoded text
	attrBuf   []xml.Attr

	// The token read.
	kind   tokKind
	name   xml.Name   // a tag's name, prefix untranslated
	attrs  []xml.Attr // valid until the next call
	text   []byte     // character data, a comment, a directive, a PI's body
	target string     // a processing instruction's target
}

type tokKind int

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokEmpty // <a/>: a start and its end
	tokText
	tokComment
	tokProcInst
	tokDirective
)

// xmlSyntaxError is a malformed document, worded as encoding/xml words it.
type xmlSyntaxError struct{ msg string }

func (e *xmlSyntaxError) Error() string { return e.msg }

// errNeedMore is what a token's reader panics with when the token runs
// past the buffer and the file has more: the token is read again once
// more is in.
var errNeedMore = errors.New("xml: need more input")

func newXMLTokenizer(head []byte, src io.Reader) *xmlTokenizer {
	return &xmlTokenizer{buf: head, src: src, eof: src == nil, line: 1, names: map[string]string{}}
}

// offset is the place in the file of the next byte to read.
func (t *xmlTokenizer) offset() int64 { return t.base + int64(t.off) }

// pos returns the line and column (in bytes, from 1) of offset at, which
// must not be before a place asked for earlier.
func (t *xmlTokenizer) pos(at int64) pos {
	seg := t.buf[t.counted-t.base : at-t.base]
	if n := bytes.Count(seg, []byte("\n")); n > 0 {
		t.line += n
		t.lineOff = t.counted + int64(bytes.LastIndexByte(seg, '\n')) + 1
	}
	t.counted = at
	return pos{t.line, int(at-t.lineOff) + 1}
}

// getc reads a byte; false at the end of the file.
func (t *xmlTokenizer) getc() (byte, bool) {
	if t.off < len(t.buf) {
		b := t.buf[t.off]
		t.off++
		return b, true
	}
	if !t.eof {
		panic(errNeedMore)
	}
	return 0, false
}

// mustgetc reads a byte that must be there.
func (t *xmlTokenizer) mustgetc() (byte, error) {
	b, ok := t.getc()
	if !ok {
		return 0, &xmlSyntaxError{"unexpected EOF"}
	}
	return b, nil
}

// fill keeps buf[keep:] and reads more after it, until the buffer is
// full: a token that ran past it is read again from its start, so the
// buffer doubles while what is kept fills more than half of it, and a
// token of any length is read again only a few times.
func (t *xmlTokenizer) fill(keep int) error {
	t.pos(t.base + int64(keep)) // count the lines of what is dropped
	n := copy(t.buf, t.buf[keep:])
	t.buf = t.buf[:n]
	t.base += int64(keep)
	t.off -= keep
	if cap(t.buf) == 0 || len(t.buf) > cap(t.buf)/2 {
		grown := make([]byte, len(t.buf), max(2*cap(t.buf), 1<<20))
		copy(grown, t.buf)
		t.buf = grown
	}
	for len(t.buf) < cap(t.buf) {
		m, err := t.src.Read(t.buf[len(t.buf):cap(t.buf)])
		t.buf = t.buf[:len(t.buf)+m]
		if err == io.EOF {
			t.eof = true
			return nil
		}
		if err != nil {
			return fmt.Errorf("cannot read the file: %w", err)
		}
	}
	return nil
}

// next reads the next token into t; at the end of the file its kind is
// tokEOF. The token's text is valid until the next call.
func (t *xmlTokenizer) next() error {
	for {
		start := t.off
		more, err := t.tryRaw()
		if !more {
			return err
		}
		t.off = start
		if err := t.fill(start); err != nil {
			return err
		}
	}
}

// tryRaw reads a token, reporting when the buffer ran out before it did.
func (t *xmlTokenizer) tryRaw() (more bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			if r != errNeedMore {
				panic(r)
			}
			more = true
		}
	}()
	return false, t.raw()
}

// raw reads one token as encoding/xml's rawToken does.
func (t *xmlTokenizer) raw() error {
	t.attrs, t.text = nil, nil
	b, ok := t.getc()
	if !ok {
		t.kind = tokEOF
		return nil
	}
	if b != '<' {
		t.off--
		data, err := t.chars(-1, false)
		if err != nil {
			return err
		}
		t.kind, t.text = tokText, data
		return nil
	}
	if b, err := t.mustgetc(); err != nil {
		return err
	} else if b == '/' {
		name, ok, err := t.nsname()
		if err != nil {
			return err
		}
		if !ok {
			return &xmlSyntaxError{"expected element name after </"}
		}
		t.space()
		if b, err = t.mustgetc(); err != nil {
			return err
		}
		if b != '>' {
			return &xmlSyntaxError{"invalid characters between </" + name.Local + " and >"}
		}
		t.kind, t.name = tokEnd, name
		return nil
	} else if b == '?' {
		return t.procInst()
	} else if b == '!' {
		return t.bang()
	}
	t.off--
	return t.startTag()
}

// startTag reads <name attr="value" ...> or <name .../>.
func (t *xmlTokenizer) startTag() error {
	name, ok, err := t.nsname()
	if err != nil {
		return err
	}
	if !ok {
		return &xmlSyntaxError{"expected element name after <"}
	}
	t.kind, t.name = tokStart, name
	attrs := t.attrBuf[:0]
	for {
		t.space()
		b, err := t.mustgetc()
		if err != nil {
			return err
		}
		if b == '/' {
			if b, err = t.mustgetc(); err != nil {
				return err
			}
			if b != '>' {
				return &xmlSyntaxError{"expected /> in element"}
			}
			t.kind = tokEmpty
			break
		}
		if b == '>' {
			break
		}
		t.off--
		var a xml.Attr
		if a.Name, ok, err = t.nsname(); err != nil {
			return err
		} else if !ok {
			return &xmlSyntaxError{"expected attribute name in element"}
		}
		t.space()
		if b, err = t.mustgetc(); err != nil {
			return err
		}
		if b != '=' {
			return &xmlSyntaxError{"attribute name without = in element"}
		}
		t.space()
		if b, err = t.mustgetc(); err != nil {
			return err
		}
		if b != '"' && b != '\'' {
			return &xmlSyntaxError{"unquoted or missing attribute value in element"}
		}
		data, err := t.chars(int(b), false)
		if err != nil {
			return err
		}
		a.Value = t.value(data)
		attrs = append(attrs, a)
	}
	t.attrBuf, t.attrs = attrs, attrs // reused: the caller copies them
	return nil
}

// value returns an attribute value as a string, the same string for a
// short value met a moment ago (kinds, keys, dates, "true"): most values
// of a big file are such, and each was an allocation.
func (t *xmlTokenizer) value(data []byte) string {
	if len(data) > 16 {
		return string(data)
	}
	h := byteHash(data) & (len(t.valCache) - 1)
	if v := t.valCache[h]; v == string(data) {
		return v
	}
	v := string(data)
	t.valCache[h] = v
	return v
}

// byteHash mixes the length and the first and last four bytes: enough to
// spread names and short values, for a cache that compares what it finds.
func byteHash(b []byte) int {
	var w uint64
	if n := len(b); n >= 4 {
		w = uint64(binary.LittleEndian.Uint32(b)) | uint64(binary.LittleEndian.Uint32(b[n-4:]))<<32
	} else {
		for i, c := range b {
			w |= uint64(c) << (8 * i)
		}
	}
	w ^= uint64(len(b)) * 0x9e3779b97f4a7c15
	return int((w * 0xc2b2ae3d27d4eb4f) >> 40)
}

// procInst reads <?target body?>, checking an XML declaration's version
// and encoding as encoding/xml does (UTF-16 was decoded before).
func (t *xmlTokenizer) procInst() error {
	target, ok, err := t.readName()
	if err != nil {
		return err
	}
	if !ok {
		return &xmlSyntaxError{"expected target name after <?"}
	}
	t.space()
	start := t.off
	var b0 byte
	for {
		b, err := t.mustgetc()
		if err != nil {
			return err
		}
		if b0 == '?' && b == '>' {
			break
		}
		b0 = b
	}
	data := t.buf[start : t.off-2]
	if target == "xml" {
		content := string(data)
		if ver := procInstParam("version", content); ver != "" && ver != "1.0" {
			return fmt.Errorf("xml: unsupported version %q; only version 1.0 is supported", ver)
		}
		if enc := procInstParam("encoding", content); enc != "" && !strings.EqualFold(enc, "utf-8") {
			switch strings.ToLower(enc) {
			case "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2":
			default:
				return fmt.Errorf("xml: opening charset %q: encoding %q is not supported", enc, enc)
			}
		}
	}
	t.kind, t.target, t.text = tokProcInst, target, data
	return nil
}

// bang reads what starts <!: a comment, a CDATA section or a directive.
func (t *xmlTokenizer) bang() error {
	b, err := t.mustgetc()
	if err != nil {
		return err
	}
	switch b {
	case '-':
		if b, err = t.mustgetc(); err != nil {
			return err
		}
		if b != '-' {
			return &xmlSyntaxError{"invalid sequence <!- not part of <!--"}
		}
		start := t.off
		var b0, b1 byte
		for {
			if b, err = t.mustgetc(); err != nil {
				return err
			}
			if b0 == '-' && b1 == '-' {
				if b != '>' {
					return &xmlSyntaxError{`invalid sequence "--" not allowed in comments`}
				}
				break
			}
			b0, b1 = b1, b
		}
		t.kind, t.text = tokComment, t.buf[start:t.off-3]
		return nil
	case '[':
		for i := 0; i < 6; i++ {
			if b, err = t.mustgetc(); err != nil {
				return err
			}
			if b != "CDATA["[i] {
				return &xmlSyntaxError{"invalid <![ sequence"}
			}
		}
		data, err := t.chars(-1, true)
		if err != nil {
			return err
		}
		t.kind, t.text = tokText, data
		return nil
	}
	return t.directive(b)
}
