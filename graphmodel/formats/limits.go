package formats

import (
	"fmt"
	"io"

	"github.com/echoes-viz/echoes/graphmodel"
)

// Limits on what a reader accepts. A file over any of them is refused with a
// problem that names the limit, rather than being read until memory runs out.
const (
	// MaxFileBytes is the largest file Read opens (the same as graphmodel's).
	MaxFileBytes = graphmodel.MaxFileBytes
	// MaxActors is the most actors (nodes) one dataset may hold.
	MaxActors = 250_000
	// MaxRelations is the most relations one dataset may hold, counting each
	// spell of a GEXF edge as its own relation.
	MaxRelations = 1_000_000
	// MaxDepth is the deepest nesting of XML elements or JSON values.
	MaxDepth = graphmodel.MaxDepth
	// MaxItemElements is the most XML elements inside one node or edge
	// (its attribute values, spells and drawing hints).
	MaxItemElements = 10_000
	// MaxKeptElements is the most XML elements held at once outside nodes
	// and edges (attribute declarations, metadata).
	MaxKeptElements = 100_000
	// MaxAttributes is the most attributes (GEXF) or keys (GraphML) a file
	// may declare.
	MaxAttributes = 1_000
	// MaxIntervals is the most intervals one node or edge may list in an
	// intervals or timestamps attribute.
	MaxIntervals = 10_000
)

// UndatedYear is the year a dataset read from a file with no dates at all
// is set in: its range starts and ends in that year and every relation
// starts then, so it opens with every relation in force. A window can tell
// such a dataset by its range starting and ending in the same year.
const UndatedYear = 2000

// readableWriter passes writes on until limit bytes, and fails past it:
// Write saves no dataset file larger than Read opens.
type readableWriter struct {
	w     io.Writer
	n     int64
	limit int64
}

func (r *readableWriter) Write(p []byte) (int, error) {
	if r.n+int64(len(p)) > r.limit {
		return 0, fmt.Errorf("the file would be over the %d MB limit Echoes reads; split the dataset, or leave out long descriptions", r.limit>>20)
	}
	r.n += int64(len(p))
	return r.w.Write(p)
}

// readable wraps an encoder so that its file stays within MaxFileBytes.
func readable(encode func(io.Writer) error) func(io.Writer) error {
	return func(w io.Writer) error {
		return encode(&readableWriter{w: w, limit: MaxFileBytes})
	}
}
