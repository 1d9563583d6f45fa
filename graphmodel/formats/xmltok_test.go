package formats

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// stdXMLStream is what encoding/xml's strict Decoder makes of data, one
// line per token with the place it starts at, ending with the error and
// its place if there is one: what xmlWalk read before the tokenizer.
func stdXMLStream(data []byte) []string {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2":
			return r, nil
		}
		return nil, fmt.Errorf("encoding %q is not supported", label)
	}
	var out []string
	for {
		l, c := dec.InputPos()
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			l, c = dec.InputPos()
			msg := xmlErrText(err)
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				msg = se.Msg
			}
			return append(out, fmt.Sprintf("%d:%d error %s", l, c, msg))
		}
		out = append(out, fmt.Sprintf("%d:%d %s", l, c, tokenLine(tok)))
	}
}

func tokenLine(tok xml.Token) string {
	switch t := tok.(type) {
	case xml.StartElement:
		var b strings.Builder
		fmt.Fprintf(&b, "start %s|%s", t.Name.Space, t.Name.Local)
		for _, a := range t.Attr {
			fmt.Fprintf(&b, " %s|%s=%q", a.Name.Space, a.Name.Local, a.Value)
		}
		return b.String()
	case xml.EndElement:
		return "end " + t.Name.Local
	case xml.CharData:
		return fmt.Sprintf("text %q", []byte(t))
	case xml.Comment:
		return fmt.Sprintf("comment %q", []byte(t))
	case xml.ProcInst:
		return fmt.Sprintf("pi %s %q", t.Target, t.Inst)
	case xml.Directive:
		return fmt.Sprintf("directive %q", []byte(t))
	}
	return "?"
}

// tokXMLStream is stdXMLStream from xmlTokenizer, with names resolved and
// end tags matched as xmlWalk does, reading from src in pieces of chunk
// bytes (0: all at once) to exercise its buffer.
func tokXMLStream(data []byte, chunk int) []string {
	var tok *xmlTokenizer
	if chunk == 0 {
		tok = newXMLTokenizer(data, nil)
	} else {
		tok = newXMLTokenizer(nil, iotest.HalfReader(&chunkReader{data, chunk}))
	}
	var ns nsScope
	var open []xml.Name
	var out []string
	for {
		at := tok.offset()
		err := tok.next()
		if err == nil && tok.kind == tokEnd {
			err = endMatches(open, tok.name)
		}
		if err == nil && tok.kind == tokEOF && len(open) > 0 {
			err = &xmlSyntaxError{"unexpected EOF"}
		}
		if err != nil {
			p := tok.pos(tok.offset())
			return append(out, fmt.Sprintf("%d:%d error %s", p.line, p.col, xmlErrText(err)))
		}
		p := tok.pos(at)
		var t xml.Token
		switch tok.kind {
		case tokEOF:
			return out
		case tokStart, tokEmpty:
			ns.open(tok.attrs)
			open = append(open, tok.name)
			se := xml.StartElement{Name: ns.element(tok.name), Attr: slices.Clone(tok.attrs)}
			for i := range se.Attr {
				se.Attr[i].Name = ns.attr(se.Attr[i].Name)
			}
			t = se
		case tokEnd:
			t = xml.EndElement{Name: tok.name}
		case tokText:
			t = xml.CharData(tok.text)
		case tokComment:
			t = xml.Comment(tok.text)
		case tokProcInst:
			t = xml.ProcInst{Target: tok.target, Inst: tok.text}
		case tokDirective:
			t = xml.Directive(tok.text)
		}
		out = append(out, fmt.Sprintf("%d:%d %s", p.line, p.col, tokenLine(t)))
		if tok.kind == tokEmpty || tok.kind == tokEnd {
			if tok.kind == tokEmpty {
				out = append(out, fmt.Sprintf("%d:%d end %s", p.line, p.col, tok.name.Local))
				out[len(out)-1] = "self-closed " + out[len(out)-1]
			}
			open = open[:len(open)-1]
			ns.close()
		}
	}
}

// chunkReader hands out data n bytes at a time.
type chunkReader struct {
	data []byte
	n    int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	k := copy(p, r.data[:min(r.n, len(r.data))])
	r.data = r.data[k:]
	return k, nil
}

