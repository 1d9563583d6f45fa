package render

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/echoes-viz/echoes/graphmodel"
)

// edgePlan is what a frame's ties look like as lines, worked out once per
// frame: which ties share a pair, how they bundle, their side-by-side
// slots and the drawing order. Every repaint of the same frame (a hover, a
// zoom, a drag) reuses it and only maps positions to pixels, so a repaint
// allocates nothing per edge.
type edgePlan struct {
	// What the plan was made from; a frame whose ties were replaced (by a
	// filter) gets a new plan.
	ties, ghosts []FrameTie
	actors       []FrameActor

	lines []planLine // in drawing order: faint, thin kinds first
	// kinds are the kinds the frame's ties show, in legend order; faint
	// says whether any is signed, recent, reported or alleged.
	kinds []graphmodel.Kind
	faint bool
	more  bool // some pair's lesser kinds share one combined line
	// degree[i] counts the ties of f.Actors[i]; byDegree lists actor
	// indices best-connected first, for labelling.
	degree   []int
	byDegree []int
}

// planLine is one drawn line: a bundle of one pair's ties of one kind and
// direction.
type planLine struct {
	// What a repaint reads of the tie, copied out of it: a repaint then
	// reads lines in order and never chases a tie's relation in memory.
	id      string
	kind    graphmodel.Kind
	ghost   bool
	faint   float64 // the opacity status and certainty leave (1, 0.5, 0.6, 0.3)
	opacity float64
	look    int      // look of the bundle's firmest member, for the drawing order
	members []string // every relation in the bundle
	a, b    int      // the pair as indices into Frame.Actors, a's id first
	slot    float64  // offset from the pair's axis, in gaps
	flip    bool     // drawn from b to a (a directed tie from b)
	// more counts the bundles of other kinds this one line stands for when
	// a pair has more kinds than MaxPairLines; 0 for a line of one kind.
	more int
}

// frameMemo caches a frame's plan across the copies of the frame.
type frameMemo struct {
	mu   sync.Mutex
	plan *edgePlan
	// undated is undatedOf.Undated(), which reads every relation: once a
	// frame, not once a repaint.
	undatedOf *graphmodel.Dataset
	undated   bool
}

// undated is f.Dataset.Undated(), from the frame's memo when it has one.
func undated(f Frame) bool {
	if f.Dataset == nil {
		return false
	}
	if f.memo == nil {
		return f.Dataset.Undated()
	}
	f.memo.mu.Lock()
	defer f.memo.mu.Unlock()
	if f.memo.undatedOf != f.Dataset {
		f.memo.undatedOf, f.memo.undated = f.Dataset, f.Dataset.Undated()
	}
	return f.memo.undated
}

// SameSlice reports whether a and b are one slice (the same array and
// length): how a cache tells that its input was not replaced.
func SameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// planOf returns f's edge plan, from the frame's memo when it still fits.
func planOf(f Frame) *edgePlan {
	if f.memo == nil {
		return makePlan(f)
	}
	f.memo.mu.Lock()
	defer f.memo.mu.Unlock()
	p := f.memo.plan
	if p == nil || !SameSlice(p.ties, f.Ties) || !SameSlice(p.ghosts, f.Ghosts) || !SameSlice(p.actors, f.Actors) {
		p = makePlan(f)
		f.memo.plan = p
	}
	return p
}

