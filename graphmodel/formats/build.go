package formats

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/echoes-viz/echoes/graphmodel"
)

// builder collects what a reader finds and turns it into a validated,
// indexed Dataset, every problem placed in the reader's file.
type builder struct {
	file     string
	ds       graphmodel.Dataset
	actorAt  places
	relAt    places
	metaAt   pos   // where title, range, groupings, events came from
	noStart  []int // relations whose start the file left out
	kindList []graphmodel.Kind
	problems graphmodel.Problems
	full     bool // MaxProblems reached
	metaRead bool // Echoes' own dataset data was read: its title stands

	warnings   []graphmodel.Problem // what was dropped or changed, up to maxWarnings
	nWarnings  int                  // every warning, counting those past the cap
	tallies    map[tallyKey]*tally  // repeated warnings
	tallyOrder []tallyKey           // their keys, first seen first
	loopOnly   int                  // actors made only from self-loops
	actorIDs   idTable              // each actor's id, for relations to share
	text       []byte               // the block own copies relations' texts into
	acc        relAcc               // what edgeAcc hands out
	relSlab    []graphmodel.Relation
}

func newBuilder(file string) *builder {
	return &builder{file: file}
}

// addf records a problem at p.
func (b *builder) addf(p pos, format string, args ...any) {
	b.push(graphmodel.Problem{File: b.file, Line: p.line, Col: p.col, Msg: fmt.Sprintf(format, args...)})
}

// addfIn records a problem at p in another file than the builder's own
// (the actors file beside a CSV relations file).
func (b *builder) addfIn(file string, p pos, format string, args ...any) {
	if file == "" {
		file = b.file
	}
	b.push(graphmodel.Problem{File: file, Line: p.line, Col: p.col, Msg: fmt.Sprintf(format, args...)})
}

// push records a problem; after MaxProblems it notes the cap once and
// records no more.
func (b *builder) push(p graphmodel.Problem) {
	if b.full {
		return
	}
	b.problems = append(b.problems, p)
	if len(b.problems) >= graphmodel.MaxProblems {
		b.full = true
		b.problems = append(b.problems, graphmodel.Problem{File: b.file, Msg: fmt.Sprintf("stopped after %d problems; fix these and check again", graphmodel.MaxProblems)})
	}
}

// stopped reports whether reading should give up: too many problems.
func (b *builder) stopped() bool { return b.full }

// addActor appends an actor, refusing past MaxActors.
func (b *builder) addActor(a *graphmodel.Actor, at itemLoc) bool {
	if len(b.ds.Actors) >= MaxActors {
		b.addf(at.pos, "more than %d actors; Echoes reads at most %d, split the file", MaxActors, MaxActors)
		b.full = true
		return false
	}
	b.ds.Actors = append(b.ds.Actors, a)
	b.actorAt.add(at)
	b.actorIDs.add(a.ID)
	return true
}

// own gives r strings of its own: a reader's strings are often slices of
// a whole row or of the file itself, which a relation would otherwise
// keep alive. Its ids, names and texts are copied into a block shared by
// many relations, one allocation for thousands rather than one each; an
// actor's id is the actor's own string; kinds and certainties Echoes
// knows are its constants.
func (b *builder) own(r *graphmodel.Relation) {
	var buf [16]*string
	texts := append(buf[:0], &r.ID, &r.Name, &r.Description, &r.Echoes, &r.Ref)
	for i, id := range r.Actors {
		// An actor's id is the actor's own string, shared by its relations.
		if own, ok := b.actorIDs.get(id); ok {
			r.Actors[i] = own
			continue
		}
		texts = append(texts, &r.Actors[i])
	}
	for i := range r.Sources {
		texts = append(texts, &r.Sources[i])
	}
	n := 0
	for _, t := range texts {
		n += len(*t)
	}
	if n > cap(b.text)-len(b.text) {
		b.text = make([]byte, 0, max(n, 64<<10))
	}
	for _, t := range texts {
		start := len(b.text)
		b.text = append(b.text, *t...)
		if len(*t) > 0 {
			// Bytes of the block are written once, before any string
			// reads them, and never again.
			*t = unsafe.String(&b.text[start], len(*t))
		}
	}
	if k := slices.Index(b.kinds(), r.Kind); k >= 0 {
		r.Kind = b.kindList[k]
	} else {
		r.Kind = graphmodel.Kind(strings.Clone(string(r.Kind)))
	}
	switch r.Certainty {
	case graphmodel.Confirmed:
		r.Certainty = graphmodel.Confirmed
	case graphmodel.Reported:
		r.Certainty = graphmodel.Reported
	case graphmodel.Alleged:
		r.Certainty = graphmodel.Alleged
	default:
		r.Certainty = graphmodel.Certainty(strings.Clone(string(r.Certainty)))
	}
}

