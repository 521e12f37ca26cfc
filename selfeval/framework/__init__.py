"""Framework files: the evaluation criteria as validated data.

This package imports nothing else of selfeval's (bar the shared error base) so that every other
layer can depend on it. Import from the modules: ``model`` (pydantic models), ``loader`` (reading
files, with PyYAML), ``outline`` (a plain-data view for the first screen, no pydantic), so that
each caller pays only for what it uses.
"""
