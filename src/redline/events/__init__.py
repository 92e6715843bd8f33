"""Event coding: triggers, arguments, modality, attribution and dates."""
