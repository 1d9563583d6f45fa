package main

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// xvfb starts a virtual X server and returns its DISPLAY, or skips the test
// when Xvfb is missing and ECHOES_XVFB is not set (.ci/test sets it, so CI
// fails rather than skips).
func xvfb(t *testing.T) string {
	t.Helper()
	return xvfbScreen(t, "1280x800x24")
}

// needTools skips t when one of the tools is not installed, or fails it
// when ECHOES_XVFB=1 asks for every window test (.ci/test sets it, and
// .ci/deps installs them all).
func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("ECHOES_XVFB") == "1" {
				t.Fatalf("%s not found; run .ci/deps", tool)
			}
			t.Skipf("%s not found; .ci/deps installs it", tool)
		}
	}
}

// xvfbScreen is xvfb with a screen of the given WxHxDEPTH. A -short run
// skips the test: it starts the real window.
func xvfbScreen(t *testing.T, screen string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts the real window")
	}
	needTools(t, "Xvfb", "xdotool", "import")
	// -displayfd lets Xvfb take the first free display itself (clearing
	// the lock files of servers that died) and write its number once it
	// accepts clients, so there is no guessing and no fixed wait.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", screen, "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	// A file, not a buffer: the server writes while the test may read.
	log, err := os.Create(filepath.Join(t.TempDir(), "xvfb.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	cmd.Stderr = log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() {
		// SIGTERM, so the server removes its lock file and socket.
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	select {
	case n := <-got:
		if n == "" {
			t.Fatalf("Xvfb did not start: %s", readTrim(log.Name()))
		}
		disp := ":" + n
		// The number comes once the server listens; a client that cannot
		// talk to it now would fail the test for the server's sake, so
		// say so here, with the server's log and whether it still runs.
		deadline := time.Now().Add(10 * time.Second)
		for {
			out, err := askDisplay(disp)
			if err == nil {
				return disp
			}
			if time.Now().After(deadline) {
				alive := syscall.Kill(cmd.Process.Pid, 0) == nil
				t.Fatalf("Xvfb said %s but no client can open it (server running: %v): %v %s\nXvfb log: %s",
					disp, alive, err, strings.TrimSpace(string(out)), readTrim(log.Name()))
			}
			time.Sleep(100 * time.Millisecond)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("Xvfb gave no display number in 20 s: %s", readTrim(log.Name()))
	}
	return ""
}

// askDisplay asks the X server on disp for its size, as any client would
// open it: an error says no client can talk to it.
func askDisplay(disp string) ([]byte, error) {
	probe := exec.Command("xdotool", "getdisplaygeometry")
	probe.Env = append(os.Environ(), "DISPLAY="+disp)
	return probe.CombinedOutput()
}

// readTrim returns a log file's text for an error message.
func readTrim(path string) string {
	b, _ := os.ReadFile(path)
	return strings.TrimSpace(string(b))
}

type xapp struct {
	t      *testing.T
	disp   string
	wid    string
	stderr *lockedBuffer
	cmd    *exec.Cmd
	exited chan struct{} // closed once the app's process is reaped
}

// stop kills the app and waits until it is gone.
func (x *xapp) stop() {
	x.cmd.Process.Kill()
	<-x.exited
}

// lockedBuffer is the app's output: os/exec's copying goroutine writes it
// while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (x *xapp) run(args ...string) string {
	x.t.Helper()
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), "DISPLAY="+x.disp)
	out, err := cmd.CombinedOutput()
	if err != nil {
		x.t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func (x *xapp) shot(name string) image.Image {
	x.t.Helper()
	cmd := exec.Command("import", "-window", "root", "png:-")
	cmd.Env = append(os.Environ(), "DISPLAY="+x.disp)
	out, err := cmd.Output()
	if err != nil {
		x.t.Fatalf("screenshot: %v", err)
	}
	if dir := os.Getenv("ECHOES_SHOTS"); dir != "" {
		os.WriteFile(filepath.Join(dir, name+".png"), out, 0o644)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		x.t.Fatalf("decode screenshot: %v", err)
	}
	return img
}

// startApp builds the real binary and opens its window on display.
func startApp(t *testing.T, disp string, args ...string) *xapp {
	x := &xapp{t: t, disp: disp, stderr: &lockedBuffer{}, exited: make(chan struct{})}
	x.cmd = exec.Command(buildApp(t), args...)
	// A fresh config folder: remembered settings must not leak between runs.
	x.cmd.Env = append(os.Environ(), "DISPLAY="+disp, "LANG=en_US.UTF-8", "XDG_CONFIG_HOME="+t.TempDir())
	x.cmd.Stderr = x.stderr
	x.cmd.Stdout = x.stderr
	if err := x.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// One goroutine reaps the process; everything else waits on exited.
	go func() { x.cmd.Wait(); close(x.exited) }()
	t.Cleanup(x.stop)
	deadline := time.Now().Add(60 * time.Second)
	for x.wid == "" && time.Now().Before(deadline) {
		select {
		case <-x.exited:
			// The app is gone: no use waiting for its window. Whether
			// the X server still answers tells whose fault it was.
			out, err := askDisplay(disp)
			t.Fatalf("the app exited before its window appeared (%v); the X server on %s answers: %q, %v; app output:\n%s",
				x.cmd.ProcessState, disp, strings.TrimSpace(string(out)), err, x.stderr)
		default:
		}
		cmd := exec.Command("xdotool", "search", "--name", "^Echoes")
		cmd.Env = append(os.Environ(), "DISPLAY="+disp)
		if out, err := cmd.Output(); err == nil && len(out) > 0 {
			x.wid = strings.Fields(string(out))[0]
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	if x.wid == "" {
		t.Fatalf("no Echoes window appeared; app output:\n%s", x.stderr)
	}
	time.Sleep(3 * time.Second)
	return x
}

// near counts pixels within tolerance of c.
func near(img image.Image, c color.NRGBA, tol int) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bb, _ := img.At(x, y).RGBA()
			if abs(int(r>>8)-int(c.R)) <= tol && abs(int(g>>8)-int(c.G)) <= tol && abs(int(bb>>8)-int(c.B)) <= tol {
				n++
			}
		}
	}
	return n
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func distinct(img image.Image) int {
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bb, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 11, g >> 11, bb >> 11}] = true
		}
	}
	return len(seen)
}