// sameStreams compares the two streams; a self-closed element's end has
// no place of its own in xmlTokenizer, so only its name is compared.
func sameStreams(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if g, ok := strings.CutPrefix(got[i], "self-closed "); ok {
			_, gn, _ := strings.Cut(g, " ")
			_, wn, _ := strings.Cut(want[i], " ")
			if gn != wn {
				return false
			}
			continue
		}
		if got[i] != want[i] && !quirkCol(got[i], want[i]) {
			return false
		}
	}
	return true
}

// quirkCol reports whether got and want differ only in that want has
// column 0: encoding/xml's place after it puts back a line break it read
// (the line is right, the column is not), where xmlTokenizer gives the
// column of that line break.
func quirkCol(got, want string) bool {
	wp, wrest, _ := strings.Cut(want, " ")
	gp, grest, _ := strings.Cut(got, " ")
	wl, wc, _ := strings.Cut(wp, ":")
	gl, _, _ := strings.Cut(gp, ":")
	return wc == "0" && wl == gl && wrest == grest
}

var xmlCases = []string{
	``,
	`<a/>`,
	`<?xml version="1.0" encoding="UTF-8"?>` + "\n<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"v\">\n  <node id=\"a\" viz:x='1'>text</node>\n</gexf>\n",
	`<a b="x &amp; y &lt; &gt; &quot; &apos; &#65; &#x42;">&#x1F600;&#9;</a>`,
	"<a>line\r\nbreaks\rand\r\r\n</a>",
	`<a b="line` + "\r\n" + `break"/>`,
	`<a><![CDATA[<b>&amp;]]]]><![CDATA[>]]></a>`,
	`<a><!-- a comment - with dashes --><?pi body ?></a>`,
	`<!DOCTYPE gexf [<!ELEMENT a (#PCDATA)> <!-- c --> "q>"]><a/>`,
	`<p:root xmlns:p="urn:p"><p:kid xmlns:p="urn:q"/><p:kid/><u:x/></p:root>`,
	`<root xmlns="urn:d"><kid xmlns=""/><kid/></root>`,
	`<a xml:lang="en" xmlns:xml="http://www.w3.org/XML/1998/namespace"/>`,
	`<é ü="ö">ß</é>`,
	"\xef\xbb\xbf<a/>",
	`<a  b = "1"	c='2' />`,
	`<a>]]</a>`,
	// Malformed: each with its place.
	`<a>`,
	`<a></b>`,
	`</a>`,
	`<a><b></a>`,
	`<p:a></q:a>`,
	`<a b=1/>`,
	`<a b/>`,
	`<a b="x</a>`,
	`<a b="<"/>`,
	`<a>&bogus;</a>`,
	`<a>& b</a>`,
	`<a>&#xZZ;</a>`,
	`<a>&#0;</a>`,
	`<a>&amp</a>`,
	`<a>]]></a>`,
	"<a>\x01</a>",
	"<a>\xff</a>",
	`<a><!- x --></a>`,
	`<a><!-- x -- y --></a>`,
	`<a><![CDATX[x]]></a>`,
	`<a><![CDATA[x`,
	`<1a/>`,
	`<a:b:c/>`,
	`<a/ >`,
	`<a></a >`,
	`<a></a x>`,
	`<?xml version="1.1"?><a/>`,
	`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`,
	`<?xml version="1.0" encoding="UTF-16"?><a/>`,
	`<? x?>`,
	`<a><?pi`,
	`<a b="1" b="2"/>`,
	`<a/><b/>`,
	"<a>\n  <b>\n    <c x=\"1\" y=\"&nope;\"/>\n  </b>\n</a>",
}

func TestXMLTokenizerAsEncodingXML(t *testing.T) {
	for _, in := range xmlCases {
		want := stdXMLStream([]byte(in))
		for _, chunk := range []int{0, 1, 3, 4096} {
			if got := tokXMLStream([]byte(in), chunk); !sameStreams(got, want) {
				t.Errorf("%q (in pieces of %d):\n got %q\nwant %q", in, chunk, got, want)
			}
		}
	}
}

// FuzzXMLTokenizer checks that xmlTokenizer reads any input as
// encoding/xml does: the same elements, attributes, text and places, and
// an error at the same place with the same words.
func FuzzXMLTokenizer(f *testing.F) {
	for _, in := range xmlCases {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want := stdXMLStream(data)
		if got := tokXMLStream(data, 0); !sameStreams(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", data, got, want)
		}
		if got := tokXMLStream(data, 7); !sameStreams(got, want) {
			t.Errorf("%q in pieces:\n got %q\nwant %q", data, got, want)
		}
	})
}
