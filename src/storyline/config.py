"""Configuration: the shipped ``defaults.toml`` with an optional user TOML merged on top."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.errors import ConfigError

Config = dict[str, Any]


def _merge(base: Config, override: Config) -> Config:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def defaults() -> Config:
    text = resources.files("storyline").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_config(path: str | Path | None = None, overrides: Config | None = None) -> Config:
    """Defaults, then the user file, then programmatic overrides (later wins)."""
    config = defaults()
    if path is not None:
        try:
            user = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file not found: {path}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
        unknown = set(user) - set(config) - {"topics"}
        if unknown:
            raise ConfigError(f"unknown config section(s) in {path}: {', '.join(sorted(unknown))}")
        config = _merge(config, user)
    if overrides:
        config = _merge(config, overrides)
    return config


def component_config(config: Config, name: str) -> Config:
    section = config.get("components", {}).get(name, {})
    if not isinstance(section, dict):
        raise ConfigError(f"[components.{name}] must be a table")
    return section
