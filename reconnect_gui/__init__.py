"""Reconnect: a private desktop companion for the weeks after a breakup."""

__version__ = "0.1.0"
APP_NAME = "Reconnect"
APP_ID = "reconnect"  # file names, keyring service, desktop file id
