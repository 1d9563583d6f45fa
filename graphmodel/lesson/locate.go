package lesson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// places records where each value of a JSON text starts, by its path
// ("steps[2].event"), and every key with the path of its object.
type places struct {
	at   map[string]int
	keys []keyAt
}

// keyAt is one key of an object, with where it starts.
type keyAt struct {
	object, key string
	off         int
}

// walk reads data (already known to be valid JSON) and records where its
// values and keys are.
func walk(data []byte) places {
	p := places{at: map[string]int{}}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	start := func() int {
		o := int(dec.InputOffset())
		for o < len(data) && bytes.IndexByte([]byte(" \t\r\n:,"), data[o]) >= 0 {
			o++
		}
		return o
	}
	var value func(path string) bool
	value = func(path string) bool {
		off := start()
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		p.at[path] = off
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				koff := start()
				k, err := dec.Token()
				if err != nil {
					return false
				}
				key, _ := k.(string)
				p.keys = append(p.keys, keyAt{path, key, koff})
				child := key
				if path != "" {
					child = path + "." + key
				}
				if !value(child) {
					return false
				}
			}
			_, err = dec.Token()
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if !value(fmt.Sprintf("%s[%d]", path, i)) {
					return false
				}
			}
			_, err = dec.Token()
		}
		return err == nil
	}
	value("")
	return p
}

// offset is where path starts, or its nearest recorded parent.
func (p places) offset(path string) int {
	for q := path; ; {
		if o, ok := p.at[q]; ok {
			return o
		}
		i := lastIndexAny(q, ".[")
		if i < 0 {
			return p.at[""]
		}
		q = q[:i]
	}
}

func lastIndexAny(s, chars string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if bytes.IndexByte([]byte(chars), s[i]) >= 0 {
			return i
		}
	}
	return -1
}

// lineCol turns a byte offset into a 1-based line and column (the column
// counted in characters).
func lineCol(data []byte, off int) (int, int) {
	off = max(0, min(off, len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[lineStart:]) + 1
}
