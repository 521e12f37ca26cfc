"""Bringing in the Word self-evaluation a partnership already has (issue 25): read the document
(`docx_pieces.py`), find its criteria (`criteria_match.py`) and its fields (`field_words.py`),
plan where every piece goes (`sef_plan.py`), and write it all or nothing (`importing.py`)."""
