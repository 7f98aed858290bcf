"""The window around everything: the main window, its panes, start-up glue."""
