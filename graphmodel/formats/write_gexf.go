package formats

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/echoes-viz/echoes/graphmodel"
)

// xmlEscape escapes s for XML text or a double-quoted attribute value:
// &, <, > and " become references, and so do tabs and line breaks, which
// an attribute value would otherwise lose. A character XML cannot hold (a
// control character, an invalid byte) becomes U+FFFD.
func xmlEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\t':
			b.WriteString("&#x9;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			if !xmlChar(r) || (r == utf8.RuneError && isBadByte(s, i)) {
				r = '\uFFFD'
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlText escapes s for element text, where quotes need no escaping.
func xmlText(s string) string {
	return strings.ReplaceAll(xmlEscape(s), "&quot;", `"`)
}

// xmlChar reports whether r may appear in an XML 1.0 document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// isBadByte reports whether s holds an invalid UTF-8 byte at i.
func isBadByte(s string, i int) bool {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n <= 1
}

// xmlWriter writes XML elements with escaped attribute values.
type xmlWriter struct {
	w *bufio.Writer
}

// open writes <name k="v" ...> (or <name .../> when empty), skipping pairs
// whose value is "".
func (x xmlWriter) open(indent int, name string, empty bool, kv ...string) {
	x.w.WriteString(strings.Repeat("  ", indent))
	x.w.WriteString("<" + name)
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			continue
		}
		x.w.WriteString(" " + kv[i] + `="` + xmlEscape(kv[i+1]) + `"`)
	}
	if empty {
		x.w.WriteString("/>\n")
	} else {
		x.w.WriteString(">\n")
	}
}

func (x xmlWriter) close(indent int, name string) {
	x.w.WriteString(strings.Repeat("  ", indent) + "</" + name + ">\n")
}

// metaJSON is the dataset without its actors and relations, as Echoes keeps
// it beside the graph in GEXF and GraphML: title, description, range,
// memory, sources, groupings, events and any field added later.
func metaJSON(ds *graphmodel.Dataset) (string, error) {
	m := *ds
	m.Actors, m.Relations = nil, nil
	b, err := marshal(&m)
	if err != nil {
		return "", fmt.Errorf("encode dataset data: %w", err)
	}
	return string(b), nil
}

// firstDay and lastDay write the days a date covers as an xsd:date, or ""
// when it is unset.
func firstDay(d graphmodel.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.First().String()
}

func lastDay(d graphmodel.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Last().String()
}

// jsonText marshals v for an attribute value.
func jsonText(v any) string {
	b, _ := marshal(v)
	return string(b)
}

// nodeAttrs and edgeAttrs are the attributes Echoes declares, in order:
// each title is the field it holds.
func nodeAttrs() []string {
	return []string{"short", "kind", "names", "startDate", "endDate", "anchor", "color"}
}

func edgeAttrs() []string {
	return []string{"kind", "certainty", "signed", "startDate", "endDate", "description", "sources", "echoes", "ref", "relation", "actors"}
}

// encodeGEXF writes GEXF 1.3, dynamic with timeformat date, so Gephi's
// timeline plays it. Nodes and edges carry start and end days for Gephi and
// Echoes' own fields, dates at their own precision included, as attribute
// values; everything else of the dataset is kept as JSON in an
// <echoes:dataset> element in <meta>, which Gephi ignores.
func encodeGEXF(w io.Writer, ds *graphmodel.Dataset) error {
	meta, err := metaJSON(ds)
	if err != nil {
		return err
	}
	x := xmlWriter{bufio.NewWriter(w)}
	x.w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.open(0, "gexf", false, "xmlns", "http://gexf.net/1.3", "xmlns:viz", "http://gexf.net/1.3/viz", "xmlns:echoes", echoesNS, "version", "1.3")
	x.open(1, "meta", false)
	x.w.WriteString("    <creator>Echoes</creator>\n")
	if ds.Description != "" {
		x.w.WriteString("    <description>" + xmlText(ds.Description) + "</description>\n")
	}
	x.w.WriteString("    <echoes:dataset>" + xmlText(meta) + "</echoes:dataset>\n")
	x.close(1, "meta")
	x.open(1, "graph", false, "mode", "dynamic", "defaultedgetype", "undirected", "timeformat", "date",
		"timerepresentation", "interval", "start", firstDay(ds.Range.Start), "end", lastDay(ds.Range.End))
	declare := func(class, mode string, titles []string) {
		x.open(2, "attributes", false, "class", class, "mode", mode)
		for _, t := range titles {
			x.open(3, "attribute", true, "id", t, "title", t, "type", "string")
		}
		x.close(2, "attributes")
	}
	local := localAttrs(ds)
	declare("node", "static", append(nodeAttrs(), local...))
	declare("node", "dynamic", []string{"name"})
	declare("edge", "static", edgeAttrs())
	x.open(2, "nodes", false, "count", strconv.Itoa(len(ds.Actors)))
	for _, a := range ds.Actors {
		gexfNode(x, a, local)
	}
	x.close(2, "nodes")
	x.open(2, "edges", false)
	for _, r := range ds.Relations {
		gexfEdges(x, r)
	}
	x.close(2, "edges")
	x.close(1, "graph")
	x.close(0, "gexf")
	return x.w.Flush()
}

