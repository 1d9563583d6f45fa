package graphmodel

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"
)

const (
	anyValue schemaKind = iota
	objectValue
	listValue
	dateValue
	mapValue // an object with keys of any name, each value elem
)

// seg is one step of a path: an object key or a list index.
type seg struct {
	key   []byte
	index int // -1 for a key
}

// jsonScan walks a JSON document once without building its values. It
// checks keys and dates against the schema, and finds the offsets of the
// paths in want (and of their parents), for problem places. It stops at
// the first syntax error, which encoding/json then reports.
type jsonScan struct {
	data     []byte
	i        int
	depth    int
	stack    []seg
	problems Problems
	file     string
	syntax   bool // a syntax error was met
	// want maps a path ("relations[3].end") and each of its parents to the
	// offset where its value starts; -1 until found.
	want map[string]int
	// at, when at least 0, asks for the path of the innermost value that
	// holds the byte before offset at (where encoding/json reports a type
	// error); found in atPath.
	at     int
	atPath string
	done   bool
	buf    []byte
	limits Limits
}

// MaxDepth is the deepest nesting of JSON values Parse reads: an Echoes
// dataset nests five levels, and a file nested deeper is not one.
const MaxDepth = 64

// Limits bounds what ParseLimited accepts, counted while scanning the text,
// before anything is decoded; 0 means no bound.
type Limits struct {
	Actors, Relations int
}

func newScan(file string, data []byte) *jsonScan {
	return &jsonScan{file: file, data: data, at: -1}
}

// run scans the whole document; it reports extra data after the top-level
// value as a problem.
func (s *jsonScan) run(root *schema) {
	s.space()
	s.value(root, true)
	if s.syntax || s.done {
		return
	}
	s.space()
	if s.i < len(s.data) {
		s.add(s.i, "", "extra data after the dataset object; a file holds one JSON object")
	}
}

func (s *jsonScan) space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

func (s *jsonScan) add(off int, path, msg string) {
	if len(s.problems) >= MaxProblems {
		return
	}
	s.problems = append(s.problems, Problem{File: s.file, Path: path, Msg: msg, off: off + 1})
}

// path renders the current path, as validation names it.
func (s *jsonScan) path() string {
	return string(appendPath(s.buf[:0], s.stack))
}

func appendPath(b []byte, stack []seg) []byte {
	for _, g := range stack {
		if g.index >= 0 {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(g.index), 10)
			b = append(b, ']')
			continue
		}
		if len(b) > 0 {
			b = append(b, '.')
		}
		b = append(b, g.key...)
	}
	return b
}

// value scans one value; wanted says whether its path is one of want's,
// so that its children are looked up too.
func (s *jsonScan) value(sc *schema, wanted bool) {
	if s.done || s.syntax {
		return
	}
	if s.i >= len(s.data) {
		s.syntax = true
		return
	}
	start := s.i
	if s.want != nil && wanted {
		s.buf = appendPath(s.buf[:0], s.stack)
		if off, ok := s.want[string(s.buf)]; ok {
			if off < 0 {
				s.want[string(s.buf)] = start
			}
		} else {
			wanted = false
		}
	}
	if s.at >= 0 && start >= s.at {
		s.done = true
		return
	}
	switch c := s.data[s.i]; c {
	case '{':
		if s.at == start+1 {
			s.atPath, s.done = s.path(), true
			return
		}
		s.object(sc, wanted)
	case '[':
		if s.at == start+1 {
			s.atPath, s.done = s.path(), true
			return
		}
		s.list(sc, wanted)
	case '"':
		raw, ok := s.str()
		if !ok {
			return
		}
		if sc != nil && sc.kind == dateValue {
			text, ok := unquote(raw)
			if !ok {
				return
			}
			if _, err := ParseDate(text); err != nil {
				s.add(start, s.path(), err.Error())
			}
		}
	default:
		s.scalar()
	}
	if s.at >= 0 && s.at <= s.i && !s.done {
		s.atPath, s.done = s.path(), true
	}
}

// scalar skips a number, true, false or null.
func (s *jsonScan) scalar() {
	j := s.i
	for j < len(s.data) {
		switch c := s.data[j]; {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c == '-', c == '+', c == '.', c == 'E':
			j++
			continue
		}
		break
	}
	if j == s.i {
		s.syntax = true
		return
	}
	s.i = j
}

// str skips a string and returns it with its quotes.
func (s *jsonScan) str() ([]byte, bool) {
	start := s.i
	for j := s.i + 1; ; {
		k := bytes.IndexByte(s.data[j:], '"')
		if k < 0 {
			s.i = len(s.data)
			s.syntax = true
			return nil, false
		}
		j += k
		// The quote ends the string unless an odd run of backslashes
		// escapes it.
		n := 0
		for b := j - 1; b > start && s.data[b] == '\\'; b-- {
			n++
		}
		j++
		if n%2 == 0 {
			s.i = j
			return s.data[start:j], true
		}
	}
}

