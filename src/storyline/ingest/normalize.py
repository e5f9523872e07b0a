"""Bytes -> text -> repaired text, and the final tidy-up of the clean text.

Three steps with different jobs, applied at different points of ingestion:

* ``decode_bytes`` turns a file's bytes into ``str`` or refuses them with a one-line reason.
* ``repair_text`` undoes transport damage (mojibake, odd line ends, invisible characters).
  Its result is ``Document.raw_text``; removed-boilerplate offsets point into it.
* ``tidy_text`` runs on the lines left after boilerplate removal and gives the layout of
  ``Document.text``: single spaces, no trailing blanks, one blank line between paragraphs,
  words re-joined where a line break had hyphenated them.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

import charset_normalizer
import ftfy
import simplemma

from storyline.errors import UnreadableInput

# 20 MB is ~3,000 long articles' worth of text; a single input beyond that is a dump or a
# mistake, and decoding plus repairing it would hold several copies of it in memory.
DEFAULT_MAX_BYTES = 20_000_000

# Share of C0 control characters (other than tab/newline/CR/FF/VT) above which the input is
# treated as binary. Random or compressed bytes have ~11 % of them; real text files have
# none or a handful (a stray form feed, an ESC from a terminal paste), far below 2 %.
MAX_CONTROL_SHARE = 0.02

LEGACY_ENCODING = "cp1252"

# BOMs in the order they must be tested: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BINARY_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])

# ftfy's defaults would turn „…“ and « » neighbours such as ‚ ‘ ’ ” “ into ASCII quotes
# ("uncurl"). Quote extraction relies on the typographic pairs to tell opening from closing
# marks and German „…“ from English “…”, so they must survive.
_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, normalization="NFC", explain=False)

# Spaces that are not U+0020: no-break (U+00A0), narrow no-break (U+202F, French before
# « ; : ! ? » and in "25 000"), thin/figure/en/em spaces, ideographic space. They become plain
# spaces. Each is one code point, so no offset moves. Gazetteer and quote matching compare
# literal text ("Northern Concord", "M. Lavalle", "« texte »"), and copy-pasted French
# arrives with either kind of space anyway, so the number parser has to handle plain spaces
# in "25 000" regardless; the no-break variant adds no information worth the mismatch.
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")

# Invisible characters that split tokens without showing: zero-width space, word joiner,
# in-text BOM, and direction marks/embeddings (pasted from bilingual pages). ZWJ/ZWNJ stay:
# they change how emoji and some scripts render, so they are content.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# A soft hyphen at a line end is displayed as a hyphen (the word was broken there), so it
# becomes one and tidy_text decides about re-joining. Anywhere else it is invisible.
_SOFT_HYPHEN_AT_BREAK = re.compile("\u00ad[ \t]*\n")
_SOFT_HYPHEN = "\u00ad"

# Form feed / vertical tab separate lines (page breaks in PDF dumps, Word's manual line
# break); NEL and the Unicode line/paragraph separators are line ends too.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_OTHER_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def decode_bytes(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode an input file. UTF-8 (BOM or not) first, then UTF-16/32 by BOM, then a guess.

    Raises ``UnreadableInput`` for oversized, binary or undecodable data.
    """
    if len(data) > max_bytes:
        raise UnreadableInput(f"input is {len(data):,} bytes, over the limit of {max_bytes:,}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                reason = f"undecodable bytes after the {encoding} BOM: {exc.reason}"
                raise UnreadableInput(reason) from None
            _refuse_control_heavy(len(_BINARY_CONTROLS.findall(text)), len(text))
            return text
    if b"\x00" in data:
        raise UnreadableInput("binary data: contains NUL bytes")
    # Checking the bytes before guessing an encoding spares charset-normalizer a binary blob;
    # all single-byte encodings it could pick map these bytes to the same controls anyway.
    controls = len(data) - len(data.translate(None, _BINARY_CONTROL_BYTES))
    _refuse_control_heavy(controls, len(data))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # en/de/fr all fit Windows-1252, the usual legacy encoding of Western European web text,
    # but charset-normalizer on its own ranks relatives (cp1257, cp1250, even EBCDIC for a
    # short input) above it. So cp1252 goes first; the open guess only runs when cp1252
    # reads as noise (a Cyrillic cp1251 or Greek file).
    best = (
        charset_normalizer.from_bytes(data, cp_isolation=[LEGACY_ENCODING]).best()
        or charset_normalizer.from_bytes(data).best()
    )
    if best is None:
        raise UnreadableInput("undecodable bytes: no text encoding fits")
    return str(best)


def _refuse_control_heavy(controls: int, total: int) -> None:
    if total and controls / total > MAX_CONTROL_SHARE:
        raise UnreadableInput(
            f"binary data: {controls:,} control characters in {total:,} ({controls / total:.0%})"
        )


def repair_text(text: str) -> str:
    """Repair transport damage; the result is ``Document.raw_text``.

    Mojibake repair (ftfy, typographic quotes untouched), NFC, line ends as ``\\n``, control
    characters other than ``\\n``/``\\t`` removed, exotic spaces made plain (see
    ``_ODD_SPACES`` for why), invisible token-splitting characters removed.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = ftfy.fix_text(text, _FTFY_CONFIG)
    # ftfy already handled line ends, but its C1 fixes can only run on the raw text, so the
    # line-end pass runs again for anything ftfy produced or left.
    text = _LINE_BREAKS.sub("\n", text)
    text = _OTHER_CONTROLS.sub("", text)
    text = _SOFT_HYPHEN_AT_BREAK.sub("-\n", text).replace(_SOFT_HYPHEN, "")
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------------------
# tidy_text

_RUNS_OF_BLANKS = re.compile(r"[ \t]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")

# A word broken at a line end: letters, a hyphen (ASCII or U+2010), the newline, then the
# next line's first word. Only a single newline counts: a blank line ends a paragraph and
# nothing hyphenates across paragraphs.
_BROKEN_WORD = re.compile(r"(?P<left>\w+)[-\u2010]\n(?P<right>\w+)")

# "Ein- und Ausreise", "pre- and post-war", "pré- ou post-électoral": the hyphen stands for a
# shared second half, so it stays and the line break becomes a space.
_SUSPENDED_HYPHEN_FOLLOWERS = frozenset(
    {"und", "oder", "bis", "sowie", "als", "and", "or", "to", "nor", "et", "ou", "à"}
)

# Dictionaries consulted to tell "Solda-ten" (join) from "well-known" (keep the hyphen).
_LEXICON_LANGUAGES = ("en", "de", "fr")


def tidy_text(text: str) -> str:
    """Normalise the layout of the kept lines; never changes a character inside a quote.

    * runs of spaces/tabs inside a line become one space; line ends are stripped;
    * at most one blank line between paragraphs; no blank lines at either end;
    * a word hyphenated across a line break is re-joined (see ``_rejoin``).
    """
    lines = [_RUNS_OF_BLANKS.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _BROKEN_WORD.sub(_rejoin, text)
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip("\n")


def _rejoin(match: re.Match[str]) -> str:
    """Decide how ``left-⏎right`` is written once the line break is gone.

    A capital or digit after the break means the hyphen is real: a word split by
    hyphenation never resumes with a capital, while compounds with a name or number do
    ("Lorvain-Ville", "Nato-Gipfel", "COVID-19"). For a lowercase continuation the
    dictionaries decide: a known hyphenated form ("well-known") or two known halves whose
    join is unknown ("porte-parole") keep the hyphen; otherwise it was a line-break
    hyphenation ("Solda-ten", "negoti-ations") and the halves are joined.
    """
    left, right = match.group("left"), match.group("right")
    if right.casefold() in _SUSPENDED_HYPHEN_FOLLOWERS:
        return f"{left}- {right}"
    if not right[0].islower():
        return f"{left}-{right}"
    if _known(f"{left}-{right}"):
        return f"{left}-{right}"
    if _known(left + right):
        return left + right
    if _known(left) and _known(right) and min(len(left), len(right)) >= 2:
        return f"{left}-{right}"
    return left + right


@lru_cache(maxsize=4096)
def _known(word: str) -> bool:
    return bool(simplemma.is_known(word, lang=_LEXICON_LANGUAGES))
