"""Pages built only when first shown, by name: opening a workspace does not pay for the action
plan, indicators, risks, contributions or My work until someone goes there. (Named as strings,
so build.spec lists them as hidden imports.)"""

from __future__ import annotations

LAZY_PAGES: dict[str, tuple[str, str]] = {
    "priorities": ("selfeval.ui.pages.priorities_page", "PrioritiesPage"),
    "heard": ("selfeval.ui.pages.heard_page", "HeardPage"),
    "actions": ("selfeval.ui.pages.action_widgets", "ActionPlanPage"),
    "indicators": ("selfeval.ui.pages.indicators_page", "IndicatorsPage"),
    "risks": ("selfeval.ui.pages.risk_page", "RiskPage"),
    "contributions": ("selfeval.ui.pages.contributions_page", "ContributionsPage"),
    "mywork": ("selfeval.ui.pages.my_work_page", "MyWorkPage"),
    "datarequest": ("selfeval.ui.pages.data_request_page", "DataRequestPage"),
    "edition": ("selfeval.ui.pages.edition_review_page", "EditionReviewPage"),
}
