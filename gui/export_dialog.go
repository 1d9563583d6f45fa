package gui

import (
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
	exportPicture = "Picture of this date"
	exportCompare = "The comparison date beside this date"
	exportAnimate = "Animation of the whole timeline (GIF)"
)

// ExportRequest is one export the dialog asks for.
type ExportRequest struct {
	Path          string
	What          string // exportPicture, exportCompare or exportAnimate
	Width, Height int
	Theme         string
	Legend        bool
	Caption       bool
	Transparent   bool
}

// exportJob writes req's file from what the window shows; it returns the
// work to run off the UI goroutine, having copied what it needs.
func (w *Window) exportJob(req ExportRequest) (func() error, error) {
	th, ok := render.ThemeNamed(req.Theme)
	if !ok {
		return nil, fmt.Errorf("unknown theme %q", req.Theme)
	}
	if err := export.CheckSize(req.Width, req.Height); err != nil {
		return nil, err
	}
	ext := strings.ToLower(filepath.Ext(req.Path))
	if ext != ".png" && ext != ".svg" && ext != ".gif" {
		return nil, fmt.Errorf("%s: end the file name with .png, .svg or .gif", req.Path)
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
	case exportAnimate:
		if ext != ".gif" {
			return nil, fmt.Errorf("%s: an animation is saved as .gif", req.Path)
		}
		what.Animate, what.From, what.To = true, ds.First(), ds.Last()
	}
	return func() error { return export.File(req.Path, ds, what, o) }, nil
}

// showExport opens the export dialog (Ctrl+E).
func (w *Window) showExport() {
	dir := defaultDir()
	name := fmt.Sprintf("echoes-%s.png", w.Viewer.Day())
	path := widget.NewEntry()
	path.SetText(filepath.Join(dir, name))
	browse := widget.NewButton("Folder…", func() {
		dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				path.SetText(filepath.Join(u.Path(), filepath.Base(path.Text)))
			}
		}, w.Win)
	})
	what := widget.NewSelect([]string{exportPicture, exportCompare, exportAnimate}, nil)
	what.SetSelected(exportPicture)
	format := widget.NewSelect([]string{"PNG", "SVG", "GIF"}, func(f string) {
		ext := "." + strings.ToLower(f)
		path.SetText(strings.TrimSuffix(path.Text, filepath.Ext(path.Text)) + ext)
	})
	format.SetSelected("PNG")
	what.OnChanged = func(s string) {
		if s == exportAnimate {
			format.SetSelected("GIF")
		}
	}
	width, height := widget.NewEntry(), widget.NewEntry()
	width.SetText("1920")
	height.SetText("1080")
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
		w.runExport(ExportRequest{Path: path.Text, What: what.Selected, Width: wv, Height: hv, Theme: themeSel.Selected,
			Legend: legend.Checked, Caption: caption.Checked, Transparent: transparent.Checked})
	}, w.Win)
	d.Resize(fyne.NewSize(620, 420))
	d.Show()
}

// runExport writes the file in the background; the window stays as it was
// whatever happens, and a failure says why.
func (w *Window) runExport(req ExportRequest) {
	job, err := w.exportJob(req)
	if err != nil {
		dialog.ShowError(err, w.Win)
		return
	}
	prog := dialog.NewCustomWithoutButtons("Exporting", widget.NewProgressBarInfinite(), w.Win)
	prog.Show()
	go func() {
		err := job()
		w.loop.post(func() {
			prog.Hide()
			if err != nil {
				dialog.ShowError(err, w.Win)
				return
			}
			w.status("Saved " + req.Path)
		})
	}()
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
