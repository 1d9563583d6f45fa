package export

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel/lesson"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/resources"
)

// TestHandout writes the built-in lesson's handout twice: a page per step
// and a question page per predict step, the same bytes both times.
func TestHandout(t *testing.T) {
	ds, err := resources.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	l, err := lesson.Parse(resources.LessonName, resources.LessonJSON(), ds)
	if err != nil {
		t.Fatal(err)
	}
	predicts := 0
	for _, s := range l.Steps {
		if s.Predict {
			predicts++
		}
	}
	o := picture.Options{Width: 640, Height: 360, Legend: true}
	var first [][]byte
	for run := 0; run < 2; run++ {
		dir := t.TempDir()
		files, err := Handout(dir, ds, l, o, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != len(l.Steps)+predicts {
			t.Fatalf("%d files for %d steps and %d questions", len(files), len(l.Steps), predicts)
		}
		if files[1] != filepath.Join(dir, QuestionName(1)) || files[2] != filepath.Join(dir, HandoutName(1)) {
			t.Errorf("files %v", files[:3])
		}
		for i, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if run == 0 {
				first = append(first, b)
			} else if !bytes.Equal(b, first[i]) {
				t.Errorf("%s differs between two runs", filepath.Base(f))
			}
		}
	}
	if bytes.Equal(first[1], first[2]) {
		t.Error("the question page is the answer page")
	}
}

// TestHandoutPage: a predict step's page asks and answers; notes only
// when asked for.
func TestHandoutPage(t *testing.T) {
	ds, err := resources.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	s := lesson.Step{Event: "e1950-10-19", Predict: true, Question: "Q?", Caption: "A.", Notes: "N."}
	tests := []struct {
		notes bool
		want  string
	}{
		{false, "Q? \u2014 A."},
		{true, "Q? \u2014 A.  Notes: N."},
	}
	for _, tc := range tests {
		if got := HandoutPage(ds, s, tc.notes).Caption; got != tc.want {
			t.Errorf("notes %v: %q, want %q", tc.notes, got, tc.want)
		}
	}
}

// TestHandoutPDF writes the handout as one PDF: a page per picture of the
// PNG handout, deterministic.
func TestHandoutPDF(t *testing.T) {
	ds, err := resources.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	l, err := lesson.Parse(resources.LessonName, resources.LessonJSON(), ds)
	if err != nil {
		t.Fatal(err)
	}
	o := picture.Options{Width: 640, Height: 360, Legend: true}
	var first []byte
	for run := 0; run < 2; run++ {
		path := filepath.Join(t.TempDir(), "h.pdf")
		n, err := HandoutPDF(path, ds, l, o, false)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if n != 17 || !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b, []byte("/Count 17")) ||
			bytes.Count(b, []byte("/Type /Page ")) != 17 {
			t.Errorf("%d pages; the file has %d page objects", n, bytes.Count(b, []byte("/Type /Page ")))
		}
		if run == 0 {
			first = b
		} else if !bytes.Equal(b, first) {
			t.Error("two runs wrote different PDFs")
		}
	}
}
