"""Drafts: the careful message, the situation it is checked in, and its words."""
