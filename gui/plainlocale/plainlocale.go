// Package plainlocale keeps Fyne quiet under the plain C locale.
//
// Debian's containers and many scripts run with LANG=C.UTF-8. Fyne reads
// the locale through github.com/jeandeaual/go-locale, which takes "C" from
// "C.UTF-8" as a language tag, fails to parse it and logs three lines of
// "Fyne error" from its package initialisation, before main runs, on every
// command, including `echoes export` and `echoes --help`. Fyne then falls
// back to English anyway.
//
// Imported for its side effect by main. Go initialises packages in import
// path order among those whose imports are ready, so this package (with
// only the standard library below it) runs before go-locale, and so before
// Fyne's lang package.
package plainlocale

import (
	"os"
	"strings"
)

func init() {
	if lang, ok := Language(os.Getenv); ok {
		os.Setenv("LANGUAGE", lang)
	}
}

// Language returns the LANGUAGE value that makes go-locale read English
// when the effective locale (the first set of LC_ALL, LC_MESSAGES and
// LANG, as go-locale reads them) is C or POSIX with a charset or modifier,
// and LANGUAGE is unset. GNU gettext ignores LANGUAGE under the C locale,
// so programs Echoes starts see no change.
func Language(getenv func(string) string) (string, bool) {
	if getenv("LANGUAGE") != "" {
		return "", false
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		base, _, _ := strings.Cut(v, "@")
		base, _, _ = strings.Cut(base, ".")
		// Plain "C" and "POSIX" go-locale already reads as no locale.
		if v != base && (base == "C" || base == "POSIX") {
			return "en", true
		}
		return "", false
	}
	return "", false
}