// TestWindowUnderXvfb opens the real window at the end of 1950, checks
// that the network is drawn (the Korean War in red, the Sino-Soviet
// alliance in blue), then presses End and checks 2024's picture.
func TestWindowUnderXvfb(t *testing.T) {
	disp := xvfb(t)
	x := startApp(t, disp, "--at", "1950")
	x.run("xdotool", "windowsize", x.wid, "1280", "800")
	x.run("xdotool", "windowmove", x.wid, "0", "0")
	// Keep the pointer off the network so no hover dims the picture.
	x.run("xdotool", "mousemove", "--window", x.wid, "5", "5")
	time.Sleep(1500 * time.Millisecond)

	img := x.shot("window-1950")
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
		t.Fatalf("screenshot is %v, want 1280x800", b)
	}
	war := color.NRGBA{0xC0, 0x26, 0x1A, 255}
	alliance := color.NRGBA{0x00, 0x72, 0xB2, 255}
	hostility := color.NRGBA{0xD5, 0x5E, 0x00, 255}
	arms := color.NRGBA{0xE6, 0x9F, 0x00, 255}
	if n := distinct(img); n < 40 {
		t.Errorf("1950: only %d distinct colours: the window looks blank", n)
	}
	if n := near(img, war, 12); n < 300 {
		t.Errorf("1950: %d war-red pixels, want the Korean War drawn", n)
	}
	if n := near(img, alliance, 12); n < 150 {
		t.Errorf("1950: %d alliance-blue pixels, want the Sino-Soviet alliance drawn", n)
	}

	x.run("xdotool", "mousemove", "--window", x.wid, "5", "5")
	x.run("xdotool", "key", "--window", x.wid, "End")
	x.waitTitle(t, "31 December 2024", 30*time.Second)
	img2 := decodePNG(t, x.stableShot(t, "window-2024", time.Second, 40*time.Second))
	if n := near(img2, war, 12); n > 100 {
		t.Errorf("2024: %d war-red pixels; the Korean War should be over", n)
	}
	for name, c := range map[string]color.NRGBA{"alliance": alliance, "hostility": hostility, "arms": arms} {
		if n := near(img2, c, 12); n < 100 {
			t.Errorf("2024: %d %s pixels, want them drawn", n, name)
		}
	}
	if out := x.stderr.String(); appTrouble(out) {
		t.Errorf("app logged errors:\n%s", out)
	}
}

func (x *xapp) title() string { return x.run("xdotool", "getwindowname", x.wid) }

