"""The system tray icon, its menu, and the reminders it shows."""
