"""Write PNG screenshots of the demo workspace into docs/screenshots/ (`make screenshots`).

Runs offscreen; every screenshot is of the real window on a fresh Anyshire demo workspace.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


from selfeval.ui.widgets.connection_banner import ConnectionBanner  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        os.environ["SELFEVAL_HOME"] = home
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from selfeval.app import _application, build_main_window
        from selfeval.services.demo import create_demo_workspace

        app = _application()
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, home)
        path = Path(home) / "Anyshire demo.selfeval"
        create_demo_workspace(path, today=date(2026, 11, 23)).close()
        requests_in_flight(path, Path(home))
        first_run()
        window = build_main_window(path)
        window.resize(1366, 768)  # a council laptop
        window.show()
        OUT.mkdir(parents=True, exist_ok=True)

        def shot(name: str) -> None:
            for _ in range(3):
                app.processEvents()
            window.grab().save(str(OUT / f"{name}.png"))
            print(f"wrote docs/screenshots/{name}.png")

        window.navigate("dashboard", "")
        shot("dashboard")
        window.navigate("criterion", "right-help")
        shot("criterion")
        connection_lost(window)
        shot("connection-lost")
        window.findChild(ConnectionBanner).back()
        window.criterion_page.texts["strengths"].forget_unsaved()
        window.status.saved()  # the server is back and the change kept: as the app shows it
        window.navigate("evidence_page", "")
        window.evidence_page.table.selectRow(0)
        shot("evidence-library")
        window.navigate("people", "")
        shot("people")
        window.navigate("actions", "")
        shot("action-plan")
        window.navigate("indicators", "")
        page = window.extra_page("indicators")
        for row in range(page.table.rowCount()):
            if page.table.item(row, 0).text().startswith("% of EHC plans issued within 20"):
                page.table.selectRow(row)
        shot("indicators")
        window.navigate("risks", "")
        shot("risk-register")
        window.navigate("page", "priorities")
        shot("priorities")
        window.navigate("page", "heard")
        shot("voices")
        heard = window.extra_page("heard")
        heard.tabs.setCurrentIndex(2)
        shot("case-studies")
        _case_study_check(window, app)
        window.navigate("mywork", "")
        page = window.extra_page("mywork")
        page.person.setCurrentIndex(page.person.findData("Sian Bowen"))
        shot("my-work")
        window.navigate("contributions", "")
        shot("contributions")
        published_statistics(window, Path(home))
        window.navigate("indicators", "")
        page = window.extra_page("indicators")
        page.refresh()
        page.table.selectRow(page.ids.index("ehcp-20-weeks"))
        shot("indicators-published")
        request_progress(window)
        opening_a_server(window)
        window.close()
        edition_review(path, Path(home))
        merge_review(path, Path(home))
        tracker_review(path, Path(home))
        sef_review(path, Path(home))
        export_choices(path)
        our_area_summary(path)
        QApplication.processEvents()
        pack_pages(path)


def connection_lost(window: object) -> None:
    """The banner a window on a shared workspace shows while its server cannot be reached
    (shown here on the demo file, as it looks; the tests drive the real thing on a server)."""
    banner = ConnectionBanner("selfeval on selfeval.anyshire.gov.example", lambda: None)
    window.add_banner(banner)  # type: ignore[attr-defined]
    banner.lost("server closed the connection unexpectedly")
    editor = window.criterion_page.texts["strengths"]  # type: ignore[attr-defined]
    editor.keep_unsaved(editor.toPlainText())  # drawn as not saved; nothing to save after
    window.status.not_saved("the server cannot be reached; it is kept on screen")  # type: ignore[attr-defined]


def edition_review(workspace_path: Path, folder: Path) -> None:
    """The review after a move to a new edition (the tests' made-up edition, never real text)."""
    import shutil

    from selfeval.app import build_main_window
    from selfeval.locations import user_frameworks_dir
    from selfeval.pack.builders.edition_changes_builder import export_edition_changes
    from selfeval.services.frameworks import framework_library
    from selfeval.services.improvement.edition_carry import carry_to_edition
    from selfeval.services.workspace import open_workspace
    from tests.next_edition import NEXT_ID, write_next_edition

    copy = folder / "Anyshire on the next edition.selfeval"
    shutil.copy(workspace_path, copy)
    write_next_edition(user_frameworks_dir())
    with open_workspace(copy) as workspace:
        report = folder / "edition-changes.pdf"
        export_edition_changes(workspace, "area-send-2023", NEXT_ID, report, date(2026, 11, 23))
        if shutil.which("pdftoppm"):
            render_page(report, 1, OUT / "edition-changes")
        carry_to_edition(workspace, framework_library().get(NEXT_ID))
    window = build_main_window(copy)
    window.resize(1366, 768)
    window.show()
    window.navigate("edition", "")
    page = window.extra_page("edition")
    page.table.selectRow([i.item_id for i in page.items].index("right-help.1"))  # type: ignore[attr-defined]
    settle()
    window.grab().save(str(OUT / "edition-review.png"))
    print("wrote docs/screenshots/edition-review.png")
    window.close()
    (user_frameworks_dir() / f"{NEXT_ID}.yaml").unlink()


def published_statistics(window: object, folder: Path) -> None:
    """The import preview on files in the published layout, then the import itself."""
    import time

    from PySide6.QtWidgets import QApplication

    from selfeval.services.statistics.neighbours import set_neighbours
    from selfeval.ui.dialogs.statistics_dialog import StatisticsDialog
    from tests.ees_fixtures import write_census, write_sen2

    workspace = window.workspace  # type: ignore[attr-defined]
    set_neighbours(workspace, ["E06000026", "E06000052", "E10000016"])
    dialog = StatisticsDialog(workspace, window)  # type: ignore[arg-type]
    dialog.resize(1300, 700)
    dialog.show()
    dialog.read([write_sen2(folder / "sen2_mi.csv"), write_census(folder / "sen_phase_type.csv")])
    deadline = time.monotonic() + 30
    while dialog.area.count() == 0 and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    dialog.area.setCurrentIndex(dialog.area.findData("E10000027"))
    settle()
    dialog.grab().save(str(OUT / "statistics-preview.png"))
    print("wrote docs/screenshots/statistics-preview.png")
    dialog.start_import()
    deadline = time.monotonic() + 30
    while dialog.isVisible() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    window.context.changed(None, False)  # type: ignore[attr-defined]


def requests_in_flight(workspace_path: Path, folder: Path) -> None:
    """Two requests for the Contributions page: one late and sent again, one awaiting."""
    from datetime import timedelta

    from selfeval.services import contributions
    from selfeval.services.contributions.registry import list_requests
    from selfeval.services.contributions.reissue import reissue_request
    from selfeval.services.workspace import open_workspace

    today = date.today()
    with open_workspace(workspace_path) as lead:
        contributions.create_request(
            lead,
            "Anyshire Parent Carer Forum",
            ["participation", "valued-included"],
            folder / "forum.sefpack",
            due_date=today - timedelta(days=5),
        )
        first = list_requests(lead)[0]
        reissue_request(
            lead, first.id, folder / "forum-again.sefpack", due_date=today + timedelta(days=9)
        )
        contributions.create_request(
            lead,
            "NHS Anyshire and Wessex ICB",
            ["right-help"],
            folder / "icb.sefpack",
            due_date=today + timedelta(days=21),
        )


def first_run() -> None:
    """The start window and the first-run form, as a new lead sees them."""
    from selfeval.ui.dialogs.new_workspace_dialog import NewWorkspaceDialog
    from selfeval.ui.window.start_window import StartWindow

    start = StartWindow(lambda *_args: True)
    start.resize(1366, 768)
    start.show()
    settle()
    start.grab().save(str(OUT / "start-window.png"))
    print("wrote docs/screenshots/start-window.png")
    start.close()
    from selfeval.ui.dialogs.server_dialog import ServerDialog

    server = ServerDialog()
    server.host.setText("selfeval.anyshire.gov.example")
    server.login.setText("amara.okafor")
    server.password.setText("not a real password")
    server.show()
    settle()
    server.grab().save(str(OUT / "open-shared.png"))
    print("wrote docs/screenshots/open-shared.png")
    server.close()
    asked = ServerDialog()
    asked.fill_from(
        "postgresql://amara.okafor@selfeval.anyshire.gov.example:5432/selfeval?sslmode=require",
        "selfeval on selfeval.anyshire.gov.example: the password of login 'amara.okafor' was "
        "not given",
    )
    asked.show()
    settle()
    asked.grab().save(str(OUT / "open-shared-asked.png"))
    print("wrote docs/screenshots/open-shared-asked.png")
    asked.close()
    from selfeval.ui.dialogs.conflict_dialog import ConflictDialog

    conflict = ConflictDialog(
        "How we know: the rationale for the rating",
        "Dr Amara Okafor (at 14:32)",
        "Speech and language therapy waits fell to 28 weeks in October; the ICB's recovery "
        "plan funds two more therapists from January.",
        "Speech and language therapy waits average 34 weeks; 23% of annual reviews are overdue.",
    )
    conflict.show()
    settle()
    conflict.grab().save(str(OUT / "conflict.png"))
    print("wrote docs/screenshots/conflict.png")
    conflict.close()
    dialog = NewWorkspaceDialog()
    for field, text in (
        (dialog.area, "Westmere"),
        (dialog.la_code, "E10000099"),
        (dialog.local_authority, "Westmere County Council"),
        (dialog.icb, "NHS Westmere ICB"),
        (dialog.your_name, "Jo Bloggs"),
        (dialog.your_organisation, "Westmere County Council"),
        (dialog.your_role, "Head of SEND"),
    ):
        field.setText(text)
    dialog.show()
    settle()
    dialog.grab().save(str(OUT / "first-run.png"))
    print("wrote docs/screenshots/first-run.png")
    dialog.close()


def settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


def merge_review(workspace_path: Path, folder: Path) -> None:
    """The merge review of a return its partner edited by hand: a change inside the request, a
    conflict, new evidence, and what lay outside the request (listed, not applied)."""
    import hashlib
    import json
    import shutil
    import zipfile

    from PySide6.QtWidgets import QApplication

    from selfeval.services import contributions
    from selfeval.services.contributions.merge import plan_merge
    from selfeval.services.contributions.package_format import Manifest, read_package, signature_of
    from selfeval.services.evidence import EvidenceInput, add_evidence
    from selfeval.services.judgements import set_judgement
    from selfeval.services.users import CurrentUser
    from selfeval.services.workspace import open_workspace
    from selfeval.ui.dialogs.merge_review_dialog import MergeReviewDialog

    copy = folder / "merge-copy.selfeval"  # the pack pages below show the demo as it is
    shutil.copyfile(workspace_path, copy)
    lead = open_workspace(copy)
    request = folder / "request.sefpack"
    contributions.create_request(lead, "Anyshire ICB", ["right-help"], request)
    partner = contributions.open_request(
        request, folder / "icb.selfeval", CurrentUser("Amara Okafor", "Anyshire ICB")
    )
    set_judgement(partner, "right-help", rating="green", rationale="Therapy waits now 28 weeks.")
    add_evidence(partner, EvidenceInput(title="ICB therapy waits, Q3", kind="data"), ["right-help"])
    set_judgement(lead, "right-help", rationale="Waits still 34 weeks in the west of the county.")
    found = contributions.request_of(partner)
    assert found is not None and found[0].request_secret
    returned = folder / "return.sefpack"
    contributions.create_return(partner, returned)
    partner.close()
    with zipfile.ZipFile(returned) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    content = json.loads(files["content.json"])
    content["current"]["judgements"].append(
        {"criterion_id": "leaders-ambitious", "bullet_id": "", "rating": "green"}
    )
    content["current"]["comments"].append(
        {
            "id": "11111111-2222-4333-8444-555555555555",
            "criterion_id": "right-help",
            "author": "Amara Okafor",
            "created_at": "2025-01-06T09:00:00Z",
            "text": "Agreed at the January board.",
        }
    )
    files["content.json"] = json.dumps(content).encode()
    manifest = json.loads(files["manifest.json"])
    manifest["members"]["content.json"] = hashlib.sha256(files["content.json"]).hexdigest()
    manifest["signature"] = signature_of(Manifest.model_validate(manifest), found[0].request_secret)
    files["manifest.json"] = json.dumps(manifest).encode()
    edited = folder / "edited-return.sefpack"
    with zipfile.ZipFile(edited, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    package = read_package(edited)
    dialog = MergeReviewDialog(lead, package, plan_merge(lead, package, edited.name))
    dialog.show()
    for _ in range(3):
        QApplication.processEvents()
    dialog.grab().save(str(OUT / "merge-review.png"))
    print("wrote docs/screenshots/merge-review.png")
    dialog.close()
    lead.close()


def tracker_review(workspace_path: Path, folder: Path) -> None:
    """A council's tracker with its own columns, reviewed before import."""
    from selfeval.services.evidence_import import review_tracker
    from selfeval.services.workspace import open_workspace
    from selfeval.ui.dialogs.tracker_import_dialog import TrackerImportDialog

    tracker = folder / "SEND evidence tracker.csv"
    tracker.write_text(
        "Ref,Evidence title,Owner,RAG,Date,Location,organisation,criteria\n"
        "E1,Local offer review,Helen Whitfield,Green,31/03/2026,SharePoint/SEND,"
        "Anyshire County Council - SEND and Inclusion,participation\n"
        "E2,Local offer review.,Sam Reed,Amber,01/04/2026,,anyshire college,\n"
        "E3,Sufficiency plan 2026-29,Sian Bowen,Amber,,,Anyshire ICB,leaders-commission\n",
        encoding="utf-8",
    )
    with open_workspace(workspace_path) as workspace:
        dialog = TrackerImportDialog(review_tracker(workspace, tracker), lambda _uses: None)
        dialog.show()
        settle()
        dialog.grab().save(str(OUT / "tracker-review.png"))
        print("wrote docs/screenshots/tracker-review.png")
        dialog.done(0)


def sef_review(workspace_path: Path, folder: Path) -> None:
    """A partnership's Word self-evaluation, reviewed before import."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from selfeval.services.sef_import.importing import current_texts, plan_sef
    from selfeval.services.workspace import open_workspace
    from selfeval.ui.dialogs.sef_import_dialog import SefImportDialog
    from tests.sef_documents import section_per_criterion

    document = section_per_criterion(folder / "Northvale SEF 2026.docx")
    with open_workspace(workspace_path) as workspace:
        plan = plan_sef(workspace, document)
        dialog = SefImportDialog(
            workspace.framework, plan, lambda _m, _c: None, current_texts(workspace)
        )
        for tab, name in ((0, "sef-review-sections"), (1, "sef-review-fields"),
                          (3, "sef-review-unplaced")):  # fmt: skip
            dialog.tabs.setCurrentIndex(tab)
            dialog.show()
            settle()
            dialog.grab().save(str(OUT / f"{name}.png"))
            print(f"wrote docs/screenshots/{name}.png")
        dialog.done(0)


def our_area_summary(workspace_path: Path) -> None:
    """File > Our area, with the demo's written executive summary and its preview."""
    from selfeval.services.our_area import our_area
    from selfeval.services.workspace import open_workspace
    from selfeval.ui.dialogs.our_area_dialog import OurAreaDialog

    with open_workspace(workspace_path) as workspace:
        dialog = OurAreaDialog(workspace, our_area(workspace))
        dialog.resize(900, 760)
        dialog.show()
        settle()
        dialog.grab().save(str(OUT / "our-area-summary.png"))
        print("wrote docs/screenshots/our-area-summary.png")
        dialog.done(0)


def export_choices(workspace_path: Path) -> None:
    from selfeval.app import build_main_window

    window = build_main_window(workspace_path)
    from selfeval.ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(window.context)
    dialog.some_criteria.setChecked(True)
    dialog.show()
    settle()
    dialog.grab().save(str(OUT / "export-choices.png"))
    print("wrote docs/screenshots/export-choices.png")
    dialog.done(0)
    window.close()


def request_progress(window: object) -> None:
    """A request being written (a county's can carry gigabytes): progress, and Cancel."""
    import threading

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QProgressDialog

    from selfeval.ui.tasks import run_with_progress

    release = threading.Event()

    def job(progress: object, _cancelled: object) -> None:
        progress(400 * 1024, 1200 * 1024)  # type: ignore[operator]  # a third of 1.2 GB of files
        release.wait(10)

    run_with_progress(window, "Writing the request", job, print, print)  # type: ignore[arg-type]
    QTest.qWait(600)  # the dialog shows after 300 ms
    dialog = window.findChild(QProgressDialog)  # type: ignore[attr-defined]
    dialog.grab().save(str(OUT / "request-progress.png"))
    print("wrote docs/screenshots/request-progress.png")
    release.set()
    QTest.qWait(200)


def opening_a_server(window: object) -> None:
    """Connecting to a shared workspace's server happens on a task: this box, with Cancel,
    while the window stays responsive (the open is held here so the box can be seen)."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from selfeval.errors import InputError
    from selfeval.ui.window import opening

    release, real = threading.Event(), opening._open

    def held(_address: str, _assessment: str | None) -> object:
        release.wait(10)
        raise InputError("shown for the screenshot only")

    def grab() -> None:
        boxes = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]  # type: ignore[attr-defined]
        boxes[-1].grab().save(str(OUT / "opening-server.png"))
        print("wrote docs/screenshots/opening-server.png")
        boxes[-1].cancel()
        release.set()

    opening._open = held  # type: ignore[assignment]
    QTimer.singleShot(800, grab)
    try:
        url = "postgresql://helen@selfeval.anyshire.gov.example/selfeval?sslmode=require"
        opening._open_waiting(url, None, window)  # type: ignore[arg-type]
    finally:
        opening._open = real  # type: ignore[assignment]


def pack_pages(workspace_path: Path) -> None:
    """Pages of the published documents via pdftoppm (Debian poppler-utils): the pack's cover,
    sign-off page and a criterion page, the summary for parents and the engagement brief."""
    import shutil

    from pypdf import PdfReader

    from selfeval.pack.builders.brief_builder import export_brief
    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.builders.parents_builder import export_parents
    from selfeval.pack.model import PackOptions
    from selfeval.services.signoff import sign_off
    from selfeval.services.workspace import open_workspace

    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils): pack pages skipped")
        return
    pdf = workspace_path.with_suffix(".pdf")
    parents = workspace_path.with_name("parents.pdf")
    brief = workspace_path.with_name("brief.pdf")
    with open_workspace(workspace_path) as workspace:
        sign_off(workspace, "Helen Whitfield", "Director of Children's Services", "Anyshire CC")
        sign_off(workspace, "Dr Amara Okafor", "Executive Director of Nursing", "NHS Anyshire ICB")
        sign_off(workspace, "Lisa Wynne", "Co-chair", "Anyshire Parent Carer Forum")
        export_pack(workspace, "pdf", pdf, PackOptions(issued=date(2026, 11, 23)))
        export_parents(workspace, parents, issued=date(2026, 11, 23))
        export_brief(workspace, brief, issued=date(2026, 11, 23))
    pages = [page.extract_text() for page in PdfReader(pdf).pages]

    def page_with(text: str, also: str = "") -> int:
        return next(n for n, page in enumerate(pages, start=1) if text in page and also in page)

    for name, source, page in (
        ("pack-cover", pdf, 1),
        ("pack-contents", pdf, 2),
        ("pack-evidence-index", pdf, page_with("Appendix: evidence index", "Criteria: ")),
        ("pack-signoff", pdf, page_with("agreed by the partnership's signatories")),
        ("pack-criterion", pdf, page_with("3. Children and young people receive", "How we know")),
        ("parents-summary", parents, 1),
        ("engagement-brief", brief, 1),
    ):
        render_page(source, page, OUT / name)


def render_page(pdf: Path, page: int, target: Path) -> None:
    import subprocess

    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf), str(target)],
        check=True,
    )  # fmt: skip
    print(f"wrote docs/screenshots/{target.name}.png")


def _case_study_check(window: Any, app: Any) -> None:
    """The case study dialog saying what may identify a child, before it can be de-identified."""
    from selfeval.ui.dialogs.heard_dialogs import CaseStudyDialog

    dialog = CaseStudyDialog(window.workspace, window)
    dialog.title.setText("Back at college")
    dialog.parts["needed"].setPlainText(
        "Jack, born on 3 March 2008, lives at 14 Mill Lane and had left college after a year."
    )
    dialog.parts["did"].setPlainText("A review with the college and the family within a month.")
    dialog.show()
    dialog._accept()
    for _ in range(3):
        app.processEvents()
    dialog.grab().save(str(OUT / "case-study-check.png"))
    print("wrote docs/screenshots/case-study-check.png")
    dialog.done(0)


if __name__ == "__main__":
    main()
