package formats

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/iotest"
)

// TestStreamedReadsAsInMemory checks that files big enough to be read as
// they stream in (a CSV pair, and the same network as GEXF and GraphML)
// read as the same bytes held in memory do.
func TestStreamedReadsAsInMemory(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "s")
	writeLargeCSV(t, base+".csv", 2_000, 40_000) // about 3 MB: several buffers
	ds := mustRead(t, base+".csv")
	for _, ext := range []string{".gexf", ".graphml"} {
		if err := Write(base+ext, ds); err != nil {
			t.Fatal(err)
		}
	}
	for _, ext := range []string{".csv", ".gexf", ".graphml"} {
		t.Run(ext[1:], func(t *testing.T) {
			got := mustRead(t, base+ext)
			data, err := os.ReadFile(base + ext)
			if err != nil {
				t.Fatal(err)
			}
			var want = ds
			if ext != ".csv" {
				if want, err = ReadBytes(base+ext, ext[1:], data); err != nil {
					t.Fatal(err)
				}
			} else {
				act, err := os.ReadFile(base + ".actors.csv")
				if err != nil {
					t.Fatal(err)
				}
				if want, _, err = readCSV(base+".csv", data, base+".actors.csv", act); err != nil {
					t.Fatal(err)
				}
			}
			if len(got.Relations) != 40_000 || !reflect.DeepEqual(got.Relations, want.Relations) || !reflect.DeepEqual(got.Actors, want.Actors) {
				t.Errorf("streamed: %d relations, %d actors; differs from the file read whole", len(got.Relations), len(got.Actors))
			}
		})
	}
}

// TestCSVReaderStreams reads each case of TestCSVReaderAsEncodingCSV in
// pieces of a few bytes, as a file streams in, and checks it reads as
// the whole does.
func TestCSVReaderStreams(t *testing.T) {
	inputs := []string{
		"a,b,c\n1,2,3\n",
		"a,b\r\n\"x\ny\",2\r\n\n\n3,\"4\"\"\"",
		"\"a\nb\nc\nd\",e\nf,g",
		"a,\"b\n",
		"x,y\"z\n",
	}
	all := func(r *csvReader) []string {
		var out []string
		for {
			rec, places, _, ok, err := r.read()
			if err != nil {
				return append(out, err.Error())
			}
			if !ok {
				return out
			}
			for i := range rec {
				out = append(out, rec[i], fmt.Sprint(places[i]))
			}
		}
	}
	for _, in := range inputs {
		want := all(&csvReader{data: []byte(in), comma: ',', eof: true})
		for _, n := range []int{1, 2, 5} {
			got := all(&csvReader{comma: ',', src: iotest.HalfReader(&chunkReader{[]byte(in), n}), size: int64(len(in))})
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q in pieces of %d:\n got %q\nwant %q", in, n, got, want)
			}
		}
	}
}
