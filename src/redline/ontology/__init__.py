"""The PLOVER ontology and the CAMEO bridge, loaded from packaged data files."""
