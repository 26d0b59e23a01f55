"""Errors a user can act on: the CLI and web show their message, never a traceback."""


class SummitryError(Exception):
    """Base class for every error with a message meant for the user."""


class NotFound(SummitryError):
    """An unknown meeting id, leader id or state code."""


class InvalidQuery(SummitryError):
    """A query argument that cannot be answered (bad date, unknown mode, ...)."""


class UnknownValue(NotFound, InvalidQuery):
    """A filter value that names nothing (an unknown state code or leader id). It is a
    NotFound to the library, and a bad parameter (422, like any other) to the web API: only a
    path that names nothing (/api/meetings/<unknown id>) is a 404."""


class CannotWrite(SummitryError):
    """An output path that cannot be written: missing, not a directory, not writable."""

    def __init__(self, path: object, exc: OSError) -> None:
        reason = exc.strerror or type(exc).__name__
        if isinstance(exc, FileExistsError | NotADirectoryError):
            reason = "a file is in the way where a directory is needed"
        super().__init__(f"cannot write {path}: {reason}")
