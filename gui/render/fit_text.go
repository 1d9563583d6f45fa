package render

// FitSize is size, made smaller when s at size would be wider than width:
// for a line that must be whole (a credit, a summary) on a small picture.
func (f *Fonts) FitSize(s string, size float64, bold bool, width float64) float64 {
	if w := f.Width(s, size, bold); w > width && w > 0 {
		return size * width / w * 0.98
	}
	return size
}

// Shorten is s cut to fit width at size, with an ellipsis where it was
// cut: for a heading whose whole text is also said elsewhere (a title is
// in the caption and the story panel).
func (f *Fonts) Shorten(s string, size float64, bold bool, width float64) string {
	if f.Width(s, size, bold) <= width {
		return s
	}
	r := []rune(s)
	for n := len(r) - 1; n > 0; n-- {
		if t := string(r[:n]) + "\u2026"; f.Width(t, size, bold) <= width {
			return t
		}
	}
	return ""
}
