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
	keep := filepath.Join(dir, "keep.png")
	os.WriteFile(keep, []byte("old"), 0o644)
	if _, err := w.exportJob(ExportRequest{Path: keep, What: exportAnimate, Width: 640, Height: 360, Theme: "light"}); err == nil {
		t.Error("an animation to .png was accepted")
	}
	if _, err := w.exportJob(ExportRequest{Path: filepath.Join(dir, "x.bmp"), What: exportPicture, Width: 640, Height: 360, Theme: "light"}); err == nil {
		t.Error("a .bmp file was accepted")
	}
	if _, err := w.exportJob(ExportRequest{Path: filepath.Join(dir, "x.png"), What: exportPicture, Width: 9000, Height: 360, Theme: "light"}); err == nil {
		t.Error("a 9000-pixel width was accepted")
	}
	if b, _ := os.ReadFile(keep); string(b) != "old" || w.Viewer.Day() != day {
		t.Error("a refused export changed the file or the window")
	}
}
