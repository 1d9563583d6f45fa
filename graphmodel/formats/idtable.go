package formats

import "encoding/binary"

// idTable finds an actor's own id string for an id read from a file. Ids
// of up to 16 bytes (most) are kept as two words in the table itself, so
// a lookup compares numbers in one place rather than following a string
// to wherever it was allocated: with a Go map, these lookups were a sixth
// of reading a million relations. Longer ids are kept in a map. (Ids of
// up to 15 bytes: the 16th byte of the key is the length.)
type idTable struct {
	slots []idSlot // a power of two, at most half full
	n     int
	long  map[string]string
}

type idSlot struct {
	k0, k1 uint64
	s      string // "" when the slot is empty
}

// idKey packs an id of up to 15 bytes into two words, its length in the
// top byte of the second (the words alone cannot tell "a" from "a\x00").
func idKey(id string) (k0, k1 uint64) {
	var b [16]byte
	copy(b[:], id)
	k0 = binary.LittleEndian.Uint64(b[:8])
	k1 = binary.LittleEndian.Uint64(b[8:])
	return k0, k1 ^ uint64(len(id))<<56
}

func (t *idTable) slot(k0, k1 uint64) int {
	h := (k0*0x9e3779b97f4a7c15 ^ k1*0xc2b2ae3d27d4eb4f) >> 17
	return int(h & uint64(len(t.slots)-1))
}

// add keeps id, the actor's own string.
func (t *idTable) add(id string) {
	if len(id) > 15 || id == "" {
		if t.long == nil {
			t.long = map[string]string{}
		}
		t.long[id] = id
		return
	}
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots, t.n = make([]idSlot, max(1024, 2*len(old))), 0
		for _, s := range old {
			if s.s != "" {
				t.add(s.s)
			}
		}
	}
	k0, k1 := idKey(id)
	for i := t.slot(k0, k1); ; i = (i + 1) & (len(t.slots) - 1) {
		s := &t.slots[i]
		if s.s == "" {
			*s = idSlot{k0, k1, id}
			t.n++
			return
		}
		if s.k0 == k0 && s.k1 == k1 {
			return
		}
	}
}

// get returns the actor's own string for id, and whether there is one.
func (t *idTable) get(id string) (string, bool) {
	if len(id) > 15 || id == "" {
		s, ok := t.long[id]
		return s, ok
	}
	if t.n == 0 {
		return "", false
	}
	k0, k1 := idKey(id)
	for i := t.slot(k0, k1); ; i = (i + 1) & (len(t.slots) - 1) {
		s := &t.slots[i]
		if s.s == "" {
			return "", false
		}
		if s.k0 == k0 && s.k1 == k1 {
			return s.s, true
		}
	}
}
