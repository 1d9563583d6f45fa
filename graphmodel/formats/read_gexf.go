package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// echoesNS is the XML namespace of the element in which Echoes keeps what
// GEXF has no place for: title, range, sources, groupings and events.
const echoesNS = "https://github.com/echoes-viz/echoes/ns/dataset"

// gexfAttr is one declared GEXF attribute.
type gexfAttr struct {
	title   string
	def     string
	hasDef  bool
	dynamic bool
	at      pos
}

// gexfReader turns GEXF nodes and edges into actors and relations as they
// stream past.
type gexfReader struct {
	b        *builder
	graph    *elem
	directed bool                           // defaultedgetype="directed"
	decls    map[string]map[string]gexfAttr // class → id → declaration
	defaults map[string][]string            // class → ids with a default, sorted
	declared int                            // graph children read by declare
	nDecls   int
	edges    int
	groups   map[string]*groupAcc // Echoes "relation" attribute → relation
}

// readGEXF reads a GEXF document held in memory.
func readGEXF(name string, data []byte) (*graphmodel.Dataset, []graphmodel.Problem, error) {
	return readGEXFFrom(name, newXMLTokenizer(data, nil))
}

// readGEXFFrom reads a GEXF 1.1, 1.2 or 1.3 document, static or dynamic.
func readGEXFFrom(name string, tok *xmlTokenizer) (*graphmodel.Dataset, []graphmodel.Problem, error) {
	b := newBuilder(name)
	g := &gexfReader{b: b, decls: map[string]map[string]gexfAttr{}, defaults: map[string][]string{}, groups: map[string]*groupAcc{}}
	root := xmlWalk(b, tok, map[string]bool{"node": true, "edge": true}, g.start, g.item)
	if root != nil && !b.stopped() {
		if root.name.Local != "gexf" {
			b.addf(root.at, "root element is <%s>, not <gexf>; this is not a GEXF file", root.name.Local)
		} else if g.graph == nil {
			b.addf(root.at, "no <graph> element; a GEXF file holds <gexf><graph>...</graph></gexf>")
		}
		if m := root.child("meta"); m != nil {
			g.meta(m)
		}
	}
	if b.ds.Title == "" && !b.metaRead {
		b.ds.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	return b.result()
}

// start picks up the graph's settings and attribute declarations before
// the nodes and edges that use them.
func (g *gexfReader) start(e *elem, path []string) {
	switch e.name.Local {
	case "graph":
		if len(path) != 1 {
			return
		}
		g.graph = e
		g.b.metaAt = e.at
		g.directed = e.get("defaultedgetype") == "directed"
		if tf, ok := e.attr("timeformat"); ok && !knownTimeFormat(tf) {
			g.b.addf(e.at, "timeformat %q is not integer, double, date or dateTime; use one of those", tf)
		}
		if tr := e.get("timerepresentation"); tr != "" && tr != "interval" && tr != "timestamp" {
			g.b.addf(e.at, "timerepresentation %q is not interval or timestamp; use one of those", tr)
		}
		if iv, ok := g.interval(e); ok {
			g.b.ds.Range = graphmodel.Span{Start: iv.start, End: iv.end}
		}
	case "nodes", "edges":
		if g.graph != nil {
			g.declare()
		}
	}
}

// declare reads the <attributes> blocks that closed since it last ran.
func (g *gexfReader) declare() {
	kids := g.graph.kids[g.declared:]
	g.declared = len(g.graph.kids)
	for _, block := range kids {
		if block.name.Local != "attributes" {
			continue
		}
		class := block.get("class")
		if g.decls[class] == nil {
			g.decls[class] = map[string]gexfAttr{}
		}
		dynamic := block.get("mode") == "dynamic"
		for _, a := range block.children("attribute") {
			if g.nDecls++; g.nDecls > MaxAttributes {
				g.b.addf(a.at, "more than %d attributes declared; Echoes reads at most %d", MaxAttributes, MaxAttributes)
				g.b.full = true
				return
			}
			d := gexfAttr{title: a.get("title"), dynamic: dynamic, at: a.at}
			if d.title == "" {
				d.title = a.get("id")
			}
			id := a.get("id")
			if def := a.child("default"); def != nil {
				d.def, d.hasDef = string(def.text), true
				if _, dup := g.decls[class][id]; !dup {
					g.defaults[class] = append(g.defaults[class], id)
					sort.Strings(g.defaults[class])
				}
			}
			g.decls[class][id] = d
		}
	}
}

// item handles a node or edge once it has closed.
func (g *gexfReader) item(e *elem, path []string) {
	if g.b.stopped() {
		return
	}
	switch e.name.Local {
	case "node":
		g.node(e)
	case "edge":
		g.edge(e)
	}
}

// interval reads start/end, GEXF 1.2's exclusive startopen/endopen, or a
// timestamp from e's attributes; ok is false when e has none of them.
func (g *gexfReader) interval(e *elem) (iv interval, ok bool) {
	read := func(key string, by int) graphmodel.Date {
		v, has := e.attr(key)
		if !has || strings.TrimSpace(v) == "" {
			return graphmodel.Date{}
		}
		ok = true
		d, err := parseTime(v)
		if err != nil {
			g.b.addf(e.at, "%s: %v", key, err)
			return graphmodel.Date{}
		}
		if by != 0 {
			if d, err = shift(d, by); err != nil {
				g.b.addf(e.at, "%s: %v", key, err)
			}
		}
		return d
	}
	if t := read("timestamp", 0); !t.IsZero() {
		return interval{t, t}, true
	}
	iv.start = read("start", 0)
	if iv.start.IsZero() {
		iv.start = read("startopen", 1)
	}
	iv.end = read("end", 0)
	if iv.end.IsZero() {
		iv.end = read("endopen", -1)
	}
	return iv, ok
}

// times lists when a node or edge exists: its spells, its intervals or
// timestamps attribute, or its own start and end. None means always.
func (g *gexfReader) times(e *elem) []interval {
	if sp := e.child("spells"); sp != nil {
		var out []interval
		for _, s := range sp.children("spell") {
			if iv, ok := g.interval(s); ok {
				out = append(out, iv)
			}
		}
		return out
	}
	for _, key := range []string{"intervals", "timestamps"} {
		if v, ok := e.attr(key); ok {
			parse := parseIntervals
			if key == "timestamps" {
				parse = parseTimestamps
			}
			ivs, err := parse(v)
			if err != nil {
				g.b.addf(e.at, "%s: %v", key, err)
			}
			return ivs
		}
	}
	if iv, ok := g.interval(e); ok {
		return []interval{iv}
	}
	return nil
}

// attvalue is one attribute value of a node or edge.
type attvalue struct {
	title, value string
	iv           interval
	dynamic      bool
	isDefault    bool // a declared default, not given by the item
	at           pos
}

// attvalues lists e's attribute values by title, then the declared
// defaults of attributes e does not give.
func (g *gexfReader) attvalues(e *elem, class string) []attvalue {
	decls := g.decls[class]
	var out []attvalue
	var given map[string]bool
	defaults := g.defaults[class]
	if len(defaults) > 0 {
		given = map[string]bool{}
	}
	for _, block := range e.kids {
		if block.name.Local != "attvalues" {
			continue
		}
		if out == nil {
			out = make([]attvalue, 0, len(block.kids)+len(defaults)) // one allocation, not four
		}
		for _, v := range block.kids {
			if v.name.Local != "attvalue" {
				continue
			}
			key, ok := v.attr("for")
			if !ok {
				key = v.get("id") // GEXF 1.1
			}
			d, declared := decls[key]
			title := key
			if declared {
				title = d.title
			}
			if given != nil {
				given[key] = true
			}
			iv, timed := g.interval(v)
			out = append(out, attvalue{title: title, value: v.get("value"), iv: iv, dynamic: timed, at: v.at})
		}
	}
	for _, key := range defaults {
		if d := decls[key]; d.hasDef && !given[key] {
			out = append(out, attvalue{title: d.title, value: d.def, at: d.at, isDefault: true})
		}
	}
	return out
}

// node makes an actor of a GEXF node, and of the nodes nested in it.
func (g *gexfReader) node(e *elem) {
	id := e.get("id")
	if strings.TrimSpace(id) == "" {
		g.b.addf(e.at, "a <node> has no id; give every node a unique id=\"...\"")
		return
	}
	c := &actorAcc{loc: itemLoc{pos: e.at, what: "node"}}
	c.a.ID = id
	c.label = e.get("label")
	ivs := g.times(e)
	h := hull(ivs)
	if len(ivs) > 1 {
		g.b.mergedSpells("", e.at, "node", id, len(ivs), h)
	}
	c.a.Span = graphmodel.Span{Start: h.start, End: h.end}
	c.loc.field("span", e.at)
	if col := e.child("color"); col != nil {
		c.a.Color = vizColor(col)
	}
	for _, av := range g.attvalues(e, "node") {
		if k := normKey(av.title); (k == "label" || k == "name") && av.dynamic {
			c.dynName(av.value, av.iv.start)
			c.loc.field("names", av.at)
			continue
		}
		if av.isDefault && !knownActorKey(normKey(av.title)) {
			if strings.TrimSpace(av.value) != "" {
				g.b.unreadDefault(av.at, "node attribute", av.title, av.value, "node", "an actor has no field for it")
			}
			continue
		}
		c.set(g.b, av.title, av.value, av.at)
	}
	g.b.addActor(c.actor(), c.loc)
	for _, nested := range e.children("nodes") {
		for _, n := range nested.children("node") {
			g.node(n)
		}
	}
}

// vizColor reads a viz:color as #rrggbb, or "" when it is not a colour.
func vizColor(e *elem) string {
	if hex := e.get("hex"); validColor(hex) {
		return hex
	}
	var c [3]uint64
	for i, k := range []string{"r", "g", "b"} {
		v, err := strconv.ParseUint(strings.TrimSpace(e.get(k)), 10, 8)
		if err != nil {
			return ""
		}
		c[i] = v
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}

// edge makes relations of a GEXF edge: one per spell, the k-th with the id
// suffix "#k" when there are several. Edges that carry the same Echoes
// "relation" attribute are one relation among more than two actors.
func (g *gexfReader) edge(e *elem) {
	g.edges++
	id := e.get("id")
	if strings.TrimSpace(id) == "" {
		id = fmt.Sprintf("e%d", g.edges-1)
	}
	src, tgt := e.get("source"), e.get("target")
	if src == "" || tgt == "" {
		g.b.addf(e.at, "edge %q lacks source or target; give both node ids", id)
		return
	}
	if src == tgt {
		g.b.selfLoop("", e.at, "edge", id, src)
		return
	}
	c := g.b.edgeAcc(e.at, "edge")
	c.r.ID = id
	c.r.Name = e.get("label")
	if w, ok := e.attr("weight"); ok {
		c.set(g.b, "weight", w, e.at)
	}
	c.r.Directed = g.directed
	if t := e.get("type"); t != "" {
		c.r.Directed = t == "directed"
	}
	if k := graphmodel.Kind(strings.ToLower(e.get("kind"))); k.Valid() {
		c.r.Kind, c.kindSet = k, true
	}
	c.loc.field("actors", e.at)
	for _, av := range g.attvalues(e, "edge") {
		if av.isDefault && !knownRelationKey(normKey(av.title)) {
			// Kept out of the description: every edge would repeat it.
			if strings.TrimSpace(av.value) != "" {
				g.b.unreadDefault(av.at, "edge attribute", av.title, av.value, "edge", "only the values an edge gives are kept in its description")
			}
			continue
		}
		if av.dynamic && !knownRelationKey(normKey(av.title)) {
			c.extras = append(c.extras, fmt.Sprintf("%s: %s [%s, %s]", av.title, av.value, orOpen(av.iv.start), orOpen(av.iv.end)))
			continue
		}
		c.set(g.b, av.title, av.value, av.at)
	}
	g.b.addEdge(c, c.ids.pair(src, tgt), g.times(e), g.groups)
}

// meta reads the title and description, and what Echoes keeps in its own
// element: everything of the dataset but its actors and relations.
func (g *gexfReader) meta(m *elem) {
	for _, k := range m.kids {
		if k.name.Local == "dataset" && k.name.Space == echoesNS {
			g.b.metaAt = k.at
			g.b.readMetaJSON(k.at, k.text)
		}
	}
	if g.b.metaRead {
		return
	}
	if t := m.child("title"); t != nil {
		g.b.ds.Title = strings.TrimSpace(string(t.text))
	}
	if d := m.child("description"); d != nil {
		g.b.ds.Description = strings.TrimSpace(string(d.text))
	}
}

// readMetaJSON reads the JSON that Echoes writes beside the graph in GEXF
// and GraphML: the dataset without actors and relations.
func (b *builder) readMetaJSON(at pos, text []byte) {
	var m graphmodel.Dataset
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		b.addf(at, "Echoes dataset data: %s; this element is written by Echoes, restore it or remove it", jsonErrText(err))
		return
	}
	acts, rels := b.ds.Actors, b.ds.Relations
	b.ds = m
	b.ds.Actors, b.ds.Relations = acts, rels
	b.metaRead = true
}

// knownRelationKey reports whether relAcc.set maps the (normalised) name
// onto a field rather than into the description.
func knownRelationKey(k string) bool {
	switch k {
	case "kind", "relationkind", "label", "name", "title", "certainty", "signed", "signeddate",
		"startdate", "start", "begin", "enddate", "end", "description", "notes", "note", "sources",
		"echoes", "ref", "directed", "relation", "actors", "weight", "id", "timeset", "interval",
		"intervals", "spells", "timestamps", "source", "target":
		return true
	}
	return false
}

func orOpen(d graphmodel.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
