package formats

import "github.com/echoes-viz/echoes/graphmodel"

// localNameCol is an actors file's column of names in another language:
// "name:ko", "short:ja" (any spelling normKey folds alike, "Name (ko)").
type localNameCol struct {
	col   int
	lang  string
	short bool
}

// localNames are an actors file's columns of names in other languages.
type localNames []localNameCol

// localNameCols finds the columns of names in Echoes' other languages.
func localNameCols(t *csvTable) localNames {
	var out localNames
	for i, k := range t.keys {
		for _, lang := range graphmodel.Languages() {
			switch k {
			case "name" + normKey(lang):
				out = append(out, localNameCol{i, lang, false})
			case "short" + normKey(lang), "shortname" + normKey(lang):
				out = append(out, localNameCol{i, lang, true})
			}
		}
	}
	return out
}

// has reports whether column i is one of them.
func (ls localNames) has(i int) bool {
	for _, l := range ls {
		if l.col == i {
			return true
		}
	}
	return false
}

// apply sets the names row r gives in other languages on n.
func (ls localNames) apply(t *csvTable, r int, n *graphmodel.NameSpan) {
	for _, l := range ls {
		v := t.get(r, l.col)
		if v == "" {
			continue
		}
		if n.Localised == nil {
			n.Localised = map[string]graphmodel.LocalName{}
		}
		ln := n.Localised[l.lang]
		if l.short {
			ln.Short = v
		} else {
			ln.Name = v
		}
		n.Localised[l.lang] = ln
	}
}
