"""Pure Python: nothing in this package imports Qt."""
