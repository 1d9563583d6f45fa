package formats

import (
	"bytes"
	"fmt"

	"github.com/echoes-viz/echoes/graphmodel"
)

// readJSON reads the native format with graphmodel.Parse, after checking
// that the nesting is within MaxDepth, and then the counts of actors and
// relations.
func readJSON(name string, data []byte) (*graphmodel.Dataset, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if line, col, ok := jsonTooDeep(data); !ok {
		return nil, graphmodel.Problems{{File: name, Line: line, Col: col,
			Msg: fmt.Sprintf("values nest more than %d deep; an Echoes dataset nests a few levels, so this is not one", MaxDepth)}}
	}
	ds, err := graphmodel.Parse(name, data)
	if err != nil {
		return nil, err
	}
	switch {
	case len(ds.Actors) > MaxActors:
		return nil, graphmodel.Problems{{File: name, Msg: fmt.Sprintf("%d actors, over the limit of %d; split the file", len(ds.Actors), MaxActors)}}
	case len(ds.Relations) > MaxRelations:
		return nil, graphmodel.Problems{{File: name, Msg: fmt.Sprintf("%d relations, over the limit of %d; split the file", len(ds.Relations), MaxRelations)}}
	}
	return ds, nil
}

// jsonTooDeep scans data for brackets nested deeper than MaxDepth outside
// strings; ok is false with the place of the first one too deep.
func jsonTooDeep(data []byte) (line, col int, ok bool) {
	depth, inString, escaped := 0, false, false
	line, col = 1, 0
	for _, c := range data {
		col++
		switch {
		case c == '\n':
			line, col = line+1, 0
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > MaxDepth {
				return line, col, false
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return 0, 0, true
}
