package formats

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// elem is one XML element with its place in the file. Only what a reader
// needs is kept: nodes and edges are handed over as soon as they close.
type elem struct {
	name  xml.Name
	attrs []xml.Attr
	kids  []*elem
	text  []byte
	at    pos
	size  int  // elements in this subtree, itself included
	mixed bool // has had a child element: only its non-blank text is kept
}

// attr returns the value of the attribute with local name, and whether it
// is there.
func (e *elem) attr(local string) (string, bool) {
	for _, a := range e.attrs {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// get returns the value of the attribute with local name, or "".
func (e *elem) get(local string) string {
	v, _ := e.attr(local)
	return v
}

// children returns the child elements with local name.
func (e *elem) children(local string) []*elem {
	var out []*elem
	for _, k := range e.kids {
		if k.name.Local == local {
			out = append(out, k)
		}
	}
	return out
}

// child returns the first child element with local name, or nil.
func (e *elem) child(local string) *elem {
	for _, k := range e.kids {
		if k.name.Local == local {
			return k
		}
	}
	return nil
}

// xmlWalk streams an XML document. Each element whose local name is in
// items is handed to item when it closes, with its subtree, and then
// dropped; start is called as each element opens, with its ancestors'
// names (outermost first), so a reader can pick up graph settings before
// the nodes come. Limits on depth and element counts are enforced, and a
// DOCTYPE declaring entities is refused. Problems go to b.
func xmlWalk(b *builder, data []byte, items map[string]bool, start func(e *elem, path []string), item func(e *elem, path []string)) (root *elem) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2":
			return r, nil // toUTF8 has decoded it already
		}
		return nil, fmt.Errorf("encoding %q is not supported", label)
	}
	var stack []*elem
	var path []string
	kept := 0
	itemDepth := -1 // stack depth of the item being read, or -1
	for !b.stopped() {
		line, col := dec.InputPos()
		tok, err := dec.Token()
		if err == io.EOF {
			if len(stack) > 0 {
				b.addf(pos{line, col}, "file ends inside <%s>; close it with </%s>", stack[len(stack)-1].name.Local, stack[len(stack)-1].name.Local)
			}
			break
		}
		if err != nil {
			l, c := dec.InputPos()
			b.addf(pos{l, c}, "XML: %s; %s", xmlErrText(err), xmlErrFix(err))
			break
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) && bytes.Contains(t, []byte("ENTITY")) {
				b.addf(pos{line, col}, "the DOCTYPE declares entities, which Echoes refuses (they can read other files or expand without end); remove the <!DOCTYPE ...> block")
				return nil
			}
		case xml.StartElement:
			if len(stack) >= MaxDepth {
				b.addf(pos{line, col}, "elements nest more than %d deep; Echoes reads at most %d levels", MaxDepth, MaxDepth)
				return nil
			}
			e := &elem{name: t.Name, attrs: t.Attr, at: pos{line, col}, size: 1} // Token gives each its own Attr
			if itemDepth >= 0 {
				if stack[itemDepth].size >= MaxItemElements {
					b.addf(stack[itemDepth].at, "<%s> holds more than %d elements; Echoes reads at most %d inside one node or edge", stack[itemDepth].name.Local, MaxItemElements, MaxItemElements)
					return nil
				}
				stack[itemDepth].size++
			} else if items[t.Name.Local] {
				itemDepth = len(stack)
			} else {
				kept++
				if kept > MaxKeptElements {
					b.addf(pos{line, col}, "more than %d elements outside nodes and edges; Echoes reads at most %d", MaxKeptElements, MaxKeptElements)
					return nil
				}
			}
			if p := top(stack); p != nil && !p.mixed {
				// Blank text before a child element is layout; other text
				// is data, as in yEd's <y:NodeLabel>Japan<y:LabelModel>.
				p.mixed = true
				if len(bytes.TrimSpace(p.text)) == 0 {
					p.text = nil
				}
			}
			if start != nil {
				start(e, path)
			}
			if len(stack) == 0 {
				if root != nil {
					b.addf(pos{line, col}, "a second root element <%s>; a file holds one document", t.Name.Local)
					return nil
				}
				root = e
			}
			stack = append(stack, e)
			path = append(path, t.Name.Local)
		case xml.EndElement:
			e := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			path = path[:len(path)-1]
			switch {
			case len(stack) == itemDepth:
				itemDepth = -1
				item(e, path)
			case len(stack) > 0:
				p := stack[len(stack)-1]
				p.kids = append(p.kids, e)
			}
		case xml.CharData:
			// A mixed element's text is kept inside nodes and edges only
			// (a yEd label); outside them it is text between the items,
			// which a file could make as long as itself.
			if e := top(stack); e != nil && (!e.mixed || (itemDepth >= 0 && len(bytes.TrimSpace(t)) > 0)) {
				e.text = append(e.text, t...)
			}
		}
	}
	if root == nil && !b.stopped() && len(b.problems) == 0 {
		b.addf(pos{1, 1}, "no XML element found; the file is empty or not XML")
	}
	return root
}

// top returns the innermost open element, or nil.
func top(stack []*elem) *elem {
	if len(stack) == 0 {
		return nil
	}
	return stack[len(stack)-1]
}

// xmlErrText is the decoder's message without its "XML syntax error on
// line N:" prefix, since the problem carries the place.
func xmlErrText(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	return strings.TrimPrefix(err.Error(), "xml: ")
}

// xmlErrFix suggests a fix for the usual XML mistakes.
func xmlErrFix(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "encoding"), strings.Contains(msg, "UTF-8"):
		return "save the file as UTF-8"
	case strings.Contains(msg, "entity"):
		return "write & as &amp; and < as &lt;"
	case strings.Contains(msg, "unexpected end element"), strings.Contains(msg, "element <"):
		return "check that every tag is closed, in order"
	case strings.Contains(msg, "unexpected EOF"):
		return "the file is cut short; check that it was saved whole"
	}
	return "check the markup just before here"
}
