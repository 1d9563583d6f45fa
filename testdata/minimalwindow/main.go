// Command minimalwindow is the reference for Echoes' start-up and memory
// targets (issue 7): the smallest Fyne app that opens a window, one label
// in a window of the size Echoes opens at. .ci/perf builds it and measures
// it from outside beside Echoes, in the same run.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("io.github.echoes-viz.minimal")
	w := a.NewWindow("Minimal")
	w.SetContent(widget.NewLabel("Echoes"))
	// The size Echoes opens at (gui.NewWindow) when nothing is remembered.
	w.Resize(fyne.NewSize(1200, 800))
	w.ShowAndRun()
}
