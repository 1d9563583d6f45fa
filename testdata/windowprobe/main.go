// Command windowprobe times a desktop app from outside, for .ci/perf: it
// launches the command, polls the X server until a window whose title
// starts with -name exists and its pixels show content, and prints how
// long each took on a monotonic clock. Then, unless -keep is given, it
// lets the app idle, reads its resident memory from /proc and kills it.
//
//	windowprobe -name Echoes [-region 0.03,0.12,0.68,0.68 -min-sat 300] [-min-ink 40]
//	            [-interval 5ms] [-timeout 60s] [-idle 3s] [-shot FILE.png] [-keep]
//	            [-drag 10 [-drag-step 30] [-drag-every 100ms] [-drag-wait 0] [-drag-from X,Y;X,Y]
//	             [-ready X0,Y0,X1,Y1 -ready-sat N] [-quiet 1.5s] [-shots PREFIX] [-trace FILE]] -- CMD ARGS...
//
// Output is one line of key=value pairs (times in milliseconds, memory in
// kB), e.g.
//
//	pid=123 window_ms=412.3 drawn_ms=455.8 polls=9 grab_ms=2.1 rss_kb=98304 hwm_kb=99000
//
// and with -drag, between them (times after drawn; lat_ms per step, "-"
// for a step never shown; fps_* are distinct pictures a second; moving_ms
// is when the picture last changed, ">" if it had not stopped):
//
//	ready_ms=181 press_ms=700 release_ms=1803 press=36,328 steps=10 step_px=30
//	lat_ms=65,61,85,... lat_med_ms=80 lat_max_ms=95 missed=0 frames_before=11
//	fps_before=15.7 frames_drag=21 fps_drag=19.0 frames_after=16 fps_after=17.8
//	moving_ms=2700 shift_px=300 drift_px=1 mid_sat=9151 drag_poll_ms=6.8
//
// "Drawn" means: within -region (fractions of the window: x0,y0,x1,y1) at
// least -min-sat saturated pixels (max-min channel > 80: colour, not the
// greys of a widget theme) and at least -min-ink pixels far from the
// region's most common colour. An unpainted GL window is uniform (black
// or one fill), so it passes neither.
//
// It grabs only the window with XGetImage, which takes a few ms for a
// 1200x800 window, so the resolution is the interval plus one grab.
//
// With -drag N (drag.go) it then drags the picture: it waits for -ready,
// presses button 1 on plain background at -drag-from, moves the pointer
// -drag-step pixels right N times, one step every -drag-every, releases,
// and times each step from the motion event to the first grab in which the
// network's cloud of coloured pixels has moved by it; it also counts the
// distinct pictures the network area shows before, during and after the
// drag, until the picture has been still for -quiet. Input goes through
// XTEST, so it needs libX11 and libXtst (the .ci/deps packages) and
// DISPLAY.
package main

