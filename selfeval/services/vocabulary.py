"""The fixed lists a workspace's values come from: kinds of evidence and organisation, owner
roles, action statuses and priorities, risk statuses, the data request's kinds and answers,
whose words a voice is.

Declared here once, with the words each shows as; the services that use them, the check made
when a workspace opens (stored_values.py) and the server's own checks (store/server_values.py,
compared by a test) read them from here. Imports nothing.
"""

from __future__ import annotations

EVIDENCE_KINDS: dict[str, str] = {
    "data": "Data",
    "audit": "Audit",
    "survey": "Survey / feedback",
    "case-study": "Case study",
    "strategy": "Strategy / policy",
    "minutes": "Minutes",
    "co-production": "Co-production",
    "other": "Other",
}

ORGANISATION_KINDS: dict[str, str] = {
    "la-education": "Local authority education",
    "la-social-care": "Local authority social care",
    "health": "Health / ICB",
    "school": "School",
    "fe": "Further education",
    "pcf": "Parent carer forum",
    "other": "Other",
}

OWNER_ROLES = ("lead", "contributor")

ACTION_STATUSES = {
    "not-started": "Not started",
    "in-progress": "In progress",
    "complete": "Complete",
    "blocked": "Blocked",
}

ACTION_PRIORITIES = {"priority": "Area for priority action", "improvement": "Area for improvement"}

REQUEST_KINDS = {"data": "Data set", "document": "Document"}

WITHIN_NOTICE = {"yes": "Yes", "no": "No", "unknown": "Not known"}

RISK_STATUSES = ("open", "closed")

SPEAKER_KINDS = {
    "child": "Child",
    "young-person": "Young person",
    "parent-carer": "Parent or carer",
    "practitioner": "Practitioner",
}
"""Whose words a voice is, in general terms: what a reader needs, never who."""
