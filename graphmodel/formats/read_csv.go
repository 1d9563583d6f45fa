package formats

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// readCSV reads a relations file and, when actData is not nil, the actors
// file beside it. Without an actors file, every actor a relation names is
// made, named by its id.
func readCSV(relName string, relData []byte, actName string, actData []byte) (*graphmodel.Dataset, []graphmodel.Problem, error) {
	return readCSVFrom(relName, csvInput{data: relData}, actName, actData)
}

// readCSVFrom is readCSV with the relations file in memory or streaming.
func readCSVFrom(relName string, rel csvInput, actName string, actData []byte) (*graphmodel.Dataset, []graphmodel.Problem, error) {
	b := newBuilder(relName)
	title := strings.TrimSuffix(filepath.Base(relName), filepath.Ext(relName))
	b.ds.Title = strings.TrimSuffix(title, ".relations")
	known := map[string]bool{}
	if actData != nil {
		if t := readCSVTable(b, actName, csvInput{data: actData}); t != nil {
			csvActors(b, t, known)
		}
	}
	var loops []string
	if t := readCSVTable(b, relName, rel); t != nil {
		loops = csvRelations(b, t)
	}
	if actData == nil && !b.stopped() {
		add := func(id string) bool {
			if known[id] {
				return false
			}
			known[id] = true
			name := strings.TrimSpace(id) // an id's quoted spaces are no part of a name
			b.addActor(&graphmodel.Actor{ID: id, Names: []graphmodel.NameSpan{{Name: name, Short: name}}}, itemLoc{})
			return true
		}
		for _, r := range b.ds.Relations {
			for _, id := range r.Actors {
				add(id)
			}
		}
		// An id that appears only in self-loops is still an actor.
		for _, id := range loops {
			if add(id) {
				b.loopOnly++
			}
		}
	}
	return b.result()
}

// csvActors reads the actors file: one row per actor, and a further row
// with a from date for each later name.
func csvActors(b *builder, t *csvTable, known map[string]bool) {
	idCol := t.col("id")
	nameCol := t.col("name", "label")
	shortCol := t.col("short", "shortname")
	fromCol := t.col("from", "namefrom")
	spanCol := t.col("timeset", "intervals", "interval", "timeinterval", "spells")
	stampCol := t.col("timestamps", "timestamp")
	if idCol < 0 && nameCol < 0 {
		b.addfIn(t.file, pos{1, 1}, "the actors file has no id column; name the first row's columns, e.g. id,name,short,from,kind,start,end,longitude,latitude,color")
		return
	}
	if idCol < 0 {
		idCol = nameCol
	}
	local := localNameCols(t)
	accs := map[string]*actorAcc{}
	var order []*actorAcc
	for r := range t.each() {
		if b.stopped() {
			return
		}
		id := t.id(r, idCol)
		if id == "" {
			b.addfIn(t.file, t.place(r, idCol), "row has no id; give every actor an id")
			continue
		}
		name := graphmodel.NameSpan{Name: t.get(r, nameCol), Short: t.get(r, shortCol)}
		if name.Name == "" {
			name.Name = strings.TrimSpace(id)
		}
		if name.Short == "" {
			name.Short = name.Name
		}
		if s := t.get(r, fromCol); s != "" {
			name.From = b.dateIn(t.file, t.place(r, fromCol), "from", s)
		}
		local.apply(t, r, &name)
		c, seen := accs[id]
		if seen {
			if name.From.IsZero() {
				b.addfIn(t.file, t.place(r, idCol), "actor %q has a second row without a from date; a further row gives a later name and the date it was taken", id)
				continue
			}
			c.names = append(c.names, name)
			continue
		}
		c = &actorAcc{loc: itemLoc{pos: t.place(r, 0), file: t.file, what: "row"}}
		c.a.ID = id
		c.names = []graphmodel.NameSpan{name}
		for i, key := range t.header {
			switch i {
			case idCol, nameCol, shortCol, fromCol, spanCol, stampCol:
				continue
			}
			if local.has(i) {
				continue
			}
			c.set(b, key, t.get(r, i), t.place(r, i))
		}
		if ivs := csvTimes(b, t, r, spanCol, stampCol); len(ivs) > 0 && c.a.Span == (graphmodel.Span{}) {
			// Gephi's node table: the span is the hull of the spells.
			h := hull(ivs)
			if len(ivs) > 1 {
				b.mergedSpells(t.file, t.place(r, max(spanCol, stampCol)), "actor", id, len(ivs), h)
			}
			c.a.Span = graphmodel.Span{Start: h.start, End: h.end}
			c.loc.field("span", t.place(r, max(spanCol, stampCol)))
		}
		if nameCol >= 0 {
			c.loc.field("names", t.place(r, nameCol))
		}
		accs[id] = c
		order = append(order, c)
	}
	for _, c := range order {
		known[c.a.ID] = true
		if !b.addActor(c.actor(), c.loc) {
			return
		}
	}
}

