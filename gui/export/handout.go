package export

import (
	"bytes"
	"fmt"
	"path/filepath"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/lesson"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

// HandoutPage is the step as a handout prints it: the picture after any
// reveal, a predict step's question before its answer, and the notes
// after the caption when notes is true.
func HandoutPage(ds *graphmodel.Dataset, s lesson.Step, notes bool) lesson.Step {
	caption := s.ShownCaption(ds)
	if s.Predict {
		caption = s.Question + " \u2014 " + caption
	}
	if notes && s.Notes != "" {
		caption += "  Notes: " + s.Notes
	}
	s.Caption = caption
	return s
}

// HandoutName is the file of step i (0-based) in a handout folder.
func HandoutName(i int) string { return fmt.Sprintf("step-%02d.png", i+1) }

// QuestionName is the file of a predict step's question page: the
// picture the class sees before the reveal, for a worksheet.
func QuestionName(i int) string { return fmt.Sprintf("step-%02d-question.png", i+1) }

// handoutPictures builds the handout's pictures in order, each with its
// file name: a predict step's question page, then every step's page.
func handoutPictures(ds *graphmodel.Dataset, l *lesson.Lesson, o picture.Options, notes bool, fonts *render.Fonts) ([]string, []render.Built) {
	if o.Chain == nil {
		o.Chain = picture.NewChain(ds, fonts)
	}
	o.Caption = true
	var names []string
	var pics []render.Built
	for i, s := range l.Steps {
		if s.Predict {
			names = append(names, QuestionName(i))
			pics = append(pics, picture.Step(ds, &s, false, o, fonts))
		}
		page := HandoutPage(ds, s, notes)
		names = append(names, HandoutName(i))
		pics = append(pics, picture.Step(ds, &page, true, o, fonts))
	}
	return names, pics
}

// Handout writes one PNG per step of l into dir (which must exist), each
// with the step's title and caption, and with its notes when notes is
// true; a predict step also gets its question page, as projected before
// the reveal. It returns the files written, in step order.
func Handout(dir string, ds *graphmodel.Dataset, l *lesson.Lesson, o picture.Options, notes bool) ([]string, error) {
	if err := CheckSize(o.Width, o.Height); err != nil {
		return nil, err
	}
	fonts, err := render.NewFonts()
	if err != nil {
		return nil, err
	}
	names, pics := handoutPictures(ds, l, o, notes, fonts)
	var files []string
	for i, b := range pics {
		var buf bytes.Buffer
		if err := EncodePNG(&buf, render.Raster(b.Scene, fonts)); err != nil {
			return files, fmt.Errorf("%s: encode PNG: %w", names[i], err)
		}
		path := filepath.Join(dir, names[i])
		if err := WriteAtomic(path, buf.Bytes()); err != nil {
			return files, err
		}
		files = append(files, path)
	}
	return files, nil
}

// HandoutPDF writes the handout as one PDF at path, atomically: the pages
// Handout writes as PNGs, in the same order, as vector pages. It returns
// the number of pages.
func HandoutPDF(path string, ds *graphmodel.Dataset, l *lesson.Lesson, o picture.Options, notes bool) (int, error) {
	if err := CheckSize(o.Width, o.Height); err != nil {
		return 0, err
	}
	fonts, err := render.NewFonts()
	if err != nil {
		return 0, err
	}
	_, pics := handoutPictures(ds, l, o, notes, fonts)
	scenes := make([]render.Scene, len(pics))
	for i, b := range pics {
		scenes[i] = b.Scene
	}
	var buf bytes.Buffer
	if err := EncodePDFPages(&buf, scenes, fonts); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	return len(scenes), WriteAtomic(path, buf.Bytes())
}
