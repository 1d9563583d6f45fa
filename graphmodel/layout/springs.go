package layout

import (
	"math"

	"github.com/echoes-viz/echoes/graphmodel"
)

// Layout units: tied actors sit roughly 100 apart.
const (
	// degreeUnits is how many layout units one degree of longitude or
	// latitude near the map's centre becomes.
	degreeUnits = 10
	// mapLon, mapLat is the centre of the map: the layout is Pacific-centred
	// on Northeast Asia, so the United States lies east (right) of Japan.
	mapLon, mapLat = 130.0, 40.0
	// farUnits is where the map starts to compress distances from its
	// centre, so a far anchor such as Washington pulls
	// its actor to the right edge rather than off the picture.
	farUnits = 300.0
)

// project maps an Actor.Anchor (longitude, latitude) to layout space:
// longitude to the right, latitude up (y = -lat), centred on (mapLon,
// mapLat) with longitudes wrapped into ±180° of it, distances beyond farUnits
// compressed (as a square root). Directions from the centre are kept, so Japan stays right of
// Korea and Russia on top.
func project(anchor [2]float64) [2]float64 {
	dlon := math.Mod(anchor[0]-mapLon+540, 360) - 180
	x := dlon * degreeUnits
	y := -(anchor[1] - mapLat) * degreeUnits
	r := math.Sqrt(float64(x*x) + float64(y*y))
	if r <= 0 {
		return [2]float64{0, 0}
	}
	// r' = 2F(√(1+r/F) - 1) is r near the centre and grows as √r far out;
	// only √, which is exact on every platform.
	s := 2 * farUnits * (math.Sqrt(1+r/farUnits) - 1) / r
	return [2]float64{float64(x * s), float64(y * s)}
}

// spring is the rest length and strength a relation kind asks of a link.
// Allies sit close and hold firm; hostile kinds ask for a long, weak link,
// which pushes enemies apart as much as it keeps them in the picture.
func spring(k graphmodel.Kind) (distance, strength float64) {
	switch k {
	case graphmodel.Alliance:
		return 70, 1
	case graphmodel.Partnership:
		return 95, 0.7
	case graphmodel.Normalisation:
		return 110, 0.5
	case graphmodel.Summit, graphmodel.Exercise, graphmodel.Arms:
		return 105, 0.5
	case graphmodel.Talks, graphmodel.Backing:
		return 115, 0.4
	}
	if k.Hostile() {
		if k == graphmodel.War || k == graphmodel.Hostility {
			return 260, 0.3
		}
		return 220, 0.2
	}
	return 120, 0.3
}

// edgeSpring combines the ties of an edge: the rest length is the
// strength-weighted mean of the ties' lengths, the strength the largest.
// Ties only signed or only remembered (a past summit) count half.
func edgeSpring(e *graphmodel.Edge) (distance, strength float64) {
	var sum, weight float64
	for _, t := range e.Ties {
		d, s := spring(t.Kind)
		if t.Status != graphmodel.InForce {
			s /= 2
		}
		sum += float64(d * s)
		weight += s
		strength = max(strength, s)
	}
	if weight == 0 {
		return 120, 0
	}
	return sum / weight, strength
}
