package gui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/gui/export"
	"github.com/echoes-viz/echoes/gui/lang"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

// Export choices offered by the dialog.
const (
	exportPicture   = "Picture of this date"
	exportCompare   = "The comparison date beside this date"
	exportFilmstrip = "Filmstrip of the story's chapters"
	exportAnimate   = "Animation of the whole timeline"
)

// exportFormats are the formats the dialog offers, as the command line
// writes them: a still as PNG, SVG, PDF or GIF, the timeline as GIF, MP4
// or WebM.
var exportFormats = []string{"PNG", "SVG", "PDF", "GIF", "MP4", "WebM"}

// The preferences the dialog remembers.
const (
	prefExportDir    = "exportDir"
	prefExportWidth  = "exportWidth"
	prefExportHeight = "exportHeight"
)

// ExportRequest is one export the dialog asks for.
type ExportRequest struct {
	Path          string
	What          string // exportPicture, exportCompare, exportFilmstrip or exportAnimate
	Width, Height int
	Theme         string
	Legend        bool
	Caption       bool
	Transparent   bool
}

// exportJob writes req's file from what the window shows; it returns the
// work to run off the UI goroutine, having copied what it needs. The work
// takes a Run: its context cancels it (leaving no file), and it reports
// progress.
func (w *Window) exportJob(req ExportRequest) (func(export.Run) error, error) {
	th, ok := render.ThemeNamed(req.Theme)
	if !ok {
		return nil, fmt.Errorf("unknown theme %q", req.Theme)
	}
	if err := export.CheckSize(req.Width, req.Height); err != nil {
		return nil, err
	}
	if err := export.CheckPath(req.Path, req.What == exportAnimate); err != nil {
		return nil, err
	}
	if export.IsVideo(filepath.Ext(req.Path)) {
		if _, err := export.FFmpeg(); err != nil {
			return nil, err
		}
	}
	ds := w.Viewer.Dataset()
	o := picture.Options{Width: req.Width, Height: req.Height, Theme: th, Legend: req.Legend,
		Caption: req.Caption, NoCredit: !req.Caption, Transparent: req.Transparent, Lang: lang.Current()}
	what := export.What{At: w.Viewer.Day()}
	switch req.What {
	case exportPicture:
		// The screen's own positions, pins and view, so the file is the
		// screen's picture at another size.
		f := w.Viewer.Frame()
		o.Positions, o.Pinned = f.Positions, f.Pinned
		o.Zoom, o.PanX, o.PanY = w.Network.zoom, w.Network.panX, w.Network.panY
	case exportCompare:
		what.Compare, what.At, what.Other = true, w.Viewer.Dataset().CompareDay(), w.Viewer.Day()
	case exportFilmstrip:
		what.Filmstrip = picture.FilmstripEvents(ds)
	case exportAnimate:
		what.Animate, what.From, what.To = true, ds.First(), ds.Last()
	}
	return func(run export.Run) error { return export.Write(req.Path, ds, what, o, run) }, nil
}

// exportName is the file name the dialog offers: the date shown, the two
// dates compared, or the range of the timeline.
func (w *Window) exportName(what, format string) string {
	ds := w.Viewer.Dataset()
	var name string
	switch what {
	case exportCompare:
		name = fmt.Sprintf("echoes-%s-%s", ds.CompareDay(), w.Viewer.Day())
	case exportFilmstrip:
		name = fmt.Sprintf("echoes-filmstrip-%d-%d", ds.First().Year(), ds.Last().Year())
	case exportAnimate:
		name = fmt.Sprintf("echoes-%d-%d", ds.First().Year(), ds.Last().Year())
	default:
		name = fmt.Sprintf("echoes-%s", w.Viewer.Day())
	}
	return name + "." + strings.ToLower(format)
}

