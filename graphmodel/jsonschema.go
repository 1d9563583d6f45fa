package graphmodel

import (
	"bytes"
	"encoding"
	"reflect"
	"strings"
)

// schema is what the dataset's Go types accept at one place of a JSON
// document, read from their json tags, so that one pass over the text can
// check what encoding/json lets pass (a repeated key, an unknown field, a
// malformed date) and say where.
type schema struct {
	kind   schemaKind
	fields []schemaField // an object's fields
	elem   *schema       // a list's elements
}

type schemaKind uint8

type schemaField struct {
	name []byte
	node *schema
}

// schemaOf builds the schema of t from its json tags.
func schemaOf(t reflect.Type) *schema {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == reflect.TypeFor[Date]() {
		return &schema{kind: dateValue}
	}
	if reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return &schema{}
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return &schema{kind: listValue, elem: schemaOf(t.Elem())}
	case reflect.Map:
		return &schema{kind: mapValue, elem: schemaOf(t.Elem())}
	case reflect.Struct:
		s := &schema{kind: objectValue}
		for f := range t.Fields() {
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			s.fields = append(s.fields, schemaField{[]byte(name), schemaOf(f.Type)})
		}
		return s
	}
	return &schema{}
}

// field returns the index of the field key names, matched as encoding/json
// matches it (exactly, else ignoring case), or -1.
func (s *schema) field(key []byte) int {
	for i, f := range s.fields {
		if bytes.Equal(f.name, key) {
			return i
		}
	}
	for i, f := range s.fields {
		if bytes.EqualFold(f.name, key) {
			return i
		}
	}
	return -1
}
