package layout

// The Z-order (Morton) keys of the quadtree's points.

// quantize maps v to [0, top]; NaN goes to 0.
func quantize(v float64, top uint32) uint32 {
	if !(v > 0) {
		return 0
	}
	if v >= float64(top) {
		return top
	}
	return uint32(v)
}

// interleave puts x's bits at even and y's at odd positions.
func interleave(x, y uint32) uint32 { return spread(x) | spread(y)<<1 }

// spread inserts a zero bit above each of the low 16 bits of v.
func spread(v uint32) uint32 {
	v = (v | v<<8) & 0x00ff00ff
	v = (v | v<<4) & 0x0f0f0f0f
	v = (v | v<<2) & 0x33333333
	v = (v | v<<1) & 0x55555555
	return v
}
