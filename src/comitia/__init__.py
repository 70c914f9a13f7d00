"""Comitia: the secretariat's system for a committee's year of work."""

__version__ = "0.1.0"
