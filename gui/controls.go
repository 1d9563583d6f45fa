package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// startHint is the one line that tells a new user the keys; the first key
// takes it away.
const startHint = "\u2190 \u2192 events \u00b7 P present"

// startContent is the window's content for the first frame: the network
// in split, with transparent room above and below where the controls go,
// so that the picture does not move when they join.
func startContent(split *container.Split) fyne.CanvasObject {
	gap := func(h float32) fyne.CanvasObject {
		r := canvas.NewRectangle(nil)
		r.SetMinSize(fyne.NewSize(0, h))
		return r
	}
	return container.NewBorder(gap(toolbarHeight), gap(controlsHeight), nil, nil, split)
}

// controlsJoin puts the toolbar, timeline, caption and side panel in the
// window and fills them.
func (w *Window) controlsJoin() {
	w.split.Trailing = w.side
	w.below = container.NewVBox(w.bottom, w.captionBox)
	// The lesson's notes strip sits under the picture, hidden (and
	// taking no room) until N shows it.
	w.Win.SetContent(container.NewBorder(w.top, w.below, nil, nil, container.NewBorder(nil, w.lesson.notes.box, nil, nil, w.split)))
	w.controlsUp = true
	w.showControls()
	w.update()
	w.details.show(w.Viewer.Snapshot())
	w.focusNetwork()
}

// showControls hides the controls in presentation mode and shows them
// otherwise.
func (w *Window) showControls() {
	// The box below goes too: a visible empty box still takes the
	// border's padding, and the picture would be 4 pixels short.
	for _, o := range []fyne.CanvasObject{w.split.Trailing, w.captionBox, w.top, w.bottom, w.below} {
		if w.presenting {
			o.Hide()
		} else {
			o.Show()
		}
	}
	if w.presenting {
		w.split.Offset = 1
	} else {
		w.split.Offset = 0.72
	}
	w.split.Refresh()
}
