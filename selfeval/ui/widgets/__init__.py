"""Widgets and item models that pages and dialogs are built from."""
