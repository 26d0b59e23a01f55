"""Summitry: where, when and how U.S. and Soviet/Russian leaders met, as data.

The public Python API returns pandas DataFrames (convert to polars with
``polars.from_pandas`` or ask for Arrow with ``as_arrow=True``).
"""

from summitry.config import VERSION as __version__

__all__ = ["__version__", "build", "context", "first_meetings", "leaders", "meeting", "meetings", "precedents"]


def __getattr__(name: str) -> object:
    # The API (and pandas under it) loads on first use, so the CLI starts quickly
    if name in __all__:
        from summitry.interfaces import api

        return getattr(api, name)
    raise AttributeError(f"module 'summitry' has no attribute {name!r}")
