package gui

import "fyne.io/fyne/v2"

// windowFrame is room left for a title bar and borders, which the screen's
// work area includes and a window's content size does not.
const windowFrame = 40

// FitScreen shrinks the window to a work area of w×h (Fyne units) when the
// remembered or default size would not fit it: on a 1280×720 projector the
// caption must show, not run off the bottom. A size that fits is kept.
func (w *Window) FitScreen(aw, ah float32) {
	s := w.size
	if s.Width <= aw && s.Height <= ah-windowFrame {
		return
	}
	w.size = fyne.NewSize(min(s.Width, aw), min(s.Height, ah-windowFrame))
	w.Win.Resize(w.size)
}
