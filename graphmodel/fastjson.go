package graphmodel

// fastDecoder decodes a dataset laid out as Echoes writes one, without
// reflection: encoding/json took two thirds of reading a million
// relations. It takes only what it is sure of — the fields of each object
// by their exact names, once each; strings, numbers, true and false where
// the field wants them; null only for a list — and gives up at anything
// else (fail), so that Parse falls back to the scan and encoding/json,
// which decide, and place, what is wrong. On success it gives what
// json.Unmarshal gives (TestFastDecoderAgrees).
type fastDecoder struct {
	data []byte
	i    int
	lim  Limits
	fail bool
}

// dataset decodes the whole text into d; false means fall back.
func (f *fastDecoder) dataset(d *Dataset) bool {
	f.object(func(key []byte) {
		switch string(key) {
		case "title":
			d.Title = f.str()
		case "description":
			d.Description = f.str()
		case "range":
			d.Range = f.span()
		case "memoryMonths":
			d.MemoryMonths = f.integer()
		case "credit":
			d.Credit = f.str()
		case "compare":
			d.Compare = f.date()
		case "sources":
			d.Sources = list(f, 0, func() Source {
				var s Source
				f.object(func(key []byte) {
					switch string(key) {
					case "id":
						s.ID = f.str()
					case "title":
						s.Title = f.str()
					case "url":
						s.URL = f.str()
					default:
						f.fail = true
					}
				})
				return s
			})
		case "actors":
			d.Actors = list(f, f.lim.Actors, f.actor)
		case "relations":
			d.Relations = list(f, f.lim.Relations, f.relation)
		case "groupings":
			d.Groupings = list(f, 0, f.grouping)
		case "events":
			d.Events = list(f, 0, f.event)
		default:
			f.fail = true
		}
	})
	f.space()
	return !f.fail && f.i == len(f.data)
}

func (f *fastDecoder) actor() *Actor {
	a := new(Actor)
	f.object(func(key []byte) {
		switch string(key) {
		case "id":
			a.ID = f.str()
		case "names":
			a.Names = list(f, 0, func() NameSpan {
				var n NameSpan
				f.object(func(key []byte) {
					switch string(key) {
					case "name":
						n.Name = f.str()
					case "short":
						n.Short = f.str()
					case "from":
						n.From = f.date()
					default:
						f.fail = true
					}
				})
				return n
			})
		case "kind":
			a.Kind = f.str()
		case "span":
			a.Span = f.span()
		case "anchor":
			if f.take('[') {
				a.Anchor[0] = f.float()
				f.need(',')
				a.Anchor[1] = f.float()
				f.need(']')
			}
		case "color":
			a.Color = f.str()
		default:
			f.fail = true
		}
	})
	return a
}

func (f *fastDecoder) relation() *Relation {
	r := new(Relation)
	f.object(func(key []byte) {
		switch string(key) {
		case "id":
			r.ID = f.str()
		case "kind":
			r.Kind = Kind(f.str())
		case "name":
			r.Name = f.str()
		case "actors":
			r.Actors = f.strs()
		case "directed":
			r.Directed = f.boolean()
		case "signed":
			r.Signed = f.date()
		case "start":
			r.Start = f.date()
		case "end":
			r.End = f.date()
		case "certainty":
			r.Certainty = Certainty(f.str())
		case "description":
			r.Description = f.str()
		case "sources":
			r.Sources = f.strs()
		case "echoes":
			r.Echoes = f.str()
		case "ref":
			r.Ref = f.str()
		default:
			f.fail = true
		}
	})
	return r
}

func (f *fastDecoder) grouping() *Grouping {
	g := new(Grouping)
	f.object(func(key []byte) {
		switch string(key) {
		case "id":
			g.ID = f.str()
		case "name":
			g.Name = f.str()
		case "members":
			g.Members = f.strs()
		case "spans":
			g.Spans = list(f, 0, f.span)
		case "description":
			g.Description = f.str()
		case "sources":
			g.Sources = f.strs()
		default:
			f.fail = true
		}
	})
	return g
}

func (f *fastDecoder) event() *Event {
	e := new(Event)
	f.object(func(key []byte) {
		switch string(key) {
		case "id":
			e.ID = f.str()
		case "date":
			e.Date = f.date()
		case "title":
			e.Title = f.str()
		case "caption":
			e.Caption = f.str()
		case "relations":
			e.Relations = f.strs()
		case "sources":
			e.Sources = f.strs()
		default:
			f.fail = true
		}
	})
	return e
}

func (f *fastDecoder) span() Span {
	var s Span
	f.object(func(key []byte) {
		switch string(key) {
		case "start":
			s.Start = f.date()
		case "end":
			s.End = f.date()
		default:
			f.fail = true
		}
	})
	return s
}
