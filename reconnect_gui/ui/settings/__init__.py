"""The Settings pane and its sections."""
