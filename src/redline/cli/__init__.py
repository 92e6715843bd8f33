"""The `redline` command line: a thin shell over the library."""
