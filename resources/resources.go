// Package resources holds what Echoes embeds: the Northeast Asia dataset
// and the app icon.
package resources

import (
	_ "embed"

	"fyne.io/fyne/v2"

	"github.com/echoes-viz/echoes/graphmodel"
)

// DatasetName is how the embedded dataset is named in messages.
const DatasetName = "northeast-asia.json (embedded)"

//go:embed northeast-asia.json
var datasetJSON []byte

//go:embed icon.png
var iconPNG []byte

// LessonName is how the built-in lesson is named in messages.
const LessonName = "lessons/echoes-of-1950.json (built in)"

//go:embed lessons/echoes-of-1950.json
var lessonJSON []byte

// LessonJSON returns the built-in lesson's bytes (see docs/lessons.md).
func LessonJSON() []byte { return append([]byte(nil), lessonJSON...) }

// DatasetJSON returns the embedded dataset's bytes.
func DatasetJSON() []byte { return append([]byte(nil), datasetJSON...) }

// Dataset parses the embedded Northeast Asia dataset.
func Dataset() (*graphmodel.Dataset, error) {
	return graphmodel.Parse(DatasetName, datasetJSON)
}

// Icon is the app icon.
func Icon() fyne.Resource { return fyne.NewStaticResource("icon.png", iconPNG) }
