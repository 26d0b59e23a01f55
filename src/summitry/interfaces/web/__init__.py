"""The explorer: HTML pages and a JSON API over the read-only database (FastAPI + Jinja2)."""

__all__ = ["create_app"]


def __getattr__(name: str) -> object:
    # FastAPI is imported only when the app is made, so `summitry --help` stays quick
    if name == "create_app":
        from summitry.interfaces.web.app import create_app

        return create_app
    raise AttributeError(name)