// waitTitle waits until the window title holds want: the app has taken
// the key (a loaded machine may take seconds); it fails the test after
// limit.
func (x *xapp) waitTitle(t *testing.T, want string, limit time.Duration) string {
	t.Helper()
	return x.waitTitleFunc(t, "hold "+strconv.Quote(want), func(s string) bool { return strings.Contains(s, want) }, limit)
}

// waitTitleFunc waits until ok accepts the window title; what says what
// was wanted, for the failure.
func (x *xapp) waitTitleFunc(t *testing.T, what string, ok func(string) bool, limit time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		got := x.title()
		if ok(got) {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %v the title is %q, want it to %s", limit, got, what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func (x *xapp) key(k string, wait time.Duration) {
	x.run("xdotool", "key", "--window", x.wid, k)
	time.Sleep(wait)
}

// TestPresentationUnderXvfb drives the window as a teacher would:
// presentation mode on, Right three times, Space, C, Esc, with a
// screenshot after each, checking the date, the mode and the caption.
func TestPresentationUnderXvfb(t *testing.T) {
	disp := xvfb(t)
	x := startApp(t, disp, "--at", "1950-06-01")
	x.run("xdotool", "windowmove", x.wid, "0", "0")
	x.run("xdotool", "windowfocus", "--sync", x.wid)
	start := x.title()
	if !strings.Contains(start, "1 June 1950") || strings.Contains(start, "presentation") {
		t.Fatalf("opened with title %q", start)
	}

	x.key("p", 0)
	x.waitTitle(t, "[presentation]", 30*time.Second)
	on := decodePNG(t, x.stableShot(t, "present-on", 500*time.Millisecond, 40*time.Second))
	if b := on.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
		t.Errorf("screenshot %v", b)
	}
	// Projector theme: a pure white background, and the controls hidden.
	white := color.NRGBA{255, 255, 255, 255}
	if n := near(on, white, 0); n < 1280*800/3 {
		t.Errorf("presentation: only %d pure white pixels; the projector theme is not on", n)
	}

	seen := map[string]bool{start: true}
	for i := 1; i <= 3; i++ {
		x.key("Right", 0)
		got := x.waitTitleFunc(t, "name another date or event", func(s string) bool { return !seen[s] }, 30*time.Second)
		x.shot(fmt.Sprintf("present-right-%d", i))
		seen[got] = true
	}
	afterRight := x.title()
	x.key("space", 0)
	x.waitTitleFunc(t, "step on from "+strconv.Quote(afterRight), func(s string) bool { return s != afterRight }, 30*time.Second)
	x.shot("present-play")
	x.key("space", 500*time.Millisecond) // stop playback
	x.key("c", 0)
	x.waitTitle(t, "compare", 30*time.Second)
	cmp := decodePNG(t, x.stableShot(t, "present-compare", 500*time.Millisecond, 40*time.Second))
	// Compare draws 1950 on the left: the Korean War's red is back.
	if n := near(cmp, color.NRGBA{0xC0, 0x26, 0x1A, 255}, 12); n < 200 {
		t.Errorf("compare: %d war-red pixels, want the 1950 side drawn", n)
	}
	x.key("Escape", 0)
	x.waitTitleFunc(t, "leave presentation mode", func(s string) bool { return !strings.Contains(s, "presentation") }, 30*time.Second)
	x.shot("present-esc")
	if out := x.stderr.String(); appTrouble(out) {
		t.Errorf("app logged errors:\n%s", out)
	}
}

// writeBigDataset writes a seeded clustered network of n actors and 3n
// relations in the native format, with no map places: a user's big file.
func writeBigDataset(t *testing.T, n int) string {
	var b strings.Builder
	b.WriteString(`{"title": "Clustered", "range": {"start": "2000", "end": "2010"},
"sources": [{"id": "S1", "title": "Generated by the test"}], "actors": [`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "a%d", "names": [{"name": "Actor %d", "short": "A%d"}], "span": {"start": "2000"}, "color": "#336699"}`, i, i, i)
	}
	b.WriteString(`], "relations": [`)
	seed := uint64(1950)
	next := func(m int) int { // a 64-bit LCG: the same file on every run
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % m
	}
	for j := 0; j < 3*n; j++ {
		x := next(n)
		y := x/100*100 + next(100)
		if next(10) == 0 {
			y = next(n)
		}
		if y == x || y >= n {
			y = (x + 1) % n
		}
		if j > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "r%d", "kind": "partnership", "name": "R%d", "actors": ["a%d", "a%d"], "start": "2000", "certainty": "confirmed", "description": "Generated.", "sources": ["S1"]}`, j, j, x, y)
	}
	b.WriteString(`], "events": [{"id": "e1", "date": "2005", "title": "Midway", "caption": "Generated.", "sources": ["S1"]}]}`)
	path := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// inkColumn is the mean column of the pixels far from the background in
