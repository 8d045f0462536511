"""``shopguide review``: the JSON shapes the README documents, the text views, and one-line
errors."""

from __future__ import annotations

import json

import pytest

from shopguide.cli import main

GROUP_KEYS = {"id", "key", "question", "phrasings", "count", "first_asked", "last_asked",
              "reasons", "lang", "intent", "answer", "cards", "action"}
ACTION_KEYS = {"id", "action", "question", "detail", "created", "undone"}
TURN_KEYS = {"question", "lang", "intent", "cards", "answer", "grounded", "by", "timings"}


def run(capsys, store, *argv: str) -> tuple[int, str, str]:
    rc = main(["--store", str(store.path), *argv])
    out, err = capsys.readouterr()
    return rc, out, err


def _json(capsys, store, *argv: str) -> dict:
    rc, out, err = run(capsys, store, *argv)
    assert rc == 0, err
    return json.loads(out)


@pytest.fixture
def asked(review_store, shoppers_ask):
    shoppers_ask(["do you sell kayaks?"])
    shoppers_ask(["when do you shut on saturday"])
    return review_store


def test_list_json_has_the_documented_shape(capsys, asked) -> None:
    data = _json(capsys, asked, "review", "list", "--json")
    assert set(data) == {"groups", "total"} and data["total"] == 2
    for g in data["groups"]:
        assert set(g) == GROUP_KEYS and g["action"] is None and g["count"] == 1
        assert isinstance(g["reasons"], dict) and g["phrasings"] == [g["question"]]
    rc, text, _ = run(capsys, asked, "review")  # no subcommand: the list, as text
    assert rc == 0 and all(g["id"] in text and g["question"] in text for g in data["groups"])


def test_preview_apply_undo_from_the_command_line(capsys, asked) -> None:
    groups = {g["question"]: g["id"] for g in _json(capsys, asked, "review", "list",
                                                     "--json")["groups"]}
    gid = groups["when do you shut on saturday"]
    shown = _json(capsys, asked, "review", "preview", gid, "faq-alternate", "--faq", "hours",
                  "--json")
    assert set(shown) == {"group", "action", "question", "before", "after"}
    assert set(shown["after"]) >= TURN_KEYS and shown["after"]["intent"] == "policy"
    assert shown["before"]["intent"] == "out_of_scope"
    assert asked.faq("hours").alternates == ("when do you open",)  # preview saved nothing

    done = _json(capsys, asked, "review", "apply", gid, "faq-alternate", "--faq", "hours",
                 "--json")
    assert set(done) == {"group", "action", "after"} and set(done["action"]) == ACTION_KEYS
    assert done["after"]["cards"][0]["id"] == "hours"
    assert "when do you shut on saturday" in asked.faq("hours").alternates
    listed = _json(capsys, asked, "review", "list", "--json")
    assert [g["id"] for g in listed["groups"]] == [groups["do you sell kayaks?"]]
    every = _json(capsys, asked, "review", "list", "--all", "--json")
    assert {g["id"]: g["action"] and g["action"]["id"] for g in every["groups"]}[gid] \
        == done["action"]["id"]
    log = _json(capsys, asked, "review", "actions", "--json")
    assert [a["id"] for a in log["actions"]] == [done["action"]["id"]]

    undone = _json(capsys, asked, "review", "undo", gid, "--json")  # by group: its action
    assert undone["action"]["id"] == done["action"]["id"] and undone["action"]["undone"]
    assert asked.faq("hours").alternates == ("when do you open",)
    rc, _out, err = run(capsys, asked, "review", "undo", str(done["action"]["id"]))
    assert rc == 1 and "already undone" in err


def test_summary_as_text_and_json(capsys, asked) -> None:
    rc, text, _ = run(capsys, asked, "review", "--summary")
    assert rc == 0 and "do you sell kayaks?" in text
    data = _json(capsys, asked, "review", "summary", "--days", "3", "--json")
    assert set(data) == {"questions", "answered", "answered_share", "rated", "helpful",
                         "helpful_share", "per_day", "unmet"}
    assert len(data["per_day"]) == 3 and data["questions"] == 2 and data["answered"] == 0
    rc, zh, _ = run(capsys, asked, "--lang", "zh", "review", "--summary")
    assert rc == 0 and zh != text


@pytest.mark.parametrize("argv, says", [
    (["review", "apply", "g00000000", "ignore"], "no question group"),
    (["review", "apply", "{kayaks}", "synonym", "--product", "NOPE"], "no product with SKU"),
    (["review", "preview", "{kayaks}", "not-carried"], "write the answer"),
    (["review", "undo", "99"], "no review action 99"),
])
def test_errors_are_one_line(capsys, asked, argv, says) -> None:
    kayaks = next(g["id"] for g in _json(capsys, asked, "review", "list", "--json")["groups"]
                  if "kayak" in g["question"])
    rc, out, err = run(capsys, asked, *[a.replace("{kayaks}", kayaks) for a in argv])
    assert rc == 1 and says in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err and out == ""


def test_a_missing_store_is_one_line(capsys, tmp_path) -> None:
    rc = main(["--store", str(tmp_path / "nope.sqlite"), "review", "list"])
    _out, err = capsys.readouterr()
    assert rc == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
