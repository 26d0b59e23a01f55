"""Checker errors a user can act on (subclasses of `summitry.errors.SummitryError`)."""

from __future__ import annotations

from summitry.errors import SummitryError


class CheckerInputError(SummitryError):
    """The article cannot be read as text; the message says why and what to do."""


class InputTooLarge(CheckerInputError):
    """The article is larger than the checker's limit (a guard against runaway input)."""


class NotText(CheckerInputError):
    """The input is binary (NUL bytes) or not decodable as UTF-8/UTF-16 text."""
