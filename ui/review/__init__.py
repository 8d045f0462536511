"""The merchant's review of unanswered questions (issue 17), behind the admin PIN.

``ReviewWindow`` lists the groups of questions ShopGuide could not answer, previews and
applies one action per group, undoes actions, and charts how it is going. Every store
call runs off the GUI thread on a connection of its own (``jobs.py``).
"""

from ui.review.admin_gate import AdminPinDialog, admin_unlocked
from ui.review.window import ReviewWindow

__all__ = ["AdminPinDialog", "ReviewWindow", "admin_unlocked"]