// showExport opens the export dialog (Ctrl+E). It offers the last
// folder and size used, and a name after what is shown.
func (w *Window) showExport() {
	prefs := w.app.Preferences()
	dir := prefs.StringWithFallback(prefExportDir, defaultDir())
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		dir = defaultDir()
	}
	path := widget.NewEntry()
	what := widget.NewSelect([]string{exportPicture, exportCompare, exportFilmstrip, exportAnimate}, nil)
	format := widget.NewSelect(exportFormats, nil)
	rename := func() {
		path.SetText(filepath.Join(filepath.Dir(path.Text), w.exportName(what.Selected, format.Selected)))
	}
	path.SetText(filepath.Join(dir, "x"))
	what.SetSelected(exportPicture)
	format.SetSelected("PNG")
	rename()
	format.OnChanged = func(string) { rename() }
	what.OnChanged = func(s string) {
		video := format.Selected == "MP4" || format.Selected == "WebM"
		switch {
		case s == exportAnimate && !video && format.Selected != "GIF":
			format.SetSelected("MP4")
		case s != exportAnimate && video:
			format.SetSelected("PNG")
		}
		rename()
	}
	browse := widget.NewButton("Folder…", func() {
		dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				path.SetText(filepath.Join(u.Path(), filepath.Base(path.Text)))
			}
		}, w.Win)
	})
	width, height := widget.NewEntry(), widget.NewEntry()
	width.SetText(strconv.Itoa(prefs.IntWithFallback(prefExportWidth, 1920)))
	height.SetText(strconv.Itoa(prefs.IntWithFallback(prefExportHeight, 1080)))
	themeSel := widget.NewSelect([]string{"light", "dark", "projector"}, nil)
	themeSel.SetSelected(w.renderTheme().Name)
	legend := widget.NewCheck("Legend", nil)
	legend.SetChecked(w.Network.Legend)
	caption := widget.NewCheck("Caption", nil)
	caption.SetChecked(true)
	transparent := widget.NewCheck("Transparent background", nil)
	items := []*widget.FormItem{
		widget.NewFormItem("What", what),
		widget.NewFormItem("Format", format),
		widget.NewFormItem("Size (px)", container.NewGridWithColumns(2, width, height)),
		widget.NewFormItem("Theme", themeSel),
		widget.NewFormItem("Include", container.NewHBox(legend, caption, transparent)),
		widget.NewFormItem("File", container.NewBorder(nil, nil, nil, browse, path)),
	}
	d := dialog.NewForm("Export", "Export", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		wv, errW := strconv.Atoi(strings.TrimSpace(width.Text))
		hv, errH := strconv.Atoi(strings.TrimSpace(height.Text))
		if errW != nil || errH != nil {
			dialog.ShowError(fmt.Errorf("size: write whole pixels, e.g. 1920 and 1080"), w.Win)
			return
		}
		req := ExportRequest{Path: path.Text, What: what.Selected, Width: wv, Height: hv, Theme: themeSel.Selected,
			Legend: legend.Checked, Caption: caption.Checked, Transparent: transparent.Checked}
		if w.runExport(req) {
			prefs.SetString(prefExportDir, filepath.Dir(req.Path))
			prefs.SetInt(prefExportWidth, wv)
			prefs.SetInt(prefExportHeight, hv)
		}
	}, w.Win)
	d.Resize(fyne.NewSize(620, 420))
	d.Show()
}

// exportProgress is the dialog an export runs under: a bar that follows
// the frames done and a button that cancels.
type exportProgress struct {
	dlg    dialog.Dialog
	bar    *widget.ProgressBar
	cancel context.CancelFunc
}

// runExport writes the file in the background under a progress dialog
// whose Cancel stops it and leaves no file; the window stays as it was
// whatever happens, and a failure says why. It reports whether the export
// started.
func (w *Window) runExport(req ExportRequest) bool {
	job, err := w.exportJob(req)
	if err != nil {
		dialog.ShowError(err, w.Win)
		return false
	}
	ctx, cancel := context.WithCancel(context.Background())
	p := &exportProgress{bar: widget.NewProgressBar(), cancel: cancel}
	label := widget.NewLabel("Exporting " + filepath.Base(req.Path))
	p.dlg = dialog.NewCustom("Exporting", "Cancel", container.NewVBox(label, p.bar), w.Win)
	p.dlg.SetOnClosed(cancel)
	p.dlg.Show()
	run := export.Run{Ctx: ctx, Progress: func(done, total int) {
		w.loop.post(func() { p.bar.SetValue(float64(done) / float64(max(1, total))) })
	}}
	go func() {
		err := job(run)
		w.loop.post(func() {
			p.dlg.Hide()
			cancel()
			switch {
			case ctx.Err() != nil && err != nil:
				w.status("Export cancelled; nothing written")
			case err != nil:
				dialog.ShowError(err, w.Win)
			default:
				w.status("Saved " + req.Path)
			}
		})
	}()
	return true
}

// defaultDir is where files are offered to go: ~/Pictures when it exists,
// else the working folder.
func defaultDir() string {
	home, _ := os.UserHomeDir()
	dir := filepath.Join(home, "Pictures")
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		dir, _ = os.Getwd()
	}
	return dir
}
