"""Builders: the only part of the pack that reads services, turning them into document models."""
