package graphmodel

import "slices"

// LocalName is an actor's or grouping's name in one language.
type LocalName struct {
	Name  string `json:"name"`
	Short string `json:"short,omitempty"`
}

// Languages are the language tags Echoes speaks besides English, in the
// order docs/dataset.md lists them.
var languages = [...]string{"ko", "ja", "zh-Hans", "zh-Hant", "ru"}

// Languages returns the tags a localised name may have.
func Languages() []string { return languages[:] }

// IsLanguage reports whether tag is one of Languages.
func IsLanguage(tag string) bool { return slices.Contains(languages[:], tag) }

// Original is the dataset as written, whatever language d was localised
// to: what a save writes, so the names in other languages stay where they
// are.
func (d *Dataset) Original() *Dataset {
	if d.original != nil {
		return d.original
	}
	return d
}

// Localised returns the dataset with every actor's and grouping's name in
// lang where the data gives one (a short name missing falls back to the
// name in lang); names it lacks stay as written. English, an empty or an
// unknown lang return d itself. The copy shares relations, events and
// sources with d; its actors and groupings are new.
func (d *Dataset) Localised(lang string) *Dataset {
	if !IsLanguage(lang) {
		return d
	}
	out := *d
	out.original = d.Original()
	out.Actors = make([]*Actor, len(d.Actors))
	out.actorByID = make(map[string]*Actor, len(d.Actors))
	for i, a := range d.Actors {
		c := *a
		c.Names = make([]NameSpan, len(a.Names))
		for j, n := range a.Names {
			if l, ok := n.Localised[lang]; ok && l.Name != "" {
				n.Name, n.Short = l.Name, l.Short
				if n.Short == "" {
					n.Short = l.Name
				}
			}
			c.Names[j] = n
		}
		out.Actors[i] = &c
		out.actorByID[c.ID] = &c
	}
	out.Groupings = make([]*Grouping, len(d.Groupings))
	for i, g := range d.Groupings {
		c := *g
		if l, ok := g.Localised[lang]; ok && l.Name != "" {
			c.Name = l.Name
		}
		out.Groupings[i] = &c
	}
	return &out
}
