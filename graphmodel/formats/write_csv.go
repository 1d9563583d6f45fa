package formats

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/echoes-viz/echoes/graphmodel"
)

// relationColumns are the relations file's columns, in order.
func relationColumns() []string {
	return []string{"id", "kind", "name", "actors", "directed", "signed", "start", "end", "certainty", "description", "sources", "echoes", "ref"}
}

// actorColumns are the actors file's columns, in order.
func actorColumns() []string {
	return []string{"id", "name", "short", "from", "kind", "start", "end", "longitude", "latitude", "color"}
}

// encodeRelationsCSV writes one row per relation; lists are a;b (or a JSON
// array when an id holds ; or |).
func encodeRelationsCSV(w io.Writer, ds *graphmodel.Dataset) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(relationColumns()); err != nil {
		return err
	}
	for _, r := range ds.Relations {
		directed := ""
		if r.Directed {
			directed = "true"
		}
		sources := ""
		if r.Sources != nil {
			sources = formatList(r.Sources)
		}
		row := []string{r.ID, string(r.Kind), r.Name, formatList(r.Actors), directed, dateText(r.Signed),
			dateText(r.Start), dateText(r.End), string(r.Certainty), r.Description, sources, r.Echoes, r.Ref}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// encodeActorsCSV writes one row per actor, and a further row with the id,
// the name, the short name and the from date for each later name.
func encodeActorsCSV(w io.Writer, ds *graphmodel.Dataset) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(actorColumns()); err != nil {
		return err
	}
	for _, a := range ds.Actors {
		for i, n := range a.Names {
			row := []string{a.ID, n.Name, n.Short, dateText(n.From), "", "", "", "", "", ""}
			if i == 0 {
				row[4], row[5], row[6] = a.Kind, dateText(a.Span.Start), dateText(a.Span.End)
				row[7] = strconv.FormatFloat(a.Anchor[0], 'g', -1, 64)
				row[8] = strconv.FormatFloat(a.Anchor[1], 'g', -1, 64)
				row[9] = a.Color
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// dateText writes a date at its own precision, or "" when unset.
func dateText(d graphmodel.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
