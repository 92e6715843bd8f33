"""Exchanging event data with other tools: typed exports and dataset import adapters."""
