package formats

import (
	"bytes"
	"fmt"

	"github.com/echoes-viz/echoes/graphmodel"
)

// readJSON reads the native format with graphmodel.ParseLimited, which
// refuses nesting past MaxDepth and more actors or relations than the
// limits while it scans the text, before decoding anything.
func readJSON(name string, data []byte) (*graphmodel.Dataset, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	ds, err := graphmodel.ParseLimited(name, data, graphmodel.Limits{Actors: MaxActors, Relations: MaxRelations})
	if err != nil {
		return nil, err
	}
	// Decoding counts what the scan counted; this holds should they differ.
	switch {
	case len(ds.Actors) > MaxActors:
		return nil, graphmodel.Problems{{File: name, Msg: fmt.Sprintf("%d actors, over the limit of %d; split the file", len(ds.Actors), MaxActors)}}
	case len(ds.Relations) > MaxRelations:
		return nil, graphmodel.Problems{{File: name, Msg: fmt.Sprintf("%d relations, over the limit of %d; split the file", len(ds.Relations), MaxRelations)}}
	}
	return ds, nil
}
