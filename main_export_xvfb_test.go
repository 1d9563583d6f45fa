package main

import (
	"image"
	"image/color"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestExportProgressUnderXvfb exports the timeline from the real window:
// Ctrl+E, the animation, a file in a temporary folder, Export; the
// progress dialog's bar must advance, and its Cancel must leave no file
// (nor ffmpeg's temporary one). The dialog's places are those of the
// 1280x800 window at the screen's corner.
func TestExportProgressUnderXvfb(t *testing.T) {
	disp := xvfb(t)
	needTools(t, "ffmpeg")
	x := startApp(t, disp, "--at", "2024")
	x.run("xdotool", "windowsize", x.wid, "1280", "800")
	x.run("xdotool", "windowmove", x.wid, "0", "0")
	x.run("xdotool", "windowfocus", "--sync", x.wid)
	time.Sleep(time.Second)
	x.run("xdotool", "key", "--window", x.wid, "ctrl+e")
	time.Sleep(1500 * time.Millisecond)
	click := func(px, py string) {
		x.run("xdotool", "mousemove", px, py, "click", "1")
		time.Sleep(800 * time.Millisecond)
	}
	click("677", "262") // What
	click("540", "413") // Animation of the whole timeline (MP4 by default)
	dir := t.TempDir()
	click("640", "457") // File
	x.run("xdotool", "key", "ctrl+a")
	x.run("xdotool", "type", "--delay", "5", filepath.Join(dir, "timeline.mp4"))
	time.Sleep(500 * time.Millisecond)
	click("685", "571") // Export

	// The bar's filled part, in Fyne's primary colour.
	fill := color.NRGBA{41, 111, 246, 255}
	bar := image.Rect(522, 400, 758, 434)
	filled := func(name string) int {
		img := x.shot(name)
		sub, ok := img.(interface {
			SubImage(image.Rectangle) image.Image
		})
		if !ok {
			t.Fatal("screenshot cannot be cropped")
		}
		return near(sub.SubImage(bar), fill, 10)
	}
	var seen []int
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		n := filled("export-progress")
		if len(seen) == 0 || n > seen[len(seen)-1] {
			seen = append(seen, n)
		}
		if len(seen) >= 3 && seen[len(seen)-1] > seen[0] {
			break
		}
		time.Sleep(time.Second)
	}
	if len(seen) < 3 {
		t.Fatalf("the progress bar's fill went %v pixels; want it to advance", seen)
	}
	t.Logf("bar fill over time: %v pixels", seen)
	if entries, _ := os.ReadDir(dir); len(entries) == 0 {
		t.Error("nothing is being written while the bar advances")
	}
	click("640", "456") // Cancel
	time.Sleep(3 * time.Second)
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a cancelled export left %v", entries)
	}
	if out := x.stderr.String(); appTrouble(out) {
		t.Errorf("app logged errors:\n%s", out)
	}
}
