"""The patterns every layer reads text with, written once: years, numbers, capital letters and
names. Matching on folded text (`clean.fold`) or on the article's own text alike."""
from __future__ import annotations

import re

__all__ = ["YEAR", "NUMBER", "UPPER", "NAME", "NAME_ACROSS_LINES", "SYLLABLE"]

# A year of these centuries ("2024"), as a word
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A number as Vietnamese text writes it: "12", "1.250" (thousands), "3,5" (decimal), "7/10"
NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")
# A regex character class of every upper-case letter (Vietnamese ones included); ranges such as
# À-Ỹ would also take lower-case letters.
UPPER = "[" + re.escape("".join(c for c in map(chr, range(0x41, 0x2000)) if c.isupper())) + "]"
# A run of capitalised words ("Phạm Minh Chính", "Hải Dương"), never across lines
NAME = re.compile(rf"(?<![\w]){UPPER}\w*(?:[^\S\n]+{UPPER}\w*)+")
# The same run allowed across line breaks: the corpus names of the plans still read with it
# (moving them to NAME changes answers; see the closing note of the session that split it out)
NAME_ACROSS_LINES = re.compile(rf"(?<![\w]){UPPER}\w*(?:\s+{UPPER}\w*)+")
# One Vietnamese syllable typed without diacritics, folded ("nghe", "an", "chuyen"): what an
# abbreviation ("cccd", "ubnd") or an English word ("permanent") cannot be
SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
                      r"[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
