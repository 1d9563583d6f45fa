package gui

import "time"

// Presenting reports whether presentation mode is on.
func (w *Window) Presenting() bool { return w.presenting }

// togglePresent switches presentation mode: fullscreen, the projector
// theme with the caption drawn large in the picture, and the controls
// hidden until the mouse moves.
func (w *Window) togglePresent() {
	w.presenting = !w.presenting
	w.Win.SetFullScreen(w.presenting)
	// The window's padding would shrink the picture by a few pixels and
	// make it another picture than the export of the screen's size.
	w.Win.SetPadded(!w.presenting)
	w.Network.Caption = w.presenting
	w.lessonPresentChanged()
	if w.controlsUp {
		w.showControls()
	}
	w.applyTheme()
	w.focusNetwork()
	w.update()
}

// reveal shows the hidden controls for a few seconds after the mouse moves.
func (w *Window) reveal() {
	if !w.presenting || !w.controlsUp {
		return
	}
	w.top.Show()
	w.below.Show()
	w.bottom.Show()
	w.hideSeq++
	seq := w.hideSeq
	w.after(3*time.Second, func() {
		// Only the latest move's timer hides them.
		if w.presenting && w.hideSeq == seq {
			w.top.Hide()
			w.bottom.Hide()
			w.below.Hide()
		}
	})
}

// Comparing reports whether compare mode is on.
func (w *Window) Comparing() bool { return w.Network.Compare }

func (w *Window) toggleCompare() {
	w.Network.Compare = !w.Network.Compare
	w.Network.Refresh()
	if w.Network.Compare {
		w.status("Compare: " + w.Network.CompareDay.Date().Human() + " (left) beside the date on show (right)")
	} else {
		w.status("")
	}
	w.update()
}
