"""Actors: alias and role tables, mention finding and date-aware resolution."""
