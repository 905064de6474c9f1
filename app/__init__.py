"""Bellwether: steering-committee prioritisation workshops."""

__version__ = "0.1.0"
__license__ = "MIT"
