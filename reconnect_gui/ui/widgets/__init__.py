"""The shared toolkit every feature builds on: labels, colours, chips, timers, background work."""
