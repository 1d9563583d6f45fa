package formats

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// directive reads <!DOCTYPE ...> and the like up to its closing >, as
// encoding/xml does: quoted > and nested <...> do not close it, and a
// comment inside becomes a space.
func (t *xmlTokenizer) directive(b byte) error {
	out := append(t.scratch[:0], b)
	var inquote byte
	depth := 0
	var err error
	for {
		if b, err = t.mustgetc(); err != nil {
			return err
		}
		if inquote == 0 && b == '>' && depth == 0 {
			break
		}
		for again := true; again; {
			again = false
			out = append(out, b)
			switch {
			case b == inquote:
				inquote = 0
			case inquote != 0:
			case b == '\'' || b == '"':
				inquote = b
			case b == '>':
				depth--
			case b == '<':
				const open = "!--"
				i := 0
				for ; i < len(open); i++ {
					if b, err = t.mustgetc(); err != nil {
						return err
					}
					if b != open[i] {
						break
					}
				}
				if i < len(open) {
					out = append(out, open[:i]...)
					depth++
					again = true // b is looked at afresh
					continue
				}
				out = out[:len(out)-1] // the < of the comment
				var b0, b1 byte
				for {
					if b, err = t.mustgetc(); err != nil {
						return err
					}
					if b0 == '-' && b1 == '-' && b == '>' {
						break
					}
					b0, b1 = b1, b
				}
				out = append(out, ' ')
			}
		}
	}
	t.scratch = out
	t.kind, t.text = tokDirective, out
	return nil
}

// plainChar reports whether c is copied as it is in character data: not
// the start of an entity, a tag, a ]]>, a quote or a \r, nor a control
// character, which the slow path and the final check deal with.
func plainChar(c, quote byte) bool {
	if c < 0x20 {
		return c == '\t' || c == '\n'
	}
	return c != '&' && c != '<' && c != '>' && c != ']' && c != quote
}

// chars reads character data as encoding/xml's text does: up to a <
// (quote < 0), to the closing quote of an attribute value, or to the ]]>
// of a CDATA section; entities decoded and line breaks made \n. The
// result is valid until the next call.
func (t *xmlTokenizer) chars(quote int, cdata bool) ([]byte, error) {
	var q byte
	if quote >= 0 {
		q = byte(quote)
	}
	if !cdata {
		// Most values and texts are printable ASCII with nothing to
		// decode: they are handed out where they lie, checked as read.
		i := t.off
		for i < len(t.buf) {
			c := t.buf[i]
			if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && c != ']' && c != q || c == '\n' || c == '\t' {
				i++
				continue
			}
			break
		}
		if i < len(t.buf) {
			switch {
			case quote >= 0 && t.buf[i] == q:
				data := t.buf[t.off:i]
				t.off = i + 1
				return data, nil
			case quote < 0 && t.buf[i] == '<':
				data := t.buf[t.off:i]
				t.off = i
				return data, nil
			}
		}
	}
	out := t.scratch[:0]
	defer func() { t.scratch = out[:0] }() // keep what the buffer grew to
	var b0, b1 byte
	trunc := 0
	for {
		// A run of plain bytes, copied at once.
		i := t.off
		for i < len(t.buf) && plainChar(t.buf[i], q) {
			i++
		}
		if i > t.off {
			out = append(out, t.buf[t.off:i]...)
			t.off = i
			b0, b1 = 0, 0 // what follows a plain byte starts afresh
		}
		b, ok := t.getc()
		if !ok {
			if cdata {
				return nil, &xmlSyntaxError{"unexpected EOF in CDATA section"}
			}
			break
		}
		if quote < 0 && b0 == ']' && b1 == ']' && b == '>' {
			if cdata {
				trunc = 2
				break
			}
			return nil, &xmlSyntaxError{"unescaped ]]> not in CDATA section"}
		}
		if b == '<' && !cdata {
			if quote >= 0 {
				return nil, &xmlSyntaxError{"unescaped < inside quoted string"}
			}
			t.off--
			break
		}
		if quote >= 0 && b == q {
			break
		}
		if b == '&' && !cdata {
			var err error
			if out, err = t.entity(out); err != nil {
				return nil, err
			}
			b0, b1 = 0, 0
			continue
		}
		out = append(out, b)
		if b == '\r' {
			// \r and \r\n are \n; looked at here, as a \n is plain.
			out[len(out)-1] = '\n'
			if c, ok := t.getc(); ok && c != '\n' {
				t.off--
			}
		}
		b0, b1 = b1, b
	}
	data := out[:len(out)-trunc]
	if err := checkChars(data); err != nil {
		return nil, err
	}
	return data, nil
}

