"""Files on disk, below every other layer: safe names, safe outputs, plain words for faults.

Imports nothing of ours but ``selfeval.errors``, so the store, the services and the pack can all
use it without an upward import.
"""
