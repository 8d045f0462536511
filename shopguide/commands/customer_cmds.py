"""``shopguide customer export|erase|consent`` and ``shopguide privacy log|retention``.

Output names the customer only by id: what a terminal shows can end up in a
ticket or a screen share.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any


def register(sub: Any) -> None:
    cust = sub.add_parser("customer", help="one customer's data: export, erase, consent")
    csub = cust.add_subparsers(dest="customer_command", metavar="ACTION", required=True)

    p = csub.add_parser("export", help="write everything held about one customer",
                        description="Write the customer's profile, notes, purchases, "
                        "follow-ups, consents and linked conversations as JSON and/or a "
                        "readable report. The export is written to the privacy log.")
    p.add_argument("id", metavar="ID", help="customer id")
    p.add_argument("--out", metavar="DIR", default=".", help="folder to write to (default: .)")
    p.add_argument("--format", choices=("json", "report", "both"), default="both")
    p.add_argument("--report-lang", choices=("zh", "en"),
                   help="report language (default: --lang, else the store's language)")
    p.add_argument("--reason", required=True, help="why (kept in the privacy log)")
    p.set_defaults(handler=cmd_export)

    p = csub.add_parser("erase", help="delete a customer everywhere and scrub the file",
                        description="Delete the customer's profile, notes, follow-ups, "
                        "consents, linked conversations and purchases, then wipe the "
                        "store file so none of it can be recovered from it. Backup copies "
                        "ShopGuide made (before upgrades, db backup) are cleaned the same "
                        "way; a copy that cannot be cleaned is named and the command exits "
                        "with status 2 (run it again once the copy is writable).")
    p.add_argument("id", metavar="ID", help="customer id")
    p.add_argument("--anonymise-purchases", "--anonymize-purchases", action="store_true",
                   dest="anonymise", help="keep the purchases for sales totals, without the person")
    p.add_argument("--reason", required=True, help="why (kept in the privacy log)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=cmd_erase)

    p = csub.add_parser("consent", help="record a consent decision (a new record)")
    p.add_argument("id", metavar="ID", help="customer id")
    p.add_argument("purpose", choices=("marketing", "history"))
    p.add_argument("decision", choices=("grant", "withdraw"))
    p.add_argument("--expires", metavar="YYYY-MM-DD", help="a grant's last valid day")
    p.add_argument("--source", choices=("counter", "kiosk", "import"), default="counter")
    p.add_argument("--reason", default="", help="optional note for the privacy log")
    p.set_defaults(handler=cmd_consent)

    priv = sub.add_parser("privacy", help="privacy log and retention")
    psub = priv.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)
    p = psub.add_parser("log", help="show the privacy log (newest first)")
    p.add_argument("--customer", metavar="ID", help="only entries about this customer")
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(handler=cmd_log)
    p = psub.add_parser("retention", help="delete conversations older than N days",
                        description="Without options: show the setting. --days N deletes "
                        "now; --set N also keeps it on (the app applies it at start-up); "
                        "--off turns it off.")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--days", type=int, metavar="N", help="delete older conversations now")
    g.add_argument("--set", type=int, metavar="N", dest="set_days",
                   help="turn automatic retention on at N days, and apply it now")
    g.add_argument("--off", action="store_true", help="turn automatic retention off")
    p.set_defaults(handler=cmd_retention)


def _err(message: str) -> int:
    print(f"shopguide: {message}", file=sys.stderr)
    return 1


def _open(args: argparse.Namespace) -> Any:
    from shopguide.store.location import open_from_args

    return open_from_args(args, create=False)


def cmd_export(args: argparse.Namespace) -> int:
    from shopguide.privacy.export import ExportError, export_customer
    from shopguide.store import StoreError

    try:
        with _open(args) as store:
            lang = args.report_lang or args.lang or store.settings().language
            files = export_customer(store, args.id, args.out, fmt=args.format, lang=lang,
                                    reason=args.reason)
    except (StoreError, ExportError, OSError) as exc:
        return _err(str(exc))
    for path in files:
        print(f"written: {path}")
    return 0


def cmd_erase(args: argparse.Namespace) -> int:
    from shopguide.privacy.erase import ErasureError, erase_customer, is_known
    from shopguide.store import StoreError

    try:
        with _open(args) as store:
            if not is_known(store, args.id):
                return _err(f"no customer with id {args.id!r}")
            if not args.yes and not _confirm(args):
                print("nothing was erased")
                return 1
            report = erase_customer(store, args.id, reason=args.reason,
                                    anonymise_purchases=args.anonymise)
    except (StoreError, ErasureError) as exc:
        return _err(str(exc))
    print(f"erased customer {args.id}: {report.summary() or 'only backup copies held them'}")
    for path in report.backups_cleaned:
        print(f"cleaned backup copy {path}")
    if not report.wal_emptied:
        print("warning: another program kept the store open, so its journal (-wal file) may "
              "still hold old data; close ShopGuide and run this command again", file=sys.stderr)
    if report.backups:
        print(f"error: {len(report.backups)} backup file(s) could not be cleaned and may "
              "still hold this customer's data:", file=sys.stderr)
        for path in report.backups:
            print(f"  {path}: {report.backup_problems.get(path, 'unknown problem')}",
                  file=sys.stderr)
        print(f"make them writable and run 'shopguide customer erase {args.id} --reason ...' "
              "again, or delete them", file=sys.stderr)
        return 2
    return 0


def _confirm(args: argparse.Namespace) -> bool:
    what = "kept without the person" if args.anonymise else "deleted"
    prompt = (f"Erase customer {args.id} for good, from the store and its backup copies? "
              "Profile, notes, follow-ups, consents and "
              f"conversations are deleted; purchases are {what}. This cannot be undone. "
              "Type 'erase' to go on: ")
    try:  # a script may pipe the answer in; no input at all means no
        answer = input(prompt)
    except EOFError:
        return False
    return answer.strip().lower() == "erase"


def cmd_consent(args: argparse.Namespace) -> int:
    from shopguide.privacy import consent
    from shopguide.store import StoreError

    try:
        expiry = date.fromisoformat(args.expires) if args.expires else None
    except ValueError:
        return _err(f"--expires: {args.expires!r} is not a date like 2027-12-31")
    try:
        with _open(args) as store:
            consent.record(store, args.id, args.purpose, args.decision == "grant",
                           source=args.source, expiry=expiry, reason=args.reason)
            state = consent.current(store, args.id)[args.purpose]
    except (StoreError, consent.ConsentError) as exc:
        return _err(str(exc))
    print(f"customer {args.id}: {args.purpose} consent is now {state.status}")
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    from shopguide.privacy import log as plog
    from shopguide.store import StoreError

    try:
        with _open(args) as store:
            events = plog.entries(store, args.limit, customer_id=args.customer)
    except StoreError as exc:
        return _err(str(exc))
    if not events:
        print("the privacy log is empty" if not args.customer else "no entries")
    for e in events:
        ref = f" ref={e.ref}" if e.ref else ""
        reason = f"  reason: {e.reason}" if e.reason else ""
        print(f"{e.time.astimezone():%Y-%m-%d %H:%M:%S}  {e.verb:<17}{e.detail}{ref}{reason}")
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    from shopguide.privacy import retention
    from shopguide.store import StoreError

    try:
        with _open(args) as store:
            if args.off:
                retention.set_setting(store, None)
                print("automatic retention is off: conversations are kept")
                return 0
            days = args.days if args.days is not None else args.set_days
            if days is None:
                current = retention.get_setting(store)
                print("automatic retention is off" if current is None
                      else f"automatic retention: conversations older than {current} days")
                return 0
            if args.set_days is not None:
                retention.set_setting(store, days)
            count = retention.delete_older_than(store, days)
    except (StoreError, ValueError) as exc:
        return _err(str(exc))
    print(f"deleted {count} conversation{'s' if count != 1 else ''} older than {days} days")
    if args.set_days is not None:
        print(f"automatic retention is on: {days} days")
    return 0