// entity reads what follows an &, appending its character to out, or
// refuses it as encoding/xml does (only the five predefined entities and
// character references).
func (t *xmlTokenizer) entity(out []byte) ([]byte, error) {
	before := len(out)
	out = append(out, '&')
	b, err := t.mustgetc()
	if err != nil {
		return out, err
	}
	text, have := "", false
	if b == '#' {
		out = append(out, b)
		if b, err = t.mustgetc(); err != nil {
			return out, err
		}
		base := 10
		if b == 'x' {
			base = 16
			out = append(out, b)
			if b, err = t.mustgetc(); err != nil {
				return out, err
			}
		}
		start := len(out)
		for '0' <= b && b <= '9' || base == 16 && ('a' <= b && b <= 'f' || 'A' <= b && b <= 'F') {
			out = append(out, b)
			if b, err = t.mustgetc(); err != nil {
				return out, err
			}
		}
		if b != ';' {
			t.off--
		} else {
			n, perr := strconv.ParseUint(string(out[start:]), base, 64)
			out = append(out, ';')
			if perr == nil && n <= unicode.MaxRune {
				text, have = string(rune(n)), true
			}
		}
	} else {
		t.off--
		start := t.off
		if _, err := t.scanName(); err != nil {
			return out, err
		}
		out = append(out, t.buf[start:t.off]...)
		if b, err = t.mustgetc(); err != nil {
			return out, err
		}
		if b != ';' {
			t.off--
		} else {
			name := string(out[before+1:])
			out = append(out, ';')
			switch name {
			case "lt":
				text, have = "<", true
			case "gt":
				text, have = ">", true
			case "amp":
				text, have = "&", true
			case "apos":
				text, have = "'", true
			case "quot":
				text, have = `"`, true
			}
		}
	}
	if have {
		return append(out[:before], text...), nil
	}
	ent := string(out[before:])
	if ent[len(ent)-1] != ';' {
		ent += " (no semicolon)"
	}
	return out, &xmlSyntaxError{"invalid character entity " + ent}
}

// checkChars refuses text that is not UTF-8 or holds a character XML
// does not allow, as encoding/xml does.
func checkChars(data []byte) error {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return &xmlSyntaxError{fmt.Sprintf("illegal character code %U", rune(c))}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return &xmlSyntaxError{"invalid UTF-8"}
		}
		if !xmlChar(r) {
			return &xmlSyntaxError{fmt.Sprintf("illegal character code %U", r)}
		}
		i += size
	}
	return nil
}

// space skips white space.
func (t *xmlTokenizer) space() {
	for {
		b, ok := t.getc()
		if !ok {
			return
		}
		if b != ' ' && b != '\r' && b != '\n' && b != '\t' {
			t.off--
			return
		}
	}
}

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-'
}

// scanName moves past a name's bytes, as encoding/xml's readName does:
// false, with nothing read, when the next byte cannot start one.
func (t *xmlTokenizer) scanName() (bool, error) {
	b, err := t.mustgetc()
	if err != nil {
		return false, err
	}
	if b < utf8.RuneSelf && !isNameByte(b) {
		t.off--
		return false, nil
	}
	for {
		if b, err = t.mustgetc(); err != nil {
			return false, err
		}
		if b < utf8.RuneSelf && !isNameByte(b) {
			t.off--
			return true, nil
		}
	}
}

// readName reads a name and checks it is one; ok is false when there is
// none (the caller says what was expected).
func (t *xmlTokenizer) readName() (s string, ok bool, err error) {
	start := t.off
	if ok, err = t.scanName(); !ok {
		return "", false, err
	}
	raw := t.buf[start:t.off]
	h := byteHash(raw) & (len(t.nameCache) - 1)
	if s := t.nameCache[h]; s == string(raw) {
		return s, true, nil
	}
	if s, seen := t.names[string(raw)]; seen {
		t.nameCache[h] = s
		return s, true, nil
	}
	s = string(raw)
	if !validName(s) {
		return "", false, &xmlSyntaxError{"invalid XML name: " + s}
	}
	if len(t.names) < 10000 { // a file cannot make this map grow without end
		t.names[s] = s
	}
	t.nameCache[h] = s
	return s, true, nil
}

// nsname reads a name with an optional prefix, as encoding/xml does: a
// name with two colons is none.
func (t *xmlTokenizer) nsname() (xml.Name, bool, error) {
	s, ok, err := t.readName()
	if !ok {
		return xml.Name{}, false, err
	}
	if strings.IndexByte(s, ':') < 0 {
		return xml.Name{Local: s}, true, nil
	}
	if strings.Count(s, ":") > 1 {
		return xml.Name{}, false, nil
	}
	space, local, cut := strings.Cut(s, ":")
	if !cut || space == "" || local == "" {
		return xml.Name{Local: s}, true, nil
	}
	return xml.Name{Space: space, Local: local}, true, nil
}

// validName checks a name as encoding/xml does: ASCII names here, others
// (rare) by encoding/xml itself, whose tables of name characters are its
// own.
func validName(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		c := s[0]
		return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_' || c == ':'
	}
	_, err := xml.NewDecoder(strings.NewReader("<" + s + "/>")).RawToken()
	return err == nil || !strings.Contains(err.Error(), "invalid XML name")
}

// procInstParam returns the value of param in a processing instruction's
// body, as encoding/xml's procInst reads it.
func procInstParam(param, s string) string {
	param += "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}