/*
#cgo LDFLAGS: -lX11 -lXtst
#include <X11/Xlib.h>
#include <X11/Xatom.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <stdlib.h>
#include <string.h>

static int lastError;
static int onError(Display *d, XErrorEvent *e) { lastError = e->error_code; return 0; }
static void quiet(void) { XSetErrorHandler(onError); }
static int takeError(void) { int e = lastError; lastError = 0; return e; }

// title returns the window's _NET_WM_NAME (UTF-8), or WM_NAME, or NULL;
// free it with free().
static char *title(Display *d, Window w) {
	Atom net = XInternAtom(d, "_NET_WM_NAME", False), utf8 = XInternAtom(d, "UTF8_STRING", False);
	Atom type; int format; unsigned long n, after; unsigned char *p = NULL;
	if (XGetWindowProperty(d, w, net, 0, 1024, False, utf8, &type, &format, &n, &after, &p) == Success && p != NULL && n > 0) {
		char *s = strndup((char *)p, n);
		XFree(p);
		return s;
	}
	if (p) XFree(p);
	char *name = NULL;
	if (XFetchName(d, w, &name) && name != NULL) {
		char *s = strdup(name);
		XFree(name);
		return s;
	}
	return NULL;
}

// pid returns the window's _NET_WM_PID, or 0.
static long pid(Display *d, Window w) {
	Atom a = XInternAtom(d, "_NET_WM_PID", False);
	Atom type; int format; unsigned long n, after; unsigned char *p = NULL;
	long v = 0;
	if (XGetWindowProperty(d, w, a, 0, 1, False, XA_CARDINAL, &type, &format, &n, &after, &p) == Success && p != NULL && n == 1 && format == 32)
		v = (long)*(unsigned long *)p;
	if (p) XFree(p);
	return v;
}

static int children(Display *d, Window w, Window **out) {
	Window root, parent; unsigned int n = 0;
	if (!XQueryTree(d, w, &root, &parent, out, &n)) { *out = NULL; return 0; }
	return (int)n;
}

static Window child(Window *ws, int i) { return ws[i]; }

// viewable returns the window's size when it is mapped and viewable.
static int viewable(Display *d, Window w, int *width, int *height) {
	XWindowAttributes a;
	if (!XGetWindowAttributes(d, w, &a)) return 0;
	*width = a.width; *height = a.height;
	return a.map_state == IsViewable;
}

// grab copies a rectangle of the window's pixels as 0xRRGGBB into out
// (width*height).
static int grab(Display *d, Window w, int x0, int y0, int width, int height, unsigned int *out) {
	XImage *img = XGetImage(d, w, x0, y0, width, height, AllPlanes, ZPixmap);
	XSync(d, False);
	if (img == NULL || takeError()) { if (img) XDestroyImage(img); return 0; }
	if (img->bits_per_pixel == 32 && img->byte_order == LSBFirst) {
		for (int y = 0; y < height; y++) {
			unsigned int *row = (unsigned int *)(img->data + y * img->bytes_per_line);
			for (int x = 0; x < width; x++) out[y * width + x] = row[x] & 0xFFFFFF;
		}
	} else {
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) out[y * width + x] = XGetPixel(img, x, y) & 0xFFFFFF;
	}
	XDestroyImage(img);
	return 1;
}

// origin returns where the window's top-left pixel is on the screen.
static void origin(Display *d, Window w, int *x, int *y) {
	Window child;
	*x = *y = 0;
	XTranslateCoordinates(d, w, XDefaultRootWindow(d), 0, 0, x, y, &child);
}

// hasXTest reports whether the server offers the XTEST extension.
static int hasXTest(Display *d) {
	int ev, er, maj, min;
	return XTestQueryExtension(d, &ev, &er, &maj, &min);
}

// motion moves the pointer to (x, y) on the screen, as if the user had.
static void motion(Display *d, int x, int y) {
	XTestFakeMotionEvent(d, -1, x, y, CurrentTime);
	XFlush(d);
}

// button presses (down != 0) or releases button 1.
static void button(Display *d, int down) {
	XTestFakeButtonEvent(d, 1, down ? True : False, CurrentTime);
	XFlush(d);
}
*/
import "C"

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"
)

