"""The checker: find statements about U.S.–Soviet/Russian leader meetings in an article
and check each against the curated record ("supported", "contradicted" with a
correction, or "not in the record").

    from summitry.checker import check_text, render_html
    result = check_text(open("article.md").read())
    print(result.to_json())
"""

from summitry.checker.api import CheckResult, ClaimResult, check_document, check_file, check_text
from summitry.checker.errors import CheckerInputError, InputTooLarge, NotText

__all__ = [
    "CheckResult", "CheckerInputError", "ClaimResult", "InputTooLarge", "NotText", "check_document",
    "check_file", "check_text", "render_html", "render_text",
]


def __getattr__(name: str) -> object:
    # rendering pulls in jinja2/rich; import it only when asked for
    if name in ("render_html", "render_text"):
        from summitry.checker import render

        return getattr(render, name)
    raise AttributeError(name)
