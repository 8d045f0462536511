"""The clerk's customer sidebar (clerk mode only; never created in kiosk mode)."""

from ui.customers.sidebar import CustomerSidebar

__all__ = ["CustomerSidebar"]