// attvalue writes one attribute value, skipping an empty one.
func (x xmlWriter) attvalue(id, value string, kv ...string) {
	if value == "" {
		return
	}
	x.open(5, "attvalue", true, append([]string{"for", id, "value", value}, kv...)...)
}

func gexfNode(x xmlWriter, a *graphmodel.Actor, local []string) {
	label, short := a.ID, ""
	if len(a.Names) > 0 {
		label, short = a.Names[0].Name, a.Names[0].Short
	}
	x.open(3, "node", false, "id", a.ID, "label", label, "start", firstDay(a.Span.Start), "end", lastDay(a.Span.End))
	x.open(4, "attvalues", false)
	x.attvalue("short", short)
	x.attvalue("kind", a.Kind)
	x.attvalue("names", jsonText(a.Names))
	x.attvalue("startDate", dateText(a.Span.Start))
	x.attvalue("endDate", dateText(a.Span.End))
	x.attvalue("anchor", jsonText(a.Anchor))
	x.attvalue("color", a.Color)
	for i, v := range localValues(a, local) {
		x.attvalue(local[i], v)
	}
	// The name in force over time, for Gephi's timeline.
	for i, n := range a.Names {
		var end string
		if i+1 < len(a.Names) {
			if next := a.Names[i+1].From; !next.IsZero() && next.First() > graphmodel.DayOf(1, 1, 1) {
				end = (next.First() - 1).String()
			}
		}
		x.attvalue("name", n.Name, "start", firstDay(n.From), "end", end)
	}
	x.close(4, "attvalues")
	if c := a.Color; validColor(c) {
		v, _ := strconv.ParseUint(c[1:], 16, 32)
		x.open(4, "viz:color", true, "r", strconv.Itoa(int(v>>16&255)), "g", strconv.Itoa(int(v>>8&255)), "b", strconv.Itoa(int(v&255)))
	}
	x.open(4, "viz:position", true, "x", ftoa(a.Anchor[0]*10), "y", ftoa(a.Anchor[1]*10), "z", "0")
	x.close(3, "node")
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// gexfEdges writes a relation as one edge, or, among more than two actors,
// as edges between its actors' pairs that share a "relation" attribute.
func gexfEdges(x xmlWriter, r *graphmodel.Relation) {
	ps := pairs(r)
	for i, p := range ps {
		id := r.ID
		if i > 0 {
			id = fmt.Sprintf("%s~%d", r.ID, i+1)
		}
		typ := "undirected"
		if r.Directed {
			typ = "directed"
		}
		x.open(3, "edge", false, "id", id, "source", p[0], "target", p[1], "type", typ, "label", r.Name,
			"kind", string(r.Kind), "start", firstDay(r.Start), "end", lastDay(r.End))
		x.open(4, "attvalues", false)
		x.attvalue("kind", string(r.Kind))
		x.attvalue("certainty", string(r.Certainty))
		x.attvalue("signed", dateText(r.Signed))
		x.attvalue("startDate", dateText(r.Start))
		x.attvalue("endDate", dateText(r.End))
		x.attvalue("description", r.Description)
		if r.Sources != nil {
			x.attvalue("sources", formatList(r.Sources))
		}
		x.attvalue("echoes", r.Echoes)
		x.attvalue("ref", r.Ref)
		if len(r.Actors) != 2 {
			x.attvalue("relation", r.ID)
			x.attvalue("actors", jsonText(r.Actors))
		}
		x.close(4, "attvalues")
		x.close(3, "edge")
	}
}
