package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/echoes-viz/echoes/graphmodel"
)

// encodeJSON writes the native format the way the project's own files
// look: one top-level field per line, and each actor, relation, grouping,
// event and source on a line of its own. graphmodel.Parse reads it back.
// Actors and relations are encoded one at a time as they are written:
// the whole dataset marshalled first, then split and copied, held four
// copies of a 200 MB file at once (1.4 GB at the limits).
func encodeJSON(w io.Writer, ds *graphmodel.Dataset) error {
	head := *ds
	head.Actors, head.Relations = nil, nil
	raw, err := marshal(&head)
	if err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	raw = dropZeroSpans(raw)
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // {
		return fmt.Errorf("encode JSON: %w", err)
	}
	out := bufio.NewWriterSize(w, 64<<10)
	out.WriteString("{")
	first := true
	var line []byte
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
		switch {
		case key == "actors" && ds.Actors != nil:
			err = writeItems(out, len(ds.Actors), func(i int) any { return ds.Actors[i] })
		case key == "relations" && ds.Relations != nil:
			err = writeItems(out, len(ds.Relations), func(i int) any { return ds.Relations[i] })
		default:
			var items []json.RawMessage
			if len(val) > 2 && val[0] == '[' && json.Unmarshal(val, &items) == nil {
				out.WriteString("[")
				for i, it := range items {
					if i > 0 {
						out.WriteString(",")
					}
					out.WriteString("\n    ")
					line = appendSpaced(line[:0], it)
					out.Write(line)
				}
				out.WriteString("\n  ]")
				continue
			}
			line = appendSpaced(line[:0], val)
			out.Write(line)
		}
		if err != nil {
			return fmt.Errorf("encode JSON: %w", err)
		}
	}
	out.WriteString("\n}\n")
	return out.Flush()
}

// writeItems writes n items of a list, each on a line of its own, as
// encodeJSON writes any list; an empty list is [].
func writeItems(out *bufio.Writer, n int, item func(i int) any) error {
	if n == 0 {
		_, err := out.WriteString("[]")
		return err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	var line []byte
	out.WriteString("[")
	for i := range n {
		b.Reset()
		if err := enc.Encode(item(i)); err != nil {
			return err
		}
		js := dropZeroSpans(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
		if i > 0 {
			out.WriteString(",")
		}
		out.WriteString("\n    ")
		line = appendSpaced(line[:0], js)
		if _, err := out.Write(line); err != nil {
			return err
		}
	}
	_, err := out.WriteString("\n  ]")
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

// appendSpaced appends compact JSON to dst, adding a space after each
// comma and colon outside strings, as people write it.
func appendSpaced(dst, js []byte) []byte {
	inString, escaped := false, false
	for _, c := range js {
		dst = append(dst, c)
		switch {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && (c == ',' || c == ':'):
			dst = append(dst, ' ')
		}
	}
	return dst
}

// dropZeroSpans removes the "0000" a zero Date marshals to where a span's
// start is unset (an actor that always exists), which reads back the same.
// Inside JSON strings a quote is always escaped, so the patterns cannot
// match text.
func dropZeroSpans(raw []byte) []byte {
	if !bytes.Contains(raw, []byte(`"0000"`)) {
		return raw
	}
	raw = bytes.ReplaceAll(raw, []byte(`,"span":{"start":"0000"}`), nil)
	return bytes.ReplaceAll(raw, []byte(`{"start":"0000",`), []byte(`{`))
}
