package gui

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"testing"
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
	} {
		job, err := w.exportJob(req)
		if err != nil {
			t.Fatalf("%s: %v", req.Path, err)
		}
		if err := job(); err != nil {
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
			err = job()
		}
		if b, _ := os.ReadFile(req.Path); err == nil || string(b) != "old" {
			t.Errorf("%s %s %dx%d: a refused export changed the file", req.What, filepath.Base(req.Path), req.Width, req.Height)
		}
	}
	if w.Viewer.Day() != day {
		t.Error("a refused export changed the window")
	}
}
