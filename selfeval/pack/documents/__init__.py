"""Document models and their compositions into blocks (no services, no store)."""
