"""The rules, one module per family; importing this package registers them all."""

from comitia.checks.rules import (  # noqa: F401
    budget,
    claims,
    coverage,
    dates,
    negotiation,
    organization,
    plausibility,
    references,
    resolutions,
    weekdays,
)
