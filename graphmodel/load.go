package graphmodel

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// MaxFileBytes bounds what Load reads, so a wrong file cannot eat memory.
const MaxFileBytes = 256 << 20

// Load reads and validates a native JSON dataset file.
func Load(path string) (*Dataset, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open dataset: %w", err)
	}
	if st.Size() > MaxFileBytes {
		return nil, Problems{{File: path, Msg: fmt.Sprintf("file is %d MB, over the %d MB limit; split it or remove unused data", st.Size()>>20, MaxFileBytes>>20)}}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read dataset: %w", err)
	}
	return Parse(path, data)
}

// Parse decodes and validates a native JSON dataset; name is used in
// problem messages. The error, when not nil, is Problems.
func Parse(name string, data []byte) (*Dataset, error) {
	var d Dataset
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return nil, Problems{decodeProblem(name, data, err)}
	}
	if dec.More() {
		line, col := lineCol(data, dec.InputOffset())
		return nil, Problems{{File: name, Line: line, Col: col, Msg: "extra data after the dataset object; a file holds one JSON object"}}
	}
	idx := indexJSON(data)
	v := validator{file: name, data: data, idx: idx}
	v.dataset(&d)
	if len(v.problems) > 0 {
		return nil, v.problems
	}
	d.index()
	return &d, nil
}

// decodeProblem turns an encoding/json error into a located Problem.
func decodeProblem(name string, data []byte, err error) Problem {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := lineCol(data, syn.Offset)
		return Problem{File: name, Line: line, Col: col, Msg: "JSON syntax: " + syn.Error() + "; check for a missing comma, quote or bracket just before here"}
	case errors.As(err, &typ):
		line, col := lineCol(data, typ.Offset)
		return Problem{File: name, Line: line, Col: col, Path: typ.Field,
			Msg: fmt.Sprintf("expected %s here, found a JSON %s", typ.Type, typ.Value)}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		idx := indexJSON(data)
		best := int64(-1)
		for k, off := range idx {
			if strings.HasPrefix(k, "key:") && (strings.HasSuffix(k, "."+field) || k == "key:"+field) && (best < 0 || off < best) {
				best = off
			}
		}
		p := Problem{File: name, Msg: fmt.Sprintf("unknown field %q; see docs/dataset.md for the fields each object takes", field)}
		if best >= 0 {
			p.Line, p.Col = lineCol(data, best)
		}
		return p
	case errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected EOF"):
		line, col := lineCol(data, int64(len(data)))
		return Problem{File: name, Line: line, Col: col, Msg: "file ends too early; the JSON object is not closed"}
	default:
		// Date and other text fields report their own messages.
		msg := err.Error()
		off := int64(0)
		if i := strings.Index(msg, "date "); i >= 0 {
			// Locate the bad date string in the file to give a place.
			q := msg[i+5:]
			if j := strings.Index(q, " "); j > 0 {
				if k := bytes.Index(data, []byte(q[:j])); k >= 0 {
					off = int64(k)
				}
			}
		}
		line, col := lineCol(data, off)
		return Problem{File: name, Line: line, Col: col, Msg: strings.TrimPrefix(msg, "json: ") + "; write dates as YYYY, YYYY-MM or YYYY-MM-DD"}
	}
}
