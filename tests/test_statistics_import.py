"""Published statistics: the DfE's files read into indicators against statistical neighbours,
the region and England; every refusal names the file, and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfeval.cli import main
from selfeval.errors import InputError
from selfeval.services.dump import dump_json
from selfeval.services.first_run import la_code
from selfeval.services.improvement.indicators import indicator_values
from selfeval.services.statistics.importer import apply_statistics, plan_statistics
from selfeval.services.statistics.neighbours import neighbours, set_neighbours
from selfeval.services.workspace import Workspace
from tests.ees_fixtures import figure_of, sen2_rows, write_census, write_sen2, write_zip

ON_BOTH_STORES = True  # every test with a workspace runs on a file and on a server

SOMERSET, PLYMOUTH, CORNWALL, KENT = "E10000027", "E06000026", "E06000052", "E10000016"
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def values_of(workspace: Workspace, indicator_id: str) -> dict[str, tuple[object, ...]]:
    return {
        v.period: (v.area, v.statistical_neighbours, v.region, v.england)
        for v in indicator_values(workspace, indicator_id)
    }


def test_every_year_with_region_england_and_the_neighbour_mean(
    workspace: Workspace, tmp_path: Path
) -> None:
    set_neighbours(workspace, [PLYMOUTH, CORNWALL, KENT])
    rows = sen2_rows()
    plan = plan_statistics(workspace, [write_sen2(tmp_path / "sen2_mi.csv")], SOMERSET)
    assert plan.area_name == "Somerset" and plan.region_name == "South West"
    apply_statistics(workspace, plan)
    assert la_code(workspace) == SOMERSET  # kept for next time
    timeliness = values_of(workspace, "ehcp-20-weeks")
    assert sorted(timeliness) == ["2021", "2022", "2023", "2024"]
    for year in ("2021", "2022", "2023", "2024"):
        column = "no_exc_20week_rate"
        near = [
            figure_of(rows, "local authority", name, year, column)
            for name in ("Plymouth", "Cornwall", "Kent")
        ]
        published = [v for v in near if v is not None]
        assert timeliness[year] == pytest.approx(
            (
                figure_of(rows, "local authority", "Somerset", year, column),
                sum(published) / len(published),
                figure_of(rows, "regional", "South West", year, column),
                figure_of(rows, "national", "England", year, column),
            )
        )
    # 2022: Plymouth's "z" is no figure, never zero: that year's mean is of the two published
    assert figure_of(rows, "local authority", "Plymouth", "2022", "no_exc_20week_rate") is None
    stored = indicator_values(workspace, "ehcp-20-weeks")[0]
    assert stored.indicator_id == "ehcp-20-weeks"
    dumped = json.loads(dump_json(workspace))
    sources = {v["period"]: v["source"] for v in dumped["indicator_values"]
               if v["indicator_id"] == "ehcp-20-weeks"}  # fmt: skip
    assert sources["2023"] == "Department for Education, Education, health and care plans (SEN2)"
    medway = [f for f in dumped["published_figures"] if f["code"] == "E06000035"
              and f["indicator_id"] == "ehcp-20-weeks-all"]  # fmt: skip
    assert {f["status"] for f in medway} == {"x"} and {f["value"] for f in medway} == {None}


def test_the_area_code_is_asked_for_once_and_kept(workspace: Workspace, tmp_path: Path) -> None:
    path = write_sen2(tmp_path / "sen2_mi.csv")
    with pytest.raises(InputError, match=r"which area is yours\? .*Somerset E10000027"):
        plan_statistics(workspace, [path])
    with pytest.raises(InputError, match=r"E10000008 is not in sen2_mi.csv; the files hold: "):
        plan_statistics(workspace, [path], "E10000008")
    apply_statistics(workspace, plan_statistics(workspace, [path], KENT))
    again = plan_statistics(workspace, [path])  # no code given: the kept one
    assert again.area_code == KENT and again.area_name == "Kent"
    assert again.region_name == "South East"


def test_neighbours_set_after_an_import_recompute_the_means(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = sen2_rows()
    apply_statistics(
        workspace, plan_statistics(workspace, [write_sen2(tmp_path / "s.csv")], SOMERSET)
    )
    assert values_of(workspace, "ehc-refusals")["2024"][1] is None  # no neighbours yet
    set_neighbours(workspace, [KENT])
    kent = figure_of(rows, "local authority", "Kent", "2024", "ass_refused_ehc_pc")
    assert values_of(workspace, "ehc-refusals")["2024"][1] == pytest.approx(kent)
    assert neighbours(workspace) == [KENT]
    with pytest.raises(InputError, match="is this area's own code"):
        set_neighbours(workspace, [SOMERSET])


def test_the_census_file_keeps_the_total_rows_and_the_zip_is_read(
    workspace: Workspace, tmp_path: Path
) -> None:
    census = write_census(tmp_path / "sen_phase_type.csv")
    download = write_zip(tmp_path / "download.zip", tmp_path)
    plan = plan_statistics(workspace, [census, download], SOMERSET)
    apply_statistics(workspace, plan)
    pupils = values_of(workspace, "ehcp-pupils")
    assert sorted(pupils) == ["2022/23", "2023/24"]
    assert pupils["2023/24"][0] == pytest.approx(4.2)  # the Total row, not the 99.9
    assert "download.zip: data/sen2_mi.csv" in plan.files
    assert "download.zip: data/sen2_mi.meta.csv" not in plan.files
    assert sorted(values_of(workspace, "ehcp-20-weeks")) == ["2021", "2022", "2023", "2024"]


def test_the_real_published_excerpt(workspace: Workspace) -> None:
    excerpt = Path(__file__).parent / "fixtures" / "ees" / "sen2_mi_excerpt.csv"
    apply_statistics(workspace, plan_statistics(workspace, [excerpt], SOMERSET))
    assert values_of(workspace, "ehcp-20-weeks")["2021"] == pytest.approx((64.7, None, 50.7, 59.9))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda text: text.replace('"new_la_code"', '"la_code_new"'),
         "column 'new_la_code' is missing: this is not an Explore Education Statistics"),
        (lambda text: text.replace('"no_exc_20week_rate"', '"rate"'),
         "is not a publication selfeval reads"),
        (lambda text: text.replace(" 69.250", " sixty"), "is not a number nor one of the DfE"),
        (lambda text: text + text.splitlines()[-1] + "\n", "rows .* and .* are both Medway"),
        (lambda text: text.replace(",Calendar year,", ",Calendar year,,", 1),
         r"row 2: has 15 cells; the header has 14"),
    ],
)  # fmt: skip
def test_bad_files_are_refused_naming_the_file_and_nothing_changes(
    workspace: Workspace,
    tmp_path: Path,
    mutate,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    good = write_sen2(tmp_path / "good.csv").read_text(encoding="utf-8")
    bad = tmp_path / "sen2_bad.csv"
    bad.write_text(mutate(good), encoding="utf-8")
    before = dump_json(workspace)
    with pytest.raises(InputError, match=message) as caught:
        plan_statistics(workspace, [bad], SOMERSET)
    assert "sen2_bad.csv" in str(caught.value)
    assert dump_json(workspace) == before


def test_import_statistics_from_the_command_line(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(write_sen2(tmp_path / "sen2_mi.csv"))
    address = str(workspace.address)
    assert main(["import", "statistics", address, path]) == 2
    assert "which area is yours?" in capsys.readouterr().err
    assert main(["import", "statistics", address, path, "--area-code", SOMERSET, "--preview"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Would import ") and "Somerset (E10000027)" in out
    assert indicator_values(workspace) == []  # a preview writes nothing
    assert main(["neighbours", "set", address, PLYMOUTH, KENT]) == 0
    assert main(["import", "statistics", address, path, "--area-code", SOMERSET]) == 0
    assert capsys.readouterr().out.count("Imported ") == 1
    assert main(["neighbours", "show", address, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "area_code": SOMERSET,
        "neighbours": [PLYMOUTH, KENT],
    }
    (tmp_path / "sn.csv").write_text(
        f"la_code,neighbour_code\n{SOMERSET},{CORNWALL}\n{KENT},{PLYMOUTH}\n", encoding="utf-8"
    )
    assert main(["neighbours", "import", address, str(tmp_path / "sn.csv")]) == 0
    assert neighbours(workspace) == [CORNWALL]


def _mutations() -> st.SearchStrategy[list[tuple[str, int, int]]]:
    kinds = st.sampled_from(["drop", "swap", "rename", "symbol", "cell"])
    return st.lists(
        st.tuples(kinds, st.integers(0, 13), st.integers(0, 40)), min_size=1, max_size=4
    )


@FUZZ
@given(steps=_mutations())
def test_mutated_files_import_exactly_or_are_refused_and_change_nothing(
    workspace: Workspace,
    tmp_path_factory: pytest.TempPathFactory,
    steps: list[tuple[str, int, int]],
) -> None:
    """Columns dropped, reordered or renamed, values replaced by each symbol for no figure or by
    junk: the import either takes exactly what the file says, or says why and writes nothing."""
    import csv
    import io

    folder = tmp_path_factory.mktemp("mutated")
    text = write_sen2(folder / "base.csv").read_text(encoding="utf-8")
    table = list(csv.reader(io.StringIO(text)))
    for kind, column, row in steps:
        width = len(table[0])
        column %= width
        row = 1 + row % (len(table) - 1)
        if kind == "drop":
            table = [r[:column] + r[column + 1 :] for r in table]
        elif kind == "swap":
            other = (column + 1) % width
            for r in table:
                r[column], r[other] = r[other], r[column]
        elif kind == "rename":
            table[0][column] = table[0][column] + "_renamed"
        elif kind == "symbol":
            table[row][column] = ["x", "z", "c", "low", "u", ""][column % 6]
        else:
            table[row][column] = "not-a-figure"
    path = folder / "mutated.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(table)
    before = dump_json(workspace)
    try:
        plan = plan_statistics(workspace, [path], SOMERSET)
    except InputError as err:
        assert "mutated.csv" in str(err) or "which area" in str(err) or "is not in" in str(err)
        assert dump_json(workspace) == before
        return
    apply_statistics(workspace, plan)
    stored = {(v.indicator_id, v.period): v for v in indicator_values(workspace)}
    for value in plan.values:  # exactly what the plan said, nothing invented
        kept = stored[(value.indicator_id, value.period)]
        assert (kept.area, kept.region, kept.england) == (value.area, value.region, value.england)
    for value in stored.values():
        assert value.area is None or value.area == value.area  # never NaN
    with workspace.transaction() as session:  # leave the next example a clean workspace
        from sqlalchemy import delete

        from selfeval.store.models_plan import IndicatorValue, PublishedFigure

        session.execute(delete(IndicatorValue))
        session.execute(delete(PublishedFigure))


def test_imported_figures_reach_the_pack_headlines_and_the_excel_sheet(
    demo: Workspace, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.model import PackOptions
    from tests.test_documents import docx_text, pdf_text

    rows = sen2_rows()
    set_neighbours(demo, [PLYMOUTH, CORNWALL, KENT])
    apply_statistics(demo, plan_statistics(demo, [write_sen2(tmp_path / "sen2_mi.csv")], SOMERSET))
    somerset = figure_of(rows, "local authority", "Somerset", "2024", "no_exc_20week_rate")
    england = figure_of(rows, "national", "England", "2024", "no_exc_20week_rate")
    shown = f"{somerset:,.2f}".rstrip("0").rstrip(".") + "%"
    source = "Department for Education, Education, health and care plans (SEN2)"
    for fmt in ("pdf", "docx"):
        path = export_pack(demo, fmt, tmp_path / f"p.{fmt}", PackOptions())
        text = pdf_text(path) if fmt == "pdf" else docx_text(path)
        assert "Context: the latest published figures" in text
        assert shown in text and f"{england:,.2f}".rstrip("0").rstrip(".") + "%" in text
        flat = " ".join(text.split())
        # the publication, named once for the whole table: no local file name, no raw column
        assert flat.count(source) == 1 and "sen2_mi.csv" not in flat
        assert "time_period" not in flat
        # the count's row, and only it, says its others' figures are no comparison
        assert flat.count("context, not a comparison") == 1
        assert "a new series from 2023: earlier years are not comparable" in text
    book = load_workbook(export_pack(demo, "xlsx", tmp_path / "p.xlsx", PackOptions()))
    latest = [
        r for r in book["Indicators"].iter_rows(min_row=2, values_only=True)
        if r[0] == "% of EHC plans issued within 20 weeks (excluding exceptions)" and r[2] == "2024"
    ]  # fmt: skip
    assert latest and latest[0][3] == pytest.approx(somerset) and latest[0][8].startswith(source)
    without = export_pack(demo, "pdf", tmp_path / "plain.pdf", PackOptions(include_headlines=False))
    assert "Context: the latest published figures" not in pdf_text(without)


def test_the_caseload_file_keeps_the_row_that_is_total_in_every_breakdown(
    workspace: Workspace, tmp_path: Path
) -> None:
    from tests.ees_fixtures import write_caseload

    plan = plan_statistics(workspace, [write_caseload(tmp_path / "caseload.csv")], SOMERSET)
    apply_statistics(workspace, plan)
    caseload = values_of(workspace, "ehcp-caseload")
    assert sorted(caseload) == ["2022", "2023", "2024"]
    # Somerset is the first area (seed 2 after England and the region): the Total/Total row
    assert caseload["2024"][0] == 10_000 + 2 * 100 + 4
    assert caseload["2024"][3] == 10_000 + 4  # England
    assert any("caseload.csv: " in line and "rows at other levels" in line for line in plan.skipped)


@pytest.mark.parametrize(
    "figure",
    [" ٦٩.٢٥٠", " ６９.２５０", " 69_250", " 6.925e1", " nan", " .", " ..", " 69.25.0", " +-69"],
)
def test_a_figure_is_ascii_digits_and_a_period_is_never_a_symbol(
    workspace: Workspace, tmp_path: Path, figure: str
) -> None:
    good = write_sen2(tmp_path / "good.csv").read_text(encoding="utf-8")
    assert " 69.250" in good
    bad = tmp_path / "sen2_bad.csv"
    bad.write_text(good.replace(" 69.250", figure, 1), encoding="utf-8")
    before = dump_json(workspace)
    with pytest.raises(InputError, match="is not a number nor one of the DfE's symbols"):
        plan_statistics(workspace, [bad], SOMERSET)
    assert dump_json(workspace) == before


def test_the_same_table_twice_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    import zipfile

    one = write_sen2(tmp_path / "sen2_mi.csv")
    twice = tmp_path / "twice.zip"
    with zipfile.ZipFile(twice, "w") as archive:
        archive.write(one, "data/sen2_mi.csv")
        archive.write(one, "data/copy/sen2_mi.csv")
    before = dump_json(workspace)
    for paths in ([one, one], [twice]):
        with pytest.raises(InputError, match="the same table twice"):
            plan_statistics(workspace, paths, SOMERSET)
    assert dump_json(workspace) == before


def test_a_large_file_is_read_as_a_stream(tmp_path: Path) -> None:
    """16 MB of rows at a level selfeval passes over, after the real ones: reading it holds a
    piece at a time, not the file (it once took about ten times its size)."""
    import tracemalloc

    from selfeval.services.statistics.ees_file import read_statistics_file

    path = write_sen2(tmp_path / "sen2_mi.csv")
    filler = (
        "2024,Calendar year,Local authority district,E92000001,England,E12000009,South West,"
        "E07000187,,Mendip district,101,55.0,60.0,3.0\n"
    )
    with path.open("a", encoding="utf-8") as handle:
        handle.write(filler * (16 * 1024 * 1024 // len(filler)))
    tracemalloc.start()
    try:
        (table,) = read_statistics_file(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert table.skipped_rows > 100_000 and table.figures
    assert peak < 8 * 1024 * 1024, f"{peak:,} bytes held reading a 16 MB file"


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda b: b.replace(b"Somerset", "Sömerset".encode()).replace(b"Kent", b"K\xe9nt", 1),
         r"row \d+, column 10 \(la_name\): is not UTF-8, but the rest of the file is"),
        (lambda b: b.replace(b"Kent", b"K\x81nt", 1),
         r"row \d+, column 10 \(la_name\): byte 0x81 is not a character in UTF-8 or in"),
        (lambda b: b"\xff\xfe" + b, "is UTF-16 text"),
        (lambda b: b.replace(b"Kent", b"K\x00nt", 1), "contains NUL bytes"),
    ],
)  # fmt: skip
def test_the_encoding_is_found_by_streaming_and_refusals_name_the_cell(
    workspace: Workspace,
    tmp_path: Path,
    damage,
    said: str,  # type: ignore[no-untyped-def]
) -> None:
    path = write_sen2(tmp_path / "sen2_mi.csv")
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(InputError, match=said):
        plan_statistics(workspace, [path], SOMERSET)


def test_a_windows_1252_file_is_read(workspace: Workspace, tmp_path: Path) -> None:
    path = write_sen2(tmp_path / "sen2_mi.csv")
    path.write_bytes(path.read_bytes().replace(b"Kent", b"K\xe9nt"))
    plan = plan_statistics(workspace, [path], SOMERSET)
    assert plan.values


def test_each_column_lands_on_the_indicator_its_publisher_defines() -> None:
    """SEN2's total_tribunal_pc is the share of mediation cases followed by an appeal, not an
    appeal rate: it is imported as that, never as "tribunal appeals"."""
    import yaml

    from selfeval.locations import resource_path
    from selfeval.services.improvement.indicators import indicator_library

    mapping = yaml.safe_load(resource_path("resources", "statistics.yaml").read_text("utf-8"))
    columns = {
        c["column"]: c["indicator"] for p in mapping["publications"] for c in p.get("columns", [])
    }
    assert columns["total_tribunal_pc"] == "mediation-then-appeal"
    assert "mediation" in indicator_library()["mediation-then-appeal"].name
