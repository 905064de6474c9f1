"""Help: the About box, the keyboard shortcuts (read from the actions) and the user guide."""
