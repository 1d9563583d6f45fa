package gui

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/gui/export"
)

// TestExportFromWindow writes each format the dialog offers from the
// window's own state and checks each file; a bad request leaves an
// existing file and the window as they were.
func TestExportFromWindow(t *testing.T) {
	w := newTestWindow(t, "2024")
	capture(w)
	dir := t.TempDir()
	day := w.Viewer.Day()
	for _, req := range []ExportRequest{
		{Path: filepath.Join(dir, "a.png"), What: exportPicture, Width: 1920, Height: 1080, Theme: "light", Legend: true, Caption: true},
		{Path: filepath.Join(dir, "a.svg"), What: exportPicture, Width: 1200, Height: 800, Theme: "dark", Legend: true},
		{Path: filepath.Join(dir, "c.png"), What: exportCompare, Width: 1600, Height: 900, Theme: "projector"},
		{Path: filepath.Join(dir, "a.pdf"), What: exportPicture, Width: 1200, Height: 800, Theme: "light", Legend: true, Caption: true},
		{Path: filepath.Join(dir, "f.pdf"), What: exportFilmstrip, Width: 1600, Height: 1000, Theme: "light", Legend: true, Caption: true},
	} {
		job, err := w.exportJob(req)
		if err != nil {
			t.Fatalf("%s: %v", req.Path, err)
		}
		if err := job(export.Run{}); err != nil {
			t.Fatalf("%s: %v", req.Path, err)
		}
		data, err := os.ReadFile(req.Path)
		if err != nil {
			t.Fatal(err)
		}
		switch filepath.Ext(req.Path) {
		case ".png":
			cfg, err := png.DecodeConfig(bytes.NewReader(data))
			if err != nil || cfg.Width != req.Width || cfg.Height != req.Height {
				t.Errorf("%s: %v %dx%d", req.Path, err, cfg.Width, cfg.Height)
			}
		case ".svg":
			if err := xml.Unmarshal(data, new(struct{})); err != nil {
				t.Errorf("%s does not parse: %v", req.Path, err)
			}
		case ".pdf":
			if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data, []byte("/FontFile2")) {
				t.Errorf("%s is not a PDF with its fonts", req.Path)
			}
		}
	}
	// Each refused export goes to a file that exists. A request the
	// dialog wrongly accepts is run, so that the file check below can see
	// what it did.
	for _, req := range []ExportRequest{
		{Path: filepath.Join(dir, "keep.png"), What: exportAnimate, Width: 640, Height: 360, Theme: "light"},
		{Path: filepath.Join(dir, "keep.bmp"), What: exportPicture, Width: 640, Height: 360, Theme: "light"},
		{Path: filepath.Join(dir, "keep.png"), What: exportPicture, Width: 9000, Height: 360, Theme: "light"},
	} {
		os.WriteFile(req.Path, []byte("old"), 0o644)
		job, err := w.exportJob(req)
		if err == nil {
			t.Errorf("%s %s %dx%d was accepted", req.What, filepath.Base(req.Path), req.Width, req.Height)
			err = job(export.Run{})
		}
		if b, _ := os.ReadFile(req.Path); err == nil || string(b) != "old" {
			t.Errorf("%s %s %dx%d: a refused export changed the file", req.What, filepath.Base(req.Path), req.Width, req.Height)
		}
	}
	if w.Viewer.Day() != day {
		t.Error("a refused export changed the window")
	}
}

// TestExportNames checks the file the dialog offers is named after the
// date, the two dates compared or the range, in the chosen format.
func TestExportNames(t *testing.T) {
	w := newTestWindow(t, "2024")
	ds := w.Viewer.Dataset()
	for _, tc := range []struct{ what, format, want string }{
		{exportPicture, "PNG", "echoes-" + w.Viewer.Day().String() + ".png"},
		{exportCompare, "PDF", "echoes-" + ds.CompareDay().String() + "-" + w.Viewer.Day().String() + ".pdf"},
		{exportFilmstrip, "SVG", "echoes-filmstrip-1945-2024.svg"},
		{exportAnimate, "MP4", "echoes-1945-2024.mp4"},
		{exportAnimate, "WebM", "echoes-1945-2024.webm"},
	} {
		if got := w.exportName(tc.what, tc.format); got != tc.want {
			t.Errorf("%s as %s: %q, want %q", tc.what, tc.format, got, tc.want)
		}
	}
}

// TestExportCancelFromWindow cancels a timeline export after a few frames
// and checks progress was heard and no file is left.
func TestExportCancelFromWindow(t *testing.T) {
	w := newTestWindow(t, "2024")
	path := filepath.Join(t.TempDir(), "t.gif")
	job, err := w.exportJob(ExportRequest{Path: path, What: exportAnimate, Width: 320, Height: 200, Theme: "light"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	last := 0
	err = job(export.Run{Ctx: ctx, Progress: func(done, total int) {
		if done <= last || total < 100 {
			t.Errorf("progress %d of %d after %d", done, total, last)
		}
		last = done
		if done == 5 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || last != 5 {
		t.Errorf("err %v after %d frames, want cancelled after 5", err, last)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a cancelled export left its file")
	}
}

// TestExportProgressInWindow runs a timeline export from the window as
// the dialog does: the progress dialog's bar advances, its Cancel stops
// the export, the status line says nothing was written, and no file is.
func TestExportProgressInWindow(t *testing.T) {
	w := newTestWindow(t, "2024")
	path := filepath.Join(t.TempDir(), "t.gif")
	if !w.runExport(ExportRequest{Path: path, What: exportAnimate, Width: 320, Height: 200, Theme: "light"}) {
		t.Fatal("the export did not start")
	}
	find := func() (*widget.ProgressBar, *widget.Button) {
		var bar *widget.ProgressBar
		var cancel *widget.Button
		top := w.Win.Canvas().Overlays().Top()
		if top == nil {
			return nil, nil
		}
		for _, o := range test.LaidOutObjects(top) {
			switch v := o.(type) {
			case *widget.ProgressBar:
				bar = v
			case *widget.Button:
				if v.Text == "Cancel" {
					cancel = v
				}
			}
		}
		return bar, cancel
	}
	var values []float64
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		drain(w)
		bar, cancel := find()
		if bar == nil || cancel == nil {
			t.Fatal("no progress bar with a Cancel button over the window")
		}
		if len(values) == 0 || bar.Value > values[len(values)-1] {
			values = append(values, bar.Value)
		}
		if len(values) >= 4 {
			test.Tap(cancel)
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(values) < 4 || values[len(values)-1] >= 1 {
		t.Fatalf("the bar went %v", values)
	}
	for time.Now().Before(deadline) && w.statusLine.Text != "Export cancelled; nothing written" {
		drain(w)
		time.Sleep(20 * time.Millisecond)
	}
	if w.statusLine.Text != "Export cancelled; nothing written" {
		t.Errorf("status %q after Cancel", w.statusLine.Text)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 0 {
		t.Errorf("a cancelled export left %v", entries)
	}
}
