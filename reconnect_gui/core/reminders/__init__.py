"""Reminders: the schedule, its choices, and pausing it."""
