package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// variantTheme is Fyne's default theme held to one variant, so the user's
// light/dark choice wins over the desktop's.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
	big     bool // larger type for a projector
}

func newVariantTheme(dark, big bool) *variantTheme {
	v := theme.VariantLight
	if dark {
		v = theme.VariantDark
	}
	return &variantTheme{Theme: theme.DefaultTheme(), variant: v, big: big}
}

// Color implements fyne.Theme.
func (t *variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// Size implements fyne.Theme.
func (t *variantTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	if t.big && (n == theme.SizeNameText || n == theme.SizeNameSubHeadingText || n == theme.SizeNameHeadingText) {
		s *= 1.5
	}
	return s
}