func makePlan(f Frame) *edgePlan {
	p := &edgePlan{ties: f.Ties, ghosts: f.Ghosts, actors: f.Actors, degree: make([]int, len(f.Actors))}
	index := make(map[string]int, len(f.Actors))
	for i, a := range f.Actors {
		index[a.ID] = i
	}
	// Every pair a tie joins, as actor indices with the lower id first.
	type entry struct {
		a, b int
		tie  *FrameTie
	}
	var entries []entry
	add := func(ties []FrameTie, count bool) {
		for k := range ties {
			t := &ties[k]
			for i, x := range t.Actors {
				ia, ok := index[x]
				if !ok {
					continue
				}
				if count {
					p.degree[ia]++
				}
				for _, y := range t.Actors[i+1:] {
					ib, ok := index[y]
					if !ok {
						continue
					}
					if ib < ia { // Actors are sorted by id
						entries = append(entries, entry{ib, ia, t})
					} else {
						entries = append(entries, entry{ia, ib, t})
					}
				}
			}
		}
	}
	add(f.Ties, true)
	add(f.Ghosts, false)
	slices.SortFunc(entries, func(x, y entry) int {
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		if c := cmp.Compare(x.b, y.b); c != 0 {
			return c
		}
		if c := cmp.Compare(x.tie.Kind.Rank(), y.tie.Kind.Rank()); c != 0 {
			return c
		}
		return strings.Compare(x.tie.ID, y.tie.ID)
	})
	var pair []FrameTie
	// A pair of one tie, the most common in a big network, has nothing to
	// bundle or crowd; its member list is a piece of one shared array.
	one := make([]string, 0, len(entries))
	p.lines = make([]planLine, 0, len(entries)) // at most a line an entry: grown once
	line := func(t *FrameTie, members []string, a, b int, slot float64, more int) {
		faint := 1.0
		if t.Status == graphmodel.Signed || t.Status == graphmodel.Recent {
			faint *= 0.5
		}
		if t.Certainty != graphmodel.Confirmed && t.Certainty != "" {
			faint *= 0.6
		}
		p.lines = append(p.lines, planLine{id: t.ID, kind: t.Kind, ghost: t.Ghost, look: look(t), faint: faint, opacity: t.Opacity,
			members: members, a: a, b: b, slot: slot, flip: t.Directed && t.Actors[0] != f.Actors[a].ID, more: more})
		p.more = p.more || more > 0
	}
	for i := 0; i < len(entries); {
		j := i
		for j < len(entries) && entries[j].a == entries[i].a && entries[j].b == entries[i].b {
			j++
		}
		a, b := entries[i].a, entries[i].b
		if j == i+1 {
			t := entries[i].tie
			one = append(one, t.ID)
			line(t, one[len(one)-1:len(one):len(one)], a, b, 0, 0)
			i = j
			continue
		}
		pair = pair[:0]
		for k := i; k < j; k++ {
			pair = append(pair, *entries[k].tie)
		}
		ties, members := bundle(pair)
		ties, members, more := crowd(ties, members)
		for k := range ties {
			line(&ties[k], members[k], a, b, float64(k)-float64(len(ties)-1)/2, more[k])
		}
		i = j
	}
	// Thin and faint kinds first so strong ties sit on top; one look
	// together so the raster batches it. Every theme scales widths alike.
	sortByLook(p.lines)
	present := map[graphmodel.Kind]bool{}
	for i := range p.lines {
		if l := &p.lines[i]; !l.ghost && l.more == 0 {
			present[l.kind] = true
		}
	}
	for i := range f.Ties {
		t := &f.Ties[i]
		p.faint = p.faint || t.Status != graphmodel.InForce || (t.Certainty != graphmodel.Confirmed && t.Certainty != "")
	}
	for _, k := range graphmodel.Kinds() {
		if present[k] {
			p.kinds = append(p.kinds, k)
		}
	}
	p.byDegree = make([]int, len(f.Actors))
	for i := range p.byDegree {
		p.byDegree[i] = i
	}
	slices.SortStableFunc(p.byDegree, func(i, j int) int { return cmp.Compare(p.degree[j], p.degree[i]) })
	return p
}

