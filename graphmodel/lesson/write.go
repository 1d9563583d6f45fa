package lesson

import (
	"encoding/json"
	"io"

	"github.com/echoes-viz/echoes/graphmodel/formats"
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

// Save writes the lesson to path atomically (formats.WriteAtomic, the one
// way Echoes writes a file): a failed write leaves the old file whole.
func (l *Lesson) Save(path string) error {
	b, err := l.Marshal()
	if err != nil {
		return err
	}
	return formats.WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}
