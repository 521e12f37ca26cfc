"""Use cases over a workspace. No Qt here: the CLI and the GUI are two faces of these functions.

Each public function is one transaction: it either completes and commits, or changes nothing.
"""
