package graphmodel

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

func (f *fastDecoder) space() {
	for f.i < len(f.data) {
		switch f.data[f.i] {
		case ' ', '\t', '\r', '\n':
			f.i++
		default:
			return
		}
	}
}

// take consumes c after any space, or fails.
func (f *fastDecoder) take(c byte) bool {
	f.space()
	if f.fail || f.i >= len(f.data) || f.data[f.i] != c {
		f.fail = true
		return false
	}
	f.i++
	return true
}

func (f *fastDecoder) need(c byte) { f.take(c) }

// peek returns the next byte after any space, or 0.
func (f *fastDecoder) peek() byte {
	f.space()
	if f.fail || f.i >= len(f.data) {
		return 0
	}
	return f.data[f.i]
}

// object reads an object, calling field for each key to read its value.
// A key given twice ends the decoding: which value counts is the scan's
// to report.
func (f *fastDecoder) object(field func(key []byte)) {
	if !f.take('{') {
		return
	}
	if f.peek() == '}' {
		f.i++
		return
	}
	var seen [16][]byte
	n := 0
	for !f.fail {
		key := f.quoted()
		if f.fail || bytes.IndexByte(key, '\\') >= 0 {
			f.fail = true
			return
		}
		for _, k := range seen[:n] {
			if bytes.Equal(k, key) {
				f.fail = true
				return
			}
		}
		if n == len(seen) {
			f.fail = true
			return
		}
		seen[n] = key
		n++
		f.need(':')
		field(key)
		switch f.peek() {
		case ',':
			f.i++
		case '}':
			f.i++
			return
		default:
			f.fail = true
		}
	}
}

// list reads a list of what elem reads: [] is an empty list and null none,
// as encoding/json has them. More than limit elements (when limit > 0)
// ends the decoding, for the scan to report.
func list[T any](f *fastDecoder, limit int, elem func() T) []T {
	switch f.peek() {
	case 'n':
		f.literal("null")
		return nil
	case '[':
		f.i++
	default:
		f.fail = true
		return nil
	}
	out := []T{}
	if f.peek() == ']' {
		f.i++
		return out
	}
	for !f.fail {
		if limit > 0 && len(out) >= limit {
			f.fail = true
			return nil
		}
		out = append(out, elem())
		switch f.peek() {
		case ',':
			f.i++
		case ']':
			f.i++
			return out
		default:
			f.fail = true
		}
	}
	return nil
}

func (f *fastDecoder) strs() []string { return list(f, 0, f.str) }

// quoted reads a string's raw bytes, without its quotes.
func (f *fastDecoder) quoted() []byte {
	if !f.take('"') {
		return nil
	}
	start := f.i
	for j := f.i; ; {
		k := bytes.IndexByte(f.data[j:], '"')
		if k < 0 {
			f.fail = true
			return nil
		}
		j += k
		n := 0
		for b := j - 1; b >= start && f.data[b] == '\\'; b-- {
			n++
		}
		if n%2 == 0 {
			f.i = j + 1
			return f.data[start:j]
		}
		j++
	}
}

// str reads a string. One with escapes is decoded by encoding/json; one
// with a control character or invalid UTF-8 ends the decoding.
func (f *fastDecoder) str() string {
	raw := f.quoted()
	if f.fail {
		return ""
	}
	ascii := true
	for _, c := range raw {
		if c < 0x20 {
			f.fail = true
			return ""
		}
		if c >= utf8.RuneSelf {
			ascii = false
		}
	}
	if !ascii && !utf8.Valid(raw) {
		f.fail = true
		return ""
	}
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw)
	}
	var s string
	if err := json.Unmarshal(f.data[f.i-len(raw)-2:f.i], &s); err != nil {
		f.fail = true
	}
	return s
}

func (f *fastDecoder) date() Date {
	raw := f.quoted()
	if f.fail {
		return Date{}
	}
	d, err := parseDateBytes(raw)
	if err {
		f.fail = true
	}
	return d
}

func (f *fastDecoder) literal(word string) {
	if f.peek() == 0 || !bytes.HasPrefix(f.data[f.i:], []byte(word)) {
		f.fail = true
		return
	}
	f.i += len(word)
}

func (f *fastDecoder) boolean() bool {
	switch f.peek() {
	case 't':
		f.literal("true")
		return true
	case 'f':
		f.literal("false")
		return false
	}
	f.fail = true
	return false
}

// number reads a number as JSON writes one (no +, no leading zeros, no
// Inf or hex, which strconv would take).
func (f *fastDecoder) number() []byte {
	f.space()
	start, j := f.i, f.i
	digits := func() int {
		n := 0
		for j < len(f.data) && f.data[j] >= '0' && f.data[j] <= '9' {
			j++
			n++
		}
		return n
	}
	if j < len(f.data) && f.data[j] == '-' {
		j++
	}
	if n := digits(); n == 0 || (n > 1 && f.data[j-n] == '0') {
		f.fail = true
		return nil
	}
	if j < len(f.data) && f.data[j] == '.' {
		j++
		if digits() == 0 {
			f.fail = true
			return nil
		}
	}
	if j < len(f.data) && (f.data[j] == 'e' || f.data[j] == 'E') {
		j++
		if j < len(f.data) && (f.data[j] == '+' || f.data[j] == '-') {
			j++
		}
		if digits() == 0 {
			f.fail = true
			return nil
		}
	}
	f.i = j
	return f.data[start:j]
}

func (f *fastDecoder) float() float64 {
	s := f.number()
	if f.fail {
		return 0
	}
	v, err := strconv.ParseFloat(string(s), 64)
	if err != nil {
		f.fail = true // out of range: encoding/json says so, and where
	}
	return v
}

func (f *fastDecoder) integer() int {
	s := f.number()
	if f.fail {
		return 0
	}
	v, err := strconv.Atoi(string(s))
	if err != nil {
		f.fail = true
	}
	return v
}
