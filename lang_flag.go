package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	fynelang "fyne.io/fyne/v2/lang"

	"github.com/echoes-viz/echoes/gui/export"
	"github.com/echoes-viz/echoes/gui/lang"
	"github.com/echoes-viz/echoes/gui/render"
)

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
// it too. The choice is kept in Echoes' own file in the user's config
// folder, not Fyne's preferences, because the interface font depends on it
// and must be chosen before Fyne starts: call windowLang first.
func windowLang(s string) (string, error) {
	var tag string
	file := ""
	if dir, err := os.UserConfigDir(); err == nil {
		file = filepath.Join(dir, "echoes", "lang")
	}
	switch {
	case s != "":
		t, err := lang.Parse(s)
		if err != nil {
			return "", fmt.Errorf("--lang: %w", err)
		}
		tag = t
		if file != "" && os.MkdirAll(filepath.Dir(file), 0o755) == nil {
			_ = export.WriteAtomic(file, []byte(tag+"\n")) // not remembered is no failure
		}
	default:
		tag = lang.System()
		if data, err := os.ReadFile(file); err == nil && lang.FromLocale(strings.TrimSpace(string(data))) != "" {
			tag = lang.FromLocale(strings.TrimSpace(string(data)))
		}
	}
	uiFontFor(tag)
	return tag, registerLang(tag)
}

// registerLang gives Fyne the translations, for lang.L in the window and
// Fyne's own dialogs, and makes tag the language it picks: Fyne reads the
// choice from the environment, so LANGUAGE is set for this process.
func registerLang(tag string) error {
	if err := os.Setenv("LANGUAGE", lang.Locale(tag)); err != nil {
		return err
	}
	return fynelang.AddTranslationsFS(lang.Translations(), "translations")
}

// uiFontFor makes Fyne's widgets draw lang's script with Echoes' embedded
// subset when the system has no font for it (Fyne falls back only to the
// system's fonts): FYNE_FONT names the subset, written once to the user's
// cache folder. Latin text then comes from the subset too. Call it before
// the first window.
func uiFontFor(tag string) {
	if os.Getenv("FYNE_FONT") != "" || render.SystemHasCJK(tag) {
		return
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return
	}
	dir = filepath.Join(dir, "echoes", "fonts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	// Fyne finds the other styles by replacing Regular in the name; the
	// subset has no italic, so the upright faces stand in.
	for _, style := range []struct {
		name string
		bold bool
	}{{"Regular", false}, {"Bold", true}, {"Italic", false}, {"BoldItalic", true}} {
		data, ok := render.EmbeddedCJK(tag, style.bold)
		if !ok {
			return
		}
		p := filepath.Join(dir, "NotoSansCJK-"+tag+"-"+style.name+".otf")
		if old, err := os.ReadFile(p); err != nil || !bytes.Equal(old, data) {
			if err := export.WriteAtomic(p, data); err != nil {
				return
			}
		}
	}
	os.Setenv("FYNE_FONT", filepath.Join(dir, "NotoSansCJK-"+tag+"-Regular.otf"))
}
