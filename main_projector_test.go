package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestProjectorScreenMatchesExport opens the window on a 1280×720 screen,
// the most common classroom projector, with no remembered size or date:
// the window must fit the screen and open on the end of 1950. Then, for three dates, presentation mode
// (controls hidden, pointer parked) must show the picture `echoes export
// --theme projector --size 1280x720` writes for that date, in at least
// 99% of pixels within ImageMagick's fuzz of 10%.
func TestProjectorScreenMatchesExport(t *testing.T) {
	disp := xvfbScreen(t, "1280x720x24")
	needTools(t, "compare")
	// A first start: no date given, none remembered.
	first := startApp(t, disp)
	geo := first.run("xdotool", "getwindowgeometry", first.wid)
	if w, h := geometry(geo); w > 1280 || h > 720 || w == 0 {
		t.Errorf("on a 1280x720 screen the window opened at %dx%d:\n%s", w, h, geo)
	}
	if got := first.title(); !strings.Contains(got, "31 December 1950") {
		t.Errorf("a first start opened on %q, want the end of 1950", got)
	}
	first.stop()
	for _, date := range []string{"1950-10-19", "1961-07-11", "2024-12-31"} {
		x := startApp(t, disp, "--at", date)
		// The pointer parked where nothing is, before P: a move shows the
		// hidden controls for three seconds.
		x.run("xdotool", "mousemove", "1279", "719")
		x.run("xdotool", "windowfocus", "--sync", x.wid)
		x.key("p", 0)
		x.waitTitle(t, "[presentation]", 30*time.Second)
		shot := x.stableShot(t, "projector-"+date, 4*time.Second, 40*time.Second)
		want := filepath.Join(t.TempDir(), "export-"+date+".png")
		x.run(x.cmd.Path, "export", "--at", date, "--theme", "projector", "--size", "1280x720", "-o", want)
		if dir := os.Getenv("ECHOES_SHOTS"); dir != "" {
			b, _ := os.ReadFile(want)
			os.WriteFile(filepath.Join(dir, "export-"+date+".png"), b, 0o644)
		}
		cmd := exec.Command("compare", "-fuzz", "10%", "-metric", "AE", shot, want, "null:")
		var out bytes.Buffer
		cmd.Stderr = &out
		cmd.Run() // exits 1 when the images differ at all; the count says how much
		n, err := strconv.ParseFloat(strings.Fields(out.String() + " x")[0], 64)
		if err != nil {
			t.Fatalf("%s: compare said %q", date, out.String())
		}
		if share := n / (1280 * 720); share > 0.01 {
			t.Errorf("%s: %.2f%% of the presentation screen differs from the export of that date (limit 1%%)", date, share*100)
		}
		if out := x.stderr.String(); appTrouble(out) {
			t.Errorf("app logged errors:\n%s", out)
		}
		x.stop()
	}
}

// geometry reads the size from xdotool getwindowgeometry's output.
func geometry(s string) (w, h int) {
	i := strings.Index(s, "Geometry: ")
	if i < 0 {
		return 0, 0
	}
	parts := strings.SplitN(strings.Fields(s[i+len("Geometry: "):])[0], "x", 2)
	if len(parts) != 2 {
		return 0, 0
	}
	w, _ = strconv.Atoi(parts[0])
	h, _ = strconv.Atoi(parts[1])
	return w, h
}

// stableShot waits at least settle (the hidden controls' timer), then
// until two screenshots half a second apart are the same picture, so a
// glide or a settling layout has come to rest; it returns the last one's
// file. A picture that never rests within limit fails the test.
func (x *xapp) stableShot(t *testing.T, name string, settle, limit time.Duration) string {
	t.Helper()
	time.Sleep(settle)
	dir := t.TempDir()
	grab := func(i int) (string, []byte) {
		path := filepath.Join(dir, name+strconv.Itoa(i)+".png")
		cmd := exec.Command("import", "-window", "root", path)
		cmd.Env = append(os.Environ(), "DISPLAY="+x.disp)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("screenshot: %v\n%s", err, out)
		}
		// The pixels alone: PNG metadata holds a time stamp.
		px, err := exec.Command("convert", path, "rgb:-").Output()
		if err != nil {
			t.Fatalf("convert: %v", err)
		}
		return path, px
	}
	deadline := time.Now().Add(limit)
	last, prev := grab(0)
	for i := 1; time.Now().Before(deadline); i++ {
		time.Sleep(500 * time.Millisecond)
		path, px := grab(i)
		if bytes.Equal(px, prev) {
			if dir := os.Getenv("ECHOES_SHOTS"); dir != "" {
				b, _ := os.ReadFile(path)
				os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644)
			}
			return path
		}
		last, prev = path, px
	}
	t.Fatalf("%s: the picture was still changing after %v", name, limit)
	return last
}
