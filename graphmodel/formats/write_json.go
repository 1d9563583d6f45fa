package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/echoes-viz/echoes/graphmodel"
)

// encodeJSON writes the native format the way the project's own files
// look: one top-level field per line, and each actor, relation, grouping,
// event and source on a line of its own. graphmodel.Parse reads it back.
func encodeJSON(w io.Writer, ds *graphmodel.Dataset) error {
	raw, err := marshal(ds)
	if err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	raw = dropZeroSpans(raw)
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // {
		return fmt.Errorf("encode JSON: %w", err)
	}
	var out bytes.Buffer
	out.WriteString("{")
	first := true
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("encode JSON: %w", err)
		}
		key, _ := tok.(string)
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			return fmt.Errorf("encode JSON: %w", err)
		}
		if !first {
			out.WriteString(",")
		}
		first = false
		k, _ := marshal(key)
		out.WriteString("\n  ")
		out.Write(k)
		out.WriteString(": ")
		var items []json.RawMessage
		if len(val) > 2 && val[0] == '[' && json.Unmarshal(val, &items) == nil {
			out.WriteString("[")
			for i, it := range items {
				if i > 0 {
					out.WriteString(",")
				}
				out.WriteString("\n    ")
				spaced(&out, it)
			}
			out.WriteString("\n  ]")
			continue
		}
		spaced(&out, val)
	}
	out.WriteString("\n}\n")
	_, err = w.Write(out.Bytes())
	return err
}

// marshal is json.Marshal without escaping <, > and & for HTML.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// spaced copies compact JSON, adding a space after each comma and colon
// outside strings, as people write it.
func spaced(out *bytes.Buffer, js []byte) {
	inString, escaped := false, false
	for _, c := range js {
		out.WriteByte(c)
		switch {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && (c == ',' || c == ':'):
			out.WriteByte(' ')
		}
	}
}

// dropZeroSpans removes the "0000" a zero Date marshals to where a span's
// start is unset (an actor that always exists), which reads back the same.
// Inside JSON strings a quote is always escaped, so the patterns cannot
// match text.
func dropZeroSpans(raw []byte) []byte {
	raw = bytes.ReplaceAll(raw, []byte(`,"span":{"start":"0000"}`), nil)
	return bytes.ReplaceAll(raw, []byte(`{"start":"0000",`), []byte(`{`))
}
