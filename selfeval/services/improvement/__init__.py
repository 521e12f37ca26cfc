"""Tracking improvement: the action plan, indicators, the risk register, snapshots and progress,
and the assessments a workspace holds (new cycles, a WSOA beside the SEF)."""
