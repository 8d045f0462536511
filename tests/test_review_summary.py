"""How it is going: questions per day, the share answered, the share rated helpful, the top
unmet needs; as data (the window's charts) and as text in either language."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from shopguide.review import format_summary, summarize
from shopguide.review.labels import keys, label


def _noon() -> datetime:
    """Today at noon, local time: turns a test puts minutes apart stay on one date."""
    return datetime.now(timezone.utc).astimezone().replace(hour=12, minute=0, second=0,
                                                           microsecond=0)


def test_the_summary_counts_what_the_turns_were(review_store, shoppers_ask) -> None:
    now = _noon()
    two_days = now - timedelta(days=2)
    # Two days ago: an answered question rated helpful, one out of scope, a greeting.
    shoppers_ask(["a tent for two", "do you sell kayaks?", "hello"], at=two_days, gap=600,
                 rate=[1, None, None])
    # Today: an answered question rated not helpful, kayaks again, a policy.
    shoppers_ask(["waterproof tent", "do you sell kayaks?", "what is your return policy?"],
                 at=now - timedelta(minutes=30), gap=600, rate=[-1, None, None])
    s = summarize(review_store, days=7, now=now)
    assert len(s.days) == 7 and s.days[-1].date == now.astimezone().date()
    by_date = {d.date: d for d in s.days}
    assert by_date[two_days.astimezone().date()].questions == 2  # the greeting is no question
    assert by_date[now.astimezone().date()].questions == 3
    assert sum(d.questions for d in s.days) == s.questions == 5
    assert s.answered == 3 and s.answered_share == round(3 / 5, 4)
    assert s.rated == 2 and s.helpful == 1 and s.helpful_share == 0.5
    top = s.unmet[0]
    assert top["question"] == "do you sell kayaks?" and top["count"] == 2
    assert {u["question"] for u in s.unmet} == {"do you sell kayaks?", "waterproof tent"}
    data = s.to_json()
    assert [d["questions"] for d in data["per_day"]] == [d.questions for d in s.days]
    assert data["unmet"] == s.unmet


def test_older_days_are_outside_the_period(review_store, shoppers_ask) -> None:
    now = _noon()
    shoppers_ask(["do you sell kayaks?"], at=now - timedelta(days=10))
    shoppers_ask(["a tent for two"], at=now - timedelta(hours=1))
    assert summarize(review_store, days=7, now=now).questions == 1
    assert summarize(review_store, days=30, now=now).questions == 2


def test_the_text_summary_speaks_each_language_from_the_labels(review_store,
                                                               shoppers_ask) -> None:
    now = _noon()
    shoppers_ask(["do you sell kayaks?", "a tent for two"], rate=[None, 1],
                 at=now - timedelta(hours=1))
    s = summarize(review_store, days=7, now=now)
    for lang in ("en", "zh"):
        text = format_summary(s, lang)
        assert text.splitlines()[0] == label("title", lang, days=7)
        assert label("answered", lang, share="50%", n=1, total=2) in text
        assert label("helpful", lang, share="100%", n=1, rated=1) in text
        assert "do you sell kayaks?" in text and label("out_of_scope", lang) in text
    assert format_summary(s, "en") != format_summary(s, "zh")


def test_every_label_is_in_both_languages() -> None:
    found = keys()
    names = {k for k, _ in found}
    assert names and all((k, lang) in found for k in names for lang in ("en", "zh"))