func main() {
	name := flag.String("name", "", "the window title starts with this")
	region := flag.String("region", "0,0,1,1", "where to look, as fractions of the window: x0,y0,x1,y1")
	minSat := flag.Int("min-sat", 0, "drawn needs at least this many saturated pixels in the region")
	minInk := flag.Int("min-ink", 1, "drawn needs at least this many pixels far from the region's commonest colour")
	interval := flag.Duration("interval", 5*time.Millisecond, "pause between polls")
	timeout := flag.Duration("timeout", 60*time.Second, "give up after this long")
	idle := flag.Duration("idle", 3*time.Second, "idle time before reading the memory")
	shot := flag.String("shot", "", "save the first capture that counts as drawn to this PNG")
	frames := flag.String("frames", "", "save every capture to this folder (to check the criterion)")
	then := flag.String("then", "", "after drawn, time until this region (x0,y0,x1,y1) shows -then-ink pixels off its commonest colour (then_ms)")
	thenInk := flag.Int("then-ink", 100, "pixels the -then region needs")
	keep := flag.Bool("keep", false, "leave the app running after it is drawn; print its pid and window")
	var dr dragFlags
	flag.IntVar(&dr.steps, "drag", 0, "once drawn, drag across the canvas in this many steps and time each (see dragFlags)")
	flag.IntVar(&dr.stepPX, "drag-step", 30, "pixels the pointer moves right per drag step")
	flag.DurationVar(&dr.every, "drag-every", 100*time.Millisecond, "time between drag steps")
	flag.DurationVar(&dr.wait, "drag-wait", 0, "watch the settle this long between -ready and the press")
	flag.StringVar(&dr.from, "drag-from", "0.05,0.7", "where to press, as fractions of the window; several x,y pairs separated by ';' are tried in turn, the first on plain background wins")
	flag.StringVar(&dr.track, "track", "", "with -drag, where to look for the network's cloud (x0,y0,x1,y1; default -region)")
	flag.StringVar(&dr.ready, "ready", "", "before the press, wait until this region (x0,y0,x1,y1) shows -ready-sat saturated pixels")
	flag.IntVar(&dr.readySat, "ready-sat", 100, "saturated pixels the -ready region needs")
	flag.StringVar(&dr.trace, "trace", "", "with -drag, write one line per grab to this file (time, new frame, picture x)")
	flag.DurationVar(&dr.quiet, "quiet", 1500*time.Millisecond, "the picture counts as settled once unchanged this long")
	flag.DurationVar(&dr.settledAt, "settled-shot", 5*time.Second, "earliest time after drawn for the settled screenshot")
	flag.StringVar(&dr.shots, "shots", "", "save the drawn, mid-drag and settled frames as PREFIXdrawn.png, PREFIXmid-drag.png, PREFIXsettled.png")
	flag.Parse()
	if *name == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: windowprobe -name TITLE [flags] -- CMD ARGS...")
		os.Exit(2)
	}
	rx := fractions(*region)

	d := C.XOpenDisplay(nil)
	if d == nil {
		fail("cannot open DISPLAY %q", os.Getenv("DISPLAY"))
	}
	C.quiet()
	if dr.steps > 0 {
		if C.hasXTest(d) == 0 {
			fail("the X server has no XTEST extension, which -drag needs")
		}
		// The pointer waits off the window (bottom right of the screen), so
		// that no hover tooltip is drawn before the drag.
		scr := C.XDefaultScreen(d)
		C.motion(d, C.XDisplayWidth(d, scr)-1, C.XDisplayHeight(d, scr)-1)
	}

	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	// The app's output goes to stderr: stdout is the probe's one line, and
	// with -keep a reader of it must not wait for the app to close it.
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		fail("%v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	ms := func(t time.Time) float64 { return float64(t.Sub(t0).Microseconds()) / 1000 }
	kill := func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }

	var win C.Window
	var tWin, tDrawn, tFirst, tLast time.Time
	var first []C.uint // the whole window when first drawn, for -shot
	var fw, fh int
	polls, grabs := 0, time.Duration(0)
	for {
		select {
		case err := <-exited:
			fail("the app exited before its window was drawn: %v", err)
		default:
		}
		if time.Since(t0) > *timeout {
			kill()
			fail("no drawn window titled %q after %v (window found: %v)", *name, *timeout, win != 0)
		}
		if win == 0 {
			win = find(d, C.XDefaultRootWindow(d), *name, cmd.Process.Pid, 2)
			if win != 0 {
				tWin = time.Now()
			}
		}
		var w, h C.int
		if win != 0 && C.viewable(d, win, &w, &h) != 0 && w > 0 && h > 0 {
			// Only the region is grabbed while polling, to keep polls short.
			x0, y0 := int(rx[0]*float64(w)), int(rx[1]*float64(h))
			rw, rh := max(1, int(rx[2]*float64(w))-x0), max(1, int(rx[3]*float64(h))-y0)
			g := time.Now()
			if px, ok := grabRect(d, win, x0, y0, rw, rh); ok {
				grabs += time.Since(g)
				if polls == 0 {
					tFirst = g
				}
				tLast = g
				polls++
				if *frames != "" {
					savePNG(filepath.Join(*frames, fmt.Sprintf("%04d-%.0fms.png", polls, ms(time.Now()))), px, rw, rh)
				}
				if drawn(px, rw, rh, *minSat, *minInk) {
					tDrawn = time.Now()
					if *shot != "" || dr.shots != "" {
						// Saved later: encoding takes longer than a poll.
						if all, ok := grabRect(d, win, 0, 0, int(w), int(h)); ok {
							first, fw, fh = all, int(w), int(h)
						}
					}
					break
				}
			}
		}
		time.Sleep(*interval)
	}
	// The resolution: the mean time from one grab to the next (one interval
	// plus one grab when there was a single poll).
	grabMS := float64(grabs.Microseconds()) / 1000 / float64(polls)
	period := float64(interval.Microseconds())/1000 + grabMS
	if polls > 1 {
		period = float64(tLast.Sub(tFirst).Microseconds()) / 1000 / float64(polls-1)
	}
	line := fmt.Sprintf("pid=%d window=%d window_ms=%.1f drawn_ms=%.1f polls=%d grab_ms=%.1f poll_ms=%.1f",
		cmd.Process.Pid, win, ms(tWin), ms(tDrawn), polls, grabMS, period)
	if *then != "" {
		line += fmt.Sprintf(" then_ms=%.1f", ms(waitFor(d, win, fractions(*then), *thenInk, *interval, t0.Add(*timeout))))
	}
	if dr.steps > 0 {
		line += " " + drag(d, win, tDrawn, rx, *interval, dr, kill)
		if dr.shots != "" && first != nil {
			savePNG(dr.shots+"drawn.png", first, fw, fh)
		}
	}
	if *shot != "" && first != nil {
		savePNG(*shot, first, fw, fh)
	}
	if *keep {
		fmt.Println(line)
		return
	}
	time.Sleep(*idle)
	rss, hwm := memory(cmd.Process.Pid)
	kill()
	<-exited
	fmt.Printf("%s rss_kb=%d hwm_kb=%d\n", line, rss, hwm)
}

