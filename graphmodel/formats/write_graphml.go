package formats

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/echoes-viz/echoes/graphmodel"
)

// encodeGraphML writes GraphML: one node per actor and one edge per
// relation (a relation among more than two actors as edges between its
// actors' pairs that share a "relation" value), every Echoes field as
// data, and the rest of the dataset as JSON in the graph's "echoes" data.
// GraphML has no time, so dates are plain data values.
func encodeGraphML(w io.Writer, ds *graphmodel.Dataset) error {
	meta, err := metaJSON(ds)
	if err != nil {
		return err
	}
	x := xmlWriter{bufio.NewWriter(w)}
	x.w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.open(0, "graphml", false, "xmlns", "http://graphml.graphdrawing.org/xmlns",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
	key := func(id, for_, name string) {
		x.open(1, "key", true, "id", id, "for", for_, "attr.name", name, "attr.type", "string")
	}
	key("g_echoes", "graph", "echoes")
	key("g_title", "graph", "title")
	key("n_label", "node", "label")
	local := localAttrs(ds)
	for _, t := range append(nodeAttrs(), local...) {
		key("n_"+t, "node", t)
	}
	key("e_label", "edge", "label")
	for _, t := range edgeAttrs() {
		key("e_"+t, "edge", t)
	}
	x.open(1, "graph", false, "id", "G", "edgedefault", "undirected")
	data := func(indent int, key, value string) {
		if value != "" {
			fmt.Fprintf(x.w, "%*s<data key=\"%s\">%s</data>\n", indent*2, "", key, xmlText(value))
		}
	}
	data(2, "g_title", ds.Title)
	data(2, "g_echoes", meta)
	for _, a := range ds.Actors {
		x.open(2, "node", false, "id", a.ID)
		label, short := a.ID, ""
		if len(a.Names) > 0 {
			label, short = a.Names[0].Name, a.Names[0].Short
		}
		data(3, "n_label", label)
		data(3, "n_short", short)
		data(3, "n_kind", a.Kind)
		data(3, "n_names", jsonText(a.Names))
		data(3, "n_startDate", dateText(a.Span.Start))
		data(3, "n_endDate", dateText(a.Span.End))
		data(3, "n_anchor", jsonText(a.Anchor))
		data(3, "n_color", a.Color)
		for i, v := range localValues(a, local) {
			data(3, "n_"+local[i], v)
		}
		x.close(2, "node")
	}
	for _, r := range ds.Relations {
		for i, p := range pairs(r) {
			id := r.ID
			if i > 0 {
				id = r.ID + "~" + strconv.Itoa(i+1)
			}
			x.open(2, "edge", false, "id", id, "source", p[0], "target", p[1], "directed", strconv.FormatBool(r.Directed))
			data(3, "e_label", r.Name)
			data(3, "e_kind", string(r.Kind))
			data(3, "e_certainty", string(r.Certainty))
			data(3, "e_signed", dateText(r.Signed))
			data(3, "e_startDate", dateText(r.Start))
			data(3, "e_endDate", dateText(r.End))
			data(3, "e_description", r.Description)
			if r.Sources != nil {
				data(3, "e_sources", formatList(r.Sources))
			}
			data(3, "e_echoes", r.Echoes)
			data(3, "e_ref", r.Ref)
			if len(r.Actors) != 2 {
				data(3, "e_relation", r.ID)
				data(3, "e_actors", jsonText(r.Actors))
			}
			x.close(2, "edge")
		}
	}
	x.close(1, "graph")
	x.close(0, "graphml")
	return x.w.Flush()
}
