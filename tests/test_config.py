from __future__ import annotations

from pathlib import Path

import pytest

from storyline.config import load_config
from storyline.errors import ConfigError


def test_user_file_overrides_defaults_key_by_key(tmp_path: Path) -> None:
    user = tmp_path / "storyline.toml"
    user.write_text('[components.language]\nmin_confidence = 0.8\n[store]\nurl = "x.db"\n')
    config = load_config(user)
    assert config["components"]["language"]["min_confidence"] == 0.8
    # untouched keys of the same table keep their defaults
    assert config["components"]["language"]["min_paragraph_chars"] == 40
    assert config["store"]["url"] == "x.db"
    assert config["pipeline"]["ingest"] == ["clean", "outlets", "language", "dates", "sentences"]


def test_lists_replace_rather_than_append(tmp_path: Path) -> None:
    user = tmp_path / "storyline.toml"
    user.write_text('[pipeline]\nanalyze = ["entities"]\n')
    assert load_config(user)["pipeline"]["analyze"] == ["entities"]


@pytest.mark.parametrize(
    ("content", "message"),
    [("[pipeline\n", "not valid TOML"), ("[nonsense]\nx = 1\n", "unknown config section")],
)
def test_bad_config_gives_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    user = tmp_path / "bad.toml"
    user.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_config(user)


def test_missing_config_file() -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config("/nonexistent/storyline.toml")
