//go:build !race

package gui

// raceBuild says the tests run under the race detector, which makes the
// code 5 to 20 times slower: long runs do less there (see TestEndurance).
const raceBuild = false
