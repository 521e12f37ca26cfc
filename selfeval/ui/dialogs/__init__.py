"""Dialogs: one module a dialog."""
