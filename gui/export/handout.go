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
	if o.Chain == nil {
		o.Chain = picture.NewChain(ds, fonts)
	}
	o.Caption = true
	var files []string
	write := func(i int, name string, b render.Built) error {
		var buf bytes.Buffer
		if err := EncodePNG(&buf, render.Raster(b.Scene, fonts)); err != nil {
			return fmt.Errorf("step %d: encode PNG: %w", i+1, err)
		}
		path := filepath.Join(dir, name)
		if err := WriteAtomic(path, buf.Bytes()); err != nil {
			return err
		}
		files = append(files, path)
		return nil
	}
	for i, s := range l.Steps {
		if s.Predict {
			if err := write(i, QuestionName(i), picture.Step(ds, &s, false, o, fonts)); err != nil {
				return files, err
			}
		}
		page := HandoutPage(ds, s, notes)
		if err := write(i, HandoutName(i), picture.Step(ds, &page, true, o, fonts)); err != nil {
			return files, err
		}
	}
	return files, nil
}
