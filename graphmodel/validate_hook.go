package graphmodel

// Validate checks a Dataset that was built in code, by a format reader for
// instance, with the same rules Parse applies to a JSON file, and indexes it
// so that Actor, Relation and Source work. name is used in problem messages.
// The error, when not nil, is Problems; each carries Path (such as
// "relations[3].end", indexed in the slices' order before Validate sorts
// them) but no Line or Col, since there is no JSON text to point into: the
// caller maps paths to places in its own file.
func (d *Dataset) Validate(name string) error {
	v := validator{file: name}
	maps := v.dataset(d)
	if len(v.problems) > 0 {
		return v.problems
	}
	d.index(maps)
	return nil
}
