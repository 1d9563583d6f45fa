package formats

import "github.com/echoes-viz/echoes/graphmodel"

// GEXF and GraphML carry an actor's names in other languages twice: in
// the Echoes "names" attribute (every name over time, read back exactly)
// and as plain "name:LANG" and "short:LANG" attributes of its first name,
// which Gephi and yEd show as columns and a hand-made file may use.

// localAttrs are the name:LANG and short:LANG attributes a dataset needs.
func localAttrs(ds *graphmodel.Dataset) []string {
	var out []string
	for _, l := range localisedLanguages(ds) {
		out = append(out, "name:"+l, "short:"+l)
	}
	return out
}

// localValues are an actor's values of localAttrs(ds), in that order.
func localValues(a *graphmodel.Actor, attrs []string) []string {
	out := make([]string, len(attrs))
	if len(a.Names) == 0 {
		return out
	}
	loc := a.Names[0].Localised
	for i := 0; i+1 < len(attrs); i += 2 {
		l := attrs[i][len("name:"):]
		out[i], out[i+1] = loc[l].Name, loc[l].Short
	}
	return out
}

// localAttr reports whether the normalised key k names a name (or with
// short set, a short name) in one of Echoes' other languages.
func localAttr(k string) (lang string, short, ok bool) {
	for _, l := range graphmodel.Languages() {
		switch k {
		case "name" + normKey(l), "label" + normKey(l):
			return l, false, true
		case "short" + normKey(l), "shortname" + normKey(l):
			return l, true, true
		}
	}
	return "", false, false
}

// setLocal keeps a name:LANG or short:LANG value; false when key is not one.
func (c *actorAcc) setLocal(key, val string) bool {
	l, short, ok := localAttr(normKey(key))
	if !ok {
		return false
	}
	if c.local == nil {
		c.local = map[string]graphmodel.LocalName{}
	}
	ln := c.local[l]
	if short {
		ln.Short = val
	} else {
		ln.Name = val
	}
	c.local[l] = ln
	return true
}

// withLocal gives the actor's first name the name:LANG values read, unless
// an Echoes "names" attribute gave them all.
func (c *actorAcc) withLocal(a *graphmodel.Actor) {
	if c.names != nil || len(c.local) == 0 || len(a.Names) == 0 {
		return
	}
	a.Names[0].Localised = c.local
}