// kinds returns Echoes' kinds, made once per read.
func (b *builder) kinds() []graphmodel.Kind {
	if b.kindList == nil {
		b.kindList = graphmodel.Kinds()
	}
	return b.kindList
}

// addRelation appends a relation, refusing past MaxRelations. noStart marks
// one whose start the file left out, to be set to the range's start.
func (b *builder) addRelation(r *graphmodel.Relation, at itemLoc, noStart bool) bool {
	if len(b.ds.Relations) >= MaxRelations {
		b.addf(at.pos, "more than %d relations; Echoes reads at most %d, split the file", MaxRelations, MaxRelations)
		b.full = true
		return false
	}
	if noStart {
		b.noStart = append(b.noStart, len(b.ds.Relations))
	}
	b.own(r)
	b.ds.Relations = append(b.ds.Relations, r)
	b.relAt.add(at)
	return true
}

// result is finish with the warnings of the read, which are returned
// whether or not the file is valid.
func (b *builder) result() (*graphmodel.Dataset, []graphmodel.Problem, error) {
	ds, err := b.finish()
	return ds, b.warningsDone(), err
}

// finish fills the range and missing starts, validates, and returns the
// Dataset or every problem found.
func (b *builder) finish() (*graphmodel.Dataset, error) {
	if b.full {
		return nil, b.problems
	}
	b.fillRange()
	if b.ds.Actors == nil {
		b.ds.Actors = []*graphmodel.Actor{}
	}
	if b.ds.Relations == nil {
		b.ds.Relations = []*graphmodel.Relation{}
	}
	for _, i := range b.noStart {
		b.ds.Relations[i].Start = b.ds.Range.Start
	}
	// The Dataset is copied out so that the builder, with the places of
	// every item, is not kept alive by it.
	ds := new(graphmodel.Dataset)
	*ds = b.ds
	err := ds.Validate(b.file)
	var ps graphmodel.Problems
	if err != nil && !errors.As(err, &ps) {
		b.addf(pos{}, "%v", err)
	}
	for _, p := range ps {
		if p.Path == "" && strings.HasPrefix(p.Msg, "stopped after") {
			continue
		}
		b.place(&p)
		if !strings.Contains(p.Msg, ";") {
			p.Msg += "; " + fixFor(p.Msg)
		}
		b.push(p)
	}
	if len(b.problems) > 0 {
		return nil, b.problems
	}
	return ds, nil
}

// place turns a validation path such as relations[3].end into the line of
// the edge or row that made relation 3, and a path a reader understands.
func (b *builder) place(p *graphmodel.Problem) {
	p.File = b.file
	p.Line, p.Col = b.metaAt.line, b.metaAt.col
	section, idx, rest, ok := splitPath(p.Path)
	if !ok {
		return
	}
	var locs *places
	var id string
	switch section {
	case "actors":
		locs = &b.actorAt
		if idx < len(b.ds.Actors) {
			id = "actor " + strconv.Quote(b.ds.Actors[idx].ID)
		}
	case "relations":
		locs = &b.relAt
		if idx < len(b.ds.Relations) {
			id = "relation " + strconv.Quote(b.ds.Relations[idx].ID)
		}
	default:
		return
	}
	if idx >= locs.len() {
		return
	}
	l := locs.get(idx)
	p.Line, p.Col = l.line, l.col
	if l.file != "" {
		p.File = l.file
	}
	field := strings.TrimPrefix(rest, ".")
	if i := strings.IndexAny(field, ".["); i >= 0 {
		field = field[:i]
	}
	if fp, ok := l.fieldAt(field); ok {
		p.Line, p.Col = fp.line, fp.col
	}
	if id != "" {
		p.Path = id
		if rest != "" {
			p.Path += " " + strings.TrimPrefix(rest, ".")
		}
	}
}

// splitPath splits "relations[3].end" into "relations", 3 and ".end".
func splitPath(path string) (section string, idx int, rest string, ok bool) {
	i := strings.IndexByte(path, '[')
	j := strings.IndexByte(path, ']')
	if i <= 0 || j < i {
		return "", 0, "", false
	}
	n, err := strconv.Atoi(path[i+1 : j])
	if err != nil || n < 0 {
		return "", 0, "", false
	}
	return path[:i], n, path[j+1:], true
}

