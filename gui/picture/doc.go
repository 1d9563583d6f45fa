// Package picture is the one way from a dataset to a picture, with no
// display: the positions of a dataset at a date (or at two dates side by
// side, or along a timeline) and the Scene drawn from them. The window and
// every exporter ask it, so the screen and a file show the same thing.
//
// The data flows one way: graphmodel (the data) → graphmodel/layout (the
// forces) → picture (positions and Scenes) → render (the Scene's raster
// and vector backends) → export (file encoders) and gui (the window).
package picture
