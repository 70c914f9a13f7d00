"""Fuzzy dates: how another body's event is dated, with EDTF text and four-language printing.

Plain Python; never imports Django or pydantic. Bad input raises ``FuzzyDateError`` (a
``ValueError``) everywhere in this package.
"""

from comitia.dates.fuzzy import FuzzyDate, FuzzyDateError, Precision
from comitia.dates.printing import format_day

__all__ = ["FuzzyDate", "FuzzyDateError", "Precision", "format_day"]
