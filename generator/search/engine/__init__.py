"""The whoosh boundary: build and update the index, read postings, statistics and the vocabulary.

Nothing else in the project imports whoosh. What leaves this package is engine-neutral: field names
such as "body@fr", term strings, document numbers, `Postings`, and a table of field lengths. A
faster engine could replace whoosh by providing the same `SearchIndex` and `IndexReader` surface.
"""

from generator.search.engine.reader import IndexReader, StoredDoc
from generator.search.engine.schema import LENGTH_TABLE
from generator.search.engine.writer import SearchIndex, SyncReport

__all__ = ["LENGTH_TABLE", "IndexReader", "SearchIndex", "StoredDoc", "SyncReport"]
