"""redline: evidence-linked political event data, treaty commitments and red-line alerts."""

from __future__ import annotations

__version__ = "0.1.0"
