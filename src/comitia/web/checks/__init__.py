"""The checks panel of a term (staff) and its mandate coverage (public, with a CSV export)."""
