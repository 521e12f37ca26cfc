"""The self-evaluation pack: one model built from the services, and renderers that read only it."""
