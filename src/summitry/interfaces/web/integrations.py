"""The analysis modules the explorer shows, loaded lazily so the site works without them.

The context report (`summitry.analysis.context`) and the article checker
(`summitry.checker`) are separate parts of the project; when one is not installed the
pages say so and the API answers 503 instead of failing to start.
"""

from __future__ import annotations

import importlib
import json
import logging
from collections.abc import Callable
from types import ModuleType
from typing import Any

log = logging.getLogger("summitry.interfaces.web")

CONTEXT_MODULE = "summitry.analysis.context"
CHECKER_MODULE = "summitry.checker"
CONTEXT_MISSING = "The context report is not available in this installation (summitry.analysis.context is missing)."
CHECKER_MISSING = "The article checker is not available in this installation (summitry.checker is missing)."

_warned: set[str] = set()


def optional_module(name: str, *needs: str) -> ModuleType | None:
    """The module if it imports and has every function in `needs` (a half-written package,
    e.g. a folder without its __init__, counts as missing), else None."""
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        problem = str(exc)
    else:
        missing = [n for n in needs if optional_attr(module, n) is None]
        if not missing:
            return module
        problem = f"no {', '.join(missing)}"
    if name not in _warned:
        _warned.add(name)
        log.warning("%s unavailable: %s", name, problem)
    return None


def optional_attr(module: ModuleType, name: str) -> Callable[..., Any] | None:
    """A function of `module`, or None when it is missing or fails to load (lazy attributes)."""
    try:
        value = getattr(module, name, None)
    except Exception as exc:  # a lazy __getattr__ whose import is not there yet
        log.warning("%s.%s unavailable: %s", module.__name__, name, exc)
        return None
    return value if callable(value) else None


def context_module() -> ModuleType | None:
    return optional_module(CONTEXT_MODULE, "context_report", "first_meetings")


def checker_module() -> ModuleType | None:
    """The checker when it can check; its standalone page (`render_html`) is optional."""
    return optional_module(CHECKER_MODULE, "check_text")


def result_dict(result: Any) -> dict:
    """A checker result as a plain dict (`to_dict()`, or `to_json()` as a dict or a JSON string)."""
    for name in ("to_dict", "to_json"):
        fn = getattr(result, name, None)
        if callable(fn):
            data = fn()
            return json.loads(data) if isinstance(data, str | bytes) else data
    raise TypeError(f"cannot turn a {type(result).__name__} into JSON")
