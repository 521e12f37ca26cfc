"""A next edition of the Area SEND criteria, made for the tests from the shipped one (never the
text of a real later edition): every kind of change a crosswalk can describe, at the level of
criteria and of bullets.

- criterion `participation` reworded (its title); `leaders-engage` and `leaders-understand`
  merged into `leaders-engage`; `next-steps` split into `next-steps` and `next-steps-work`;
  `alternative-provision` new; `leaders-environment` removed;
- bullet `right-help.1` reworded; `needs-identified.1` and `.2` merged into `needs-identified.1`;
  `participation.2` split into `participation.2` and `participation.4`; `right-help.6` new;
  `valued-included.3` removed; the bullets of the merged and split criteria moved, unchanged.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from selfeval.locations import bundled_criteria_dir

NEXT_ID = "area-send-next"
REWORDED_BULLET = "right-help.1"


def next_edition_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        (bundled_criteria_dir() / "area-send-2023.yaml").read_text(encoding="utf-8")
    )
    data = copy.deepcopy(data)
    data.update(
        id=NEXT_ID,
        edition="test-next",
        title="Area SEND framework, a test edition made from the 2023 one",
        short_title="Test edition",
        supersedes="area-send-2023",
        terms={
            "rating": "evaluation",
            "judgement": "evaluation",
            "outcome_section": "Likely inspection outcome",
        },
    )
    criteria = {c["id"]: c for g in data["groups"] for c in g["criteria"]}
    bullets = {b["id"]: b for c in criteria.values() for b in c.get("bullets", [])}
    walk: list[dict[str, Any]] = []

    def same(old: str, new: str | None = None) -> None:
        walk.append({"from": old, "to": [new or old], "relationship": "same"})

    # criteria
    criteria["participation"]["title"] += ", and their views shape the support they get"
    walk.append({"from": "participation", "to": ["participation"], "relationship": "reworded"})
    engage, understand = criteria["leaders-engage"], criteria["leaders-understand"]
    engage["title"] = "Leaders engage with families and share an understanding of the area"
    for n, bullet in enumerate(understand["bullets"], start=4):
        walk.append({"from": bullet["id"], "to": [f"leaders-engage.{n}"], "relationship": "same"})
        engage["bullets"].append({"id": f"leaders-engage.{n}", "text": bullet["text"]})
    for old in ("leaders-engage", "leaders-understand"):
        walk.append({"from": old, "to": ["leaders-engage"], "relationship": "merged"})
    steps = criteria["next-steps"]
    moved = steps["bullets"][2:]
    steps["bullets"] = steps["bullets"][:2]
    work = {
        "id": "next-steps-work",
        "title": "Children and young people are well prepared for employment",
        "bullets": [
            {"id": f"next-steps-work.{n}", "text": b["text"]} for n, b in enumerate(moved, start=1)
        ],
    }
    walk.append(
        {
            "from": "next-steps",
            "to": ["next-steps", "next-steps-work"],
            "relationship": "split",
            "note": "employment now has its own criterion",
        }
    )
    for n, bullet in enumerate(moved, start=1):
        walk.append({"from": bullet["id"], "to": [f"next-steps-work.{n}"], "relationship": "same"})
    for bullet in steps["bullets"]:
        same(bullet["id"])
    ap = {
        "id": "alternative-provision",
        "title": "Leaders know where children attend unregistered alternative provision",
        "bullets": [{"id": "alternative-provision.1", "text": "placements are checked and safe"}],
    }
    walk.append({"to": ["alternative-provision", "alternative-provision.1"], "relationship": "new"})
    for group in data["groups"]:
        ids = [c["id"] for c in group["criteria"]]
        if "next-steps" in ids:
            group["criteria"].insert(ids.index("next-steps") + 1, work)
        if "leaders-understand" in ids:
            group["criteria"] = [
                c
                for c in group["criteria"]
                if c["id"] not in ("leaders-understand", "leaders-environment")
            ]
            group["criteria"].append(ap)
    walk.append({"from": "leaders-environment", "to": [], "relationship": "removed"})
    for bullet in criteria["leaders-environment"]["bullets"]:
        walk.append({"from": bullet["id"], "to": [], "relationship": "removed"})
    # bullets
    bullets[REWORDED_BULLET]["text"] = bullets[REWORDED_BULLET]["text"].replace(
        "in a timely way", "promptly, and reviewed within six weeks"
    )
    walk.append({"from": REWORDED_BULLET, "to": [REWORDED_BULLET], "relationship": "reworded"})
    identified = criteria["needs-identified"]
    first, second = identified["bullets"][0], identified["bullets"][1]
    first["text"] = first["text"] + " and " + second["text"]
    identified["bullets"].remove(second)
    for old in ("needs-identified.1", "needs-identified.2"):
        walk.append({"from": old, "to": ["needs-identified.1"], "relationship": "merged"})
    voice = criteria["participation"]
    voice["bullets"].append({"id": "participation.4", "text": "their views are recorded"})
    walk.append(
        {
            "from": "participation.2",
            "to": ["participation.2", "participation.4"],
            "relationship": "split",
        }
    )
    criteria["right-help"]["bullets"].append(
        {"id": "right-help.6", "text": "support continues while plans are reviewed"}
    )
    walk.append({"to": ["right-help.6"], "relationship": "new"})
    valued = criteria["valued-included"]
    valued["bullets"] = [b for b in valued["bullets"] if b["id"] != "valued-included.3"]
    walk.append({"from": "valued-included.3", "to": [], "relationship": "removed"})
    # everything else is the same
    mapped = {w["from"] for w in walk if "from" in w}
    for old_id in [*criteria, *bullets]:
        if old_id not in mapped:
            same(old_id)
    data["crosswalk"] = walk
    data.update(changes)
    return data


def write_next_edition(folder: Path, **changes: Any) -> Path:
    """The test edition as a file in `folder` (a partnership's frameworks folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{NEXT_ID}.yaml"
    path.write_text(
        yaml.safe_dump(next_edition_data(**changes), sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return path
