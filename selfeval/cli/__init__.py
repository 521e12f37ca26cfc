"""The command-line face of selfeval (see main.py)."""

from selfeval.cli.main import main

__all__ = ["main"]