// bundle merges a pair's ties of one kind and direction into one line, so
// four partnership documents between two states read as one partnership.
// The line takes the look of its firmest member (in force and confirmed
// first) and the highest opacity; members lists every relation id in it.
func bundle(ties []FrameTie) ([]FrameTie, [][]string) {
	type key struct {
		kind  graphmodel.Kind
		from  string
		ghost bool
	}
	firm := func(t FrameTie) int {
		v := 0
		if t.Status == graphmodel.InForce {
			v += 4
		} else if t.Status == graphmodel.Signed {
			v += 2
		}
		if t.Certainty == graphmodel.Confirmed || t.Certainty == "" {
			v++
		}
		return v
	}
	var out []FrameTie
	var members [][]string
	at := map[key]int{}
	for _, t := range ties {
		k := key{kind: t.Kind, ghost: t.Ghost}
		if t.Directed {
			k.from = t.Actors[0]
		}
		i, ok := at[k]
		if !ok {
			at[k] = len(out)
			out = append(out, t)
			members = append(members, []string{t.ID})
			continue
		}
		members[i] = append(members[i], t.ID)
		best := out[i]
		op := math.Max(best.Opacity, t.Opacity)
		if firm(t) > firm(best) {
			best = t
		}
		best.Opacity = op
		out[i] = best
	}
	return out, members
}

// MaxPairLines is the most lines drawn between one pair. A pair with more
// kinds of tie shows its most telling kinds (see importance) and one
// combined line for the rest, which hover and tap list in full: five
// parallel lines between Russia and China read as noise on a projector.
const MaxPairLines = 3

// combinedOpacity fades a crowded pair's combined line: it says "more
// here", not what.
const combinedOpacity = 0.55

// combined is the look of a crowded pair's combined line.
func (th *Theme) combined() Style { return Style{Color: th.MutedText, Width: 1.6} }

// importance orders kinds for a crowded pair, most telling first: what a
// class must see between two states before anything else.
func importance(k graphmodel.Kind) int {
	switch k {
	case graphmodel.War:
		return 0
	case graphmodel.Alliance:
		return 1
	case graphmodel.Hostility:
		return 2
	case graphmodel.Occupation:
		return 3
	case graphmodel.Partnership:
		return 4
	case graphmodel.Sanctions:
		return 5
	case graphmodel.Arms:
		return 6
	case graphmodel.Backing:
		return 7
	case graphmodel.Armistice:
		return 8
	case graphmodel.Normalisation:
		return 9
	case graphmodel.Tension:
		return 10
	case graphmodel.Exercise:
		return 11
	case graphmodel.Talks:
		return 12
	}
	return 13
}

// crowd keeps a pair's bundles as they are when they fit in MaxPairLines;
// otherwise it keeps the MaxPairLines-1 most telling and folds the rest
// into one line standing for them all, whose more counts them. Ghosts
// (ties that just ended) are kept apart: an event shows what it ends.
func crowd(ties []FrameTie, members [][]string) ([]FrameTie, [][]string, []int) {
	more := make([]int, len(ties))
	live := 0
	for _, t := range ties {
		if !t.Ghost {
			live++
		}
	}
	if live <= MaxPairLines {
		return ties, members, more
	}
	order := make([]int, len(ties))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		x, y := ties[order[i]], ties[order[j]]
		if x.Ghost != y.Ghost {
			return y.Ghost
		}
		return importance(x.Kind) < importance(y.Kind)
	})
	var outT []FrameTie
	var outM [][]string
	var outMore []int
	folded := -1
	for n, i := range order {
		t := ties[i]
		if t.Ghost || n < MaxPairLines-1 {
			outT, outM, outMore = append(outT, t), append(outM, members[i]), append(outMore, 0)
			continue
		}
		if folded < 0 {
			folded = len(outT)
			outT, outM, outMore = append(outT, t), append(outM, append([]string(nil), members[i]...)), append(outMore, 1)
			continue
		}
		outM[folded] = append(outM[folded], members[i]...)
		outMore[folded]++
		outT[folded].Opacity = math.Max(outT[folded].Opacity, t.Opacity)
	}
	return outT, outM, outMore
}
