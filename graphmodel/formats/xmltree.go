package formats

import (
	"bytes"
	"encoding/xml"
	"errors"
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
func xmlWalk(b *builder, tok *xmlTokenizer, items map[string]bool, start func(e *elem, path []string), item func(e *elem, path []string)) (root *elem) {
	var stack []*elem
	var raw []xml.Name // the open elements' names as written, to match end tags
	var path []string
	var ns nsScope
	var free elemPool
	kept := 0
	itemDepth := -1 // stack depth of the item being read, or -1
	fail := func(err error) {
		b.addf(tok.pos(tok.offset()), "XML: %s; %s", xmlErrText(err), xmlErrFix(err))
	}
	for !b.stopped() {
		at := tok.offset()
		if err := tok.next(); err != nil {
			fail(err)
			break
		}
		switch tok.kind {
		case tokEOF:
			if len(stack) > 0 {
				fail(&xmlSyntaxError{"unexpected EOF"})
			}
			if root == nil && !b.stopped() && len(b.problems) == 0 {
				b.addf(pos{1, 1}, "no XML element found; the file is empty or not XML")
			}
			return root
		case tokDirective:
			if bytes.HasPrefix(bytes.TrimSpace(tok.text), []byte("DOCTYPE")) && bytes.Contains(tok.text, []byte("ENTITY")) {
				b.addf(tok.pos(at), "the DOCTYPE declares entities, which Echoes refuses (they can read other files or expand without end); remove the <!DOCTYPE ...> block")
				return nil
			}
		case tokStart, tokEmpty:
			p := tok.pos(at)
			if len(stack) >= MaxDepth {
				b.addf(p, "elements nest more than %d deep; Echoes reads at most %d levels", MaxDepth, MaxDepth)
				return nil
			}
			ns.open(tok.attrs)
			e := free.get()
			e.name, e.at, e.size = ns.element(tok.name), p, 1
			e.attrs = append(e.attrs, tok.attrs...)
			for i := range e.attrs {
				e.attrs[i].Name = ns.attr(e.attrs[i].Name)
			}
			if itemDepth >= 0 {
				if stack[itemDepth].size >= MaxItemElements {
					b.addf(stack[itemDepth].at, "<%s> holds more than %d elements; Echoes reads at most %d inside one node or edge", stack[itemDepth].name.Local, MaxItemElements, MaxItemElements)
					return nil
				}
				stack[itemDepth].size++
			} else if items[e.name.Local] {
				itemDepth = len(stack)
			} else {
				kept++
				if kept > MaxKeptElements {
					b.addf(p, "more than %d elements outside nodes and edges; Echoes reads at most %d", MaxKeptElements, MaxKeptElements)
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
					b.addf(p, "a second root element <%s>; a file holds one document", e.name.Local)
					return nil
				}
				root = e
			}
			stack = append(stack, e)
			raw = append(raw, tok.name)
			path = append(path, e.name.Local)
			if tok.kind == tokEmpty {
				stack, raw, path, itemDepth = closeElem(stack, raw, path, itemDepth, item, &free)
				ns.close()
			}
		case tokEnd:
			if err := endMatches(raw, tok.name); err != nil {
				fail(err)
				return root
			}
			stack, raw, path, itemDepth = closeElem(stack, raw, path, itemDepth, item, &free)
			ns.close()
		case tokText:
			// A mixed element's text is kept inside nodes and edges only
			// (a yEd label); outside them it is text between the items,
			// which a file could make as long as itself.
			if e := top(stack); e != nil && (!e.mixed || (itemDepth >= 0 && len(bytes.TrimSpace(tok.text)) > 0)) {
				e.text = append(e.text, tok.text...)
			}
		}
	}
	return root
}

// closeElem closes the innermost element: an item goes to item, and then
// its elements to free, any other element to its parent's children.
func closeElem(stack []*elem, raw []xml.Name, path []string, itemDepth int, item func(e *elem, path []string), free *elemPool) ([]*elem, []xml.Name, []string, int) {
	e := stack[len(stack)-1]
	stack, raw, path = stack[:len(stack)-1], raw[:len(raw)-1], path[:len(path)-1]
	switch {
	case len(stack) == itemDepth:
		itemDepth = -1
		item(e, path)
		free.put(e)
	case len(stack) > 0:
		p := stack[len(stack)-1]
		if p.kids == nil {
			p.kids = make([]*elem, 0, 4) // as a GEXF edge's attvalues: one allocation, not three
		}
		p.kids = append(p.kids, e)
	}
	return stack, raw, path, itemDepth
}

// elemPool keeps the elements of items read, for the next items: a
// reader keeps nothing of an item's elements but strings, and a new
// element, its attributes and its children for each was most of what
// reading a big file allocated.
type elemPool struct{ free []*elem }

func (p *elemPool) get() *elem {
	if len(p.free) == 0 {
		return new(elem)
	}
	e := p.free[len(p.free)-1]
	p.free = p.free[:len(p.free)-1]
	return e
}

// put frees e and what it holds.
func (p *elemPool) put(e *elem) {
	for _, k := range e.kids {
		p.put(k)
	}
	clear(e.attrs) // no strings kept alive from here
	clear(e.kids)
	*e = elem{attrs: e.attrs[:0], kids: e.kids[:0], text: e.text[:0]}
	if len(p.free) < 1<<16 {
		p.free = append(p.free, e)
	}
}

// endMatches checks an end tag against the open elements, with
// encoding/xml's words.
func endMatches(open []xml.Name, end xml.Name) error {
	if len(open) == 0 {
		return &xmlSyntaxError{"unexpected end element </" + end.Local + ">"}
	}
	s := open[len(open)-1]
	switch {
	case s.Local != end.Local:
		return &xmlSyntaxError{"element <" + s.Local + "> closed by </" + end.Local + ">"}
	case s.Space != end.Space:
		space := end.Space
		if space == "" {
			space = `""`
		}
		return &xmlSyntaxError{"element <" + s.Local + "> in space " + s.Space + " closed by </" + end.Local + "> in space " + space}
	}
	return nil
}

// nsScope resolves namespace prefixes as encoding/xml does: xmlns and
// xmlns:p attributes bind for the element and what it holds.
type nsScope struct {
	binds  []nsBind
	counts []int // bindings each open element made
}

type nsBind struct{ prefix, url string }

// open records the bindings an element's attributes make.
func (s *nsScope) open(attrs []xml.Attr) {
	n := 0
	for _, a := range attrs {
		switch {
		case a.Name.Space == "xmlns":
			s.binds = append(s.binds, nsBind{a.Name.Local, a.Value})
			n++
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			s.binds = append(s.binds, nsBind{"", a.Value})
			n++
		}
	}
	s.counts = append(s.counts, n)
}

// close drops the bindings of the innermost element.
func (s *nsScope) close() {
	n := s.counts[len(s.counts)-1]
	s.counts = s.counts[:len(s.counts)-1]
	s.binds = s.binds[:len(s.binds)-n]
}

func (s *nsScope) lookup(prefix string) (string, bool) {
	for i := len(s.binds) - 1; i >= 0; i-- {
		if s.binds[i].prefix == prefix {
			return s.binds[i].url, true
		}
	}
	return "", false
}

// element translates an element's name: its prefix, or no prefix, to the
// namespace bound to it; an unbound prefix stays as it is.
func (s *nsScope) element(n xml.Name) xml.Name {
	switch {
	case n.Space == "xmlns", n.Space == "" && n.Local == "xmlns":
		return n
	case n.Space == "xml":
		n.Space = "http://www.w3.org/XML/1998/namespace"
	}
	if v, ok := s.lookup(n.Space); ok {
		n.Space = v
	}
	return n
}

// attr translates an attribute's name: unprefixed names stay in no
// namespace.
func (s *nsScope) attr(n xml.Name) xml.Name {
	if n.Space == "" {
		return n
	}
	return s.element(n)
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
	var se *xmlSyntaxError
	if errors.As(err, &se) {
		return se.msg
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