// the left part of the window (the network), or -1 when there are none.
func inkColumn(img image.Image) float64 {
	b := img.Bounds()
	bg := color.NRGBA{0xFA, 0xFA, 0xF7, 255}
	sum, n := 0, 0
	for y := b.Min.Y + b.Dy()/8; y < b.Min.Y+b.Dy()*5/8; y += 2 {
		for x := b.Min.X; x < b.Min.X+b.Dx()*2/3; x += 2 {
			r, g, bb, _ := img.At(x, y).RGBA()
			if abs(int(r>>8)-int(bg.R))+abs(int(g>>8)-int(bg.G))+abs(int(bb>>8)-int(bg.B)) > 120 {
				sum += x
				n++
			}
		}
	}
	if n == 0 {
		return -1
	}
	return float64(sum) / float64(n)
}

// TestBigNetworkUnderXvfb opens a 10,000-actor file, whose layout settles
// in the background for seconds, and drags the view while it does: the
// picture must follow the drag, the app must log no Fyne threading error
// (the layout goroutine touches no widget), and the keys must still work.
func TestBigNetworkUnderXvfb(t *testing.T) {
	disp := xvfb(t)
	// The race detector makes the app 5 to 20 times slower, and a
	// 10,000-actor layout then takes longer than a drag: a race build
	// checks the same code paths (background settle, drag, keys) on a
	// network small enough to draw; the plain run checks the full size.
	n := 10000
	if raceBuild {
		n = 2000
	}
	x := startApp(t, disp, "--data", writeBigDataset(t, n), "--at", "2010")
	x.run("xdotool", "windowsize", x.wid, "1280", "800")
	x.run("xdotool", "windowmove", x.wid, "0", "0")
	// The pointer off the network, so no hover tooltip covers it.
	x.run("xdotool", "mousemove", "--window", x.wid, "5", "5")
	time.Sleep(time.Second)
	// The window exists before its first frame is painted: wait for it
	// (black is what X shows of a window nothing has drawn yet).
	for deadline := time.Now().Add(30 * time.Second); blank(x.shot("big-first")) && time.Now().Before(deadline); {
		time.Sleep(250 * time.Millisecond)
	}
	before := inkColumn(x.shot("big-before"))
	if before < 0 {
		t.Fatal("the 10,000-actor network is not drawn")
	}
	// Pan: press on the canvas's empty top-left part, drag 200 px right.
	// The pointer enters first, as a hand on a mouse does.
	x.run("xdotool", "mousemove", "--window", x.wid, "30", "120")
	time.Sleep(300 * time.Millisecond)
	x.run("xdotool", "mousedown", "1")
	for i := 1; i <= 10; i++ {
		x.run("xdotool", "mousemove", "--window", x.wid, fmt.Sprint(30+20*i), "120")
		time.Sleep(50 * time.Millisecond)
	}
	x.run("xdotool", "mouseup", "1")
	// The pan shows once the app has drawn the moves it was sent; a busy
	// machine may take seconds.
	shift := 0.0
	for deadline := time.Now().Add(20 * time.Second); shift < 100 && time.Now().Before(deadline); {
		time.Sleep(250 * time.Millisecond)
		shift = inkColumn(x.shot("big-after-drag")) - before
	}
	if shift < 100 {
		t.Errorf("a 200-pixel drag moved the picture by %.0f pixels", shift)
	}
	x.key("Home", 0)
	x.waitTitle(t, "2000", 30*time.Second)
	if out := x.stderr.String(); appTrouble(out) {
		t.Errorf("app logged errors:\n%s", out)
	}
}

// blank reports whether img is one colour: a window not yet painted.
func blank(img image.Image) bool {
	b := img.Bounds()
	first := img.At(b.Min.X+b.Dx()/4, b.Min.Y+b.Dy()/4)
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			if img.At(x, y) != first {
				return false
			}
		}
	}
	return true
}

// appTrouble reports whether the app's output shows a Fyne threading
// error, a panic or (in a race build) a data race.
func appTrouble(out string) bool {
	for _, s := range []string{"Error in Fyne call thread", "panic", "WARNING: DATA RACE"} {
		if strings.Contains(out, s) {
			return true
		}
	}
	return false
}
