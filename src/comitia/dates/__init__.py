"""Fuzzy dates: how another body's event is dated, with EDTF text and four-language printing.

Plain Python; never imports Django or pydantic. Bad input raises ``FuzzyDateError`` (a
``ValueError``) everywhere in this package.
"""

from comitia.dates.fuzzy import FuzzyDate, FuzzyDateError, Precision

__all__ = ["FuzzyDate", "FuzzyDateError", "Precision"]
