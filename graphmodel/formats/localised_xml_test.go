package formats

import (
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// TestXMLReadsLocalisedNames reads name:LANG and short:LANG attributes of
// a hand-made GEXF and GraphML file (no Echoes "names" attribute) as the
// actor's names in those languages, without warnings.
func TestXMLReadsLocalisedNames(t *testing.T) {
	gexf := `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
<attributes class="node"><attribute id="0" title="name:ko" type="string"/><attribute id="1" title="short:ko" type="string"/><attribute id="2" title="Name (zh-Hant)" type="string"/></attributes>
<nodes>
<node id="KOR" label="Republic of Korea"><attvalues><attvalue for="0" value="대한민국"/><attvalue for="1" value="한국"/><attvalue for="2" value="大韓民國"/></attvalues></node>
<node id="JPN" label="Japan"/>
</nodes>
<edges><edge id="e" source="KOR" target="JPN"/></edges>
</graph></gexf>`
	graphml := `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="l" for="node" attr.name="label" attr.type="string"/>
<key id="k" for="node" attr.name="name:ko" attr.type="string"/>
<key id="s" for="node" attr.name="short:ko" attr.type="string"/>
<key id="z" for="node" attr.name="name:zh-Hant" attr.type="string"/>
<graph edgedefault="undirected">
<node id="KOR"><data key="l">Republic of Korea</data><data key="k">대한민국</data><data key="s">한국</data><data key="z">大韓民國</data></node>
<node id="JPN"><data key="l">Japan</data></node>
<edge source="KOR" target="JPN"/>
</graph></graphml>`
	for _, c := range []struct {
		name string
		read func() ([]string, map[string][2]string, error)
	}{
		{"gexf", func() ([]string, map[string][2]string, error) {
			ds, ws, err := readGEXF("l.gexf", []byte(gexf))
			return problemTexts(ws), localOf(ds, "KOR"), err
		}},
		{"graphml", func() ([]string, map[string][2]string, error) {
			ds, ws, err := readGraphML("l.graphml", []byte(graphml))
			return problemTexts(ws), localOf(ds, "KOR"), err
		}},
	} {
		ws, loc, err := c.read()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(ws) > 0 {
			t.Errorf("%s: warnings %q", c.name, ws)
		}
		if loc["ko"] != [2]string{"대한민국", "한국"} || loc["zh-Hant"][0] != "大韓民國" {
			t.Errorf("%s: KOR's names in other languages: %v", c.name, loc)
		}
	}
}

func problemTexts(ps []graphmodel.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Msg)
	}
	return out
}

// localOf is the actor's first name in each other language: name, short.
func localOf(ds *graphmodel.Dataset, id string) map[string][2]string {
	out := map[string][2]string{}
	if ds == nil || ds.Actor(id) == nil || len(ds.Actor(id).Names) == 0 {
		return out
	}
	for l, n := range ds.Actor(id).Names[0].Localised {
		out[l] = [2]string{n.Name, n.Short}
	}
	return out
}
