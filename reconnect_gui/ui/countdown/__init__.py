"""The home screen: the No-Contact countdown, its dialogs, history and charts, and the SOS flow."""
