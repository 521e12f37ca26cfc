"""Every dialog of the app, made on the demo workspace: one list for the checks that look at
each dialog (names, letters, fit) and the walk that clicks each of its buttons. A dialog class
the app has and this list lacks fails `test_every_dialog_has_accessible_names`."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog

from selfeval.ui.window.main_window import MainWindow

Maker = Callable[[], QDialog]


def partner_return(window: MainWindow, folder: Path) -> Path:
    """A real return from a partner with a conflict and new evidence, for the merge review."""
    from selfeval.services import contributions
    from selfeval.services.evidence import EvidenceInput, add_evidence
    from selfeval.services.judgements import set_judgement
    from selfeval.services.users import CurrentUser

    lead = window.workspace
    request = folder / "for-merge.sefpack"
    contributions.create_request(lead, "Anyshire ICB", ["right-help"], request)
    partner = contributions.open_request(
        request, folder / "partner.selfeval", CurrentUser("Amara", "Anyshire ICB")
    )
    set_judgement(partner, "right-help", rationale="theirs")
    add_evidence(partner, EvidenceInput(title="Therapy waits"), ["right-help"])
    returned = folder / "return.sefpack"
    contributions.create_return(partner, returned)
    partner.close()
    set_judgement(lead, "right-help", rationale="ours")
    return returned


def every_dialog(window: MainWindow, folder: Path) -> dict[str, Maker]:
    """Each dialog class's name and how to make a fresh one of it."""
    from selfeval.services.contributions import create_request
    from selfeval.services.contributions.merge import plan_merge
    from selfeval.services.contributions.package_format import read_package
    from selfeval.services.evidence_import import review_tracker
    from selfeval.services.our_area import our_area
    from selfeval.services.sef_import.importing import current_texts, plan_sef
    from selfeval.ui.dialogs.action_dialog import ActionDialog
    from selfeval.ui.dialogs.conflict_dialog import ConflictDialog
    from selfeval.ui.dialogs.evidence_dialog import EvidenceDialog
    from selfeval.ui.dialogs.export_dialog import ExportDialog
    from selfeval.ui.dialogs.headings_dialog import HeadingsDialog
    from selfeval.ui.dialogs.heard_dialogs import CaseStudyDialog, SurveyDialog, VoiceDialog
    from selfeval.ui.dialogs.help_dialog import ShortcutsDialog
    from selfeval.ui.dialogs.history_dialog import HistoryDialog
    from selfeval.ui.dialogs.indicator_figures_dialog import IndicatorFiguresDialog
    from selfeval.ui.dialogs.merge_review_dialog import MergeReviewDialog
    from selfeval.ui.dialogs.neighbours_dialog import NeighboursDialog
    from selfeval.ui.dialogs.new_workspace_dialog import NewWorkspaceDialog
    from selfeval.ui.dialogs.open_request_dialog import OpenRequestDialog
    from selfeval.ui.dialogs.our_area_dialog import OurAreaDialog
    from selfeval.ui.dialogs.progress_report_dialog import ProgressReportDialog
    from selfeval.ui.dialogs.request_dialog import (
        ReissueDialog,
        RequestDialog,
        ReturnPassphraseDialog,
    )
    from selfeval.ui.dialogs.sef_import_dialog import SefImportDialog
    from selfeval.ui.dialogs.server_dialog import ServerDialog
    from selfeval.ui.dialogs.signoff_dialog import SignOffDialog
    from selfeval.ui.dialogs.statistics_dialog import StatisticsDialog
    from selfeval.ui.dialogs.tracker_import_dialog import TrackerImportDialog
    from selfeval.ui.pages.data_request_page import DataRequestDialog
    from selfeval.ui.pages.people_page import OrganisationDialog, PersonDialog
    from selfeval.ui.pages.priorities_page import PriorityDialog
    from selfeval.ui.pages.risk_page import RiskDialog
    from selfeval.ui.widgets.linked_evidence_panel import EvidencePicker
    from selfeval.ui.widgets.owners_panel import AddOwnerDialog
    from tests.sef_documents import section_per_criterion

    workspace = window.workspace
    request = folder / "request.sefpack"
    create_request(workspace, "Anyshire ICB", ["right-help"], request)
    tracker = folder / "tracker.csv"
    tracker.write_text(
        "Ref,Title,Organisation,RAG\nE1,Report,Anyshire ICB,Green\nE2,Report.,,Red\n",
        encoding="utf-8",
    )
    returned = partner_return(window, folder)
    sef = section_per_criterion(folder / "sef.docx")
    package = read_package(returned)
    makers: list[Maker] = [
        lambda: EvidenceDialog(workspace.framework, ["Anyshire College"], preselect=["right-help"]),
        lambda: AddOwnerDialog(window.context),
        lambda: HistoryDialog(workspace, "right-help", "Right help"),
        lambda: EvidencePicker([]),
        NewWorkspaceDialog,
        OrganisationDialog,
        lambda: PersonDialog(["Anyshire College"]),
        ShortcutsDialog,
        lambda: HeadingsDialog(workspace),
        lambda: ExportDialog(window.context),
        lambda: ActionDialog(workspace),
        lambda: RiskDialog(window.context),
        lambda: PriorityDialog(window.context),
        lambda: VoiceDialog(workspace),
        lambda: SurveyDialog(workspace),
        lambda: CaseStudyDialog(workspace),
        lambda: RequestDialog(
            workspace.framework, "right-help", ["Anyshire ICB", "Sam Reed (School)"]
        ),
        lambda: ReissueDialog("Anyshire ICB", None),
        ReturnPassphraseDialog,
        lambda: IndicatorFiguresDialog(lambda _indicator, _period: None),
        lambda: SignOffDialog(workspace, None, [], ["Anyshire College"]),
        lambda: DataRequestDialog([], []),
        lambda: OurAreaDialog(workspace, our_area(workspace)),
        lambda: StatisticsDialog(workspace),
        ServerDialog,
        lambda: ConflictDialog("How we know", "Amara Okafor", "theirs", "mine"),
        lambda: NeighboursDialog(workspace, {"E10000027": "Somerset"}, []),
        lambda: MergeReviewDialog(workspace, package, plan_merge(workspace, package)),
        lambda: ProgressReportDialog(["Baseline", "Autumn"]),
        lambda: OpenRequestDialog(request),
        lambda: TrackerImportDialog(review_tracker(workspace, tracker), lambda _uses: None),
        lambda: SefImportDialog(
            workspace.framework,
            plan_sef(workspace, sef),
            lambda _maps, _criteria: None,
            current_texts(workspace),
        ),
    ]
    made = {}
    for maker in makers:
        dialog = maker()
        made[type(dialog).__name__] = maker
        dialog.deleteLater()
    return made


def declared_dialogs() -> set[str]:
    """Every dialog class the app's source declares."""
    import selfeval.ui as ui_package

    declared: set[str] = set()
    for module in Path(ui_package.__file__).parent.rglob("*.py"):
        declared |= set(
            re.findall(r"^class (\w+)\((?:QDialog|\w*Dialog)\)", module.read_text(), re.M)
        )
    return declared - {"CheckedDialog", "GuardedDialog"}
