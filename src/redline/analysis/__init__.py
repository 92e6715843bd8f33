"""Analysis: one event from many reports, the cooperation ladder, conflict-cooperation series."""
