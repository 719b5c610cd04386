"""Reading articles: files in docs/ become cleaned `Article`s and then `Chunk`s with offsets.

decode (bytes to text, legacy encodings) → ingest (front matter, HTML through trafilatura,
saving and finding article files) → metadata (date and publisher read from the text) → clean
(NFC, spaces, page furniture out; `fold` for matching without diacritics) → chunk (Vietnamese
sentences, chunks of whole sentences). Imports nothing from the other layers.
"""
from .chunk import chunk_article, split_sentences
from .clean import clean_text, fold, normalize, scrub
from .ingest import IngestError, list_doc_files, load_articles, save_article

__all__ = ["load_articles", "list_doc_files", "save_article", "IngestError", "clean_text",
           "normalize", "fold", "scrub", "split_sentences", "chunk_article"]
