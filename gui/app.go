package gui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel"
	elang "github.com/echoes-viz/echoes/gui/lang"
	"github.com/echoes-viz/echoes/gui/render"
)

// Window is Echoes' main window and the widgets in it.
type Window struct {
	Win      fyne.Window
	Viewer   *Viewer
	Network  *NetworkView
	Timeline *Timeline

	app        fyne.App
	loop       uiLoop // where background work hands its results over
	fonts      *render.Fonts
	caption    *captionPanel
	details    *detailsPanel
	story      *storyPanel
	date       *widget.Label
	play       *widget.Button
	statusLine *widget.Label
	below      *fyne.Container // the timeline and caption, under the network
	size       fyne.Size       // the size asked of the window at start
	hinted     bool            // the first key has taken the start hint away
	top        *fyne.Container
	bottom     *fyne.Container
	side       *container.AppTabs
	split      *container.Split
	captionBox fyne.CanvasObject

	title      string
	dark       bool
	presenting bool
	// controlsUp is false until the first frame is on screen: until then
	// the window holds the network alone and update fills nothing else.
	controlsUp bool
	filled     filledState
	hideSeq    int
	// after schedules f on the UI goroutine; tests replace it.
	after func(d time.Duration, f func())
	prefs *settings
	// lastProblems are the problems of the last file that failed to open.
	lastProblems []string
	// lastWarnings are what the reader left out of the last file opened.
	lastWarnings []string
	// lesson is the teacher's lesson: its tab, document and presentation.
	lesson *lessonState
}

// NewWindow builds the window for ds at day. dark picks the theme.
func NewWindow(a fyne.App, ds *graphmodel.Dataset, title string, day graphmodel.Day, dark bool) (*Window, error) {
	return newWindow(a, ds, title, day, dark, false, fyneLoop{})
}

// NewStartWindow is NewWindow for the app's start: the side panel and the
// caption stay out of the first frame and come in once the app has
// started (Fyne calls that after the first frame). Their text, list rows
// and tabs would otherwise make the first picture come much later, and
// nothing slow may block it.
func NewStartWindow(a fyne.App, ds *graphmodel.Dataset, title string, day graphmodel.Day, dark bool) (*Window, error) {
	return newWindow(a, ds, title, day, dark, true, fyneLoop{})
}

