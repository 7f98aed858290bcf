"""The drafting pane: one careful message, checked gently as it is written."""
