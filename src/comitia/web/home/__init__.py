"""The home page: a term at a glance (its bureau and its meetings month by month)."""
