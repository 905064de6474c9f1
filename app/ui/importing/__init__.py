"""Importing requests from a sheet: the dialog, its preview, and the File menu action."""
