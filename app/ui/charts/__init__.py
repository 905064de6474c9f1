"""The charts dock: load per phase and benefit over time, with their legend and markers."""
