// Command echoes draws how the states of Northeast Asia aligned from 1945
// to 2024 as a network over time, in a window or as exported pictures.
//
//	echoes [--data FILE] [--at DATE] [--theme light|dark]
//	echoes export -o OUT [--at DATE] [--compare DATE,DATE] [--animate] [--size WxH] [--scale S] [--theme T] [--data FILE]
//	echoes validate FILE...
//	echoes convert IN OUT
//	echoes layout-bench GRAPH.json TICKS|auto [OUT.json]
//	echoes version
//
// DATE is YYYY, YYYY-MM or YYYY-MM-DD; a bare year means its last day, so
// --at 1950 shows the end of 1950.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"fyne.io/fyne/v2/app"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/formats"
	"github.com/echoes-viz/echoes/gui"
	"github.com/echoes-viz/echoes/gui/export"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"

	// Initialised before Fyne reads the locale: no error under LANG=C.UTF-8.
	_ "github.com/echoes-viz/echoes/gui/plainlocale"
	"github.com/echoes-viz/echoes/resources"
)

// Version is the release, matching FyneApp.toml.
const Version = "0.1.0"

// Exit codes of the command-line contract.
const (
	exitOK    = 0
	exitWork  = 1 // invalid input or failed work
	exitUsage = 2
)

// heapLimit is the soft limit on the Go runtime's memory for a command,
// unless GOMEMLIMIT says otherwise. Opening and settling a big network
// makes garbage fast, and by default the heap may grow to twice what is
// live before it is collected: with 50,000 actors that alone came near
// 1 GB. Past the limit the collector works harder instead (never more than
// half the CPU), and the GL driver's own memory stays outside it. An export
// holds the dataset, the plan of its lines and the picture's scene at once
// (about 700 MB live at a million relations, docs/formats.md): under a
// limit below that the collector would run without pause, so it gets more
// room, still inside the 1 GB every command is held to.
func heapLimit(args []string) int64 {
	if len(args) > 0 && args[0] == "export" {
		return 900 << 20
	}
	return 640 << 20
}

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(heapLimit(os.Args[1:]))
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "export":
			if wantsLesson(args[1:]) {
				return runHandout(args[1:], stdout, stderr)
			}
			return runExport(args[1:], stderr)
		case "validate":
			return runValidate(args[1:], stdout, stderr)
		case "convert":
			return convertMain(args[1:], stdout, stderr)
		case "layout-bench":
			return layoutBenchMain(args[1:], stdout, stderr)
		case "version":
			fmt.Fprintln(stdout, "echoes", Version)
			return exitOK
		case "help", "-h", "--help":
			usage(stdout)
			return exitOK
		}
	}
	return runWindow(args, stderr)
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage:
  echoes [--data FILE] [--at DATE] [--theme light|dark] [--lesson FILE]   open the window
  echoes export -o OUT [--at DATE] [--compare DATE,DATE] [--filmstrip DATES|events [--columns N]]
                [--animate [--from DATE] [--to DATE]] [--size WxH | --page a4|letter|a3]
                [--scale S] [--theme light|dark|projector] [--data FILE]
                [--transparent] [--no-legend] [--no-caption]
                                                         write .png, .svg, .pdf or .gif; with --animate
                                                         .gif, .mp4 or .webm (ffmpeg) (no display needed)
  echoes export --lesson FILE -o FOLDER/ [--notes] [--size WxH] [--theme T]
                                                         a handout: one PNG per lesson step
  echoes validate FILE...                                check dataset and lesson files (JSON, CSV, GEXF, GraphML)
  echoes convert IN OUT                                  convert between data formats, by extension
  echoes layout-bench GRAPH.json TICKS|auto [OUT.json]   time the layout engine (auto: the app's schedule, to rest)
  echoes [export] --lang en|ko|ja|zh-Hans|zh-Hant|ru     names, legend, dates and the window in that language
  echoes version
DATE is YYYY, YYYY-MM or YYYY-MM-DD; a bare year or month means its last day.
`)
}

// loadData reads FILE, or the embedded dataset when path is "".
func loadData(path string) (*graphmodel.Dataset, string, error) {
	if path == "" {
		ds, err := resources.Dataset()
		return ds, resources.DatasetName, err
	}
	ds, err := formats.Read(path)
	return ds, path, err
}

// parseExit is the exit status of a flag set that stopped: -h asked for
// the help it printed (0), anything else is a usage error (2).
func parseExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}

// loadDataFor is loadData for a command: what reading FILE left out or
// changed goes to stderr as FILE:LINE:COL: warning: lines, as validate
// prints them, since the picture lacks it too, and is returned for the
// window to show.
func loadDataFor(path string, stderr io.Writer) (*graphmodel.Dataset, string, []graphmodel.Problem, error) {
	if path == "" {
		ds, name, err := loadData(path)
		return ds, name, nil, err
	}
	ds, warns, err := formats.ReadWithWarnings(path)
	if err != nil {
		return nil, path, nil, err
	}
	printWarnings(stderr, warns)
	return ds, path, warns, nil
}

// parseAt reads --at: a bare year or month means its last day.
func parseAt(s string, ds *graphmodel.Dataset) (graphmodel.Day, error) {
	if s == "" {
		return ds.First(), nil
	}
	d, err := graphmodel.ParseDate(s)
	if err != nil {
		return 0, fmt.Errorf("--at: %v", err)
	}
	return d.Last(), nil
}

func printErr(stderr io.Writer, err error) {
	var ps graphmodel.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(stderr, p.Error())
		}
		return
	}
	fmt.Fprintln(stderr, "echoes:", strings.ReplaceAll(err.Error(), "\n", "; "))
}

func runWindow(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("echoes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "open this dataset `FILE` instead of the embedded one")
	at := fs.String("at", "", "open at `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	themeName := fs.String("theme", "light", "light or dark")
	langName := langFlag(fs)
	lessonPath := fs.String("lesson", "", "open the window with this lesson `FILE` (built-in: the one Echoes ships; a new name: an empty lesson saved there)")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "echoes: unknown command %q; run 'echoes help'\n", fs.Arg(0))
		return exitUsage
	}
	if *themeName != "light" && *themeName != "dark" {
		fmt.Fprintf(stderr, "echoes: --theme %q: use light or dark\n", *themeName)
		return exitUsage
	}
	// Without a display GLFW panics as Fyne starts; say so in one line
	// before reading the data, which would be wasted.
	if noDisplay(runtime.GOOS, os.Getenv) {
		fmt.Fprintln(stderr, "echoes: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); run it in a desktop session, or use 'echoes export -o FILE.png' for pictures without one")
		return exitWork
	}
	l, ds, name, warns, err := windowData(*lessonPath, *data, stderr)
	if err != nil {
		printErr(stderr, err)
		return exitWork
	}
	day, err := parseAt(*at, ds)
	if err != nil {
		fmt.Fprintln(stderr, "echoes:", err)
		return exitUsage
	}
	if *at == "" {
		// A first picture with something on it: the dataset's comparison
		// date (the end of 1950 for the embedded one), not an empty 1945.
		day = ds.CompareDay()
	}
	tag, err := windowLang(*langName)
	if err != nil {
		fmt.Fprintln(stderr, "echoes:", err)
		return exitUsage
	}
	ds = ds.Localised(tag)
	a := app.NewWithID("io.github.echoes-viz.echoes")
	a.SetIcon(resources.Icon())
	title := "Echoes"
	if *data != "" {
		title += " (" + name + ")"
	}
	w, err := gui.NewStartWindow(a, ds, title, day, *themeName == "dark")
	if err != nil {
		printErr(stderr, err)
		return exitWork
	}
	// Remembered settings apply unless the command line says otherwise.
	if !themeSet(fs) {
		w.RestoreSettings(*at == "")
	}
	// The default or remembered size must fit the screen: a 1280x720
	// projector would cut the caption off.
	if aw, ah, ok := workArea(); ok {
		w.FitScreen(aw, ah)
	}
	openLesson(w, l, *lessonPath)
	w.ShowReadWarnings(name, warns)
	gui.StatsOnSignal(stderr) // SIGUSR1 prints goroutines and memory (.ci/perf)
	w.Win.ShowAndRun()
	return exitOK
}

