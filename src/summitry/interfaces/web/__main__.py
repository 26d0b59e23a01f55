"""`python -m summitry.interfaces.web [--host H] [--port P] [--db PATH]`: the same as `summitry serve`."""

import typer

from summitry.interfaces.web.commands import serve_command

if __name__ == "__main__":
    typer.run(serve_command)