// waitFor polls region r of win until it shows ink pixels off its
// commonest colour, and returns when; the zero time if deadline passes.
func waitFor(d *C.Display, win C.Window, r [4]float64, ink int, every time.Duration, deadline time.Time) time.Time {
	for time.Now().Before(deadline) {
		var w, h C.int
		if C.viewable(d, win, &w, &h) != 0 {
			b := boxOf(r, int(w), int(h))
			if px, ok := grabRect(d, win, b.x, b.y, b.w, b.h); ok && drawn(px, b.w, b.h, 0, ink) {
				return time.Now()
			}
		}
		time.Sleep(every)
	}
	return time.Time{}
}

// fractions parses "x0,y0,x1,y1" (or "x,y").
func fractions(s string) [4]float64 {
	var f [4]float64
	for i, v := range strings.Split(s, ",") {
		if i < 4 {
			f[i], _ = strconv.ParseFloat(strings.TrimSpace(v), 64)
		}
	}
	return f
}

// find looks depth levels down from w for a viewable window whose title
// starts with prefix and that belongs to process pid (by _NET_WM_PID, when
// the window says).
func find(d *C.Display, w C.Window, prefix string, pid, depth int) C.Window {
	var kids *C.Window
	n := int(C.children(d, w, &kids))
	if kids == nil {
		return 0
	}
	defer C.XFree(unsafe.Pointer(kids))
	for i := 0; i < n; i++ {
		k := C.child(kids, C.int(i))
		if t := C.title(d, k); t != nil {
			s := C.GoString(t)
			C.free(unsafe.Pointer(t))
			var w, h C.int
			p := int(C.pid(d, k))
			if strings.HasPrefix(s, prefix) && (p == 0 || p == pid) && C.viewable(d, k, &w, &h) != 0 {
				return k
			}
		}
		if depth > 1 {
			if f := find(d, k, prefix, pid, depth-1); f != 0 {
				return f
			}
		}
	}
	return 0
}

// windowSize returns the size of win while it is viewable.
func windowSize(d *C.Display, win C.Window) (w, h int, ok bool) {
	var cw, ch C.int
	ok = C.viewable(d, win, &cw, &ch) != 0
	return int(cw), int(ch), ok
}

// windowOrigin returns where win's top-left pixel is on the screen.
func windowOrigin(d *C.Display, win C.Window) (x, y int) {
	var cx, cy C.int
	C.origin(d, win, &cx, &cy)
	return int(cx), int(cy)
}

// pointerTo moves the pointer to (x, y) on the screen through XTEST.
func pointerTo(d *C.Display, x, y int) { C.motion(d, C.int(x), C.int(y)) }

// press presses (down) or releases button 1 through XTEST.
func press(d *C.Display, down bool) {
	v := 0
	if down {
		v = 1
	}
	C.button(d, C.int(v))
}

// grabRect reads a rectangle of window win.
func grabRect(d *C.Display, win C.Window, x, y, w, h int) ([]C.uint, bool) {
	px := make([]C.uint, w*h)
	ok := C.grab(d, win, C.int(x), C.int(y), C.int(w), C.int(h), (*C.uint)(unsafe.Pointer(&px[0]))) != 0
	return px, ok
}

// memory reads VmRSS and VmHWM (kB) of pid.
func memory(pid int) (rss, hwm int) {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) >= 2 {
			switch f[0] {
			case "VmRSS:":
				rss, _ = strconv.Atoi(f[1])
			case "VmHWM:":
				hwm, _ = strconv.Atoi(f[1])
			}
		}
	}
	return rss, hwm
}

func fail(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "windowprobe: "+format+"\n", a...)
	os.Exit(1)
}
