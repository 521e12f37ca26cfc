"""selfeval: an offline Area SEND self-evaluation workbench for local area partnerships."""

__version__ = "0.1.0"
