package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/lesson"
	"github.com/echoes-viz/echoes/gui"
	"github.com/echoes-viz/echoes/gui/export"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
	"github.com/echoes-viz/echoes/resources"
)

// builtInLesson is what --lesson takes for the lesson Echoes ships.
const builtInLesson = "built-in"

// loadLesson reads a lesson file (or the built-in one) and the dataset it
// refers to: data when given, else the lesson's own "dataset", relative to
// the lesson file, else the embedded one. It returns the lesson, the
// dataset, the dataset's name and what reading it left out or changed
// (printed on stderr too).
func loadLesson(path, data string, stderr io.Writer) (*lesson.Lesson, *graphmodel.Dataset, string, []graphmodel.Problem, error) {
	name, text := path, []byte(nil)
	if path == builtInLesson {
		name, text = resources.LessonName, resources.LessonJSON()
	} else {
		var err error
		if text, err = lesson.Read(path); err != nil {
			return nil, nil, "", nil, err
		}
	}
	l, err := lesson.Decode(name, text)
	if err != nil {
		return nil, nil, "", nil, err
	}
	if data == "" && l.Dataset != "" && path != builtInLesson {
		data = filepath.Join(filepath.Dir(path), l.Dataset)
	}
	ds, dsName, warns, err := loadDataFor(data, stderr)
	if err != nil {
		return nil, nil, "", nil, err
	}
	if err := lesson.Check(name, text, l, ds); err != nil {
		return nil, nil, "", nil, err
	}
	return l, ds, dsName, warns, nil
}

// runValidate checks lesson files as lessons and hands every other
// operand to the datasets' validate.
func runValidate(args []string, stdout, stderr io.Writer) int {
	var rest []string
	code := exitOK
	for i, a := range args {
		if a == "--" || strings.HasPrefix(a, "-") {
			rest = append(rest, args[i:]...)
			break
		}
		head, err := lesson.Read(a)
		if err != nil || !lesson.IsLesson(head) {
			rest = append(rest, a)
			continue
		}
		l, ds, _, _, err := loadLesson(a, "", stderr)
		if err != nil {
			printErr(stderr, err)
			code = exitWork
			continue
		}
		predicts := 0
		for _, s := range l.Steps {
			if s.Predict {
				predicts++
			}
		}
		fmt.Fprintf(stdout, "%s: valid lesson (%d steps, %d predict, over %q)\n", a, len(l.Steps), predicts, ds.Title)
	}
	if len(rest) == 0 && len(args) > 0 {
		return code
	}
	if c := validateMain(rest, stdout, stderr); c != exitOK {
		return c
	}
	return code
}

// wantsLesson says whether export's arguments ask for a handout.
func wantsLesson(args []string) bool {
	for _, a := range args {
		if a == "--lesson" || a == "-lesson" || strings.HasPrefix(a, "--lesson=") || strings.HasPrefix(a, "-lesson=") {
			return true
		}
	}
	return false
}

// runHandout is `echoes export --lesson FILE -o OUT.pdf|FOLDER/`: a PDF
// page or a PNG per step with its title and caption (and notes with
// --notes).
func runHandout(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("echoes export --lesson", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("lesson", "", "the lesson `FILE` (or built-in)")
	out := fs.String("o", "", "`OUT.pdf` (a page per step), or the FOLDER/ to write step-01.png, step-02.png, ... into")
	data := fs.String("data", "", "dataset `FILE` (default: the lesson's own, else the embedded one)")
	size := fs.String("size", "", fmt.Sprintf("page size `WxH` in pixels (default %dx%d)", export.StillWidth, export.StillHeight))
	themeName := fs.String("theme", "light", "light, dark or projector")
	notes := fs.Bool("notes", false, "print the presenter notes under each caption")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "echoes export: "+format+"\n", a...)
		return exitUsage
	}
	if *path == "" || *out == "" || fs.NArg() > 0 {
		return usageErr("give the lesson and where to write it: --lesson FILE -o OUT.pdf, or -o FOLDER/")
	}
	pdf := strings.EqualFold(filepath.Ext(*out), ".pdf")
	st, err := os.Stat(*out)
	switch {
	case pdf && err == nil && st.IsDir():
		return usageErr("-o %s: it is a folder; give a file name ending in .pdf, or end the folder's name with / for PNGs", *out)
	case pdf:
	case err == nil && !st.IsDir():
		return usageErr("-o %s: write a handout to OUT.pdf, or into a folder whose name ends with / (e.g. -o handout/)", *out)
	case errors.Is(err, os.ErrNotExist):
		if !strings.HasSuffix(*out, "/") && filepath.Ext(*out) != "" {
			return usageErr("-o %s: write a handout to OUT.pdf, or into a folder whose name ends with / (e.g. -o handout/)", *out)
		}
		if err := os.MkdirAll(*out, 0o755); err != nil {
			fmt.Fprintf(stderr, "echoes export: -o %s: %v; check the folder's parent exists and is writable\n", *out, err)
			return exitWork
		}
	case err != nil:
		fmt.Fprintf(stderr, "echoes export: -o %s: %v\n", *out, err)
		return exitWork
	}
	w, h := export.StillWidth, export.StillHeight
	if *size != "" {
		if w, h, err = export.ParseSize(*size); err != nil {
			return usageErr("--%v", err)
		}
	}
	th, ok := render.ThemeNamed(*themeName)
	if !ok {
		return usageErr("--theme %q: use light, dark or projector", *themeName)
	}
	l, ds, _, _, err := loadLesson(*path, *data, stderr)
	if err != nil {
		printErr(stderr, err)
		return exitWork
	}
	o := picture.Options{Width: w, Height: h, Theme: th, Legend: true}
	if pdf {
		n, err := export.HandoutPDF(*out, ds, l, o, *notes)
		if err != nil {
			printErr(stderr, err)
			return exitWork
		}
		fmt.Fprintf(stdout, "%s: %d pages for %d steps (a predict step's question has its own)\n", *out, n, len(l.Steps))
		return exitOK
	}
	files, err := export.Handout(*out, ds, l, o, *notes)
	if err != nil {
		printErr(stderr, err)
		return exitWork
	}
	fmt.Fprintf(stdout, "%s: %d pictures for %d steps (a predict step's question has its own)\n", *out, len(files), len(l.Steps))
	return exitOK
}

// windowData is what the window opens: with --lesson, the lesson and its
// dataset (a lesson file not there yet is a new lesson over the dataset);
// else the dataset alone.
func windowData(lessonPath, data string, stderr io.Writer) (*lesson.Lesson, *graphmodel.Dataset, string, []graphmodel.Problem, error) {
	if lessonPath != "" && lessonPath != builtInLesson {
		if _, err := os.Stat(lessonPath); errors.Is(err, os.ErrNotExist) {
			lessonPath = ""
		}
	}
	if lessonPath == "" {
		ds, name, warns, err := loadDataFor(data, stderr)
		return nil, ds, name, warns, err
	}
	return loadLesson(lessonPath, data, stderr)
}

// openLesson puts the command line's lesson in the window: the one read,
// a new one to be saved at path, or the last one the window had open.
func openLesson(w *gui.Window, l *lesson.Lesson, path string) {
	w.OfferBuiltInLesson(resources.LessonName, resources.LessonJSON())
	switch {
	case l != nil && path == builtInLesson:
		w.SetLesson(l, "")
	case l != nil:
		w.SetLesson(l, path)
	case path != "":
		w.NewLessonAt(path)
	default:
		w.ReopenLastLesson()
	}
}
