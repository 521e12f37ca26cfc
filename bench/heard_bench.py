"""What voices, survey results and case studies cost (issue 26).

    .venv/bin/python bench/heard_bench.py [--voices 300] [--studies 60] [--repeat 3]

1. The identifying check over a 100,000-character case study (the longest a part may be), as a
   ratio against the bare `re` module finding every word of the same text once (the floor: any
   check must at least read every word).
2. The demo pack as PDF with --voices voices, a survey result per criterion and --studies case
   studies (each whole in the appendix), against the same pack without them: what printing what
   was heard adds.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selfeval.pack.builders.export import export_pack  # noqa: E402
from selfeval.pack.model import PackOptions  # noqa: E402
from selfeval.services.demo import create_demo_workspace  # noqa: E402
from selfeval.services.voices.case_studies import add_case_study, parse_case_study  # noqa: E402
from selfeval.services.voices.identifying import details_in  # noqa: E402
from selfeval.services.voices.surveys import add_survey_result, parse_survey  # noqa: E402
from selfeval.services.voices.voices import add_voice, parse_voice  # noqa: E402
from selfeval.services.workspace import Workspace, open_workspace  # noqa: E402

SENTENCE = (
    "The child waited 38 weeks in March 2026 for an assessment at the county's west cluster; "
    "the SENCo and the family met the team at 4 Mill Lane on 12/03/2026 and agreed support. "
)


def best(work, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def check(repeat: int) -> None:
    text = (SENTENCE * (100_000 // len(SENTENCE) + 1))[:100_000]
    ours = best(lambda: details_in({"what the partnership did": text}), repeat)
    floor = best(lambda: re.findall(r"\w+", text), repeat)
    found = len(details_in({"what the partnership did": text}))
    print(f"identifying check, 100,000 characters: {ours * 1000:.0f} ms ({found} details found);"
          f" bare re over every word {floor * 1000:.1f} ms; ratio {ours / floor:.1f}x")  # fmt: skip


def fill(workspace: Workspace, voices: int, studies: int) -> None:
    criteria = [c.id for c in workspace.framework.criteria]
    for n in range(voices):
        words = f"Since the review our support has been steadier, week {n}, and we are heard."
        add_voice(workspace, parse_voice(words=words, speaker_kind="parent-carer",
                                         speaker="parent of a primary-age child",
                                         source="Forum survey", consent=True,
                                         criteria=[criteria[n % len(criteria)]]))  # fmt: skip
    for n, criterion in enumerate(criteria):
        add_survey_result(workspace, parse_survey(survey="Forum survey", question=f"Question {n}",
                                                  responses=400, agree_percent=55.5,
                                                  criteria=[criterion]))  # fmt: skip
    part = "A review brought the partnership together within three weeks. " * 20
    for n in range(studies):
        study = parse_case_study(
            title=f"Case study {n}",
            needed=part,
            did=part,
            difference=part,
            learned=part,
            criteria=[criteria[n % len(criteria)]],
        )
        add_case_study(workspace, study)


def pack(voices: int, studies: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        plain, heard = Path(folder) / "plain.selfeval", Path(folder) / "heard.selfeval"
        create_demo_workspace(plain)
        create_demo_workspace(heard)
        with open_workspace(heard) as workspace:
            fill(workspace, voices, studies)
        timed = {}
        for name, path in (("without", plain), ("with", heard)):
            with open_workspace(path) as workspace:
                out = Path(folder) / f"{name}.pdf"
                timed[name] = best(
                    lambda w=workspace, o=out: export_pack(w, "pdf", o, PackOptions()), repeat
                )
        extra = voices + 5
        print(f"demo pack PDF: {timed['without']:.2f} s; with {extra} voices, a survey result per "
              f"criterion and {studies + 2} case studies {timed['with']:.2f} s; ratio "
              f"{timed['with'] / timed['without']:.2f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voices", type=int, default=300)
    parser.add_argument("--studies", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    check(args.repeat)
    pack(args.voices, args.studies, args.repeat)
    print(f"(best of {args.repeat}; median is not used: the machine has two cores)")


if __name__ == "__main__":
    main()
