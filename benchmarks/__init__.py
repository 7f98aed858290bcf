"""Reconnect's benchmarks: ``./dev.sh bench`` (or ``python -m benchmarks``) prints a table."""
