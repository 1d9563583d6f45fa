package render

// The drawing order of a plan's lines: thin and faint kinds first so strong
// ties sit on top, one look together so the raster batches it.

import (
	"cmp"
	"slices"

	"github.com/echoes-viz/echoes/graphmodel"
)

// lineLook is what orders the lines of a plan: ghosts last, then thin
// before thick, then by kind, then by look.
type lineLook struct {
	ghost bool
	width float64
	kind  graphmodel.Kind
	look  int
}

func (x lineLook) compare(y lineLook) int {
	if x.ghost != y.ghost {
		if y.ghost {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(x.width, y.width); c != 0 {
		return c
	}
	if c := cmp.Compare(x.kind, y.kind); c != 0 {
		return c
	}
	return cmp.Compare(x.look, y.look)
}

// sortByLook orders lines by their lineLook, keeping the order of equal
// ones. There are few looks and up to millions of lines, so it counts
// each look's lines and moves every line once, in place.
func sortByLook(lines []planLine) {
	styles := kindStyles(false) // every theme scales widths alike
	lookOf := func(l *planLine) lineLook {
		return lineLook{l.ghost, styles[l.kind].Width, l.kind, l.look}
	}
	rank := map[lineLook]int{}
	keys := make([]int, len(lines))
	for i := range lines {
		k := lookOf(&lines[i])
		r, ok := rank[k]
		if !ok {
			r = len(rank)
			rank[k] = r
		}
		keys[i] = r
	}
	looks := make([]lineLook, len(rank))
	for k, r := range rank {
		looks[r] = k
	}
	order := make([]int, len(looks)) // ranks in drawing order
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return looks[a].compare(looks[b]) })
	start := make([]int, len(looks)) // first place of each rank's lines
	count := make([]int, len(looks))
	for _, r := range keys {
		count[r]++
	}
	at := 0
	for _, r := range order {
		start[r] = at
		at += count[r]
	}
	// from[j] is the line that goes to place j; then follow each cycle.
	from := make([]int32, len(lines))
	for i, r := range keys {
		from[start[r]] = int32(i)
		start[r]++
	}
	done := make([]bool, len(lines))
	for i := range lines {
		if done[i] || int(from[i]) == i {
			continue
		}
		tmp := lines[i]
		j := i
		for {
			done[j] = true
			k := int(from[j])
			if k == i {
				lines[j] = tmp
				break
			}
			lines[j] = lines[k]
			j = k
		}
	}
}

// look ranks what changes a line's opacity, so equal looks sit together.
func look(t *FrameTie) int {
	v := 0
	if t.Status != graphmodel.InForce {
		v += 2
	}
	if t.Certainty != graphmodel.Confirmed && t.Certainty != "" {
		v++
	}
	return v
}