// fillRange sets each bound of the range the file left out: from the
// earliest or latest date anywhere in the data, or UndatedYear when there
// are none. A bound the file gave is kept as it is.
func (b *builder) fillRange() {
	d := &b.ds
	var lo, hi graphmodel.Date
	see := func(x graphmodel.Date) {
		if x.IsZero() {
			return
		}
		if lo.IsZero() || x.First() < lo.First() {
			lo = x
		}
		if hi.IsZero() || x.Last() > hi.Last() {
			hi = x
		}
	}
	for _, a := range d.Actors {
		see(a.Span.Start)
		see(a.Span.End)
		for _, n := range a.Names {
			see(n.From)
		}
	}
	for _, r := range d.Relations {
		see(r.Signed)
		see(r.Start)
		see(r.End)
	}
	for _, g := range d.Groupings {
		for _, s := range g.Spans {
			see(s.Start)
			see(s.End)
		}
	}
	for _, e := range d.Events {
		see(e.Date)
	}
	switch {
	case !lo.IsZero():
	case !d.Range.Start.IsZero():
		lo, hi = d.Range.Start, d.Range.Start
	case !d.Range.End.IsZero():
		lo, hi = d.Range.End, d.Range.End
	default:
		lo = graphmodel.Date{Year: UndatedYear}
		hi = lo
	}
	switch {
	case d.Range.Start.IsZero() && d.Range.End.IsZero():
		d.Range = graphmodel.Span{Start: lo, End: hi}
	case d.Range.Start.IsZero():
		d.Range.Start = lo
		if lo.First() > d.Range.End.Last() {
			d.Range.Start = d.Range.End
		}
	case d.Range.End.IsZero():
		d.Range.End = hi
		if hi.Last() < d.Range.Start.First() {
			d.Range.End = d.Range.Start
		}
	}
}

// groupAcc is a relation made of several edges that share an Echoes
// "relation" attribute; its actors are the edges' ends unless an "actors"
// attribute fixed them.
type groupAcc struct {
	r     *graphmodel.Relation
	fixed bool
	has   map[string]bool
}

// addEdge makes the relations of one edge, hyperedge or row: one per
// interval, the k-th with the id suffix "#k" when there are several, or one
// from the range's start when there are none. Edges that carry the same
// Echoes "relation" attribute make one relation among more than two actors:
// groups maps that attribute to the relation made first.
func (b *builder) addEdge(c *relAcc, endpoints []string, ivs []interval, groups map[string]*groupAcc) {
	base := c.relation(b)
	base.Actors = c.actors
	if base.Actors == nil {
		base.Actors = endpoints
	}
	if c.group != "" {
		if g, ok := groups[c.group]; ok {
			if c.actors == nil && !g.fixed {
				for _, a := range endpoints {
					if !g.has[a] {
						g.has[a] = true
						g.r.Actors = append(g.r.Actors, b.ownID(a)) // added after own ran
					}
				}
			}
			return
		}
		base.ID = c.group
	}
	if len(ivs) == 0 {
		ivs = []interval{{}}
	}
	for k, iv := range ivs {
		r := base // one relation from the edge: base is its own, no copy needed
		if len(ivs) > 1 || c.group != "" {
			r = b.newRelation()
			*r = *base
			r.Actors = slices.Clone(base.Actors)
			r.Sources = slices.Clone(base.Sources)
		}
		if len(ivs) > 1 {
			r.ID = fmt.Sprintf("%s#%d", base.ID, k+1)
		}
		r.Start, r.End = iv.start, iv.end
		if len(ivs) == 1 {
			if !c.start.IsZero() {
				r.Start = c.start
			}
			if !c.end.IsZero() {
				r.End = c.end
			}
		}
		if !b.addRelation(r, c.loc, r.Start.IsZero()) {
			return
		}
		if c.group != "" && k == 0 {
			g := &groupAcc{r: r, fixed: c.actors != nil, has: map[string]bool{}}
			for _, a := range r.Actors {
				g.has[a] = true
			}
			groups[c.group] = g
		}
	}
}

// fixFor suggests a fix for a validation message that gives none.
func fixFor(msg string) string {
	switch {
	case strings.Contains(msg, "two or more actors"):
		return "give it at least two different actors"
	case strings.Contains(msg, "two or more members"):
		return "list at least two actors as members"
	case strings.Contains(msg, "no title"):
		return "give it a title"
	case strings.Contains(msg, "echo itself"):
		return "name an earlier relation, or none"
	}
	return "correct it at this place"
}
