"""The `reconnect …` command line: the same storage and checks as the GUI, no Qt (commands.py
wires the subcommands; one module per group of commands)."""
