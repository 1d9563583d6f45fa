package formats

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// Write saves ds in the format its extension names: .json (native,
// indented, read back by graphmodel.Parse), .csv (a relations file and an
// actors file beside it, named as CSVFiles says), .gexf (GEXF 1.3, dynamic,
// so Gephi's timeline plays it), .graphml or .dot (.gv). Each file is
// written to a temporary file beside it and then renamed over it, so a
// failed write leaves the old file whole.
func Write(path string, ds *graphmodel.Dataset) error {
	if ds == nil {
		return errors.New("write dataset: no dataset")
	}
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".json":
		return writeAtomic(path, func(w io.Writer) error { return encodeJSON(w, ds) })
	case ".csv":
		relPath, actPath := CSVFiles(path)
		if err := writeAtomic(actPath, func(w io.Writer) error { return encodeActorsCSV(w, ds) }); err != nil {
			return err
		}
		return writeAtomic(relPath, func(w io.Writer) error { return encodeRelationsCSV(w, ds) })
	case ".gexf":
		return writeAtomic(path, func(w io.Writer) error { return encodeGEXF(w, ds) })
	case ".graphml":
		return writeAtomic(path, func(w io.Writer) error { return encodeGraphML(w, ds) })
	case ".dot", ".gv":
		return writeAtomic(path, func(w io.Writer) error { return encodeDOT(w, ds) })
	default:
		return fmt.Errorf("write %s: unknown format %q; use one of %s", path, ext, strings.Join(WriteFormats(), ", "))
	}
}

// writeAtomic writes a temporary file beside path with encode, syncs it and
// renames it over path.
func writeAtomic(path string, encode func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 1<<16)
	if err = encode(bw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
