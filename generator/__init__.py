"""research-archive: an annotated, searchable static archive of press articles."""

__version__ = "0.1.0"