func newWindow(a fyne.App, ds *graphmodel.Dataset, title string, day graphmodel.Day, dark, deferPanels bool, loop uiLoop) (*Window, error) {
	fonts, err := render.NewFontsFor(elang.Current(), nil)
	if err != nil {
		return nil, err
	}
	w := &Window{app: a, Win: a.NewWindow(title), fonts: fonts, dark: dark, prefs: newSettings(a), title: title, loop: loop, after: afterOn(loop)}
	a.Settings().SetTheme(newVariantTheme(dark, false))
	w.Viewer = newViewer(ds, day, fonts, loop)
	w.Network = NewNetworkView(w.Viewer, fonts, w.renderTheme())
	w.Network.CompareDay = ds.CompareDay()
	w.Timeline = NewTimeline(ds)
	w.caption = newCaptionPanel()
	w.details = newDetailsPanel()
	w.story = newStoryPanel(ds, func(e *graphmodel.Event) { w.Viewer.SetDay(e.Day()); w.focusNetwork() })
	w.date = widget.NewLabel("")

	w.Timeline.OnChanged = func(d graphmodel.Day) { w.Viewer.SetDay(d); w.focusNetwork() }
	w.Network.OnSelect = w.selected
	w.Network.OnKey = w.key
	w.Network.OnPointer = w.reveal
	w.Win.Canvas().SetOnTypedKey(w.key)
	w.Win.Canvas().SetOnTypedRune(w.rune)
	w.Network.OnRune = w.rune

	btn := func(label string, icon fyne.Resource, f func()) *widget.Button {
		return widget.NewButtonWithIcon(label, icon, func() { f(); w.focusNetwork() })
	}
	prev := btn("", theme.MediaSkipPreviousIcon(), func() { w.Viewer.PrevEvent() })
	next := btn("", theme.MediaSkipNextIcon(), func() { w.Viewer.NextEvent() })
	w.play = btn(lang.L("Play"), theme.MediaPlayIcon(), func() { w.Viewer.TogglePlay() })
	w.statusLine = widget.NewLabel(startHint)
	// The status line takes what room the buttons leave and cuts its text
	// short rather than push them out of a 1280-pixel window.
	w.statusLine.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, container.NewHBox(prev, w.play, next, w.date), container.NewHBox(
		btn(lang.L("Open"), theme.FolderOpenIcon(), w.showOpen),
		btn(lang.L("Save data"), theme.DocumentSaveIcon(), w.showSave),
		btn(lang.L("Export"), theme.MediaPhotoIcon(), w.showExport),
		btn(lang.L("Compare"), theme.ViewRestoreIcon(), w.toggleCompare),
		btn(lang.L("Present"), theme.ComputerIcon(), w.togglePresent),
		btn(lang.L("Legend"), nil, func() { w.key(&fyne.KeyEvent{Name: fyne.KeyL}) }),
		btn(lang.L("Light/Dark"), nil, func() { w.key(&fyne.KeyEvent{Name: fyne.KeyD}) }),
		btn("", theme.HelpIcon(), w.showKeys)), w.statusLine)
	// The toolbar scrolls sideways rather than hold the window wide.
	w.top = container.NewPadded(container.NewHScroll(top))
	w.Win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { w.showExport() })
	w.Win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { w.showOpen() })
	w.Win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { w.showSave() })
	w.Win.SetOnDropped(w.dropped)
	for key, d := range map[fyne.KeyName][2]float32{fyne.KeyLeft: {60, 0}, fyne.KeyRight: {-60, 0}, fyne.KeyUp: {0, 60}, fyne.KeyDown: {0, -60}} {
		d := d
		w.Win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierControl},
			func(fyne.Shortcut) { w.Network.PanBy(d[0], d[1]) })
	}

	detailsScroll := container.NewVScroll(w.details.text)
	// The filters are built when first shown: two dozen widgets measured
	// for a tab nobody sees at start would delay the first frame.
	w.Network.HiddenKinds = map[graphmodel.Kind]bool{}
	w.Network.HiddenCertainty = map[graphmodel.Certainty]bool{}
	filters := container.NewTabItem(lang.L("Filters"), container.NewStack())
	w.side = container.NewAppTabs(
		container.NewTabItem(lang.L("Story"), w.story.list),
		container.NewTabItem(lang.L("Details"), detailsScroll),
		filters,
	)
	w.initLesson()
	w.side.OnSelected = func(t *container.TabItem) {
		if t == filters && len(filters.Content.(*fyne.Container).Objects) == 0 {
			filters.Content.(*fyne.Container).Add(w.filtersPanel())
		}
	}
	captionScroll := container.NewVScroll(w.caption.text)
	captionScroll.SetMinSize(fyne.NewSize(200, 140))
	w.captionBox = captionScroll
	w.bottom = container.NewVBox(w.Timeline)
	if deferPanels {
		// The first frame shows the network alone, with empty room where
		// the controls go: they need Fyne's fonts, whose loading and
		// measuring would otherwise hold the picture back (issue 7).
		w.split = container.NewHSplit(w.Network, canvas.NewRectangle(nil))
		w.split.Offset = 0.72
		w.Win.SetContent(startContent(w.split))
		a.Lifecycle().SetOnStarted(func() {
			w.controlsJoin()
		})
	} else {
		w.split = container.NewHSplit(w.Network, w.side)
		w.controlsJoin()
	}
	w.size = w.prefs.size(fyne.NewSize(1200, 800))
	w.Win.Resize(w.size)

	w.Viewer.OnChange(w.update)
	w.update()
	w.Win.SetOnClosed(func() {
		w.prefs.save(w)
		w.Viewer.Close()
	})
	w.focusNetwork()
	return w, nil
}

