package main

// Reading grabbed pixels: what counts as drawn, where the network's cloud
// of coloured pixels is, and saving a grab as PNG.

// #include <X11/Xlib.h>
import "C"
import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"time"
)

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

type box struct{ x, y, w, h int }

func boxOf(f [4]float64, w, h int) box {
	x0, y0 := int(f[0]*float64(w)), int(f[1]*float64(h))
	return box{x0, y0, max(1, int(f[2]*float64(w))-x0), max(1, int(f[3]*float64(h))-y0)}
}

// clip returns b within c.
func (b box) clip(c box) box {
	x0, y0 := max(b.x, c.x), max(b.y, c.y)
	x1, y1 := min(b.x+b.w, c.x+c.w), min(b.y+b.h, c.y+c.h)
	return box{x0, y0, max(1, x1-x0), max(1, y1-y0)}
}

// view is what one grab of the network area showed.
type view struct {
	t     time.Time // when the grab returned
	hash  uint64
	pos   float64 // median x (window pixels) of the track band's saturated pixels; NaN under 50 of them
	sat   int     // saturated pixels in the whole network area
	cloud int     // saturated pixels in the cloud
}

func saturated(p C.uint) bool {
	r, g, b := int(p>>16&0xff), int(p>>8&0xff), int(p&0xff)
	return max(r, g, b)-min(r, g, b) > 80
}

// look reads px (the network area net) into a view; tr is the part of it
// searched for the cloud.
func look(px []C.uint, net, tr box) view {
	h := uint64(14695981039346656037)
	sat := 0
	for _, p := range px {
		h = (h ^ uint64(p)) * 1099511628211
		if saturated(p) {
			sat++
		}
	}
	v := view{hash: h, pos: math.NaN(), sat: sat}
	// Saturated pixels per cell of 8x8; cells with 16 or more are occupied.
	const cell, full, reach = 8, 16, 2
	gw, gh := (tr.w+cell-1)/cell, (tr.h+cell-1)/cell
	count := make([]int, gw*gh)
	at := func(x, y int) C.uint { return px[(tr.y-net.y+y)*net.w+tr.x-net.x+x] }
	for y := 0; y < tr.h; y++ {
		for x := 0; x < tr.w; x++ {
			if saturated(at(x, y)) {
				count[y/cell*gw+x/cell]++
			}
		}
	}
	// Groups of occupied cells at most reach cells apart; the heaviest is
	// the cloud.
	label := make([]int, gw*gh)
	var mass []int
	var queue []int
	for start, c := range count {
		if c < full || label[start] != 0 {
			continue
		}
		mass = append(mass, 0)
		id := len(mass)
		label[start] = id
		queue = append(queue[:0], start)
		for len(queue) > 0 {
			i := queue[len(queue)-1]
			queue = queue[:len(queue)-1]
			mass[id-1] += count[i]
			cx, cy := i%gw, i/gw
			for ny := max(0, cy-reach); ny <= min(gh-1, cy+reach); ny++ {
				for nx := max(0, cx-reach); nx <= min(gw-1, cx+reach); nx++ {
					if j := ny*gw + nx; count[j] >= full && label[j] == 0 {
						label[j] = id
						queue = append(queue, j)
					}
				}
			}
		}
	}
	best := 0
	for i, m := range mass {
		if m > mass[best] {
			best = i
		}
	}
	if len(mass) == 0 || mass[best] < 200 {
		return v
	}
	// The median column of the cloud's saturated pixels.
	cols := make([]int, tr.w)
	for y := 0; y < tr.h; y++ {
		for x := 0; x < tr.w; x++ {
			if label[y/cell*gw+x/cell] == best+1 && saturated(at(x, y)) {
				cols[x]++
			}
		}
	}
	acc := 0
	for x, c := range cols {
		acc += c
		if 2*acc >= mass[best] {
			v.pos = float64(tr.x + x)
			break
		}
	}
	v.cloud = mass[best]
	return v
}

// commonest returns the most frequent pixel value of px.
func commonest(px []C.uint) C.uint {
	count := map[C.uint]int{}
	for i := 0; i < len(px); i += 5 {
		count[px[i]]++
	}
	var best C.uint
	for p, n := range count {
		if n > count[best] {
			best = p
		}
	}
	return best
}

func near(a, b C.uint) bool {
	d := func(s uint) int { return abs(int(a>>s&0xff) - int(b>>s&0xff)) }
	return d(16)+d(8)+d(0) <= 24
}
