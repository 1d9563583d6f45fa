package graphmodel

import (
	"fmt"
	"slices"
)

// Kind is what a relation is. The set is closed so that every kind has a
// drawing style and a place in the legend; "unknown kind" is a data error.
type Kind string

// The relation kinds, from closest to most hostile.
const (
	Alliance      Kind = "alliance"      // a mutual-defence treaty
	Partnership   Kind = "partnership"   // friendship treaties, strategic partnerships, declarations
	Normalisation Kind = "normalisation" // recognition, diplomatic relations, peace treaties
	Summit        Kind = "summit"        // a leaders' meeting (momentary)
	Talks         Kind = "talks"         // standing dialogues and multilateral talks
	Exercise      Kind = "exercise"      // a joint military exercise (momentary)
	Arms          Kind = "arms"          // arms, troops or military technology sent one way
	Backing       Kind = "backing"       // political or diplomatic backing, e.g. approving a war
	Occupation    Kind = "occupation"    // military occupation of a zone
	Armistice     Kind = "armistice"     // a ceasefire without a peace treaty
	Tension       Kind = "tension"       // unease or distance short of hostility
	Hostility     Kind = "hostility"     // a split, a declared enmity, armed clashes
	Sanctions     Kind = "sanctions"     // UN sanctions and the tests that drew them
	War           Kind = "war"           // open war
)

// kinds lists every kind in legend order.
var kinds = [...]Kind{Alliance, Partnership, Normalisation, Summit, Talks, Exercise,
	Arms, Backing, Occupation, Armistice, Tension, Hostility, Sanctions, War}

// Kinds returns every kind in legend order.
func Kinds() []Kind { return append([]Kind(nil), kinds[:]...) }

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range kinds {
		if v == k {
			return true
		}
	}
	return false
}

// Momentary kinds are meetings and exercises that last days; a snapshot keeps
// them for Dataset.MemoryMonths after they end so the network remembers them.
func (k Kind) Momentary() bool { return k == Summit || k == Exercise }

// Hostile kinds push actors apart in the layout.
func (k Kind) Hostile() bool {
	switch k {
	case War, Hostility, Sanctions, Tension, Armistice, Occupation:
		return true
	}
	return false
}

// Label is the legend text for the kind.
func (k Kind) Label() string {
	switch k {
	case Alliance:
		return "Alliance (mutual defence)"
	case Partnership:
		return "Partnership / friendship"
	case Normalisation:
		return "Normalisation / recognition"
	case Summit:
		return "Summit"
	case Talks:
		return "Talks / dialogue"
	case Exercise:
		return "Joint exercise"
	case Arms:
		return "Arms, troops, technology"
	case Backing:
		return "Backing"
	case Occupation:
		return "Occupation"
	case Armistice:
		return "Armistice"
	case Tension:
		return "Tension / distance"
	case Hostility:
		return "Hostility / split"
	case Sanctions:
		return "Sanctions"
	case War:
		return "War"
	}
	return string(k)
}

// Rank orders kinds for drawing: stronger ties are drawn last, on top.
func (k Kind) Rank() int {
	for i, v := range kinds {
		if v == k {
			return i
		}
	}
	return len(kinds)
}

// Certainty says how well established a relation is.
type Certainty string

// The certainties, from firm to weak.
const (
	Confirmed Certainty = "confirmed"
	Reported  Certainty = "reported"
	Alleged   Certainty = "alleged"
)

// Certainties returns every certainty, from firm to weak.
func Certainties() []Certainty { return []Certainty{Confirmed, Reported, Alleged} }

// Valid reports whether c is a known certainty.
func (c Certainty) Valid() bool { return slices.Contains(Certainties(), c) }

// Status is where a relation stands on a given day.
type Status int

// The statuses a relation has in a snapshot.
const (
	InForce Status = iota + 1 // started and not ended
	Signed                    // signed, not yet in force
	Recent                    // a momentary relation that ended within the memory window
)

// String names the status.
func (s Status) String() string {
	switch s {
	case InForce:
		return "in force"
	case Signed:
		return "signed, not yet in force"
	case Recent:
		return "recent"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}