// Sizes of the controls around the network at the default theme, for the
// room left for them in the first frame; TestStartRoomMatchesControls
// holds them to the real layout.
const (
	toolbarHeight  = 44    // the padded toolbar
	controlsHeight = 184.8 // the timeline and the caption, stacked
)

// RestoreSettings applies what was remembered from the last run (theme,
// date, pins); openAtDay says whether to take the remembered date too.
func (w *Window) RestoreSettings(openAtDay bool) { w.prefs.restore(w, openAtDay) }

func (w *Window) renderTheme() *render.Theme {
	switch {
	case w.presenting:
		return render.Projector()
	case w.dark:
		return render.Dark()
	}
	return render.Light()
}

func (w *Window) applyTheme() {
	w.app.Settings().SetTheme(newVariantTheme(w.dark && !w.presenting, w.presenting))
	w.Network.Theme = w.renderTheme()
	w.Network.Refresh()
}

func (w *Window) focusNetwork() {
	// Widgets built before the content is set call this too; Fyne logs an
	// error for a focus outside the canvas.
	if c := fyne.CurrentApp().Driver().CanvasForObject(w.Network); c != nil {
		c.Focus(w.Network)
	}
}

func (w *Window) selected(actor, rel string) {
	switch {
	case actor != "":
		w.details.selectActor(actor)
	case rel != "":
		if r := w.Viewer.Dataset().Relation(rel); r != nil {
			w.details.selectPair(r.Actors[0], r.Actors[1])
		}
	default:
		w.details.clear()
	}
	w.details.show(w.Viewer.Snapshot())
	if !w.details.empty() {
		w.side.SelectIndex(1)
	}
}

// filledState is what the controls were last filled for.
type filledState struct {
	ds            *graphmodel.Dataset
	day           graphmodel.Day
	playing       bool
	caption, side bool // visible
}

// update brings every widget in line with the viewer.
func (w *Window) update() {
	v := w.Viewer
	day := v.Day()
	w.setTitle()
	w.Network.Refresh()
	if !w.controlsUp { // the first frame: the network alone
		return
	}
	// A settling layout calls this many times a second with only the
	// positions changed: the text widgets are refilled only when what
	// they show has changed, as measuring text is not free.
	now := filledState{v.Dataset(), day, v.Playing(), w.captionBox.Visible(), w.side.Visible()}
	if now == w.filled {
		return
	}
	w.filled = now
	w.Timeline.SetValue(day)
	w.date.SetText(dateText(day.Date()))
	if v.Playing() {
		w.play.SetText(lang.L("Pause"))
		w.play.SetIcon(theme.MediaPauseIcon())
	} else {
		w.play.SetText(lang.L("Play"))
		w.play.SetIcon(theme.MediaPlayIcon())
	}
	// Hidden panels are filled when they come back (presentation mode
	// keeps them out): text in them costs time to measure.
	ev := v.Dataset().EventNear(day) // before the first event, the first
	if w.captionBox.Visible() {
		w.caption.show(v.Dataset(), ev, day)
	}
	if w.side.Visible() {
		w.story.show(ev)
		if !w.details.empty() {
			w.details.show(v.Snapshot())
		}
	}
}

// status shows a short message in the toolbar.
func (w *Window) status(msg string) { w.statusLine.SetText(msg) }

// setTitle names the date, the event and the mode in the title bar, so a
// taskbar (and a test driving the window from outside) can read them.
func (w *Window) setTitle() {
	day := w.Viewer.Day()
	t := w.title + " \u2014 " + dateText(day.Date())
	if ev := w.Viewer.Dataset().LatestEvent(day); ev != nil {
		t += ": " + ev.Title
	}
	var modes []string
	if w.presenting {
		modes = append(modes, "presentation")
	}
	if w.Network != nil && w.Network.Compare {
		modes = append(modes, "compare")
	}
	modes = append(modes, w.lessonMode()...)
	if len(modes) > 0 {
		t += " [" + strings.Join(modes, ", ") + "]"
	}
	if w.Win.Title() != t {
		w.Win.SetTitle(t)
	}
}
