"""The tone and length checker for one careful message (no Qt). See report.py."""
