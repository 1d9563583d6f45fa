// Package formats reads and writes Echoes datasets in the formats other
// tools use: the native JSON, CSV as a spreadsheet exports it (an actors
// file and a relations file), GEXF 1.2 and 1.3 (Gephi's format, static and
// dynamic), GraphML, and DOT for writing only.
//
// Every reader ends in graphmodel's own validation, so a Dataset from Read
// is as checked and indexed as one from graphmodel.Load. Every error from
// Read and ReadBytes is graphmodel.Problems: each problem names the file, the
// line and column, what is wrong and how to fix it, all of them at once up
// to graphmodel.MaxProblems. What a reader leaves out or changes in a file
// it can read (self-loops, merged spells, columns it has no field for) is
// not lost without a word: ReadWithWarnings returns it as warnings, placed
// like problems. Inputs are bounded (see limits.go) so that no file makes
// Echoes panic, hang or eat memory.
//
// How each format maps onto actors, relations, groupings and events is
// documented in docs/formats.md.
package formats
