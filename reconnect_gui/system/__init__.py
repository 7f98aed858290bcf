"""Where Reconnect meets the operating system: file locations, the log, start at login."""
