"""Natural-language processing: model loading, parsing, dates."""
