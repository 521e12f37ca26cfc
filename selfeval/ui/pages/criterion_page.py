"""One criterion: its text and bullets, the rating and narrative, owners and linked evidence.

Everything saves itself and every change goes on the window's undo stack.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selfeval.errors import SelfevalError
from selfeval.services.contributions import request_of
from selfeval.services.field_headings import DEFAULT_HEADINGS
from selfeval.services.improvement.actions import list_actions
from selfeval.services.judgements import (
    NARRATIVE_FIELDS,
    JudgementView,
    get_judgement,
    list_judgements,
    set_judgement_field,
)
from selfeval.services.record_fields import returns
from selfeval.ui.dialogs.history_dialog import HistoryDialog
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.action_widgets import ActionTable
from selfeval.ui.pages.page_widget import ScrollingPage
from selfeval.ui.touches import EVERYTHING, Touches
from selfeval.ui.widgets.autosave_text import AutosaveText
from selfeval.ui.widgets.bullet_judgements import BulletJudgements
from selfeval.ui.widgets.comments_panel import CommentsPanel
from selfeval.ui.widgets.headings import heading, plain_label
from selfeval.ui.widgets.linked_evidence_panel import LinkedEvidencePanel
from selfeval.ui.widgets.owners_panel import OwnersPanel
from selfeval.ui.widgets.rating_control import RatingControl

TEXT_FIELDS = {
    "rationale": ("How &we know (rationale)", "How we know: the rationale for the rating"),
    "strengths": ("&Strengths", "Strengths"),
    "areas_for_development": ("Areas for &development", "Areas for development"),
    "impact": ("&Impact on children and young people", "Impact on children and young people"),
}


OWN_BAR_FIELDS = {
    "what_good_looks_like": (
        "What good looks like",  # every letter of it is taken on this page
        "What good looks like: the partnership's own statement for this criterion",
    ),
}
"""Printed before the partnership's self-evaluation of the criterion."""

FAMILY_TEXT_FIELDS = {
    "family_statement": (
        "What we want fa&milies to know",
        "For families: what we want families to know",
    ),
    "family_going_well": ("What is going we&ll", "For families: what is going well"),
    "family_working_on": ("What we are working o&n", "For families: what we are working on"),
}


