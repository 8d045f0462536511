"""The merchant's review of what shoppers asked and ShopGuide could not answer (issue 17).

The window and ``shopguide review`` call the same functions:

* ``review_groups(store)``: the questions to review, grouped (``groups.py``; the turns and
  why each needs review: ``turns.py``; masking of phones, e-mails and customers' names:
  ``masking.py``). ``find_group(store, ref)`` finds one by id or key.
* ``preview_action(store, group, action, **params)``, ``apply_action(…)``,
  ``undo_action(store, action_id)`` (``actions.py``; the rows an action writes: ``changes.py``;
  the log of actions, schema v10: ``log.py``).
* ``summarize(store, days)`` and ``format_summary(summary, lang)`` (``summary.py``).
* ``reviewed_pairs(store)``: fine-tune pairs from what was reviewed (``pairs.py``).

Nothing here imports Qt. A window runs these off the GUI thread, on its own connection.
"""

from shopguide.review.actions import ACTIONS, apply_action, preview_action, undo_action
from shopguide.review.errors import ReviewError
from shopguide.review.groups import Group, find_group, review_groups
from shopguide.review.log import Action, actions
from shopguide.review.pairs import reviewed_pairs, write_pairs_csv
from shopguide.review.summary import Summary, format_summary, summarize

__all__ = ["ACTIONS", "Action", "Group", "ReviewError", "Summary", "actions", "apply_action",
           "find_group", "format_summary", "preview_action", "review_groups", "reviewed_pairs",
           "summarize", "undo_action", "write_pairs_csv"]
