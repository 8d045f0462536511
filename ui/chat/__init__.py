"""Chat widgets: bubbles, cards, the question box, starter suggestions."""
