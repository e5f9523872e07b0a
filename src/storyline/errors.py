"""Every exception storyline raises on purpose, in one place.

StorylineError
├── ConfigError          bad or contradictory configuration (TOML, pipeline layout)
├── InputError           one input item cannot be turned into a document
│   ├── UnreadableInput  binary data, undecodable bytes, too large
│   └── EmptyInput       nothing left after decoding/cleaning
├── StoreError           the database refused or is unreachable
└── ExportError          an export does not match its schema

The CLI turns a ``StorylineError`` into a one-line message and a non-zero exit code;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base class for expected, user-facing failures."""


class ConfigError(StorylineError):
    """The configuration or pipeline layout is invalid."""


class InputError(StorylineError):
    """An input item cannot become a document. The batch goes on without it."""


class UnreadableInput(InputError):
    """Binary data, undecodable text or an oversized file."""


class EmptyInput(InputError):
    """The item holds no article text."""


class StoreError(StorylineError):
    """The store failed or cannot be reached."""


class ExportError(StorylineError):
    """An export does not validate against its schema."""