func runExport(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("echoes export", flag.ContinueOnError)
	// The flag package's own error is followed by the whole flag list;
	// parseExportFlags says what went wrong in one line instead.
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "write to `OUT` (.png, .svg, .pdf or .gif; .mp4 or .webm with --animate)")
	data := fs.String("data", "", "dataset `FILE` (default: the embedded one)")
	at := fs.String("at", "", "the `DATE` to draw")
	compare := fs.String("compare", "", "two dates side by side, `DATE,DATE`")
	animate := fs.Bool("animate", false, "the timeline as an animated GIF, or a video (.mp4, .webm; needs ffmpeg) (see --from and --to)")
	filmstrip := fs.String("filmstrip", "", "small multiples of `DATES` (e.g. 1950,1961,1972,1991,2024), or \"events\" for the days that open the story's chapters")
	columns := fs.Int("columns", 0, "panels a row of the --filmstrip holds (default: all of up to 3, else half)")
	pageName := fs.String("page", "", "print a .pdf on `PAPER`: a4, letter or a3, landscape (instead of --size)")
	from := fs.String("from", "", "animation start `DATE` (default: the dataset's first day)")
	to := fs.String("to", "", "animation end `DATE` (default: the dataset's last day)")
	size := fs.String("size", "", fmt.Sprintf("picture size `WxH` in pixels, %s (default %dx%d; %dx%d for --animate)",
		export.SizeRange(), export.StillWidth, export.StillHeight, export.AnimateWidth, export.AnimateHeight))
	scale := fs.String("scale", "", fmt.Sprintf("size multiplier `S` for text and lines, from %g to %g and up to twice the default (default: from the size, 1 at 1280x720)", export.MinScale, export.MaxScale))
	themeName := fs.String("theme", "light", "light, dark or projector")
	langName := langFlag(fs)
	transparent := fs.Bool("transparent", false, "leave the background transparent (PNG, SVG)")
	noLegend := fs.Bool("no-legend", false, "leave out the legend")
	noCaption := fs.Bool("no-caption", false, "leave out the caption and the line crediting the data")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stderr)
			fmt.Fprintln(stderr, "usage: echoes export -o OUT [flags]; the flags:")
			fs.PrintDefaults()
			return exitOK
		}
		fmt.Fprintf(stderr, "echoes export: %v; run 'echoes export -h' for the flags\n", err)
		return exitUsage
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "echoes export: "+format+"\n", a...)
		return exitUsage
	}
	if *out == "" || fs.NArg() > 0 {
		return usageErr("give the output file with -o OUT.png (or .svg, .pdf, .gif; .mp4, .webm with --animate)")
	}
	if isFolder(*out) {
		return usageErr("-o %s: it is a folder; give a file name, e.g. -o %s", *out, filepath.Join(*out, "echoes.png"))
	}
	if err := export.CheckPath(*out, *animate); err != nil {
		return usageErr("-o %v", err)
	}
	if export.IsVideo(filepath.Ext(*out)) {
		if _, err := export.FFmpeg(); err != nil {
			fmt.Fprintf(stderr, "echoes export: -o %s: %v\n", *out, err)
			return exitWork
		}
	}
	// Before drawing, which may take a while: the folder must be there.
	if err := formats.CheckFolder(*out); err != nil {
		fmt.Fprintf(stderr, "echoes export: -o %v\n", err)
		return exitWork
	}
	w, h := export.StillWidth, export.StillHeight
	if *animate {
		w, h = export.AnimateWidth, export.AnimateHeight
	}
	if *size != "" {
		var err error
		if w, h, err = export.ParseSize(*size); err != nil {
			return usageErr("--%v", err)
		}
	}
	var sc float64
	if *scale != "" {
		var err error
		if sc, err = export.ParseScale(*scale, w, h); err != nil {
			return usageErr("--%v", err)
		}
	}
	var page *export.Page
	if *pageName != "" {
		p, err := export.PageNamed(*pageName)
		switch {
		case err != nil:
			return usageErr("--%v", err)
		case !strings.EqualFold(filepath.Ext(*out), ".pdf"):
			return usageErr("--page is a paper size for a .pdf; end -o with .pdf, or give --size for %s", *out)
		case *size != "":
			return usageErr("--page and --size both set the size; give one")
		}
		page = &p
	}
	if *columns < 0 || *columns > 12 || *columns != 0 && *filmstrip == "" {
		return usageErr("--columns %d: give 1 to 12, with --filmstrip", *columns)
	}
	th, ok := render.ThemeNamed(*themeName)
	if !ok {
		return usageErr("--theme %q: use light, dark or projector", *themeName)
	}
	ds, _, _, err := loadDataFor(*data, stderr)
	if err != nil {
		printErr(stderr, err)
		return exitWork
	}
	what := export.What{From: ds.First(), To: ds.Last(), Animate: *animate, Page: page, Columns: *columns}
	if *filmstrip != "" {
		if *animate || *compare != "" {
			return usageErr("--filmstrip is a picture of its own; leave out --animate and --compare")
		}
		if what.Filmstrip, err = parseFilmstrip(*filmstrip, ds); err != nil {
			return usageErr("%v", err)
		}
	}
	if what.At, err = parseAt(*at, ds); err != nil {
		return usageErr("%v", err)
	}
	if *at == "" && !*animate {
		what.At = ds.Last()
	}
	if *compare != "" {
		parts := strings.Split(*compare, ",")
		if len(parts) != 2 {
			return usageErr("--compare %q: give two dates, e.g. --compare 1950,2024", *compare)
		}
		a, errA := parseAt(strings.TrimSpace(parts[0]), ds)
		b, errB := parseAt(strings.TrimSpace(parts[1]), ds)
		if errA != nil || errB != nil {
			return usageErr("--compare %q: dates are YYYY, YYYY-MM or YYYY-MM-DD", *compare)
		}
		what.Compare, what.At, what.Other = true, a, b
	}
	if *from != "" {
		if what.From, err = parseFirst(*from); err != nil {
			return usageErr("--from: %v", err)
		}
	}
	if *to != "" {
		if what.To, err = parseAt(*to, ds); err != nil {
			return usageErr("--to: %v", err)
		}
	}
	if what.To < what.From {
		return usageErr("--to is before --from; swap them")
	}
	tag, err := exportLang(*langName)
	if err != nil {
		return usageErr("--lang: %v", err)
	}
	run, stop := exportRun()
	defer stop()
	err = export.Write(*out, ds, what, picture.Options{Lang: tag, Width: w, Height: h, Scale: sc, Theme: th,
		Transparent: *transparent, Legend: !*noLegend, Caption: !*noCaption, NoCredit: *noCaption}, run)
	if err != nil {
		printErr(stderr, err)
		return exitWork
	}
	return exitOK
}

// parseFirst reads a DATE as its first day, for the start of a range.
func parseFirst(s string) (graphmodel.Day, error) {
	d, err := graphmodel.ParseDate(s)
	if err != nil {
		return 0, err
	}
	return d.First(), nil
}

func themeSet(fs *flag.FlagSet) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "theme" })
	return set
}

// noDisplay reports whether a window has nowhere to open: on Linux and the
// BSDs a window needs an X11 or Wayland display, named in the environment.
// Windows and macOS always have their own.
func noDisplay(goos string, getenv func(string) string) bool {
	switch goos {
	case "windows", "darwin", "ios", "android", "js", "wasip1":
		return false
	}
	return getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == ""
}

// isFolder reports whether path is an existing folder.
func isFolder(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}
