// Package lang is Echoes in the languages of Northeast Asia: the tags it
// speaks, the translations of what it says itself (interface, legend,
// kinds) and dates as each language writes them. The same translation
// files serve exports (Translate, with no global state) and the window
// (main hands Translations to Fyne's own fyne.io/fyne/v2/lang).
package lang

import (
	"embed"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// English is the language Echoes is written in, and the fallback.
const English = "en"

//go:embed translations/*.json
var files embed.FS

// tables holds each language's translations by English text; filled once
// at start and only read afterwards.
var tables = load()

var tags = [...]string{English, "ko", "ja", "zh-Hans", "zh-Hant", "ru"}

// Tags lists the languages Echoes speaks, English first.
func Tags() []string { return tags[:] }

// Parse checks a --lang value: a tag of Tags, in any case, or a locale
// that names one (ko_KR, zh-TW, zh_CN.UTF-8).
func Parse(s string) (string, error) {
	if t := FromLocale(s); t != "" {
		return t, nil
	}
	return "", fmt.Errorf("unknown language %q; use one of %s", s, strings.Join(tags[:], ", "))
}

// FromLocale maps a POSIX locale or language tag to the tag Echoes uses
// for it, or "" when Echoes does not speak it. Chinese in Taiwan, Hong
// Kong and Macau is traditional; elsewhere simplified.
func FromLocale(s string) string {
	s, _, _ = strings.Cut(s, ".")
	s, _, _ = strings.Cut(s, "@")
	s = strings.ToLower(strings.ReplaceAll(s, "_", "-"))
	for _, t := range tags {
		if s == strings.ToLower(t) {
			return t
		}
	}
	base, rest, _ := strings.Cut(s, "-")
	switch base {
	case "en", "ko", "ja", "ru":
		return base
	case "zh":
		if strings.Contains(rest, "hant") || slices.Contains([]string{"tw", "hk", "mo"}, rest) {
			return "zh-Hant"
		}
		return "zh-Hans"
	}
	return ""
}

// System is the language of the user's locale (LANGUAGE, LC_ALL,
// LC_MESSAGES, then LANG, as gettext reads them), English when Echoes
// does not speak it.
func System() string {
	if l := os.Getenv("LANGUAGE"); l != "" {
		for _, part := range strings.Split(l, ":") {
			if t := FromLocale(part); t != "" {
				return t
			}
		}
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := os.Getenv(v); l != "" {
			if t := FromLocale(l); t != "" {
				return t
			}
			return English
		}
	}
	return English
}

// Translate is english in tag's language; english itself when tag is
// English or unknown or lacks it.
func Translate(tag, english string) string {
	if s, ok := tables[tag][english]; ok && s != "" {
		return s
	}
	return english
}

// Kind is the legend label of a relation kind in tag's language.
func Kind(tag string, k graphmodel.Kind) string { return Translate(tag, k.Label()) }

// Translations are the translation files, one per tag ("ko.json"), each
// a JSON object from English text to the text in that language: what
// Fyne's lang.AddTranslationsFS reads (dir "translations").
func Translations() embed.FS { return files }

// Locale is the POSIX locale that makes Fyne (and gettext) pick tag.
func Locale(tag string) string {
	switch tag {
	case "ko":
		return "ko_KR"
	case "ja":
		return "ja_JP"
	case "zh-Hans":
		return "zh_CN"
	case "zh-Hant":
		return "zh_TW"
	case "ru":
		return "ru_RU"
	}
	return "en_US"
}

func load() map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, t := range tags {
		data, err := files.ReadFile("translations/" + t + ".json")
		if err != nil {
			panic("lang: " + err.Error()) // embedded: a build without it is broken
		}
		m := map[string]string{}
		if err := json.Unmarshal(data, &m); err != nil {
			panic("lang: translations/" + t + ".json: " + err.Error())
		}
		out[t] = m
	}
	return out
}

// Current is the language the process speaks: the one main chose for the
// window (it sets LANGUAGE to Locale(tag) for Fyne), else the system's.
func Current() string { return System() }