// csvRelations reads the relations file: one row per relation, its actors
// in an actors column (a;b;c) or in source and target columns. It returns
// the actors of the self-loops it dropped.
func csvRelations(b *builder, t *csvTable) (loops []string) {
	idCol := t.col("id")
	srcCol, tgtCol := t.col("source"), t.col("target")
	typeCol := t.col("type")
	spanCol := t.col("timeset", "intervals", "interval", "timeinterval", "spells")
	stampCol := t.col("timestamps", "timestamp")
	if t.col("actors") < 0 && (srcCol < 0 || tgtCol < 0) {
		b.addfIn(t.file, pos{1, 1}, "the relations file has no actors column (nor source and target); name the first row's columns, e.g. id,kind,name,actors,start,end")
		return
	}
	// What each column is, worked out once rather than for each row.
	type column struct {
		i       int
		key, nk string
	}
	var cols []column
	for i, key := range t.header {
		switch {
		case strings.TrimSpace(key) == "": // an unnamed column: nothing to call its values
		case i == idCol, i == srcCol, i == tgtCol, i == spanCol, i == stampCol:
		default:
			cols = append(cols, column{i, key, t.keys[i]})
		}
	}
	actorsCol := t.col("actors")
	groups := map[string]*groupAcc{}
	c := &relAcc{ids: new(idLists)}
	if t.r != nil {
		b.expectRelations(t.r.lines())
		t.r.shared = true // what a relation keeps, addRelation copies
	}
	for r := range t.each() {
		if b.stopped() {
			return
		}
		at := t.place(r, 0)
		// One accumulator for every row: what a row makes is copied out of
		// it (the relation by relation(), its places by addRelation), and a
		// new one each row was 430 bytes of garbage, a million times.
		*c = relAcc{loc: itemLoc{pos: at, file: t.file, what: "row", fields: c.loc.fields[:0]}, ids: c.ids}
		c.r.ID = t.id(r, idCol)
		if c.r.ID == "" {
			c.r.ID = fmt.Sprintf("r%d", at.line)
		}
		for _, col := range cols {
			val := t.get(r, col.i)
			if val == "" {
				continue
			}
			key, nk := col.key, col.nk
			if col.i == typeCol {
				if d, err := parseBool(val); err == nil {
					c.r.Directed = d
					continue
				}
				if graphmodel.Kind(strings.ToLower(val)).Valid() {
					key, nk = "kind", "kind"
				}
			}
			c.setNorm(b, key, nk, val, t.place(r, col.i))
		}
		ivs := csvTimes(b, t, r, spanCol, stampCol)
		src, tgt := t.id(r, srcCol), t.id(r, tgtCol)
		if c.actors == nil && (src == "" || tgt == "") {
			b.addfIn(t.file, at, "row has no actors; fill the actors column (a;b) or source and target")
			continue
		}
		if c.actors == nil && src == tgt {
			b.selfLoop(t.file, at, "row", c.r.ID, src)
			loops = append(loops, strings.Clone(src)) // the row's bytes are the file's
			continue
		}
		c.loc.field("actors", t.place(r, max(srcCol, actorsCol)))
		b.addEdge(c, c.ids.pair(src, tgt), ivs, groups)
	}
	return loops
}

// csvTimes reads row r's Gephi time set: its intervals column, or else its
// timestamps column; nil when it has neither.
func csvTimes(b *builder, t *csvTable, r, spanCol, stampCol int) []interval {
	for _, ic := range []int{spanCol, stampCol} {
		if v := t.get(r, ic); v != "" {
			parse := parseIntervals
			if ic == stampCol {
				parse = parseTimestamps
			}
			ivs, err := parse(v)
			if err != nil {
				b.addfIn(t.file, t.place(r, ic), "%s: %v", t.header[ic], err)
			}
			return ivs
		}
	}
	return nil
}

// dateIn reads a date in another file than the builder's own.
func (b *builder) dateIn(file string, at pos, key, val string) graphmodel.Date {
	d, err := parseTime(val)
	if err != nil {
		b.addfIn(file, at, "%s: %v", key, err)
	}
	return d
}
