"""The vault in the GUI: finding, setting up, unlocking and locking it."""
