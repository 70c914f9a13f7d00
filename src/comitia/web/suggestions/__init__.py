"""Delegations\x27 proposals of agenda topics and panelists, before a deadline."""
