"""Errors a user can act on: the CLI and web show their message, never a traceback."""


class SummitryError(Exception):
    """Base class for every error with a message meant for the user."""


class NotFound(SummitryError):
    """An unknown meeting id, leader id or state code."""


class InvalidQuery(SummitryError):
    """A query argument that cannot be answered (bad date, unknown mode, ...)."""
