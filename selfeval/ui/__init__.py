"""The PySide6 desktop face. Only this package (and app.py) imports Qt."""
