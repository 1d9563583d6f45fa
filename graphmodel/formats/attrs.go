package formats

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// actorAcc gathers one actor's attributes before they are put together.
type actorAcc struct {
	a        graphmodel.Actor
	loc      itemLoc
	label    string
	short    string
	names    []graphmodel.NameSpan           // an Echoes "names" attribute: wins
	dynNames []graphmodel.NameSpan           // dynamic label attribute values
	local    map[string]graphmodel.LocalName // name:LANG attributes (localised_xml.go)
	anchored bool
}

// set applies one attribute or column; at is where its value is. Names
// Echoes does not use are ignored: an actor has no free text to keep them.
func (c *actorAcc) set(b *builder, key, val string, at pos) {
	val = strings.TrimSpace(val)
	if val == "" {
		return
	}
	switch normKey(key) {
	case "label", "name":
		c.label = val
		c.loc.field("names", at)
	case "short", "shortname":
		c.short = val
		c.loc.field("names", at)
	case "names":
		c.loc.field("names", at)
		var ns []graphmodel.NameSpan
		if err := json.Unmarshal([]byte(val), &ns); err != nil {
			b.addfIn(c.loc.file, at, "names %q is not a JSON list of {\"name\", \"short\", \"from\"}: %s", clip(val), jsonErrText(err))
			return
		}
		c.names = ns
	case "kind", "actorkind":
		switch k := strings.ToLower(val); k {
		case "state", "organisation":
			c.a.Kind = k
		case "organization":
			c.a.Kind = "organisation"
		default:
			b.leftOut("actor kind", c.loc.file, at, val, "Echoes knows state and organisation")
		}
		c.loc.field("kind", at)
	case "startdate", "start", "begin":
		c.loc.field("span", at)
		c.a.Span.Start = b.dateIn(c.loc.file, at, key, val)
	case "enddate", "end":
		c.loc.field("span", at)
		c.a.Span.End = b.dateIn(c.loc.file, at, key, val)
	case "anchor":
		a, err := parseAnchor(val)
		if err != nil {
			b.addfIn(c.loc.file, at, "%v", err)
			return
		}
		c.a.Anchor, c.anchored = a, true
	case "longitude", "lon", "lng", "long":
		if v, err := parseFloat(val); err != nil {
			b.addfIn(c.loc.file, at, "longitude %v; write degrees east such as 139.7", err)
		} else if !c.anchored {
			c.a.Anchor[0] = v
		}
	case "latitude", "lat":
		if v, err := parseFloat(val); err != nil {
			b.addfIn(c.loc.file, at, "latitude %v; write degrees north such as 35.7", err)
		} else if !c.anchored {
			c.a.Anchor[1] = v
		}
	case "color", "colour":
		if validColor(val) {
			c.a.Color = val
		} else {
			b.leftOut("colour", c.loc.file, at, val, "write a colour as #rrggbb, such as #cc0000")
		}
	default:
		if c.setLocal(key, val) {
			return
		}
		if !knownActorKey(normKey(key)) {
			b.unreadAttr(c.loc.file, at, c.loc.attrWord(), strings.TrimSpace(key), c.loc.what, "an actor has no field for it, so it is left out")
		}
	}
}

// knownActorKey reports whether the (normalised) name is one that
// actorAcc.set or a reader uses for an actor.
func knownActorKey(k string) bool {
	if _, _, ok := localAttr(k); ok {
		return true
	}
	switch k {
	case "label", "name", "short", "shortname", "names", "kind", "actorkind", "startdate", "start", "begin",
		"enddate", "end", "anchor", "longitude", "lon", "lng", "long", "latitude", "lat", "color", "colour",
		"id", "from", "namefrom", "timeset", "intervals", "interval", "timeinterval", "spells", "timestamps", "timestamp":
		return true
	}
	return false
}

// attrWord is what the item's formats call a named value: a column of a
// row, an attribute of a GEXF node or edge, data of a GraphML one.
func (l *itemLoc) attrWord() string {
	switch l.what {
	case "row":
		return "column"
	case "data":
		return "data"
	}
	return l.what + " attribute"
}

// dynName records a dynamic label value in force from from.
func (c *actorAcc) dynName(val string, from graphmodel.Date) {
	if val = strings.TrimSpace(val); val != "" {
		c.dynNames = append(c.dynNames, graphmodel.NameSpan{Name: val, Short: val, From: from})
	}
}

// actor puts the actor together: the Echoes names list if given, else the
// dynamic labels in date order, else the label (or the id).
func (c *actorAcc) actor() *graphmodel.Actor {
	a := c.a
	switch {
	case c.names != nil:
		a.Names = c.names
	case len(c.dynNames) > 0:
		ns := c.dynNames
		sort.SliceStable(ns, func(i, j int) bool {
			x, y := ns[i].From, ns[j].From
			if x.IsZero() || y.IsZero() {
				return x.IsZero() && !y.IsZero()
			}
			return x.First() < y.First()
		})
		// Keep one name per start, the last given.
		out := ns[:0]
		for _, n := range ns {
			if len(out) > 0 && n.From.IsZero() == out[len(out)-1].From.IsZero() &&
				(n.From.IsZero() || n.From.First() == out[len(out)-1].From.First()) {
				out[len(out)-1] = n
				continue
			}
			out = append(out, n)
		}
		if c.short != "" {
			out[0].Short = c.short
		}
		a.Names = out
	default:
		name := c.label
		if name == "" {
			name = a.ID
		}
		short := c.short
		if short == "" {
			short = name
		}
		a.Names = []graphmodel.NameSpan{{Name: name, Short: short}}
	}
	c.withLocal(&a)
	return &a
}

