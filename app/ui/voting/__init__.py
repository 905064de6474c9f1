"""Dot voting: the voting bar, the votes chart, the recorder of clicks, the voting actions."""
