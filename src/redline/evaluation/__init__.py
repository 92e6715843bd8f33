"""Scoring the event coder against gold files (`redline eval`)."""
