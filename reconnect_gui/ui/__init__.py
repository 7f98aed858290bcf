"""Widgets and Qt glue. Only this package (and app.py) import PySide6."""
