package gui

import (
	fynelang "fyne.io/fyne/v2/lang"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/lang"
)

// The window's words come from Fyne's own translation support, over the
// translations gui/lang registered for the language main chose (--lang,
// the remembered one or the system's). Names come from the dataset,
// localised as it is opened; captions and descriptions stay in English.

// kindText is a kind's legend label in the window's language.
func kindText(k graphmodel.Kind) string { return lang.Kind(lang.Current(), k) }

// dateText writes d as the window's language does.
func dateText(d graphmodel.Date) string { return lang.Date(lang.Current(), d) }

// dated is the template data of a text with a {{.Date}}.
func dated(d graphmodel.Date) map[string]any { return map[string]any{"Date": dateText(d)} }

// relationsOn is "N relations on DATE" in the window's language.
func relationsOn(n int, day graphmodel.Day) string {
	return fynelang.L("{{.Count}} relations on {{.Date}}", map[string]any{"Count": n, "Date": dateText(day.Date())})
}

// inEnglish marks a caption's heading as English in another language.
func inEnglish() string {
	if lang.Current() == lang.English {
		return ""
	}
	return " " + fynelang.L("(in English)")
}

// localised is ds in the window's language.
func localised(ds *graphmodel.Dataset) *graphmodel.Dataset { return ds.Localised(lang.Current()) }
