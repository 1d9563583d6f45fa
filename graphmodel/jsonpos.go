package graphmodel

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// jsonIndex maps the path of every value in a JSON document
// ("relations[3].end") to the byte offset where the value starts, so that
// validation can point at a line and column.
type jsonIndex map[string]int64

// indexJSON walks data's tokens. It returns what it indexed before any
// syntax error; the decoder reports the error itself.
func indexJSON(data []byte) jsonIndex {
	idx := jsonIndex{}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		path  string
		array bool
		n     int    // next array index
		key   string // pending object key
		inKey bool   // next string is a key
	}
	var stack []frame
	valueStart := func() int64 {
		off := dec.InputOffset()
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
			off++
		}
		return off
	}
	childPath := func() string {
		if len(stack) == 0 {
			return ""
		}
		f := &stack[len(stack)-1]
		if f.array {
			p := fmt.Sprintf("%s[%d]", f.path, f.n)
			f.n++
			return p
		}
		if f.path == "" {
			return f.key
		}
		return f.path + "." + f.key
	}
	for {
		start := valueStart()
		if len(stack) > 0 && !stack[len(stack)-1].array && stack[len(stack)-1].inKey {
			tok, err := dec.Token()
			if err != nil {
				return idx
			}
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:len(stack)-1]
				continue
			}
			f := &stack[len(stack)-1]
			f.key, _ = tok.(string)
			f.inKey = false
			p := f.key
			if f.path != "" {
				p = f.path + "." + f.key
			}
			idx["key:"+p] = start
			continue
		}
		tok, err := dec.Token()
		if err == io.EOF || err != nil {
			return idx
		}
		if d, ok := tok.(json.Delim); ok && (d == ']' || d == '}') {
			stack = stack[:len(stack)-1]
			continue
		}
		p := childPath()
		idx[p] = start
		if len(stack) > 0 && !stack[len(stack)-1].array {
			stack[len(stack)-1].inKey = true
		}
		if d, ok := tok.(json.Delim); ok {
			stack = append(stack, frame{path: p, array: d == '[', inKey: d == '{'})
		}
	}
}

// find returns the offset of path, or of its nearest indexed parent.
func (x jsonIndex) find(path string) int64 {
	for p := path; ; {
		if off, ok := x[p]; ok {
			return off
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 0 {
			return x[""]
		}
		p = p[:i]
	}
}
