package formats

import (
	"path/filepath"
	"testing"
)

// TestYEdLabelsKept reads files of yEd's own shape and checks that actors
// and relations are named by their drawn labels: yEd 3.x's <y:NodeLabel>
// and <y:EdgeLabel>, whose text is followed by <y:LabelModel> and
// <y:ModelParameter> elements, and yEd Live's <y:Label><y:Label.Text>.
func TestYEdLabelsKept(t *testing.T) {
	tests := []struct {
		file, id, name string
		edge           bool
	}{
		{"yed3.graphml", "n0", "Japan", false},
		{"yed3.graphml", "n1", "United States", false},
		{"yed3.graphml", "n2", "Democratic People's Republic of Korea", false}, // two lines in the drawing
		{"yed3.graphml", "n3", "China", false},                                 // a GenericNode
		{"yed3.graphml", "n4", "n4", false},                                    // hasText="false": named by its id
		{"yed3.graphml", "n5", "Soviet bloc", false},                           // a group node's open state
		{"yed3.graphml", "n5::n0", "Soviet Union", false},                      // a node inside the group
		{"yed3.graphml", "e0", "Treaty of San Francisco", true},
		{"yed3.graphml", "e1", "Sino-North Korean Treaty", true},
		{"yed3.graphml", "e2", "", true}, // a BezierEdge without a label
		{"yed.graphml", "n0", "Japan", false},
		{"yedlive.graphml", "n0", "Republic of Korea", false},
		{"yedlive.graphml", "n1", "Japan", false},
		{"yedlive.graphml", "n2", "United States", false}, // Label.Text before Label.LayoutParameter
		{"yedlive.graphml", "e0", "Camp David summit", true},
		{"yedlive.graphml", "e1", "US–Japan alliance", true},
	}
	for _, tc := range tests {
		t.Run(tc.file+"/"+tc.id, func(t *testing.T) {
			ds := mustRead(t, filepath.Join("testdata", tc.file))
			var got string
			if tc.edge {
				r := ds.Relation(tc.id)
				if r == nil {
					t.Fatalf("no relation %q", tc.id)
				}
				got = r.Name
			} else {
				a := ds.Actor(tc.id)
				if a == nil {
					t.Fatalf("no actor %q", tc.id)
				}
				got = a.Names[0].Name
			}
			if got != tc.name {
				t.Errorf("name %q, want %q", got, tc.name)
			}
		})
	}
	// What else a yEd file carries comes across too.
	ds := mustRead(t, "testdata/yed3.graphml")
	if ds.Description != "Alliances in Northeast Asia, drawn in yEd" {
		t.Errorf("description %q, want the graph's Description data", ds.Description)
	}
	if r := ds.Relation("e0"); r.Start.String() != "1952-04-28" || r.End.String() != "1960-06-23" || r.Description != "" {
		t.Errorf("e0 %v to %v, description %q", r.Start, r.End, r.Description)
	}
	if r := mustRead(t, "testdata/yedlive.graphml").Relation("e1"); r.Description != "Security treaty, revised 1960" {
		t.Errorf("yEd Live e1 description %q", r.Description)
	}
}
