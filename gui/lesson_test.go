package gui

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/lesson"
	"github.com/echoes-viz/echoes/resources"
)

func press(w *Window, k fyne.KeyName) {
	w.key(&fyne.KeyEvent{Name: k})
	drain(w)
}

// TestLessonBuiltInWindow builds a lesson through the window's own
// actions (three views added, one made a predict step, one moved, a
// caption edited), undoes a change, saves, reopens and presents it: the
// predict step asks first and answers on the next key.
func TestLessonBuiltInWindow(t *testing.T) {
	w := newTestWindow(t, "1950-02-14")
	p := w.lesson.panel
	w.addStep() // 1950-02-14, an event day
	w.Viewer.SetDay(graphmodel.DayOf(1950, 10, 19))
	w.addStep()
	p.togglePredict()
	w.Viewer.SetDay(graphmodel.MustDate("1961-09-10").First())
	w.addStep()
	doc := w.lesson.doc
	if doc.steps() != 3 || !doc.l.Steps[1].Predict || doc.l.Steps[1].Question != "What happens next?" {
		t.Fatalf("steps %+v", doc.l.Steps)
	}
	// Move the last step up, then undo the move.
	p.move(-1)
	if doc.l.Steps[1].Event != "e1961-09-10" {
		t.Fatalf("move: %+v", doc.l.Steps)
	}
	w.undoLesson()
	if doc.l.Steps[1].Event != "e1950-10-19" {
		t.Fatalf("undo: %+v", doc.l.Steps)
	}
	// Typing a caption is one undo step.
	p.selectStep(1)
	p.caption.SetText("China ")
	p.caption.SetText("China goes to war.")
	if doc.l.Steps[1].Caption != "China goes to war." {
		t.Fatalf("caption %q", doc.l.Steps[1].Caption)
	}
	w.undoLesson()
	if doc.l.Steps[1].Caption != "" {
		t.Errorf("undo of typing left %q", doc.l.Steps[1].Caption)
	}
	p.caption.SetText("China goes to war.")

	p.name.SetText("War in Korea")
	if doc.l.Title != "War in Korea" {
		t.Errorf("lesson title %q", doc.l.Title)
	}
	path := t.TempDir() + "/lesson.json"
	w.writeLesson(path)
	if doc.dirty {
		t.Error("dirty after save")
	}
	data, err := lesson.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lesson.Parse(path, data, w.Viewer.Dataset()); err != nil {
		t.Fatal(err)
	}

	// A bad file leaves the lesson as it was.
	bad := t.TempDir() + "/bad.json"
	if err := os.WriteFile(bad, []byte(`{"echoes": "lesson", "title": "x", "steps": [{"event": "nope"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	before := doc.l
	w.openLessonFile(bad)
	if doc.l != before || !strings.Contains(w.lastProblems[0], "bad.json:1:") {
		t.Errorf("a bad lesson changed the lesson or was not placed: %v", w.lastProblems)
	}

	// Present from step 2.
	p.selectStep(1)
	w.togglePresent()
	drain(w)
	if !w.presentingLesson() || !strings.Contains(w.Win.Title(), "lesson step 2/3, question") {
		t.Fatalf("title %q", w.Win.Title())
	}
	if w.Viewer.Day() != graphmodel.DayOf(1950, 10, 18) || w.Network.Step.Event.Caption != "What happens next?" {
		t.Errorf("before the reveal: %v %q", w.Viewer.Day(), w.Network.Step.Event.Caption)
	}
	press(w, fyne.KeyRight)
	if !strings.Contains(w.Win.Title(), "2/3, answer") || w.Viewer.Day() != graphmodel.DayOf(1950, 10, 19) ||
		w.Network.Step.Event.Caption != "China goes to war." || !w.Network.Step.Emphasis["r13-b"] {
		t.Errorf("after the reveal: %q %v %+v", w.Win.Title(), w.Viewer.Day(), w.Network.Step)
	}
	tall := w.Network.Size().Height
	press(w, fyne.KeyN)
	if !w.lesson.notes.box.Visible() || w.lesson.notes.box.Size().Height == 0 || w.Network.Size().Height >= tall {
		t.Errorf("N shows no notes strip, or the picture gives it no room (%v, picture %v high, was %v)",
			w.lesson.notes.box.Size(), w.Network.Size().Height, tall)
	}
	press(w, fyne.KeyV)
	pr := w.lesson.presenter
	if pr == nil || !strings.Contains(pr.now.Text, "Step 2 of 3") || pr.next.Text != "Next: Both North Korean defence treaties in force" {
		t.Fatalf("presenter window: %q / %q", pr.now.Text, pr.next.Text)
	}
	press(w, fyne.KeyRight)
	if !strings.Contains(pr.now.Text, "Step 3 of 3") || pr.next.Text != "Next: the end of the lesson" {
		t.Errorf("presenter after Right: %q / %q", pr.now.Text, pr.next.Text)
	}
	if !strings.Contains(w.Win.Title(), "3/3") {
		t.Errorf("title %q", w.Win.Title())
	}
	press(w, fyne.KeyLeft)
	press(w, fyne.KeyEscape)
	if w.presenting || w.Network.Step != nil || w.lesson.notes.box.Visible() || w.lesson.presenter != nil {
		t.Error("Esc left the lesson, its notes or the presenter window on")
	}
}

// TestBuiltInLessonOpens: the window opens the built-in lesson and
// presents every step of it.
func TestBuiltInLessonOpens(t *testing.T) {
	w := newTestWindow(t, "1950")
	w.OfferBuiltInLesson(resources.LessonName, resources.LessonJSON())
	w.openBuiltInLesson()
	n := w.lesson.doc.steps()
	if n < 10 {
		t.Fatalf("%d steps", n)
	}
	w.togglePresent()
	for i := 0; i < n+4; i++ {
		press(w, fyne.KeyRight)
	}
	if want := "lesson step 13/13"; !strings.Contains(w.Win.Title(), want) {
		t.Errorf("title %q, want %q", w.Win.Title(), want)
	}
}

// TestLastLessonReopens: a saved lesson opens again in the next window of
// the app; one that no longer reads stays closed.
func TestLastLessonReopens(t *testing.T) {
	w := newTestWindow(t, "1950-02-14")
	w.addStep()
	path := t.TempDir() + "/l.json"
	w.writeLesson(path)
	ds := w.Viewer.Dataset()
	again, err := newWindow(w.app, ds, "Echoes", ds.First(), false, false, newQueueLoop())
	if err != nil {
		t.Fatal(err)
	}
	defer again.Win.Close()
	if !again.ReopenLastLesson() || again.lesson.doc.path != path || again.lesson.doc.steps() != 1 {
		t.Fatalf("the last lesson did not reopen: %+v", again.lesson.doc)
	}
	if err := os.WriteFile(path, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	third, err := newWindow(w.app, ds, "Echoes", ds.First(), false, false, newQueueLoop())
	if err != nil {
		t.Fatal(err)
	}
	defer third.Win.Close()
	if third.ReopenLastLesson() || third.lesson.doc.l != nil {
		t.Error("a broken last lesson was opened")
	}
}

// TestLessonDragReorders: dragging a step's row two rows down moves it
// two places, as one undoable change.
func TestLessonDragReorders(t *testing.T) {
	w := newTestWindow(t, "1950-02-14")
	w.OfferBuiltInLesson(resources.LessonName, resources.LessonJSON())
	w.openBuiltInLesson()
	doc := w.lesson.doc
	first := doc.l.Steps[0].Event
	row := newLessonRow(w.lesson.panel.moveTo)
	row.Resize(fyne.NewSize(200, 36))
	row.index = 0
	for range 8 {
		row.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: 9}}) // 72 units: two rows
	}
	row.DragEnd()
	if doc.l.Steps[2].Event != first || w.lesson.panel.selected != 2 {
		t.Fatalf("after the drag step 3 is %q (selected %d), want %q", doc.l.Steps[2].Event, w.lesson.panel.selected, first)
	}
	w.undoLesson()
	if doc.l.Steps[0].Event != first {
		t.Error("one undo did not take the drag back")
	}
	row.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: 10}}) // under half a row
	row.DragEnd()
	if doc.l.Steps[0].Event != first {
		t.Error("a short drag moved the step")
	}
}

// TestLessonOverAnotherDataset: with another dataset opened, the lesson
// stays open but P presents the new dataset's events, and says why.
func TestLessonOverAnotherDataset(t *testing.T) {
	w := newTestWindow(t, "1950")
	w.OfferBuiltInLesson(resources.LessonName, resources.LessonJSON())
	w.openBuiltInLesson()
	other, err := graphmodel.Load("../graphmodel/testdata/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	w.SetDataset(other, "mini.json")
	w.lesson.panel.list.Refresh()
	w.togglePresent()
	drain(w)
	if w.presentingLesson() || w.Network.Step != nil {
		t.Error("a lesson over another dataset was presented")
	}
	if !strings.Contains(w.statusLine.Text, "does not fit this dataset") {
		t.Errorf("status %q", w.statusLine.Text)
	}
	w.togglePresent()
}

// TestBadLessonChangesNothing opens the four kinds of bad lesson
// in a window presenting a lesson: each is refused with its problem placed
// on one line (in a dialog), and the lesson, the step and the picture
// under the dialog stay as they were.
func TestBadLessonChangesNothing(t *testing.T) {
	w := newTestWindow(t, "1950")
	w.OfferBuiltInLesson(resources.LessonName, resources.LessonJSON())
	w.openBuiltInLesson()
	w.togglePresent()
	press(w, fyne.KeyRight)
	press(w, fyne.KeyRight)
	before, step, title := w.lesson.doc.l, w.lesson.step, w.Win.Title()
	capture(w)
	picture := w.Network.Built().Scene
	head := `{"echoes": "lesson", "title": "T", "steps": [` + "\n"
	tests := []struct{ name, text, at string }{
		{"wrong JSON", head + `{"event": "e1950-02-14",}]}`, ":2:25: "},
		{"unknown event", head + `{"event": "e2031-01-01"}]}`, ":2:11: "},
		{"date out of range", head + `{"date": "2031"}]}`, ":2:10: "},
		{"another dataset's actors", head + `{"date": "1950", "focus": ["FRA"]}]}`, ":2:28: "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := t.TempDir() + "/bad.json"
			if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			w.openLessonFile(path)
			drain(w)
			if len(w.lastProblems) != 1 || !strings.Contains(w.lastProblems[0], path+tc.at) || strings.Contains(w.lastProblems[0], "\n") {
				t.Errorf("problems %q, want one line at %s", w.lastProblems, tc.at)
			}
			if w.lesson.doc.l != before || w.lesson.step != step || w.Win.Title() != title {
				t.Errorf("the lesson on show changed: step %d, title %q", w.lesson.step, w.Win.Title())
			}
			// The problems come in a dialog over the window; the picture
			// under it is the one that was there.
			capture(w)
			if !reflect.DeepEqual(w.Network.Built().Scene, picture) {
				t.Error("the picture on show changed")
			}
		})
	}
}
