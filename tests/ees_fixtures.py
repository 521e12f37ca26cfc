"""Statistics files written in the DfE's published layout (Explore Education Statistics), with
its quirks: a quoted header and unquoted rows, empty region and LA columns on National rows,
leading spaces, twelve decimals, and the symbols for no figure (z, x, c, low).

Areas: Somerset, Plymouth, Cornwall (South West) and Kent, Medway (South East); years 2021 to
2024, either side of SEN2's 2023 series break.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

GEOGRAPHY = [
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "new_la_code",
    "old_la_code",
    "la_name",
]
SEN2_COLUMNS = ["inreq_ehc", "no_exc_20week_rate", "inc_exc_20week_rate", "ass_refused_ehc_pc"]
AREAS = [
    ("E12000009", "South West", "E10000027", "933", "Somerset"),
    ("E12000009", "South West", "E06000026", "879", "Plymouth"),
    ("E12000009", "South West", "E06000052", "908", "Cornwall"),
    ("E12000008", "South East", "E10000016", "886", "Kent"),
    ("E12000008", "South East", "E06000035", "887", "Medway"),
]
YEARS = ["2021", "2022", "2023", "2024"]


def rate(seed: int, year: str) -> str:
    """A plausible percentage, written as the DfE writes it that year."""
    value = 30 + (seed * 7 + int(year) * 3) % 60 + 0.25
    return f" {value:.3f}" if year >= "2022" else f"{value:.12f}"


def sen2_rows() -> list[list[str]]:
    rows = []
    for year in YEARS:
        rows.append(
            [year, "Calendar year", "National", "E92000001", "England", "", "", "", "", '""']
            + ["93302", rate(1, year), rate(2, year), rate(3, year)]
        )
        for number, (region, region_name) in enumerate(
            [("E12000009", "South West"), ("E12000008", "South East")], start=10
        ):
            rows.append(
                [year, "Calendar year", "Regional", "E92000001", "England", region, region_name]
                + ["", "", '""', str(9000 + number), rate(number, year), rate(number + 1, year)]
                + [rate(number + 2, year)]
            )
        for seed, (region, region_name, code, old, name) in enumerate(AREAS, start=20):
            values = [str(500 + seed), rate(seed, year), rate(seed + 1, year), rate(seed + 2, year)]
            if name == "Plymouth" and year == "2022":
                values[1] = "z"  # not published that year
            if name == "Cornwall" and year == "2021":
                values[3] = "c"
            if name == "Medway":
                values[2] = "x"
            rows.append(
                [year, "Calendar year", "Local authority", "E92000001", "England", region]
                + [region_name, code, old, f'"{name}"']
                + values
            )
    return rows


def figure_of(rows: list[list[str]], level: str, name: str, year: str, column: str) -> float | None:
    index = (GEOGRAPHY + SEN2_COLUMNS).index(column)
    for row in rows:
        where = {"national": row[4], "regional": row[6], "local authority": row[9].strip('"')}
        if row[0] == year and row[2].lower() == level and where[level] == name:
            text = row[index].strip()
            return None if text in ("z", "x", "c", "low", "") else float(text)
    raise KeyError((level, name, year, column))


def write_sen2(path: Path, rows: list[list[str]] | None = None) -> Path:
    header = ",".join(f'"{c}"' for c in GEOGRAPHY + SEN2_COLUMNS)
    body = "\n".join(",".join(r) for r in (rows if rows is not None else sen2_rows()))
    path.write_text(header + "\n" + body + "\n", encoding="utf-8")
    return path


def write_census(path: Path) -> Path:
    """The school census SEN file: filter columns, only the Total rows are the headline."""
    columns = GEOGRAPHY + [
        "phase_type_grouping",
        "type_of_establishment",
        "hospital_school",
        "ehc_plan",
        "ehc_plan_percent",
        "sen_support",
        "sen_support_percent",
    ]
    lines = [",".join(f'"{c}"' for c in columns)]
    for year in ("202223", "202324"):
        geography = [
            ["National", "E92000001", "England", "", "", "", "", "England"],
            ["Regional", "E92000001", "England", "E12000009", "South West", "", "", ""],
        ] + [
            ["Local authority", "E92000001", "England", r, rn, code, old, name]
            for r, rn, code, old, name in AREAS
        ]
        for seed, (level, country, country_name, region, region_name, code, old, name) in enumerate(
            geography
        ):
            for phase, kind in (("Total", "Total"), ("State-funded primary", "Academy")):
                percent = 4.0 + seed / 10 if phase == "Total" else 99.9
                lines.append(
                    ",".join(
                        [year, "Academic year", level, country, country_name, region, region_name]
                        + [code, old, f'"{name}"', phase, kind, "Total"]
                        + ["1000", f"{percent:.1f}", "5000", f"{13.0 + seed / 10:.1f}"]
                    )
                )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_zip(path: Path, folder: Path) -> Path:
    """What EES downloads: data files under data/, metadata beside them, and a guidance file."""
    sen2 = write_sen2(folder / "sen2_mi.csv")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(sen2, "data/sen2_mi.csv")
        archive.writestr("data/sen2_mi.meta.csv", "col_name,label\ninreq_ehc,Initial requests\n")
        archive.writestr("data-guidance/data-guidance.txt", "About this data")
    return path


def write_caseload(path: Path) -> Path:
    """The SEN2 caseload file: broken down by age and by establishment, each with a Total."""
    columns = GEOGRAPHY + ["age_group", "establishment_group", "num_caseload", "pc_caseload"]
    lines = [",".join(f'"{c}"' for c in columns)]
    places = [
        ["National", "E92000001", "England", "", "", "", "", "England"],
        ["Regional", "E92000001", "England", "E12000009", "South West", "", "", ""],
    ] + [
        ["Local authority", "E92000001", "England", r, rn, code, old, name]
        for r, rn, code, old, name in AREAS
    ]
    for year in ("2022", "2023", "2024"):
        for seed, (level, country, cname, region, rname, code, old, name) in enumerate(places):
            for age, group, number in (
                ("Total", "Total", 10_000 + seed * 100 + int(year) % 10),
                ("Under 5", "Total", 400),
                ("Total", "Mainstream school", 6_000),
                ("Under 5", "Mainstream school", 90),
            ):
                lines.append(
                    ",".join(
                        [year, "Calendar year", level, country, cname, region, rname, code, old]
                        + [f'"{name}"', age, group, str(number), "100" if age == "Total" else "4"]
                    )
                )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
