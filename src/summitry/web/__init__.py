"""The explorer: HTML pages and a JSON API over the read-only database (FastAPI + Jinja2)."""

from summitry.web.app import create_app

__all__ = ["create_app"]
