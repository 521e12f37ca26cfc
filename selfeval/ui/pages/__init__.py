"""The pages the main window shows beside the navigator: one module a page."""
