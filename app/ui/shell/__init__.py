"""The shell: the application, the main window that hosts every feature, and the start screen."""
