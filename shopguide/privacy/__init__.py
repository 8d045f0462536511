"""Customer data protection (PIPL/GDPR): consent, export, erasure, privacy log, retention.

* consent.py: record / withdraw / current state per purpose (a history, never rewritten).
* export.py: one customer's complete data as JSON and as a readable zh/en report.
* erase.py: delete a person everywhere, then wipe free pages, FTS segments and the WAL.
* copies.py: the backup copies ShopGuide made of a store; erasure cleans them too.
* scrub.py: removing one person's rows from a store file of any schema version.
* log.py: the privacy log (what, when, why; an opaque reference instead of who).
* retention.py: delete conversations older than N days (off unless set).

Nothing here imports Qt; the sidebar's privacy panel and ``shopguide customer`` use it.
"""