// relAcc gathers one relation's attributes before they are put together.
type relAcc struct {
	r       graphmodel.Relation
	loc     itemLoc
	kindSet bool
	start   graphmodel.Date // an Echoes startDate: exact, wins over GEXF times
	end     graphmodel.Date
	group   string   // an Echoes "relation" attribute: edges that make one relation
	actors  []string // an Echoes "actors" attribute
	extras  []string // attributes Echoes has no field for, kept in the description
	dirSet  bool
	ids     *idLists // where lists of actor ids are cut, kept from row to row
}

// set applies one attribute or column; at is where its value is. Names
// Echoes does not use are kept as "name: value" lines in the description.
func (c *relAcc) set(b *builder, key, val string, at pos) {
	c.setNorm(b, key, normKey(key), val, at)
}

// setNorm is set with the key's normKey worked out already, as the CSV
// reader does once for each column rather than for each field.
func (c *relAcc) setNorm(b *builder, key, nk, val string, at pos) {
	raw := val // free text keeps its spaces
	val = strings.TrimSpace(val)
	if raw == "" || (val == "" && !freeText(nk)) {
		return
	}
	switch nk {
	case "kind", "relationkind":
		if k, ok := b.kindOf(val); ok {
			c.r.Kind, c.kindSet = k, true
		} else if k := graphmodel.Kind(strings.ToLower(val)); k.Valid() {
			c.r.Kind, c.kindSet = k, true
		} else {
			c.extras = append(c.extras, strings.TrimSpace(key)+": "+val)
		}
		c.loc.field("kind", at)
	case "label", "name", "title":
		c.r.Name = raw
	case "certainty":
		switch v := graphmodel.Certainty(val); v { // as Echoes writes them: no lowering, no list made
		case graphmodel.Confirmed, graphmodel.Reported, graphmodel.Alleged:
			c.r.Certainty = v
			return
		}
		if v := graphmodel.Certainty(strings.ToLower(val)); v.Valid() {
			c.r.Certainty = v
		} else {
			c.extras = append(c.extras, strings.TrimSpace(key)+": "+val)
		}
	case "signed", "signeddate":
		c.loc.field("signed", at)
		c.r.Signed = b.dateIn(c.loc.file, at, key, val)
	case "startdate", "start", "begin":
		c.loc.field("start", at)
		c.start = b.dateIn(c.loc.file, at, key, val)
	case "enddate", "end":
		c.loc.field("end", at)
		c.end = b.dateIn(c.loc.file, at, key, val)
	case "description", "notes", "note":
		c.r.Description = raw
	case "sources":
		c.loc.field("sources", at)
		l, err := parseList(val)
		if err != nil {
			b.addfIn(c.loc.file, at, "sources: %v", err)
		}
		c.r.Sources = l
	case "echoes":
		c.loc.field("echoes", at)
		c.r.Echoes = raw
	case "ref":
		c.r.Ref = raw
	case "directed":
		v, err := parseBool(val)
		if err != nil {
			b.addfIn(c.loc.file, at, "directed: %v; write true or false", err)
		}
		c.r.Directed, c.dirSet = v, true
	case "relation":
		c.group = val
	case "actors":
		c.loc.field("actors", at)
		l, err := c.ids.list(val)
		if err != nil {
			b.addfIn(c.loc.file, at, "actors: %v", err)
		}
		c.actors = l
	case "weight":
		if v, err := parseFloat(val); err != nil || v != 1 {
			b.unreadWeight(c.loc.file, at, c.loc.attrWord(), strings.TrimSpace(key), c.loc.what)
		}
	case "id", "timeset", "interval", "intervals", "timeinterval", "spells", "timestamps", "timestamp", "source", "target":
		// Read by the format reader.
	default:
		c.extras = append(c.extras, strings.TrimSpace(key)+": "+val)
	}
}

// freeText reports whether a relation field is text kept as written,
// spaces and all.
func freeText(nk string) bool {
	switch nk {
	case "label", "name", "title", "description", "notes", "note", "echoes", "ref":
		return true
	}
	return false
}

// relation puts the relation together: kind partnership and certainty
// confirmed unless given, unknown attributes appended to the description.
func (c *relAcc) relation(b *builder) *graphmodel.Relation {
	r := b.newRelation()
	*r = c.r
	if !c.kindSet {
		r.Kind = graphmodel.Partnership
	}
	if r.Certainty == "" {
		r.Certainty = graphmodel.Confirmed
	}
	if len(c.extras) > 0 {
		x := strings.Join(c.extras, "\n")
		if r.Description != "" {
			r.Description += "\n\n" + x
		} else {
			r.Description = x
		}
	}
	return r
}
