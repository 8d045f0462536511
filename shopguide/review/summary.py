"""How it is going: questions per day, the share answered, the share rated helpful, and the
top unmet needs, as data (the window draws them as charts) and as a text summary
(``shopguide review --summary``).

A question is a turn that is not small talk (a greeting, thanks, a goodbye, a remark, a
call for staff). It is answered when a product or policy was shown for it, or the store's
own "we don't carry this" reply was said. Helpful is the share of rated answers the
shopper rated helpful.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from shopguide.review.groups import build_groups
from shopguide.review.labels import label
from shopguide.review import log as review_log
from shopguide.review.masking import store_masker
from shopguide.review.turns import Turn, read_turns

SOCIAL = ("greeting", "thanks", "goodbye", "remark", "staff", "identity")
TOP_UNMET = 10


@dataclass
class Day:
    date: date
    questions: int = 0
    answered: int = 0
    rated: int = 0
    helpful: int = 0


@dataclass
class Summary:
    days: list[Day]
    questions: int
    answered: int
    rated: int
    helpful: int
    unmet: list[dict[str, Any]] = field(default_factory=list)

    @property
    def answered_share(self) -> float | None:
        return _share(self.answered, self.questions)

    @property
    def helpful_share(self) -> float | None:
        return _share(self.helpful, self.rated)

    def to_json(self) -> dict[str, Any]:
        return {"questions": self.questions, "answered": self.answered,
                "answered_share": self.answered_share, "rated": self.rated,
                "helpful": self.helpful, "helpful_share": self.helpful_share,
                "per_day": [{"date": d.date.isoformat(), "questions": d.questions,
                             "answered": d.answered, "rated": d.rated, "helpful": d.helpful}
                            for d in self.days],
                "unmet": self.unmet}


def _share(n: int, total: int) -> float | None:
    return round(n / total, 4) if total else None


def summarize(store: Any, days: int = 30, now: datetime | None = None) -> Summary:
    """The last ``days`` days (local dates, today included), every day listed."""
    now = now or datetime.now(timezone.utc)
    today = now.astimezone().date()
    first = today - timedelta(days=max(1, days) - 1)
    since = datetime.combine(first, datetime.min.time()).astimezone()
    turns = [t for t in read_turns(store, store_masker(store), now=now, since=since)
             if t.intent not in SOCIAL and t.asked.astimezone().date() >= first]
    per_day = {first + timedelta(days=i): Day(first + timedelta(days=i))
               for i in range((today - first).days + 1)}
    for t in turns:
        day = per_day.get(t.asked.astimezone().date())
        if day is not None:
            _count(day, t)
    total = Day(today)
    for d in per_day.values():
        for name in ("questions", "answered", "rated", "helpful"):
            setattr(total, name, getattr(total, name) + getattr(d, name))
    unmet = [{"id": g.id, "question": g.question, "count": g.count, "reasons": g.reasons}
             for g in build_groups(turns, review_log.in_force(store))[:TOP_UNMET]]
    return Summary(list(per_day.values()), total.questions, total.answered, total.rated,
                   total.helpful, unmet)


def _count(day: Day, t: Turn) -> None:
    day.questions += 1
    day.answered += t.answered_ok
    day.rated += t.rating is not None
    day.helpful += t.rating == 1


def format_summary(summary: Summary, lang: str = "en") -> str:
    """The text summary, with the labels of ``lang``."""
    lines = [label("title", lang, days=len(summary.days)),
             label("questions", lang, n=summary.questions),
             label("answered", lang, share=_pct(summary.answered_share), n=summary.answered,
                   total=summary.questions)]
    if summary.rated:
        lines.append(label("helpful", lang, share=_pct(summary.helpful_share),
                           n=summary.helpful, rated=summary.rated))
    else:
        lines.append(label("no_ratings", lang))
    lines.append(label("per_day", lang))
    top = max((d.questions for d in summary.days), default=0)
    for d in (d for d in summary.days if d.questions):  # the data keeps the empty days
        bar = "█" * round(20 * d.questions / top) if top else ""
        lines.append(f"  {d.date.isoformat()}  {d.questions:>4}  {bar}")
    lines.append(label("unmet", lang))
    for need in summary.unmet:
        why = ", ".join(label(r, lang) for r in need["reasons"])
        lines.append(f"  {label('times', lang, n=need['count']):>5}  {need['question']}  "
                     f"({why})  [{need['id']}]")
    if not summary.unmet:
        lines.append("  " + label("none", lang))
    return "\n".join(lines)


def _pct(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"
