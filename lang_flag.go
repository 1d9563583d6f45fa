package main

import (
	"flag"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/echoes-viz/echoes/gui/lang"
)

// langPref is the preference that remembers the window's language.
const langPref = "lang"

// langFlag adds --lang to fs.
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", "", "names, legend, dates and interface in `LANG`: "+strings.Join(lang.Tags(), ", ")+" (default: the system's)")
}

// exportLang is the language of an export: --lang, else the system's.
func exportLang(s string) (string, error) {
	if s == "" {
		return lang.System(), nil
	}
	return lang.Parse(s)
}

// windowLang is the window's language: --lang (remembered for the next
// run), else the remembered one, else the system's. It makes Fyne speak
// it too.
func windowLang(s string, a fyne.App) (string, error) {
	tag := ""
	switch {
	case s != "":
		t, err := lang.Parse(s)
		if err != nil {
			return "", fmt.Errorf("--lang: %w", err)
		}
		tag = t
		a.Preferences().SetString(langPref, tag)
	case lang.FromLocale(a.Preferences().String(langPref)) != "":
		tag = lang.FromLocale(a.Preferences().String(langPref))
	default:
		tag = lang.System()
	}
	return tag, lang.Register(tag)
}
