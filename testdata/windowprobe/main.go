// Command windowprobe times a desktop app from outside, for .ci/perf: it
// launches the command, polls the X server until a window whose title
// starts with -name exists and its pixels show content, and prints how
// long each took on a monotonic clock. Then, unless -keep is given, it
// lets the app idle, reads its resident memory from /proc and kills it.
//
//	windowprobe -name Echoes [-region 0.03,0.12,0.68,0.68 -min-sat 300] [-min-ink 40]
//	            [-interval 5ms] [-timeout 60s] [-idle 3s] [-shot FILE.png] [-keep] -- CMD ARGS...
//
// Output is one line of key=value pairs (times in milliseconds, memory in
// kB), e.g.
//
//	pid=123 window_ms=412.3 drawn_ms=455.8 polls=9 grab_ms=2.1 rss_kb=98304 hwm_kb=99000
//
// "Drawn" means: within -region (fractions of the window: x0,y0,x1,y1) at
// least -min-sat saturated pixels (max-min channel > 80: colour, not the
// greys of a widget theme) and at least -min-ink pixels far from the
// region's most common colour. An unpainted GL window is uniform (black
// or one fill), so it passes neither.
//
// It grabs only the window with XGetImage, which takes a few ms for a
// 1200x800 window, so the resolution is the interval plus one grab. It
// needs libX11 (the .ci/deps packages) and DISPLAY.
package main

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
#include <X11/Xatom.h>
#include <X11/Xutil.h>
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
*/
import "C"

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
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
	keep := flag.Bool("keep", false, "leave the app running after it is drawn; print its pid and window")
	flag.Parse()
	if *name == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: windowprobe -name TITLE [flags] -- CMD ARGS...")
		os.Exit(2)
	}
	var rx [4]float64
	for i, s := range strings.Split(*region, ",") {
		if i < 4 {
			rx[i], _ = strconv.ParseFloat(s, 64)
		}
	}

	d := C.XOpenDisplay(nil)
	if d == nil {
		fail("cannot open DISPLAY %q", os.Getenv("DISPLAY"))
	}
	C.quiet()

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
					if *shot != "" {
						if all, ok := grabRect(d, win, 0, 0, int(w), int(h)); ok {
							savePNG(*shot, all, int(w), int(h))
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

// grabRect reads a rectangle of window win.
func grabRect(d *C.Display, win C.Window, x, y, w, h int) ([]C.uint, bool) {
	px := make([]C.uint, w*h)
	ok := C.grab(d, win, C.int(x), C.int(y), C.int(w), C.int(h), (*C.uint)(unsafe.Pointer(&px[0]))) != 0
	return px, ok
}

// drawn applies the criterion to a grabbed region of w×h pixels.
func drawn(px []C.uint, w, h int, minSat, minInk int) bool {
	x0, y0, x1, y1 := 0, 0, w, h
	rgb := func(p C.uint) (int, int, int) { return int(p >> 16 & 0xff), int(p >> 8 & 0xff), int(p & 0xff) }
	// The commonest colour, to 4 bits a channel.
	var hist [4096]int
	sat := 0
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			r, g, b := rgb(px[y*w+x])
			hist[r>>4<<8|g>>4<<4|b>>4]++
			if max(r, g, b)-min(r, g, b) > 80 {
				sat++
			}
		}
	}
	common := 0
	for i, n := range hist {
		if n > hist[common] {
			common = i
		}
	}
	cr, cg, cb := common>>8<<4|8, common>>4&15<<4|8, common&15<<4|8
	ink := 0
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			r, g, b := rgb(px[y*w+x])
			if abs(r-cr)+abs(g-cg)+abs(b-cb) > 96 {
				ink++
			}
		}
	}
	return sat >= minSat && ink >= minInk
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
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

func savePNG(path string, px []C.uint, w, h int) {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i, p := range px {
		img.SetNRGBA(i%w, i/w, color.NRGBA{uint8(p >> 16), uint8(p >> 8), uint8(p), 255})
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "windowprobe:", err)
		return
	}
	defer f.Close()
	png.Encode(f, img)
}

func fail(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "windowprobe: "+format+"\n", a...)
	os.Exit(1)
}
