//go:build !race

package main

// raceBuild says the tests run under the race detector, so the app they
// start is built with it too.
const raceBuild = false
