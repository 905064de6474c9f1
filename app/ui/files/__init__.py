"""Files: open and save dialogs, recent files, autosave and the crash-recovery offer."""
