"""Exporting: the roadmap PDF dialog and worker, and the plan as a CSV or XLSX sheet."""
