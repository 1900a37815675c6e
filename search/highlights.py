"""Highlights in the record's own text.

Every backend indexes and highlights the folded words of a document (search.text.index_text): کوئٹہ as
کویٹہ, تَعْلِیم as تعلیم, پا‌نی (with a joiner) as پانی, "Pakistan's" as "Pakistan s". Readers must see the
record as it was written, so the backend's highlighted text is never shown: its words are lined up with
the words of the original text (each folded the same way), and the original words that line up with a
marked one are marked. Folding changes lengths (diacritics, tatweel and joiners go, ۓ becomes two letters),
so words are matched, not character offsets.
"""

import difflib
import unicodedata

from search.text import MARK_END, MARK_START, search_words

# Characters that belong to a word of the original text although search drops them (the joiners).
_IN_WORD = {"\u200c", "\u200d"}
ELLIPSIS = "…"


def _original_words(text):
    """[(start, end, search word)] for each word of `text` as written; a written word that folds to
    several words (a ligature such as ﷺ) gives one entry for each, with the same span."""
    found, start = [], None
    for i, char in enumerate([*text, " "]):
        inside = char in _IN_WORD or unicodedata.category(char)[0] in "LNM"
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            found += [(start, i, word.casefold()) for word in search_words(text[start:i])]
            start = None
    return found


def _backend_words(highlighted):
    """[(search word, marked)] of a backend's highlighted folded text."""
    found, current, marked, inside = [], [], False, False
    for char in [*highlighted, " "]:
        if char in (MARK_START, MARK_END):
            inside = char == MARK_START
            continue
        if unicodedata.category(char)[0] in "LNM":
            current.append(char)
            marked = marked or inside
        elif current:
            found.append(("".join(current).casefold(), marked))
            current, marked = [], False
    return found


def in_original(original, highlighted, whole=True):
    """`original` with MARK_START/MARK_END around the words the backend marked in `highlighted`, its
    highlighted folded copy (all of it when `whole`, else a fragment of it, which becomes the same
    fragment of the original, with an ellipsis where text was left out). "" when nothing lines up."""
    if not original or not highlighted or MARK_START not in highlighted:
        return ""
    theirs, ours = _backend_words(highlighted), _original_words(original)
    matcher = difflib.SequenceMatcher(None, [w for w, _m in theirs], [w for _s, _e, w in ours], autojunk=False)
    lined_up, marked = [], set()
    for i, j, size in matcher.get_matching_blocks():
        for k in range(size):
            lined_up.append(j + k)
            if theirs[i + k][1]:
                marked.add(ours[j + k][:2])
    if not marked:
        return ""
    start, end = (0, len(original)) if whole else (ours[min(lined_up)][0], ours[max(lined_up)][1])
    pieces, at = [], start
    for span_start, span_end in sorted(marked):
        if span_start < at:
            continue  # a second word of the same written word
        pieces += [original[at:span_start], MARK_START, original[span_start:span_end], MARK_END]
        at = span_end
    pieces.append(original[at:end])
    text = "".join(pieces)
    if not whole:
        text = (ELLIPSIS if start > 0 else "") + text + (ELLIPSIS if end < len(original) else "")
    return text
