package graphmodel

// Change is a relation whose status differs between two snapshots.
type Change struct {
	Relation *Relation
	From, To Status
}

// Delta is what changed from one snapshot to another.
type Delta struct {
	Gained  []Tie    // in b, not in a
	Lost    []Tie    // in a, not in b (with its status in a)
	Changed []Change // in both, with another status
}

// Empty reports whether nothing changed.
func (d Delta) Empty() bool { return len(d.Gained)+len(d.Lost)+len(d.Changed) == 0 }

// Diff compares two snapshots of the same dataset; each list is sorted by
// relation id.
func Diff(a, b *Snapshot) Delta {
	var d Delta
	for _, t := range b.Ties() {
		old, ok := a.ties[t.ID]
		switch {
		case !ok:
			d.Gained = append(d.Gained, t)
		case old.Status != t.Status:
			d.Changed = append(d.Changed, Change{Relation: t.Relation, From: old.Status, To: t.Status})
		}
	}
	for _, t := range a.Ties() {
		if _, ok := b.ties[t.ID]; !ok {
			d.Lost = append(d.Lost, t)
		}
	}
	return d
}
