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
	at, bt := a.Ties(), b.Ties()
	i, j := 0, 0
	for i < len(at) || j < len(bt) {
		switch {
		case j == len(bt) || (i < len(at) && at[i].ID < bt[j].ID):
			d.Lost = append(d.Lost, at[i])
			i++
		case i == len(at) || bt[j].ID < at[i].ID:
			d.Gained = append(d.Gained, bt[j])
			j++
		default:
			if at[i].Status != bt[j].Status {
				d.Changed = append(d.Changed, Change{Relation: bt[j].Relation, From: at[i].Status, To: bt[j].Status})
			}
			i, j = i+1, j+1
		}
	}
	return d
}
