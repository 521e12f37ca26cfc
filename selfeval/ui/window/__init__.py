"""The main window, its menus and controller, and the actions the menus run."""
