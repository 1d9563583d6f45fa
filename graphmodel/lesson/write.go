package lesson

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// Marshal is the lesson as a file: indented JSON, keys in a fixed order,
// ending with a newline.
func (l *Lesson) Marshal() ([]byte, error) {
	c := *l
	c.Echoes = Format
	b, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Save writes the lesson to path atomically: a temporary file beside it,
// renamed over it, so a failed write leaves the old file whole.
func (l *Lesson) Save(path string) error {
	b, err := l.Marshal()
	if err != nil {
		return err
	}
	return WriteAtomic(path, b)
}

// WriteAtomic writes data to path through a temporary file in the same
// folder, synced and renamed over path.
func WriteAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
