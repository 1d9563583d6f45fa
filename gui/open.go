package gui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/formats"
)

// SetDataset shows ds in place of what is open: a new viewer, timeline
// marks and story, with the view reset. name goes in the title bar.
func (w *Window) SetDataset(ds *graphmodel.Dataset, name string) {
	w.Viewer.Close()
	w.Viewer = newViewer(ds, ds.First(), w.fonts, w.loop)
	w.Viewer.OnChange(w.update)
	w.Network.viewer = w.Viewer
	w.Network.Select(nil)
	w.Network.ResetView()
	w.Network.cmpKey = ""
	w.Network.CompareDay = ds.CompareDay()
	w.Timeline.First, w.Timeline.Last, w.Timeline.Value = ds.First(), ds.Last(), ds.First()
	w.Timeline.Events = w.Timeline.Events[:0]
	for _, e := range ds.Events {
		w.Timeline.Events = append(w.Timeline.Events, e.Day())
	}
	w.Timeline.Refresh()
	// A dataset without dates has nothing to slide through.
	if ds.Undated() {
		w.bottom.Hide()
	} else if !w.presenting {
		w.bottom.Show()
	}
	w.story.events = ds.Events
	w.story.current = -1
	w.story.list.Refresh()
	w.details.clear()
	w.details.show(w.Viewer.Snapshot())
	w.title = "Echoes (" + name + ")"
	w.update()
}

// openFile reads path off the UI goroutine; the open dataset stays on
// screen, untouched, unless the new one loads without a problem.
func (w *Window) openFile(path string) {
	prog := dialog.NewCustomWithoutButtons("Opening "+filepath.Base(path), widget.NewProgressBarInfinite(), w.Win)
	prog.Show()
	go func() {
		ds, warns, err := formats.ReadWithWarnings(path)
		w.loop.post(func() {
			prog.Hide()
			w.openedWith(path, ds, warns, err)
		})
	}()
}

// opened shows a freshly read dataset, or the problems that kept it out.
func (w *Window) opened(path string, ds *graphmodel.Dataset, err error) {
	w.openedWith(path, ds, nil, err)
}

// openedWith is opened with what the reader left out or changed: the
// dataset opens, and a dialog lists the warnings, so nothing is dropped
// without a word.
func (w *Window) openedWith(path string, ds *graphmodel.Dataset, warns []graphmodel.Problem, err error) {
	if err != nil {
		w.showProblems(path, err)
		return
	}
	w.SetDataset(localised(ds), filepath.Base(path))
	if len(warns) == 0 {
		w.lastWarnings = w.lastWarnings[:0]
		w.status("Opened " + path)
		return
	}
	w.ShowReadWarnings(path, warns)
}

// ShowReadWarnings lists in a dialog, and keeps for the status line, what
// reading the open dataset's file at path left out or changed; with no
// warnings it does nothing. The window calls it for a file opened in it,
// the command line for the file it started with.
func (w *Window) ShowReadWarnings(path string, warns []graphmodel.Problem) {
	if len(warns) == 0 {
		return
	}
	w.lastWarnings = w.lastWarnings[:0]
	for _, p := range warns {
		w.lastWarnings = append(w.lastWarnings, p.Error())
	}
	w.status(fmt.Sprintf("Opened %s (%d warnings)", path, len(warns)))
	what := fmt.Sprintf("what these %d lines say", len(warns))
	if len(warns) == 1 {
		what = "what this line says"
	}
	w.listDialog("Opened "+filepath.Base(path)+" with warnings",
		fmt.Sprintf("%s is open. The reader left out or changed %s; the file itself is unchanged.", filepath.Base(path), what),
		w.lastWarnings)
}

// showProblems lists every problem of a file that failed to open.
func (w *Window) showProblems(path string, err error) {
	var ps graphmodel.Problems
	lines := []string{err.Error()}
	if errors.As(err, &ps) {
		lines = lines[:0]
		for _, p := range ps {
			lines = append(lines, p.Error())
		}
	}
	w.listDialog("Problems in "+filepath.Base(path),
		fmt.Sprintf("%s could not be opened (%d problems). The dataset on screen is unchanged.", filepath.Base(path), len(lines)), lines)
	w.lastProblems = lines
}

// listDialog shows a heading and a scrolling, selectable list of lines.
func (w *Window) listDialog(title, heading string, lines []string) {
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(640, 260))
	head := widget.NewLabel(heading)
	head.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "Close", container.NewBorder(head, nil, nil, nil, scroll), w.Win)
	d.Resize(fyne.NewSize(720, 420))
	d.Show()
}

// showOpen asks for a file to open (Ctrl+O).
func (w *Window) showOpen() { w.askOpen(formats.ReadFormats(), w.openFile) }

// askOpen shows the file chooser for files ending in exts and hands the
// chosen path to open.
func (w *Window) askOpen(exts []string, open func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		open(path)
	}, w.Win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// showSave writes the open dataset in a data format (Ctrl+S), atomically.
func (w *Window) showSave() {
	path := widget.NewEntry()
	path.SetText(filepath.Join(defaultDir(), "echoes-data.gexf"))
	format := widget.NewSelect(formats.WriteFormats(), func(ext string) {
		path.SetText(strings.TrimSuffix(path.Text, filepath.Ext(path.Text)) + ext)
	})
	format.SetSelected(".gexf")
	items := []*widget.FormItem{
		widget.NewFormItem("Format", format),
		widget.NewFormItem("File", path),
	}
	dialog.ShowForm("Save data", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		ds := w.Viewer.Dataset().Original() // the names as written, translations beside them
		p := path.Text
		go func() {
			err := formats.Write(p, ds)
			w.loop.post(func() {
				if err != nil {
					dialog.ShowError(err, w.Win)
					return
				}
				w.status("Saved " + p)
			})
		}()
	}, w.Win)
}

// dropped opens the first file dropped on the window.
func (w *Window) dropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) > 0 {
		w.openFile(uris[0].Path())
	}
}
