"""The web application: stores plans, serves pages, and enforces who may do what."""
