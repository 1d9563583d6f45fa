package formats

import (
	"fmt"
	"strings"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// readWarn reads data as format and returns the dataset and its warnings,
// failing the test on a problem.
func readWarn(t *testing.T, name, format, data string) (*graphmodel.Dataset, []graphmodel.Problem) {
	t.Helper()
	ds, ws, err := ReadBytesWithWarnings(name, format, []byte(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return ds, ws
}

// wantWarnings checks that ws are exactly the warnings wanted, in order:
// each at its line with words its message holds.
func wantWarnings(t *testing.T, ws []graphmodel.Problem, want ...problemAt) {
	t.Helper()
	if len(ws) != len(want) {
		t.Errorf("%d warnings, want %d:\n%v", len(ws), len(want), graphmodel.Problems(ws))
	}
	for i, w := range want {
		if i >= len(ws) {
			break
		}
		if ws[i].Line != w.line || !strings.Contains(ws[i].Error(), w.want) {
			t.Errorf("warning %d is %q; want line %d with %q", i, ws[i].Error(), w.line, w.want)
		}
	}
}

// TestSelfLoopsReported checks that self-loops, which a relation cannot
// be, are reported as one warning with their count and the first one's
// place, and that ids found only in self-loops stay actors.
func TestSelfLoopsReported(t *testing.T) {
	var b strings.Builder
	b.WriteString("Source,Target,Id\n")
	b.WriteString("a,b,e0\n")
	for i := range 576 {
		// 71 accounts appear only in self-loops; the others also in an edge.
		id := fmt.Sprintf("x%d", i%71)
		if i >= 71 {
			id = []string{"a", "b"}[i%2]
		}
		fmt.Fprintf(&b, "%s,%s,l%d\n", id, id, i)
	}
	ds, ws := readWarn(t, "loops.csv", "csv", b.String())
	if len(ds.Actors) != 2+71 || ds.Actor("x70") == nil {
		t.Errorf("%d actors, want 73: the 71 ids seen only in self-loops kept", len(ds.Actors))
	}
	wantWarnings(t, ws, problemAt{3, `loops.csv:3:1: 576 self-loops left out (the first here: row "l0" joins "x0" to itself; the last at line 578)`})
	if len(ws) == 1 && !strings.Contains(ws[0].Msg, "71 ids that appear only in them are kept as actors") {
		t.Errorf("%q does not say the ids were kept", ws[0].Msg)
	}

	_, ws = readWarn(t, "loop.gexf", "gexf", `<gexf><graph>
<nodes><node id="a"/><node id="b"/></nodes>
<edges><edge source="a" target="b"/>
<edge id="me" source="a" target="a"/></edges></graph></gexf>`)
	wantWarnings(t, ws, problemAt{4, `loop.gexf:4:1: self-loop left out: edge "me" joins "a" to itself`})

	_, ws = readWarn(t, "loop.graphml", "graphml", `<graphml><graph edgedefault="undirected">
<node id="a"/><node id="b"/>
<edge source="b" target="b"/></graph></graphml>`)
	wantWarnings(t, ws, problemAt{3, `self-loop left out: edge "e0" joins "b" to itself`})
}

// TestUnreadDataReported checks that what a reader has no field for is
// reported once per column or attribute, with how many items gave it: an
// actors file's extra column, GEXF node attributes, GraphML node data,
// weights other than 1, kinds and colours Echoes does not know.
func TestUnreadDataReported(t *testing.T) {
	_, ws, err := readCSV("n.csv", []byte("source,target,weight\nA,B,1.0\nB,C,2.5\nA,C,3\n"), "n.actors.csv",
		[]byte("id,name,population,kind,color\nA,Alpha,100,state,#ff0000\nB,Beta,200,country,green\nC,Gamma,,republic,\n"))
	if err != nil {
		t.Fatal(err)
	}
	wantWarnings(t, ws,
		problemAt{2, `n.actors.csv:2:9: column "population" is not read (2 rows give it): an actor has no field for it`},
		problemAt{3, `n.actors.csv:3:12: 2 actor kind values left out (the first here: "country"; the last at line 4); Echoes knows state and organisation`},
		problemAt{3, `n.actors.csv:3:20: colour "green" left out; write a colour as #rrggbb`},
		problemAt{3, `n.csv:3:5: column "weight" is not read (2 rows give a weight other than 1)`},
	)

	_, ws = readWarn(t, "a.gexf", "gexf", `<gexf><graph>
<attributes class="node"><attribute id="0" title="population" type="integer"><default>0</default></attribute><attribute id="1" title="gdp" type="double"/></attributes>
<nodes><node id="a"><attvalues><attvalue for="1" value="5.1"/></attvalues></node>
<node id="b" label="B"><attvalues><attvalue for="0" value="7"/><attvalue for="1" value="2.0"/></attvalues>
<spells><spell start="1950" end="1960"/><spell start="1970" end="1980"/></spells></node></nodes>
<edges><edge source="a" target="b" weight="1.0"/></edges></graph></gexf>`)
	wantWarnings(t, ws,
		problemAt{3, `a.gexf:3:32: node attribute "gdp" is not read (2 nodes give it)`},
		problemAt{2, `a.gexf:2:26: node attribute "population" has a default, "0", that is not read (1 node takes it): an actor has no field for it`},
		problemAt{4, `a.gexf:4:1: node "b" has 2 spells, merged into one span from 1950 to 1980; an actor has one span, so the gaps between its spells are lost`},
		problemAt{4, `a.gexf:4:35: node attribute "population" is not read (1 node gives it)`},
	)

	// A default of an edge attribute Echoes does not read is not put in
	// every edge's description; the warning says so.
	_, ws = readWarn(t, "d.graphml", "graphml", `<graphml>
<key id="w" for="edge" attr.name="channel" attr.type="string"><default>diplomatic</default></key>
<graph edgedefault="undirected"><node id="a"/><node id="b"/><node id="c"/>
<edge source="a" target="b"/><edge source="b" target="c"><data key="w">military</data></edge><edge source="a" target="c"/>
</graph></graphml>`)
	wantWarnings(t, ws, problemAt{2, `d.graphml:2:1: edge attribute "channel" has a default, "diplomatic", that is not read (2 edges take it): only the values an edge gives are kept in its description`})

	// yEd's own keys (graphics, folding state with a default, empty url
	// and description) say nothing; a description a node gives is reported.
	_, ws = readWarn(t, "y.graphml", "graphml", `<graphml xmlns:y="http://www.yworks.com/xml/yfiles-common/3.0">
<key id="d0" for="node" attr.type="boolean" attr.name="Expanded" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/folding/Expanded"><default>true</default></key>
<key attr.name="description" attr.type="string" for="node" id="d5"/>
<key attr.name="url" attr.type="string" for="node" id="d4"/>
<key for="node" id="d6" yfiles.type="nodegraphics"/>
<graph edgedefault="undirected">
<node id="a"><data key="d4"/><data key="d5">capital: Seoul</data><data key="d6"><y:ShapeNode xmlns:y="http://www.yworks.com/xml/graphml"><y:NodeLabel>Korea<y:LabelModel/></y:NodeLabel></y:ShapeNode></data></node>
<node id="b"><data key="d5"/></node>
</graph></graphml>`)
	wantWarnings(t, ws, problemAt{7, `node attribute "description" is not read (1 node gives it)`})

	// The files in testdata that carry none of this read without a word.
	for _, f := range []string{"spells.gexf", "alliances.csv", "yedlive.graphml", "gephi-timestamp.csv", "mini.json"} {
		if _, ws, err := ReadWithWarnings("testdata/" + f); err != nil || len(ws) != 0 {
			t.Errorf("%s: %v, warnings %v", f, err, ws)
		}
	}
}

// TestWarningCap checks that a file with very many different warnings
// lists maxWarnings of them and says how many more there were.
func TestWarningCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("id")
	for i := range maxWarnings + 10 {
		fmt.Fprintf(&b, ",extra%d", i)
	}
	b.WriteString("\nA")
	for range maxWarnings + 10 {
		b.WriteString(",x")
	}
	_, ws, err := readCSV("r.csv", []byte("source,target\nA,B\n"), "r.actors.csv", []byte(b.String()+"\nB\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != maxWarnings+1 || ws[len(ws)-1].Msg != "10 more warnings not shown" {
		t.Errorf("%d warnings, the last %q; want %d and a count of the rest", len(ws), ws[len(ws)-1].Msg, maxWarnings+1)
	}
}
