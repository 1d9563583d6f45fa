package formats

import (
	"iter"
	"slices"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// idLists cuts plain lists of ids ("a;b") as parseList does, but out of
// one shared block of strings instead of a slice for each list: at a
// million relations a slice each was a million allocations.
type idLists struct {
	slab []string
}

// list reads s as parseList does.
func (l *idLists) list(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if l == nil || strings.HasPrefix(s, "[") {
		return parseList(s)
	}
	n := 0
	for range listFields(s) {
		n++
	}
	if n == 0 {
		return nil, nil
	}
	if len(l.slab)+n > cap(l.slab) {
		l.slab = make([]string, 0, max(n, 4096))
	}
	start := len(l.slab)
	for f := range listFields(s) {
		l.slab = append(l.slab, f)
	}
	// Capped, so that appending to one list never writes into the next.
	return l.slab[start:len(l.slab):len(l.slab)], nil
}

// listSep is the index of the first ';' or '|' in s, or -1: what
// strings.IndexAny(s, ";|") gives, without building its set each time.
func listSep(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == ';' || s[i] == '|' {
			return i
		}
	}
	return -1
}

// expectRelations makes room for about n relations, as a reader that can
// count them cheaply (the lines of a CSV file) expects; past the limit is
// an error anyway.
func (b *builder) expectRelations(n int) {
	n = min(n, MaxRelations)
	b.ds.Relations = slices.Grow(b.ds.Relations, n)
	b.relAt.reserve(n)
}

// ownID returns the actor's own string for id, or a copy of id.
func (b *builder) ownID(id string) string {
	if own, ok := b.actorIDs.get(id); ok {
		return own
	}
	return strings.Clone(id)
}

// newRelation returns a zero relation cut from a block of them: one
// allocation for a thousand relations rather than one each.
func (b *builder) newRelation() *graphmodel.Relation {
	if len(b.relSlab) == cap(b.relSlab) {
		b.relSlab = make([]graphmodel.Relation, 0, 1024)
	}
	b.relSlab = b.relSlab[:len(b.relSlab)+1]
	return &b.relSlab[len(b.relSlab)-1]
}

// pair returns a and b as a list cut from the shared block.
func (l *idLists) pair(a, b string) []string {
	if len(l.slab)+2 > cap(l.slab) {
		l.slab = make([]string, 0, 4096)
	}
	l.slab = append(l.slab, a, b)
	n := len(l.slab)
	return l.slab[n-2 : n : n]
}

// edgeAcc returns the builder's one accumulator, emptied, for the node,
// edge or row at p: what an item makes is copied out of it (the relation
// by relation(), its places by addRelation), and a new one for each was
// 430 bytes of garbage, a million times.
func (b *builder) edgeAcc(p pos, what string) *relAcc {
	c := &b.acc
	*c = relAcc{loc: itemLoc{pos: p, what: what, fields: c.loc.fields[:0]}, ids: c.ids}
	if c.ids == nil {
		c.ids = new(idLists)
	}
	return c
}

// kindOf returns Echoes' kind spelled exactly as val, the constant itself.
func (b *builder) kindOf(val string) (graphmodel.Kind, bool) {
	for _, k := range b.kinds() {
		if string(k) == val {
			return k, true
		}
	}
	return "", false
}

// listFields yields the non-blank fields of s between list separators,
// trimmed: list counts them first to size its slab, then copies them.
func listFields(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for rest := s; rest != ""; {
			f := rest
			if i := listSep(rest); i >= 0 {
				f, rest = rest[:i], rest[i+1:]
			} else {
				rest = ""
			}
			if f = strings.TrimSpace(f); f != "" && !yield(f) {
				return
			}
		}
	}
}
