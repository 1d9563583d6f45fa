package formats

import "slices"

// pos is a place in a file; Line 0 means the whole file.
type pos struct{ line, col int }

// itemLoc says where an actor or relation came from, so that problems found
// by validation point at the node, edge or row that made it.
type itemLoc struct {
	pos
	file   string       // the file it is in, when not the builder's
	what   string       // "node", "edge", "row"
	fields []fieldPlace // where single fields were, when known
}

// fieldPlace is where one field of an item was given.
type fieldPlace struct {
	name string
	at   pos
}

// field records where the field name was given; the last place counts.
func (l *itemLoc) field(name string, p pos) {
	if l.fields == nil {
		l.fields = make([]fieldPlace, 0, 6) // a row places about five: one allocation, not four
	}
	l.fields = append(l.fields, fieldPlace{name, p})
}

// places keeps the itemLoc of every actor or relation compactly, the
// strings interned and the fields of all in one list: a million relations'
// itemLocs, each with its own list of fields, took about 300 MB.
type places struct {
	items  []storedLoc
	fields []storedField
	names  []string          // interned files, whats and field names
	index  map[string]uint16 // into names
	expect int               // items the file is expected to hold, or 0
}

// reserve makes room for n items, as many as a file is expected to hold:
// growing a list of a million by appending copied it a dozen times and
// held two copies at once.
func (ps *places) reserve(n int) {
	ps.expect = n
	ps.items = slices.Grow(ps.items, n)
}

type storedLoc struct {
	line, col  int32
	file, what uint16
	first, n   int32 // fields[first:first+n]
}

type storedField struct {
	name      uint16
	line, col int32
}

func (ps *places) intern(s string) uint16 {
	if len(ps.names) <= 32 { // the usual few: a scan beats hashing
		for i, n := range ps.names {
			if n == s {
				return uint16(i)
			}
		}
	} else if i, ok := ps.index[s]; ok {
		return i
	}
	if ps.index == nil {
		ps.index = map[string]uint16{}
	}
	i := uint16(len(ps.names))
	ps.names = append(ps.names, s)
	ps.index[s] = i
	return i
}

// add keeps l; lines and columns past 2^31 are out of the file limit's reach.
func (ps *places) add(l itemLoc) {
	if n := len(ps.items); len(ps.fields)+len(l.fields) > cap(ps.fields) && n >= 1024 && ps.expect > n {
		// As many fields for each item to come as for those so far.
		want := len(ps.fields)*ps.expect/n + ps.expect/16 + len(l.fields)
		ps.fields = slices.Grow(ps.fields, want-len(ps.fields))
	}
	first := int32(len(ps.fields))
next:
	for i, f := range l.fields {
		for _, later := range l.fields[i+1:] {
			if later.name == f.name {
				continue next // the last place of a field counts
			}
		}
		ps.fields = append(ps.fields, storedField{ps.intern(f.name), int32(f.at.line), int32(f.at.col)})
	}
	ps.items = append(ps.items, storedLoc{int32(l.line), int32(l.col), ps.intern(l.file), ps.intern(l.what), first, int32(len(ps.fields)) - first})
}

func (ps *places) len() int { return len(ps.items) }

// get returns the itemLoc kept as the i-th.
func (ps *places) get(i int) itemLoc {
	s := ps.items[i]
	l := itemLoc{pos: pos{int(s.line), int(s.col)}, file: ps.names[s.file], what: ps.names[s.what]}
	for _, f := range ps.fields[s.first : s.first+s.n] {
		l.fields = append(l.fields, fieldPlace{ps.names[f.name], pos{int(f.line), int(f.col)}})
	}
	return l
}

// fieldAt returns where the field name was given.
func (l *itemLoc) fieldAt(name string) (pos, bool) {
	for i := len(l.fields) - 1; i >= 0; i-- {
		if l.fields[i].name == name {
			return l.fields[i].at, true
		}
	}
	return pos{}, false
}
