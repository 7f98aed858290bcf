"""The tone rules, one module per category; registry.py is the one place that lists them."""