// unquote decodes a quoted JSON string; plain ones without a copy's cost
// beyond the string itself.
func unquote(raw []byte) (string, bool) {
	if bytes.IndexByte(raw, '\\') < 0 {
		if !utf8.Valid(raw) {
			return "", false
		}
		return string(raw[1 : len(raw)-1]), true
	}
	var v string
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", false
	}
	return v, true
}

func (s *jsonScan) enter() bool {
	s.depth++
	if s.depth > MaxDepth {
		s.add(s.i, "", fmt.Sprintf("values nest more than %d deep; an Echoes dataset nests a few levels, so this is not one", MaxDepth))
		s.done = true
		return false
	}
	return true
}

// tooMany reports whether element n of the list at the current path is
// past the limits; it says so once and ends the scan.
func (s *jsonScan) tooMany(n int) bool {
	if len(s.stack) != 1 || s.stack[0].index >= 0 {
		return false
	}
	limit, what := 0, ""
	switch string(s.stack[0].key) {
	case "actors":
		limit, what = s.limits.Actors, "actors"
	case "relations":
		limit, what = s.limits.Relations, "relations"
	}
	if limit <= 0 || n < limit {
		return false
	}
	s.add(s.i, what, fmt.Sprintf("more than %d %s, over the limit; split the file", limit, what))
	s.done = true
	return true
}

// object scans an object, checking that no key is given twice and, when
// the schema knows the object, that every key is a field of it.
func (s *jsonScan) object(sc *schema, wanted bool) {
	if !s.enter() {
		return
	}
	defer func() { s.depth-- }()
	var elem *schema // each value's, in a map
	if sc != nil && sc.kind == mapValue {
		sc, elem = nil, sc.elem
	}
	if sc != nil && sc.kind != objectValue {
		sc = nil // a type error: encoding/json reports it
	}
	var first [64]int // where each field was first given, +1
	var seen map[string]int
	s.i++
	s.space()
	if s.i < len(s.data) && s.data[s.i] == '}' {
		s.i++
		return
	}
	for !s.done {
		s.space()
		if s.i >= len(s.data) || s.data[s.i] != '"' {
			s.syntax = true
			return
		}
		keyStart := s.i
		raw, ok := s.str()
		if !ok {
			return
		}
		key := raw[1 : len(raw)-1]
		if bytes.IndexByte(key, '\\') >= 0 {
			k, ok := unquote(raw)
			if !ok {
				s.syntax = true
				return
			}
			key = []byte(k)
		}
		s.space()
		if s.i >= len(s.data) || s.data[s.i] != ':' {
			s.syntax = true
			return
		}
		s.i++
		s.space()
		var child *schema
		dupAt := 0
		if sc != nil {
			f := sc.field(key)
			switch {
			case f < 0:
				s.add(keyStart, s.path(), fmt.Sprintf("unknown field %q; see docs/dataset.md for the fields each object takes", key))
			case f < len(first) && first[f] > 0:
				dupAt = first[f]
			default:
				child = sc.fields[f].node
				if f < len(first) {
					first[f] = keyStart + 1
				}
			}
		} else {
			child = elem
			if seen == nil {
				seen = map[string]int{}
			}
			if at, ok := seen[string(key)]; ok {
				dupAt = at
			} else {
				seen[string(key)] = keyStart + 1
			}
		}
		if dupAt > 0 {
			s.add(keyStart, s.path(), fmt.Sprintf("duplicate key %q: this object gives it twice, and the later value would replace the earlier; remove or rename one", key))
		}
		s.stack = append(s.stack, seg{key: key, index: -1})
		s.value(child, wanted)
		s.stack = s.stack[:len(s.stack)-1]
		if !s.another('}') {
			return
		}
	}
}

// list scans a list.
func (s *jsonScan) list(sc *schema, wanted bool) {
	if !s.enter() {
		return
	}
	defer func() { s.depth-- }()
	var elem *schema
	if sc != nil && sc.kind == listValue {
		elem = sc.elem
	}
	s.i++
	s.space()
	if s.i < len(s.data) && s.data[s.i] == ']' {
		s.i++
		return
	}
	for n := 0; !s.done; n++ {
		s.space()
		if s.tooMany(n) {
			return
		}
		s.stack = append(s.stack, seg{index: n})
		s.value(elem, wanted)
		s.stack = s.stack[:len(s.stack)-1]
		if !s.another(']') {
			return
		}
	}
}

// another moves past what follows an item of an object or list that closer
// ends: a comma, and then it reports true, or the closer. Anything else is
// a syntax error.
func (s *jsonScan) another(closer byte) bool {
	if s.syntax || s.done {
		return false
	}
	s.space()
	if s.i >= len(s.data) {
		s.syntax = true
		return false
	}
	switch s.data[s.i] {
	case ',':
		s.i++
		return true
	case closer:
		s.i++
		return false
	}
	s.syntax = true
	return false
}
