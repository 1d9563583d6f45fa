package graphmodel_test

import (
	"testing"

	"github.com/echoes-viz/echoes/resources"
)

// BenchmarkAt is a date change that only draws: the snapshot of every
// event day of the embedded dataset, graph not read.
func BenchmarkAt(b *testing.B) {
	ds, err := resources.Dataset()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, e := range ds.Events {
			ds.At(e.Day())
		}
	}
}

// BenchmarkAtTiesOf is a date change that also shows every actor's ties
// (the details panel and hover): the graph is built and read.
func BenchmarkAtTiesOf(b *testing.B) {
	ds, err := resources.Dataset()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, e := range ds.Events {
			s := ds.At(e.Day())
			for _, a := range s.Actors {
				s.TiesOf(a.ID)
			}
		}
	}
}
