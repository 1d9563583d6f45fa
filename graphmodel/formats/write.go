package formats

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/echoes-viz/echoes/graphmodel"
)

// Write saves ds in the format its extension names: .json (native,
// indented, read back by graphmodel.Parse), .csv (a relations file and an
// actors file beside it, named as CSVFiles says), .gexf (GEXF 1.3, dynamic,
// so Gephi's timeline plays it), .graphml or .dot (.gv). Each file is
// written to a temporary file beside it and then renamed over it, so a
// failed write leaves the old file whole; a CSV pair is replaced both or
// neither. An error names the file meant, never the temporary one.
func Write(path string, ds *graphmodel.Dataset) error {
	if ds == nil {
		return errors.New("write dataset: no dataset")
	}
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".json":
		return WriteAtomic(path, readable(func(w io.Writer) error { return encodeJSON(w, ds) }))
	case ".csv":
		relPath, actPath := CSVFiles(path)
		return writeAll([]pendingFile{
			{path: actPath, encode: readable(func(w io.Writer) error { return encodeActorsCSV(w, ds) })},
			{path: relPath, encode: readable(func(w io.Writer) error { return encodeRelationsCSV(w, ds) })},
		})
	case ".gexf":
		return WriteAtomic(path, readable(func(w io.Writer) error { return encodeGEXF(w, ds) }))
	case ".graphml":
		return WriteAtomic(path, readable(func(w io.Writer) error { return encodeGraphML(w, ds) }))
	case ".dot", ".gv":
		return WriteAtomic(path, func(w io.Writer) error { return encodeDOT(w, ds) })
	default:
		return fmt.Errorf("write %s: unknown format %q; use one of %s", path, ext, strings.Join(WriteFormats(), ", "))
	}
}

// WriteAtomic writes path with encode: to a temporary file beside it,
// synced, then renamed over it, so an existing file is replaced whole or
// not at all. The file keeps the permissions of the one it replaces (a
// new one gets 0644). The error names path and says what to do.
func WriteAtomic(path string, encode func(io.Writer) error) error {
	return writeAll([]pendingFile{{path: path, encode: encode}})
}

// pendingFile is one file of a write: where it goes, what goes in it, and
// the temporary file it is written to first.
type pendingFile struct {
	path   string
	encode func(io.Writer) error
	tmp    string
}

// writeAll writes every file to a temporary file first; only when all are
// written does it rename them into place, in order. If a rename fails, the
// files already renamed get their old content back (from a hard link, or a
// copy, made before each was replaced), so the set stays as it was: a CSV
// pair must never be half new.
func writeAll(files []pendingFile) (err error) {
	defer func() {
		for _, f := range files {
			if f.tmp != "" {
				os.Remove(f.tmp)
			}
		}
	}()
	for i := range files {
		if err := files[i].writeTemp(); err != nil {
			return err
		}
	}
	var done []replaced
	defer func() {
		for _, r := range done {
			if r.backup != "" {
				os.Remove(r.backup)
			}
		}
	}()
	for i := range files {
		f := &files[i]
		var r replaced
		if i < len(files)-1 {
			// Nothing after the last rename can fail, so only the others
			// need their old content kept.
			if r, err = keepOld(f.path); err != nil {
				if lost := restore(done); lost != nil {
					err = fmt.Errorf("%w; %v", err, lost)
				}
				done = nil // restore consumed the backups, or named the ones left
				return err
			}
		}
		if rerr := os.Rename(f.tmp, f.path); rerr != nil {
			if r.backup != "" {
				os.Remove(r.backup)
			}
			err = writeError(f.path, rerr)
			if lost := restore(done); lost != nil {
				err = fmt.Errorf("%w; %v", err, lost)
			}
			done = nil // restore consumed the backups, or named the ones left
			return err
		}
		f.tmp = ""
		done = append(done, r)
	}
	return nil
}

// writeTemp encodes f into a new temporary file beside f.path.
func (f *pendingFile) writeTemp() error {
	dir, base := filepath.Split(f.path)
	if dir == "" {
		dir = "."
	}
	mode := os.FileMode(0o644)
	// A folder at f.path is not refused here but by its rename, so that
	// the path that puts a set back is the one every failed rename takes.
	if st, err := os.Stat(f.path); err == nil && !st.IsDir() {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return writeError(f.path, err)
	}
	f.tmp = tmp.Name()
	bw := bufio.NewWriterSize(tmp, 1<<16)
	err = f.encode(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	// CreateTemp makes the file private; give it the mode of the file it
	// replaces.
	if err == nil {
		err = tmp.Chmod(mode)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return writeError(f.path, err)
	}
	return nil
}

// replaced is a file renamed over: where it is, and where its old content
// is kept ("" when there was no old file).
type replaced struct {
	path, backup string
}

// keepOld keeps path's current content under a new name beside it: a hard
// link (the rename then leaves the old inode to the link), or a copy where
// links are not allowed. No file, nothing to keep.
func keepOld(path string) (replaced, error) {
	r := replaced{path: path}
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return r, nil
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.old")
	if err != nil {
		return r, writeError(path, err)
	}
	name := tmp.Name()
	tmp.Close()
	os.Remove(name)
	if err := os.Link(path, name); err == nil {
		r.backup = name
		return r, nil
	}
	if err := copyFile(path, name); err != nil {
		os.Remove(name)
		return r, writeError(path, err)
	}
	r.backup = name
	return r, nil
}

// copyFile copies src to a new file dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// restore puts back what the renames in done replaced, last first: the
// old content where there was a file, no file where there was none. It
// returns what it could not put back, naming where the old content is.
func restore(done []replaced) error {
	var lost []string
	for i := len(done) - 1; i >= 0; i-- {
		r := done[i]
		if r.backup == "" {
			if err := os.Remove(r.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				lost = append(lost, fmt.Sprintf("%s is new and could not be removed", r.path))
			}
			continue
		}
		if err := os.Rename(r.backup, r.path); err != nil {
			lost = append(lost, fmt.Sprintf("%s could not be put back; its old content is in %s", r.path, r.backup))
		}
	}
	if lost != nil {
		return errors.New(strings.Join(lost, "; "))
	}
	return nil
}

// CheckFolder says what is wrong with the folder path is to be written in,
// worded for a user, or nil: that it does not exist, or is a file. A
// command checks it before reading or drawing, which may take long.
func CheckFolder(path string) error {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case err == nil && st.IsDir():
		return nil
	case err == nil:
		return fmt.Errorf("%s: %s is a file, not a folder; check the path", path, dir)
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("%s: part of the folder path %s is a file; check the path", path, dir)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: the folder %s does not exist; create it or choose another", path, dir)
	}
	return writeError(path, err)
}

// writeError words a failed write of path for a user: it names path (not
// the temporary file the error may be about) and says what to do.
func writeError(path string, err error) error {
	switch {
	case errors.Is(err, syscall.EISDIR), isDir(path):
		return fmt.Errorf("write %s: it is a folder; give a file name, e.g. %s", path, filepath.Join(path, "echoes"+filepath.Ext(path)))
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("write %s: the folder %s does not exist; create it or choose another", path, filepath.Dir(path))
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return fmt.Errorf("write %s: not allowed to write in %s; choose a folder you can write to", path, filepath.Dir(path))
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("write %s: the disk is full; free some space or choose another disk", path)
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("write %s: part of the folder path is a file; check the path", path)
	}
	// Other file errors carry the temporary file's name: keep their cause.
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return fmt.Errorf("write %s: %w", path, err)
}
