package formats

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// normKey folds an attribute title or column name for matching, so that
// "Start Date", "start_date" and "startDate" are the same name.
func normKey(s string) string {
	folded := true
	for i := 0; i < len(s) && folded; i++ {
		c := s[i]
		folded = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
	}
	if folded {
		return s // as most names are: no copy for each field of each row
	}
	var sb strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// parseList reads a list of ids: a JSON array (["a", "b"]), whose strings
// are kept as written, spaces and all, or names separated by ";" or "|",
// each without the spaces at its ends.
func parseList(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "[") {
		var out []string
		if err := json.Unmarshal([]byte(s), &out); err != nil {
			return nil, fmt.Errorf("list %q is not a JSON array of strings; write [\"a\", \"b\"] or a;b", s)
		}
		return out, nil
	}
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out, nil
}

// formatList writes ids as a;b, or as a JSON array when an id holds a
// separator or spaces at its ends, so that parseList reads them back.
func formatList(ids []string) string {
	plain := len(ids) > 0
	for _, id := range ids {
		if id == "" || strings.ContainsAny(id, ";|") || strings.TrimSpace(id) != id || strings.HasPrefix(id, "[") {
			plain = false
		}
	}
	if plain {
		return strings.Join(ids, ";")
	}
	b, _ := json.Marshal(ids)
	return string(b)
}

// parseBool reads yes/no words as a spreadsheet or GEXF writes them.
func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "y", "1", "directed":
		return true, nil
	case "false", "no", "n", "0", "undirected", "":
		return false, nil
	}
	return false, fmt.Errorf("%q is not true or false", s)
}

// parseFloat reads a finite number.
func parseFloat(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	return v, nil
}

// parseAnchor reads [lon, lat] or "lon, lat" or "lon lat".
func parseAnchor(s string) ([2]float64, error) {
	f := strings.FieldsFunc(strings.Trim(strings.TrimSpace(s), "[]"), func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
	var a [2]float64
	if len(f) != 2 {
		return a, fmt.Errorf("anchor %q is not two numbers; write longitude, latitude such as 139.7, 35.7", s)
	}
	for i := range f {
		v, err := parseFloat(f[i])
		if err != nil {
			return a, fmt.Errorf("anchor %q: %v; write longitude, latitude such as 139.7, 35.7", s, err)
		}
		a[i] = v
	}
	return a, nil
}

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
}

// set applies one attribute or column; at is where its value is. Names
// Echoes does not use are kept as "name: value" lines in the description.
func (c *relAcc) set(b *builder, key, val string, at pos) {
	raw := val // free text keeps its spaces
	val = strings.TrimSpace(val)
	nk := normKey(key)
	if raw == "" || (val == "" && !freeText(nk)) {
		return
	}
	switch nk {
	case "kind", "relationkind":
		if k := graphmodel.Kind(strings.ToLower(val)); k.Valid() {
			c.r.Kind, c.kindSet = k, true
		} else {
			c.extras = append(c.extras, strings.TrimSpace(key)+": "+val)
		}
		c.loc.field("kind", at)
	case "label", "name", "title":
		c.r.Name = raw
	case "certainty":
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
		l, err := parseList(val)
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
func (c *relAcc) relation() *graphmodel.Relation {
	r := c.r
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
	return &r
}

// jsonErrText words an encoding/json error for a user: the field and what
// it should hold, never a Go type name.
func jsonErrText(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		where := ""
		if te.Field != "" {
			where = fmt.Sprintf("field %q: ", te.Field)
		}
		got := te.Value
		switch got {
		case "string":
			got = "text"
		case "bool":
			got = "true or false"
		case "array":
			got = "a list"
		case "object":
			got = "an object"
		}
		return fmt.Sprintf("%s%s where %s is expected", where, got, jsonTypeWord(te.Type))
	case errors.As(err, &se):
		return fmt.Sprintf("not valid JSON (%s, at character %d)", strings.TrimPrefix(se.Error(), "json: "), se.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the JSON is cut short"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// jsonTypeWord names what a JSON value of Go type t is, in a user's words.
func jsonTypeWord(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	if t == reflect.TypeFor[graphmodel.Date]() {
		return `a date in quotes (such as "1950-06-25")`
	}
	switch t.Kind() {
	case reflect.String:
		return "text in quotes"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list [...]"
	case reflect.Struct, reflect.Map:
		return "an object {...}"
	case reflect.Pointer:
		return jsonTypeWord(t.Elem())
	}
	return "another value"
}

// validColor reports whether s is #rrggbb.
func validColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	_, err := strconv.ParseUint(s[1:], 16, 32)
	return err == nil && !strings.ContainsAny(s[1:], "+-xX_")
}

// clip shortens a value for a message.
func clip(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}
