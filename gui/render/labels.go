package render

import "math"

// Label placement: every actor's name goes where it covers no other name,
// no disc and no panel, trying the spots a cartographer would (below,
// above, right, left, then the diagonals) and, as a last resort, a spot
// further out joined to its disc by a short leader line. Actors are served
// best-connected first, so the names that matter most get the best spots.

// box is a rectangle: x0, y0, x1, y1 in pixels.
type box [4]float64

func (a box) overlaps(b box) bool {
	return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

// inside reports whether a lies within b.
func (a box) inside(b box) bool {
	return a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3]
}

// TextBox is the box a line of text covers, its ascent and descent
// included, given its width in pixels.
func TextBox(t Text, width float64) [4]float64 {
	x0 := t.X
	switch t.Align {
	case Center:
		x0 -= width / 2
	case Right:
		x0 -= width
	}
	return [4]float64{x0, t.Y - t.Size*0.95, x0 + width, t.Y + t.Size*0.28}
}

// labelSpots are where a label may go around its disc, in order of
// preference: a direction (dx, dy) in units of the disc's radius plus a
// gap, and whether the spot needs a leader line.
var labelSpots = [...]struct {
	dx, dy float64
	leader bool
}{
	{0, 1, false}, {0, -1, false}, {1, 0, false}, {-1, 0, false},
	{1, 1, false}, {-1, 1, false}, {1, -1, false}, {-1, -1, false},
	{0, 2.2, true}, {0, -2.2, true}, {2.2, 0, true}, {-2.2, 0, true},
	{1.8, 1.8, true}, {-1.8, 1.8, true}, {1.8, -1.8, true}, {-1.8, -1.8, true},
	{0, 3.6, true}, {0, -3.6, true}, {3.4, 0, true}, {-3.4, 0, true},
}

// placeLabel finds a spot for a label of width w and text size size by the
// disc at (cx, cy) of radius r: one that stays in bounds and overlaps none
// of taken. It returns the label's baseline centre, the box it covers,
// whether it needs a leader, and false when no spot is free.
func placeLabel(cx, cy, r, w, size float64, bounds box, taken func(box) bool) (x, y float64, bx box, leader, ok bool) {
	gap := size * 0.2
	asc, desc := size*0.95, size*0.28
	h := asc + desc
	for _, s := range labelSpots {
		// The label's box centre: beyond the rim in the spot's direction.
		bxc := cx + s.dx*(r+gap+w/2)
		byc := cy + s.dy*(r+gap+h/2)
		if s.dx != 0 && s.dy != 0 {
			// Diagonals: a corner of the box at the rim's diagonal point.
			k := (r + gap) / math.Sqrt2
			bxc = cx + s.dx*(k+w/2)
			byc = cy + s.dy*(k+h/2)
		}
		if s.leader {
			bxc = cx + s.dx*(r+w/2)
			byc = cy + s.dy*(r+h/2)
		}
		b := box{bxc - w/2, byc - h/2, bxc + w/2, byc + h/2}
		if !b.inside(bounds) || taken(b) {
			continue
		}
		return bxc, b[1] + asc, b, s.leader, true
	}
	return 0, 0, box{}, false, false
}
