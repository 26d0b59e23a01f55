"""Summitry: where, when and how U.S. and Soviet/Russian leaders met, as data.

The public Python API returns pandas DataFrames (convert to polars with
``polars.from_pandas`` or ask for Arrow with ``as_arrow=True``).
"""

__version__ = "0.1.0"

from summitry.api import (  # noqa: E402
    build,
    context,
    first_meetings,
    leaders,
    meeting,
    meetings,
    precedents,
)

__all__ = ["__version__", "build", "context", "first_meetings", "leaders", "meeting", "meetings", "precedents"]
