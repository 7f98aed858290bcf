"""The journal pane: private entries, found again in a moment."""
