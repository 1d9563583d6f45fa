package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDataWarningsAtStartUnderXvfb starts the window on a CSV with a
// self-loop: what the reader left out is said on stderr, as validate says
// it, and in a dialog over the picture, as when a file is opened in the
// window; a user who started Echoes from a desktop icon sees no stderr.
func TestDataWarningsAtStartUnderXvfb(t *testing.T) {
	disp := xvfbScreen(t, "1280x720x24")
	data := filepath.Join(t.TempDir(), "loops.csv")
	os.WriteFile(data, []byte("id,source,target,kind\nl1,a,b,alliance\nl2,b,c,alliance\nl3,c,c,alliance\n"), 0o644)
	x := startApp(t, disp, "--data", data)
	want := data + ":4:1: warning: self-loop left out"
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(x.stderr.String(), want) && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(x.stderr.String(), want) {
		t.Errorf("stderr has no %q:\n%s", want, x.stderr)
	}
	// The dialog is a white panel in the middle of the window, where the
	// network's grey canvas is otherwise.
	x.run("xdotool", "windowmove", x.wid, "0", "0")
	img := decodePNG(t, x.stableShot(t, "warnings", 0, 30*time.Second))
	white, all := 0, 0
	for y := 300; y < 450; y++ {
		for px := 300; px < 900; px++ {
			r, g, b, _ := img.At(px, y).RGBA()
			if r>>8 == 255 && g>>8 == 255 && b>>8 == 255 {
				white++
			}
			all++
		}
	}
	if white*10 < all*9 {
		t.Errorf("%d of %d pixels white in the middle of the window: no warnings dialog", white, all)
	}
}
