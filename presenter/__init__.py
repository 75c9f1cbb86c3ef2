"""Presenter: a control panel for a live-streamed show."""

__version__ = "0.1.0"
