"""Negotiating a draft resolution on the web: the draft's page and delegations' amendments."""
