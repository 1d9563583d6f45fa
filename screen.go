package main

import "github.com/go-gl/glfw/v3.3/glfw"

// workArea is the primary screen's work area (the screen less panels and
// docks) in Fyne units, or ok false when it cannot be read. Fyne has set
// GLFW up once a window exists, and main runs on the main thread, as GLFW
// requires; a GLFW error panics, hence the recover.
func workArea() (w, h float32, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return 0, 0, false
	}
	_, _, pw, ph := m.GetWorkarea()
	sx, sy := m.GetContentScale()
	if sx <= 0 || sy <= 0 {
		sx, sy = 1, 1
	}
	return float32(pw) / sx, float32(ph) / sy, pw > 0 && ph > 0
}
