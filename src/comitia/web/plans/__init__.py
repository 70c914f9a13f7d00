"""Plans in the database: terms, their bureau, mandates, calendar, obligations and budget."""
