package formats

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// graphmlKey is one declared GraphML key.
type graphmlKey struct {
	name    string
	def     string
	hasDef  bool
	drawing bool // a yFiles key (graphics, folding state): no data of the network
	at      pos
}

// graphmlReader turns GraphML nodes, edges and hyperedges into actors and
// relations as they stream past.
type graphmlReader struct {
	b      *builder
	root   *elem
	keys   map[string]map[string]graphmlKey // for (node, edge, graph, all) → id → key
	defs   map[string][]string              // for → ids of keys with a default, sorted
	graph  *elem                            // the top-level graph
	edges  int
	groups map[string]*groupAcc
}

// readGraphML reads a GraphML document held in memory.
func readGraphML(name string, data []byte) (*graphmodel.Dataset, []graphmodel.Problem, error) {
	return readGraphMLFrom(name, newXMLTokenizer(data, nil))
}

// readGraphMLFrom reads a GraphML document. GraphML is static; data keys named
// like Echoes' fields (start, end, kind, ...) are read all the same.
func readGraphMLFrom(name string, tok *xmlTokenizer) (*graphmodel.Dataset, []graphmodel.Problem, error) {
	b := newBuilder(name)
	g := &graphmlReader{b: b, keys: map[string]map[string]graphmlKey{}, defs: map[string][]string{}, groups: map[string]*groupAcc{}}
	root := xmlWalk(b, tok, map[string]bool{"node": true, "edge": true, "hyperedge": true}, g.start, g.item)
	if root != nil && !b.stopped() {
		switch {
		case root.name.Local != "graphml":
			b.addf(root.at, "root element is <%s>, not <graphml>; this is not a GraphML file", root.name.Local)
		case g.graph == nil:
			b.addf(root.at, "no <graph> element; a GraphML file holds <graphml><graph>...</graph></graphml>")
		default:
			g.graphData(g.graph)
		}
	}
	if b.ds.Title == "" && !b.metaRead {
		b.ds.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	return b.result()
}

// start reads the keys when the top-level graph opens.
func (g *graphmlReader) start(e *elem, path []string) {
	if len(path) == 0 {
		g.root = e
	}
	if e.name.Local != "graph" || len(path) != 1 || g.graph != nil {
		return
	}
	g.graph = e
	g.b.metaAt = e.at
	for i, k := range g.root.children("key") {
		if i >= MaxAttributes {
			g.b.addf(k.at, "more than %d keys declared; Echoes reads at most %d", MaxAttributes, MaxAttributes)
			g.b.full = true
			return
		}
		for_ := k.get("for")
		if for_ == "" {
			for_ = "all"
		}
		if g.keys[for_] == nil {
			g.keys[for_] = map[string]graphmlKey{}
		}
		_, yType := k.attr("yfiles.type")
		_, yURI := k.attr("attr.uri")
		key := graphmlKey{name: k.get("attr.name"), at: k.at, drawing: yType || yURI}
		if key.name == "" {
			key.name = k.get("id")
		}
		if d := k.child("default"); d != nil {
			key.def, key.hasDef = string(d.text), true
			if _, dup := g.keys[for_][k.get("id")]; !dup {
				g.defs[for_] = append(g.defs[for_], k.get("id"))
			}
		}
		g.keys[for_][k.get("id")] = key
	}
	for _, ids := range g.defs {
		sort.Strings(ids)
	}
}

// datum is one data value of a node, edge or graph.
type datum struct {
	name, value string
	isDefault   bool
	drawing     bool // of a yFiles key
	at          pos
}

// data lists e's data values by key name, then the defaults of keys for
// class that e does not give. A yEd label nested in the data is its text.
func (g *graphmlReader) data(e *elem, class string) []datum {
	var out []datum
	var given map[string]bool
	if len(g.defs[class])+len(g.defs["all"]) > 0 {
		given = map[string]bool{}
	}
	for _, d := range e.children("data") {
		id := d.get("key")
		k, ok := g.keys[class][id]
		if !ok {
			k, ok = g.keys["all"][id]
		}
		name := id
		if ok {
			name = k.name
		}
		if given != nil {
			given[id] = true
		}
		text := string(d.text)
		if d.mixed {
			// Drawing data (yEd's nodegraphics, edgegraphics, NodeLabels,
			// EdgeLabels): the label in it is the name.
			text = ""
			if t := labelText(d); t != "" {
				text, name = t, "label"
			}
		}
		out = append(out, datum{name: name, value: text, at: d.at})
	}
	for _, class := range []string{class, "all"} {
		for _, id := range g.defs[class] {
			if k := g.keys[class][id]; k.hasDef && !given[id] {
				given[id] = true
				out = append(out, datum{name: k.name, value: k.def, isDefault: true, drawing: k.drawing, at: k.at})
			}
		}
	}
	return out
}

// labelText finds the first label with text inside e: yEd 3.x's
// <y:NodeLabel> or <y:EdgeLabel> (text followed by the label model's
// elements), or yEd Live's and yFiles for HTML's <y:Label> with its
// <y:Label.Text> (or a Text attribute). Line breaks become spaces.
func labelText(e *elem) string {
	for _, k := range e.kids {
		var t string
		switch k.name.Local {
		case "NodeLabel", "EdgeLabel":
			t = string(k.text)
		case "Label":
			if lt := k.child("Label.Text"); lt != nil {
				t = string(lt.text)
			} else {
				t = k.get("Text")
			}
		default:
			t = labelText(k)
		}
		// A label broken over lines for the drawing is one name.
		if t = strings.Join(strings.Fields(t), " "); t != "" {
			return t
		}
	}
	return ""
}

// item handles a node, edge or hyperedge once it has closed.
func (g *graphmlReader) item(e *elem, path []string) {
	if g.b.stopped() {
		return
	}
	directed := g.graph != nil && g.graph.get("edgedefault") == "directed"
	g.handle(e, directed)
}

func (g *graphmlReader) handle(e *elem, directed bool) {
	switch e.name.Local {
	case "node":
		g.node(e)
	case "edge", "hyperedge":
		g.edge(e, directed)
	}
}

// node makes an actor of a GraphML node, and of what a graph nested in it
// holds.
func (g *graphmlReader) node(e *elem) {
	id := e.get("id")
	if strings.TrimSpace(id) == "" {
		g.b.addf(e.at, "a <node> has no id; give every node a unique id=\"...\"")
		return
	}
	c := &actorAcc{loc: itemLoc{pos: e.at, what: "node"}}
	c.a.ID = id
	for _, d := range g.data(e, "node") {
		if d.isDefault && !knownActorKey(normKey(d.name)) {
			if !d.drawing && strings.TrimSpace(d.value) != "" {
				g.b.unreadDefault(d.at, "node attribute", d.name, d.value, "node", "an actor has no field for it")
			}
			continue
		}
		c.set(g.b, d.name, d.value, d.at)
	}
	g.b.addActor(c.actor(), c.loc)
	for _, sub := range e.children("graph") {
		directed := sub.get("edgedefault") == "directed"
		for _, k := range sub.kids {
			if g.b.stopped() {
				return
			}
			g.handle(k, directed)
		}
	}
}

// edge makes a relation of an edge or a hyperedge.
func (g *graphmlReader) edge(e *elem, directed bool) {
	g.edges++
	id := e.get("id")
	if strings.TrimSpace(id) == "" {
		id = fmt.Sprintf("e%d", g.edges-1)
	}
	var ends []string
	if e.name.Local == "hyperedge" {
		for _, ep := range e.children("endpoint") {
			if n := ep.get("node"); n != "" && !contains(ends, n) {
				ends = append(ends, n)
			}
		}
		if len(ends) < 2 {
			g.b.addf(e.at, "hyperedge %q has %d endpoints; give it two or more <endpoint node=\"...\"/>", id, len(ends))
			return
		}
	} else {
		src, tgt := e.get("source"), e.get("target")
		if src == "" || tgt == "" {
			g.b.addf(e.at, "edge %q lacks source or target; give both node ids", id)
			return
		}
		if src == tgt {
			g.b.selfLoop("", e.at, "edge", id, src)
			return
		}
		ends = []string{src, tgt}
	}
	c := g.b.edgeAcc(e.at, "edge")
	c.r.ID = id
	c.r.Directed = directed && e.name.Local == "edge"
	if v, ok := e.attr("directed"); ok {
		d, err := parseBool(v)
		if err != nil {
			g.b.addf(e.at, "directed: %v; write true or false", err)
		}
		c.r.Directed = d
	}
	c.loc.field("actors", e.at)
	for _, d := range g.data(e, "edge") {
		if d.isDefault && !knownRelationKey(normKey(d.name)) {
			// Kept out of the description: every edge would repeat it.
			if !d.drawing && strings.TrimSpace(d.value) != "" {
				g.b.unreadDefault(d.at, "edge attribute", d.name, d.value, "edge", "only the values an edge gives are kept in its description")
			}
			continue
		}
		c.set(g.b, d.name, d.value, d.at)
	}
	g.b.addEdge(c, ends, nil, g.groups)
}

// graphData reads the graph's own data: Echoes' dataset element, or a
// title and description.
func (g *graphmlReader) graphData(e *elem) {
	for _, d := range g.data(e, "graph") {
		switch normKey(d.name) {
		case "echoes":
			g.b.metaAt = d.at
			g.b.readMetaJSON(d.at, []byte(d.value))
		case "title", "name", "label":
			if g.b.ds.Title == "" && !g.b.metaRead {
				g.b.ds.Title = strings.TrimSpace(d.value)
			}
		case "description":
			if g.b.ds.Description == "" && !g.b.metaRead {
				g.b.ds.Description = strings.TrimSpace(d.value)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
