"""The inspector: edit a request, the workshop, its departments and phases, all undoable."""

from app.ui.inspector.panel import InspectorPanel

__all__ = ["InspectorPanel"]