class CriterionPage(ScrollingPage):
    _shown: JudgementView
    """The criterion's judgement as this page last showed it: a rating is saved over it only."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.criterion_id = ""
        self.setAccessibleName("Criterion page")
        body = QWidget()
        self.set_body(body)
        layout = QVBoxLayout(body)

        self.title = heading("")
        self.title.setAccessibleName("Criterion title")
        self.meta = plain_label()
        self.meta.setWordWrap(True)
        self.lead_in = plain_label()
        self.lead_in.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        self.priorities = plain_label()
        self.priorities.setWordWrap(True)
        self.priorities.setAccessibleName("The partnership's priorities this criterion serves")
        layout.addWidget(self.priorities)
        self.heard = plain_label()
        self.heard.setWordWrap(True)
        self.heard.setAccessibleName("What children and families tell us about this criterion")
        layout.addWidget(self.heard)

        bullets_box = QGroupBox(
            "What inspectors take account of (optional rating and note for each)"
        )
        bullets_layout = QVBoxLayout(bullets_box)
        bullets_layout.addWidget(self.lead_in)
        self.bullets = BulletJudgements(context)
        bullets_layout.addWidget(self.bullets)
        layout.addWidget(bullets_box)

        terms = context.workspace.framework.terms  # the edition's own words
        judgement_box = QGroupBox(f"Our {terms.judgement}")
        form = QFormLayout(judgement_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        word = terms.rating.capitalize()
        self.rating = RatingControl(context.workspace.framework.rating_scale, word)
        self.rating.rating_chosen.connect(self._rating_chosen)
        self.texts: dict[str, AutosaveText] = {}
        self.labels: dict[str, QLabel] = {}
        for field, (label_text, accessible) in OWN_BAR_FIELDS.items():
            self._box(form, field, label_text, accessible)
        rating_label = QLabel(f"&{word}:")
        rating_label.setBuddy(self.rating)  # focuses the chosen level, never clicks one
        form.addRow(rating_label, self.rating)
        for field, (label_text, accessible) in TEXT_FIELDS.items():
            self._box(form, field, label_text, accessible)
        self.shown_headings = self._apply_headings()
        self.updated = plain_label()
        form.addRow("", self.updated)
        layout.addWidget(judgement_box)

        families_box = QGroupBox("For families (the summary for parents and carers)")
        family_form = QFormLayout(families_box)
        family_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        hint = plain_label(
            "Written for parents and carers: plain words, no ratings, no evidence titles and "
            "nothing about any one child. Aim for short sentences."
        )
        hint.setWordWrap(True)
        family_form.addRow(hint)
        for field, (label_text, accessible) in FAMILY_TEXT_FIELDS.items():
            editor = AutosaveText(accessible)
            editor.setMinimumHeight(60)
            editor.setMaximumHeight(120)
            editor.committed.connect(lambda old, new, f=field: self._text_committed(f, old, new))
            editor.textChanged.connect(self._show_reading_ease)
            label = QLabel(label_text + ":")
            label.setWordWrap(True)
            label.setBuddy(editor)
            family_form.addRow(label, editor)
            self.texts[field] = editor
        self.reading_ease = plain_label()
        self.reading_ease.setWordWrap(True)
        self.reading_ease.setAccessibleName("Reading ease of the text for families")
        family_form.addRow("", self.reading_ease)
        layout.addWidget(families_box)

        owners_box = QGroupBox("Owners")
        QVBoxLayout(owners_box).addWidget(owners := OwnersPanel(context))
        self.owners = owners
        layout.addWidget(owners_box)

        evidence_box = QGroupBox("Linked evidence")
        QVBoxLayout(evidence_box).addWidget(evidence := LinkedEvidencePanel(context))
        self.evidence = evidence
        layout.addWidget(evidence_box)

        actions_box = QGroupBox("Actions")
        QVBoxLayout(actions_box).addWidget(
            actions := ActionTable(context, "Actions for this criterion")
        )
        self.actions_panel = actions
        actions.table.setMaximumHeight(150)
        layout.addWidget(actions_box)
        # a partner's copy offers only what their return carries back
        actions_box.setVisible(request_of(context.workspace) is None or returns("action"))

        comments_box = QGroupBox("Comments")
        QVBoxLayout(comments_box).addWidget(comments := CommentsPanel(context))
        self.comments = comments
        layout.addWidget(comments_box)

        history_row = QHBoxLayout()
        self.history_button = QPushButton("Show histor&y...")
        self.history_button.setAccessibleName("Show the change history of this criterion")
        self.history_button.clicked.connect(self._show_history)
        history_row.addWidget(self.history_button)
        history_row.addStretch(1)
        layout.addLayout(history_row)
        layout.addStretch(1)

    def _show_priorities(self, criterion_id: str) -> None:
        """Its golden thread: the priorities it serves and what families say about it."""
        from selfeval.services.improvement.priorities import list_priorities
        from selfeval.services.voices.heard_about import heard_about

        named = [
            f"{p.number}. {p.title}"
            for p in list_priorities(self.context.workspace)
            if criterion_id in p.criteria
        ]
        self.priorities.setText("Our priorities: " + "; ".join(named) if named else "")
        self.priorities.setVisible(bool(named))
        heard = heard_about(self.context.workspace, criterion_id)
        self.heard.setText(heard)
        self.heard.setVisible(bool(heard))

    def _box(self, form: QFormLayout, field: str, label_text: str, accessible: str) -> None:
        """A several-line box for one of the judgement's texts, saved at each pause."""
        editor = AutosaveText(accessible)
        editor.setMinimumHeight(70)
        editor.setMaximumHeight(160)
        editor.committed.connect(lambda old, new, f=field: self._text_committed(f, old, new))
        label = QLabel(label_text + ":")
        label.setWordWrap(True)
        label.setBuddy(editor)
        form.addRow(label, editor)
        self.texts[field] = editor
        self.labels[field] = label

    def _apply_headings(self) -> tuple[tuple[str, str], ...]:
        """The partnership's headings on the boxes (services/field_headings.py); a field it
        does not use is not offered. A heading keeps our underlined letter only when it has
        that letter, so no two Alt+letters on the page can clash."""
        from selfeval.services.field_headings import field_headings

        headings = field_headings(self.context.workspace)
        for field, (label_text, accessible) in TEXT_FIELDS.items():
            heading = headings.label(field)
            letter = label_text[label_text.index("&") + 1].lower()
            at = heading.lower().find(letter)
            text = f"{heading[:at]}&{heading[at:]}" if at >= 0 else heading.replace("&", "&&")
            ours = heading == DEFAULT_HEADINGS[field]
            self.labels[field].setText((label_text if ours else text) + ":")
            self.texts[field].setAccessibleName(accessible if ours else heading)
            hidden = field in headings.hidden
            self.labels[field].setVisible(not hidden)
            self.texts[field].setVisible(not hidden)
        return headings.shown()

    def _show_reading_ease(self) -> None:
        """As typed: the reading ease of everything families will read for this criterion,
        and each sentence over 25 words (in the tooltip and for screen readers)."""
        from selfeval.services.readability import readability

        text = "\n".join(self.texts[f].toPlainText() for f in FAMILY_TEXT_FIELDS)
        measured = readability(text)
        self.reading_ease.setText(measured.summary())
        long = "\n\n".join(f"Over 25 words: {s}" for s in measured.long_sentences)
        self.reading_ease.setToolTip(long)
        self.reading_ease.setAccessibleDescription(long)

    def refresh(self) -> None:
        if self.criterion_id:
            self.load(self.criterion_id)

    def load(self, criterion_id: str, *, evidence: bool = True) -> None:
        """Show a criterion (or refresh the one shown) from what is stored; `evidence=False`
        keeps the linked evidence list as it is when refreshing the same criterion."""
        same = criterion_id == self.criterion_id
        framework = self.context.workspace.framework
        criterion = framework.criterion(criterion_id)
        if criterion_id != self.criterion_id:
            self.commit_pending()
        self.criterion_id = criterion_id
        number = framework.numbers[criterion.id]
        self.title.setText(f"{number}. {criterion.title}")
        meta = framework.group_of(criterion_id).title
        if criterion.paragraph:
            meta += f" - framework paragraph {criterion.paragraph}"
        self.meta.setText(meta)
        self._show_priorities(criterion_id)
        self.lead_in.setText(criterion.lead_in or "")
        self.lead_in.setVisible(bool(criterion.lead_in))
        if not same:  # another criterion's typing not saved is not this one's
            for editor in self.texts.values():
                editor.forget_unsaved()
        self._load_judgements(criterion_id)  # boxes filled without signals: this one's reading ease
        self.owners.load(criterion_id)
        if evidence or not same:
            self.evidence.load(criterion_id)
        self.comments.load(criterion_id)
        self.actions_panel.criterion_id = criterion_id
        self.actions_panel.show_actions(
            list_actions(self.context.workspace, criterion_id=criterion_id)
        )
        # the headings may have changed since (File > Our headings, the command line)
        self.shown_headings = self._apply_headings()
        if not same:  # another criterion opens at its top, not where the last one was read to
            self.verticalScrollBar().setValue(0)

    def reload(self, touches: Touches) -> None:
        """After a change to the criterion shown: its touched parts read again, the rest as they
        are (an owner added reads the owners; a link the evidence list; a merge everything)."""
        criterion_id = self.criterion_id
        if touches == EVERYTHING:
            self.load(criterion_id)
            return
        if touches & Touches.RATINGS:
            self._load_judgements(criterion_id)
        if touches & Touches.OWNERS:
            self.owners.load(criterion_id)
        if touches & Touches.EVIDENCE:
            self.evidence.load(criterion_id)
        if touches & Touches.COMMENTS:
            self.comments.load(criterion_id)
        if touches & Touches.ACTIONS:
            self.actions_panel.show_actions(
                list_actions(self.context.workspace, criterion_id=criterion_id)
            )
        if touches & Touches.RECORDS:  # priorities, what was heard, the partnership's headings
            self._show_priorities(criterion_id)
            self.shown_headings = self._apply_headings()

    def _load_judgements(self, criterion_id: str) -> None:
        judgements = {
            b: j
            for (c, b), j in list_judgements(self.context.workspace).items()
            if c == criterion_id
        }
        self.bullets.load(self.context.workspace.framework.criterion(criterion_id), judgements)
        self.show_saved(get_judgement(self.context.workspace, criterion_id))

    def show_saved(self, judgement: JudgementView) -> None:
        """The judgement as stored: its texts (typing not yet saved is never replaced), rating
        and who changed it last (after an edit, as its write returned it: nothing read again)."""
        for field, editor in self.texts.items():
            editor.set_saved_text(getattr(judgement, field))
        self._show_reading_ease()
        self.rating.set_rating(judgement.rating)
        self._shown = judgement
        if judgement.updated_at:
            when = judgement.updated_at.astimezone().strftime("%d %b %Y %H:%M")
            status = f"Last changed by {judgement.updated_by}, {when}"
        else:
            status = "Not yet judged"
        if judgement.previous_rating:
            scale = self.context.workspace.framework.rating_scale
            status += f". Previous cycle: {scale.level(judgement.previous_rating).label}"
        self.updated.setText(status)

    def commit_pending(self) -> None:
        """Save any text still waiting for its pause (before Undo, navigation or closing)."""
        for editor in self.texts.values():
            editor.commit()

    def _rating_chosen(self, rating: str) -> None:
        """Saved only over the rating this page showed: if someone else rated the criterion
        since, the person sees theirs and chooses (the save itself is compare-and-set too)."""
        workspace, criterion_id = self.context.workspace, self.criterion_id
        old = self._shown.rating
        try:
            stored = get_judgement(workspace, criterion_id)
        except SelfevalError:  # the machine's fault: the save below says so
            stored = None
        if stored is not None and stored.rating != old:
            if not self._take_mine_over(stored, rating):
                self.rating.set_rating(stored.rating)
                self._shown = stored
                return
            old = stored.rating
        label = workspace.framework.rating_scale.level(rating).label
        self.context.push(
            f"rate {label}",
            lambda: set_judgement_field(workspace, criterion_id, "", "rating", rating, old),
            lambda: set_judgement_field(workspace, criterion_id, "", "rating", old, rating),
            criterion_id,
            touches=Touches.RATINGS,
            redo=lambda: set_judgement_field(workspace, criterion_id, "", "rating", rating, old),
            returns_judgement=True,
        )

    def _take_mine_over(self, stored: JudgementView, mine: str) -> bool:
        scale = self.context.workspace.framework.rating_scale
        when = f" at {stored.updated_at.astimezone():%H:%M}" if stored.updated_at else ""
        answer = QMessageBox.question(
            self,
            "Rated by someone else meanwhile",
            f"{stored.updated_by or 'Someone'} rated this criterion "
            f"{scale.level(stored.rating).label}{when}, after this page showed "
            f"{scale.level(self._shown.rating).label}.\n\nUse your rating "
            f"({scale.level(mine).label}) instead of theirs?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _text_committed(self, field: str, old: str, new: str) -> None:
        """Saved as one undoable step; if the stored text is no longer what the page showed
        (someone else saved meanwhile), the person chooses first (ui/dialogs/conflict_dialog.py)."""
        assert field in NARRATIVE_FIELDS
        workspace, criterion_id = self.context.workspace, self.criterion_id
        editor = self.texts[field]
        label = {**TEXT_FIELDS, **FAMILY_TEXT_FIELDS}[field][1]
        try:
            stored = get_judgement(workspace, criterion_id)
        except SelfevalError:  # the machine's fault: the save below says so and keeps the text
            stored = None
        if stored is not None and getattr(stored, field) != old:
            chosen = self._resolve(label, stored, field, new)
            if chosen is None:  # cancelled: the typing stays, marked as not saved
                editor.keep_unsaved(getattr(stored, field))
                return
            old, new = getattr(stored, field), chosen
            editor.set_saved_text(new)
            if new == old:
                return
        self.context.push(
            f"edit {label.lower()}",
            lambda: set_judgement_field(workspace, criterion_id, "", field, new, old),
            lambda: set_judgement_field(workspace, criterion_id, "", field, old, new),
            criterion_id,
            touches=Touches.RATINGS,
            failed=lambda: editor.keep_unsaved(old),
            redo=lambda: set_judgement_field(workspace, criterion_id, "", field, new, old),
            returns_judgement=True,
        )

    def _resolve(self, label: str, stored: object, field: str, mine: str) -> str | None:
        from selfeval.ui.dialogs.conflict_dialog import ConflictDialog

        when = getattr(stored, "updated_at", None)
        who = str(getattr(stored, "updated_by", "") or "Someone")
        if when is not None:
            who += f" (at {when.astimezone():%H:%M})"
        dialog = ConflictDialog(label, who, getattr(stored, field), mine, self)
        dialog.exec()
        return dialog.chosen

    def _show_history(self) -> None:
        self.commit_pending()
        title = self.context.workspace.framework.criterion(self.criterion_id).title
        HistoryDialog(self.context.workspace, self.criterion_id, title, self).exec()
