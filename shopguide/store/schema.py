"""The store's schema, as a list of forward migrations.

``PRAGMA user_version`` holds the schema version. Step N takes a store from
version N-1 to N inside one transaction, so a store is never half-migrated.
Never edit a released step; add a new one.

The full-text indexes hold a normalised text (see ``text.py``) that triggers
compute with the ``sg_*`` SQL functions ``functions.register`` installs on every
connection the store opens. A tool without them can read the store but not
change indexed columns, which is what we want: the index can never drift.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# PRAGMA application_id marks a file as a ShopGuide store ("SGst").
APPLICATION_ID = 0x53477374

_PRODUCT_FTS_VALUES = """
    new.id,
    sg_index_text(new.name, new.name_en, new.name_zh),
    sg_index_text(new.brand),
    sg_index_text(replace(new.category, '/', ' ')),
    sg_index_list(new.tags),
    sg_index_text(new.description, new.description_en, new.description_zh),
    sg_index_list(new.extra)
"""

_PRODUCT_VALUES = """
    INSERT INTO product_values (product_id, kind, value)
        SELECT new.id, 'category', value FROM json_each(sg_category_keys(new.category))
        UNION SELECT new.id, 'brand', sg_fold(new.brand) WHERE coalesce(new.brand, '') <> ''
        UNION SELECT new.id, 'size', sg_fold(value) FROM json_each(new.sizes)
        UNION SELECT new.id, 'color', sg_fold(value) FROM json_each(new.colors)
        UNION SELECT new.id, 'tag', sg_fold(value) FROM json_each(new.tags);
"""

V1 = f"""
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents > 0),
    currency TEXT NOT NULL,
    brand TEXT,
    stock INTEGER CHECK (stock IS NULL OR stock >= 0),
    aisle TEXT,
    sizes TEXT NOT NULL DEFAULT '[]',
    colors TEXT NOT NULL DEFAULT '[]',
    tags TEXT NOT NULL DEFAULT '[]',
    description TEXT NOT NULL DEFAULT '',
    image TEXT,
    name_en TEXT, name_zh TEXT, description_en TEXT, description_zh TEXT,
    extra TEXT NOT NULL DEFAULT '{{}}',
    updated TEXT NOT NULL
);
CREATE INDEX products_price ON products (price_cents);

-- Folded list values and category keys, so filters use an index, not a scan.
CREATE TABLE product_values (
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    PRIMARY KEY (kind, value, product_id)
) WITHOUT ROWID;
CREATE INDEX product_values_product ON product_values (product_id);

CREATE VIRTUAL TABLE products_fts USING fts5 (
    name, brand, category, tags, description, extra,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER products_ai AFTER INSERT ON products BEGIN
    INSERT INTO products_fts (rowid, name, brand, category, tags, description, extra)
        VALUES ({_PRODUCT_FTS_VALUES});
    {_PRODUCT_VALUES}
END;
CREATE TRIGGER products_ad AFTER DELETE ON products BEGIN
    DELETE FROM products_fts WHERE rowid = old.id;
    DELETE FROM product_values WHERE product_id = old.id;
END;
CREATE TRIGGER products_au_fts AFTER UPDATE OF
        name, name_en, name_zh, brand, category, tags, description, description_en,
        description_zh, extra ON products BEGIN
    DELETE FROM products_fts WHERE rowid = old.id;
    INSERT INTO products_fts (rowid, name, brand, category, tags, description, extra)
        VALUES ({_PRODUCT_FTS_VALUES});
END;
CREATE TRIGGER products_au_values AFTER UPDATE OF category, brand, sizes, colors, tags
        ON products BEGIN
    DELETE FROM product_values WHERE product_id = old.id;
    {_PRODUCT_VALUES}
END;

CREATE TABLE faq (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    alternates TEXT NOT NULL DEFAULT '[]',
    tags TEXT NOT NULL DEFAULT '[]',
    updated TEXT NOT NULL
);
CREATE VIRTUAL TABLE faq_fts USING fts5 (
    question, alternates, answer, tags,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER faq_ai AFTER INSERT ON faq BEGIN
    INSERT INTO faq_fts (rowid, question, alternates, answer, tags) VALUES (
        new.pk, sg_index_text(new.question), sg_index_list(new.alternates),
        sg_index_text(new.answer), sg_index_list(new.tags));
END;
CREATE TRIGGER faq_ad AFTER DELETE ON faq BEGIN
    DELETE FROM faq_fts WHERE rowid = old.pk;
END;
CREATE TRIGGER faq_au AFTER UPDATE ON faq BEGIN
    DELETE FROM faq_fts WHERE rowid = old.pk;
    INSERT INTO faq_fts (rowid, question, alternates, answer, tags) VALUES (
        new.pk, sg_index_text(new.question), sg_index_list(new.alternates),
        sg_index_text(new.answer), sg_index_list(new.tags));
END;

CREATE TABLE customers (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    phone TEXT,
    email TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    preferred_language TEXT,
    sizes TEXT NOT NULL DEFAULT '{{}}',
    brands TEXT NOT NULL DEFAULT '[]',
    budget_min_cents INTEGER,
    budget_max_cents INTEGER,
    consent_marketing INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX customers_name ON customers (name, id);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    customer_id TEXT NOT NULL
        REFERENCES customers (id) ON DELETE CASCADE ON UPDATE CASCADE,
    text TEXT NOT NULL,
    pinned INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX notes_customer ON notes (customer_id);

CREATE TABLE purchases (
    id INTEGER PRIMARY KEY,
    customer_id TEXT REFERENCES customers (id) ON DELETE SET NULL ON UPDATE CASCADE,
    sku TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    date TEXT NOT NULL
);
CREATE INDEX purchases_customer ON purchases (customer_id);

CREATE TABLE followups (
    id INTEGER PRIMARY KEY,
    customer_id TEXT NOT NULL
        REFERENCES customers (id) ON DELETE CASCADE ON UPDATE CASCADE,
    due TEXT NOT NULL,
    text TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL
);
CREATE INDEX followups_customer ON followups (customer_id);
CREATE INDEX followups_open ON followups (done, due);

CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,
    customer_id TEXT REFERENCES customers (id) ON DELETE CASCADE ON UPDATE CASCADE,
    mode TEXT NOT NULL DEFAULT 'clerk',
    started TEXT NOT NULL
);
CREATE INDEX conversations_customer ON conversations (customer_id);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    cards TEXT,
    rating INTEGER CHECK (rating IS NULL OR rating IN (-1, 1)),
    created TEXT NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_id);
"""

# v2: consent becomes a history of decisions (withdrawal is a new row), a privacy
# log, indexed customer search, and free-form metadata on messages.
V2 = """
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    customer_id TEXT NOT NULL
        REFERENCES customers (id) ON DELETE CASCADE ON UPDATE CASCADE,
    purpose TEXT NOT NULL,
    granted INTEGER NOT NULL,
    date TEXT NOT NULL,
    source TEXT NOT NULL,
    expiry TEXT
);
CREATE INDEX consents_customer ON consents (customer_id, purpose, id);

INSERT INTO consents (customer_id, purpose, granted, date, source)
    SELECT id, 'marketing', 1, updated, 'migration' FROM customers WHERE consent_marketing;
ALTER TABLE customers DROP COLUMN consent_marketing;

-- Time, action and reason only: never a name, phone or customer id.
CREATE TABLE privacy_log (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    action TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
);

ALTER TABLE messages ADD COLUMN meta TEXT;

CREATE VIRTUAL TABLE customers_fts USING fts5 (
    person, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO customers_fts (rowid, person)
    SELECT pk, sg_person_text(name, phone, email, tags) FROM customers;
CREATE TRIGGER customers_ai AFTER INSERT ON customers BEGIN
    INSERT INTO customers_fts (rowid, person)
        VALUES (new.pk, sg_person_text(new.name, new.phone, new.email, new.tags));
END;
CREATE TRIGGER customers_ad AFTER DELETE ON customers BEGIN
    DELETE FROM customers_fts WHERE rowid = old.pk;
END;
CREATE TRIGGER customers_au AFTER UPDATE OF name, phone, email, tags ON customers BEGIN
    DELETE FROM customers_fts WHERE rowid = old.pk;
    INSERT INTO customers_fts (rowid, person)
        VALUES (new.pk, sg_person_text(new.name, new.phone, new.email, new.tags));
END;
"""

# v3: colors become searchable words ("红色棉衣", "black kettle") in the tags
# column of the product index; the index is rebuilt.
_PRODUCT_FTS_VALUES_V3 = _PRODUCT_FTS_VALUES.replace(
    "sg_index_list(new.tags)", "sg_index_text(sg_index_list(new.tags), sg_index_list(new.colors))"
)
V3 = f"""
DROP TRIGGER products_ai;
DROP TRIGGER products_au_fts;
CREATE TRIGGER products_ai AFTER INSERT ON products BEGIN
    INSERT INTO products_fts (rowid, name, brand, category, tags, description, extra)
        VALUES ({_PRODUCT_FTS_VALUES_V3});
    {_PRODUCT_VALUES}
END;
CREATE TRIGGER products_au_fts AFTER UPDATE OF
        name, name_en, name_zh, brand, category, tags, colors, description, description_en,
        description_zh, extra ON products BEGIN
    DELETE FROM products_fts WHERE rowid = old.id;
    INSERT INTO products_fts (rowid, name, brand, category, tags, description, extra)
        VALUES ({_PRODUCT_FTS_VALUES_V3});
END;
DELETE FROM products_fts;
INSERT INTO products_fts (rowid, name, brand, category, tags, description, extra)
    SELECT {_PRODUCT_FTS_VALUES_V3.replace("new.", "")} FROM products;
"""


# v4: filters inside the index. A hidden "facets" column holds one opaque word per
# category key, brand, size and colour (text.facet_text), so "跑鞋 in brand X" is an
# intersection of two posting lists instead of a scan of every 跑鞋 row. FTS5 tables
# cannot gain a column, so the index is recreated and refilled.
_PRODUCT_FTS_VALUES_V4 = _PRODUCT_FTS_VALUES_V3.rstrip() + """,
    sg_facets(new.category, new.brand, new.sizes, new.colors)
"""
_FTS_COLUMNS_V4 = "rowid, name, brand, category, tags, description, extra, facets"
_FTS_UPDATE_OF = ("name, name_en, name_zh, brand, category, tags, sizes, colors, description,\n"
                  "        description_en, description_zh, extra")


def _rebuild_product_fts(values: str, update_of: str) -> str:
    """Recreate the product index and its triggers, indexing ``values`` (v4, v7): FTS5
    tables cannot gain a column, and a DELETE of every row would first re-read each one."""
    return f"""
DROP TRIGGER products_ai;
DROP TRIGGER products_ad;
DROP TRIGGER products_au_fts;
DROP TABLE products_fts;
CREATE VIRTUAL TABLE products_fts USING fts5 (
    name, brand, category, tags, description, extra, facets,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER products_ai AFTER INSERT ON products BEGIN
    INSERT INTO products_fts ({_FTS_COLUMNS_V4}) VALUES ({values});
    {_PRODUCT_VALUES}
END;
CREATE TRIGGER products_ad AFTER DELETE ON products BEGIN
    DELETE FROM products_fts WHERE rowid = old.id;
    DELETE FROM product_values WHERE product_id = old.id;
END;
CREATE TRIGGER products_au_fts AFTER UPDATE OF
        {update_of} ON products BEGIN
    DELETE FROM products_fts WHERE rowid = old.id;
    INSERT INTO products_fts ({_FTS_COLUMNS_V4}) VALUES ({values});
END;
INSERT INTO products_fts ({_FTS_COLUMNS_V4})
    SELECT {values.replace("new.", "")} FROM products;
"""


V4 = _rebuild_product_fts(_PRODUCT_FTS_VALUES_V4, _FTS_UPDATE_OF)


# v5: CJK character pairs are index words (text.index_text), so a Chinese query is
# a lookup of plain words rather than phrases over very common characters. The
# triggers are unchanged; every index is refilled with the new text.
V5 = f"""
DELETE FROM products_fts;
INSERT INTO products_fts ({_FTS_COLUMNS_V4})
    SELECT {_PRODUCT_FTS_VALUES_V4.replace("new.", "")} FROM products;
DELETE FROM faq_fts;
INSERT INTO faq_fts (rowid, question, alternates, answer, tags)
    SELECT pk, sg_index_text(question), sg_index_list(alternates), sg_index_text(answer),
        sg_index_list(tags) FROM faq;
DELETE FROM customers_fts;
INSERT INTO customers_fts (rowid, person)
    SELECT pk, sg_person_text(name, phone, email, tags) FROM customers;
"""


# v6: conversation and message ids are never reused. Without AUTOINCREMENT SQLite
# hands out max(id) + 1, so after the newest conversation is erased (or expires
# under retention) the next one takes its id, and an export, a log line or a
# rating naming that id would point at someone else's conversation. SQLite cannot
# add AUTOINCREMENT to a table, so both tables are rebuilt inside the migration's
# one transaction (a crash leaves the v5 tables as they were).
#
# Order matters because foreign keys are on and cannot be switched off inside a
# transaction: DROP TABLE conversations runs an implicit DELETE whose ON DELETE
# CASCADE would empty every table still pointing at it. So the new messages table
# points at conversations_new, the old messages table goes first, and the rename
# of conversations_new rewrites that reference to "conversations" (SQLite >= 3.26
# always rewrites foreign-key references on RENAME; legacy_alter_table is off).
# The AUTOINCREMENT counters start at the highest id present: ids of rows deleted
# before this version cannot be known, and those are the only ones left to reuse.
# A message whose conversation is gone (only possible if a tool wrote the file with
# foreign keys off) is not copied: nothing can show, export or erase it.
V6 = """
CREATE TABLE conversations_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id TEXT REFERENCES customers (id) ON DELETE CASCADE ON UPDATE CASCADE,
    mode TEXT NOT NULL DEFAULT 'clerk',
    started TEXT NOT NULL
);
INSERT INTO conversations_new (id, customer_id, mode, started)
    SELECT id, customer_id, mode, started FROM conversations;
CREATE TABLE messages_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations_new (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    cards TEXT,
    rating INTEGER CHECK (rating IS NULL OR rating IN (-1, 1)),
    created TEXT NOT NULL,
    meta TEXT
);
INSERT INTO messages_new (id, conversation_id, role, text, cards, rating, created, meta)
    SELECT id, conversation_id, role, text, cards, rating, created, meta FROM messages
    WHERE conversation_id IN (SELECT id FROM conversations_new);
DROP TABLE messages;
DROP TABLE conversations;
ALTER TABLE conversations_new RENAME TO conversations;
ALTER TABLE messages_new RENAME TO messages;
CREATE INDEX conversations_customer ON conversations (customer_id);
CREATE INDEX messages_conversation ON messages (conversation_id);
"""


def _v6(conn: sqlite3.Connection) -> None:
    # Without this a connection that set the legacy flag would leave messages
    # pointing at a table named conversations_new.
    conn.execute("PRAGMA legacy_alter_table = OFF")
    kept = conn.execute("SELECT count(*) FROM messages WHERE conversation_id IN "
                        "(SELECT id FROM conversations)").fetchone()[0]
    _script(V6)(conn)
    # A cascade from the DROP would empty messages; fail (and roll back) instead.
    after = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
    if after != kept:
        raise sqlite3.IntegrityError(f"schema v6: {kept - after} message(s) would be lost")


# v7: price and stock are words in the facets column too (text.price_tokens: one word
# per power of ten of cents; text.stock_token: "in stock" or "out of stock"), so a price
# range or "in stock" is an intersection of posting lists inside the index, like the
# other filters, instead of a look-up of every candidate's products row (~30 ms for a
# broad word under a price range at 1M products). A price or stock change re-indexes
# the row. As in v4 the index is dropped and refilled (a DELETE of every row would
# first re-read each one), all inside the migration's one transaction.
_PRODUCT_FTS_VALUES_V7 = _PRODUCT_FTS_VALUES_V4.replace(
    "sg_facets(new.category, new.brand, new.sizes, new.colors)",
    "sg_facets(new.category, new.brand, new.sizes, new.colors, new.price_cents, new.stock)",
)
V7 = _rebuild_product_fts(_PRODUCT_FTS_VALUES_V7, _FTS_UPDATE_OF + ", price_cents, stock")


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def step(conn: sqlite3.Connection) -> None:
        # executescript would COMMIT first; run statement by statement instead.
        for statement in _statements(sql):
            conn.execute(statement)

    return step


def _statements(sql: str) -> list[str]:
    """Split a script into statements; a trigger body's inner ``;`` stays inside."""
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def _v7(conn: sqlite3.Connection) -> None:
    _script(V7)(conn)  # V7 read at call time, so a test can patch it


# v8: the store's own words (synonyms.csv, shared/spec/data-formats.md): what its shoppers
# say → the words its catalog or policies use. The review of unanswered questions adds
# rows; import and export carry them.
V8 = """
CREATE TABLE synonyms (
    term TEXT NOT NULL,
    means TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL,
    PRIMARY KEY (term, lang)
);
"""


# v9: a lean index. (1) The product index keeps no copy of the text (a contentless FTS5
# table): the search reads only rowids, bm25 scores and the index's words, never the
# indexed text, yet the copy was 40% of the store (the CJK characters and pairs of every
# name and description). Without it FTS5 cannot find a row's old words to remove them, so
# the triggers hand it the old values, computed by the same deterministic functions from the
# row as it was; every column those functions read is in the update trigger's list. A change
# to those functions needs a schema version that refills the index, as v5 and v7 did.
# (2) product_values goes: since v4 every filter value is an index word, and its only reader
# left (ruling out a brand or colour with no other filter) is an index query too, so the
# table and its index were a fifth of the store for nothing.
def _lean_product_fts(values: str, update_of: str) -> str:
    old = values.replace("new.", "old.")
    return f"""
DROP TRIGGER products_ai;
DROP TRIGGER products_ad;
DROP TRIGGER products_au_fts;
DROP TRIGGER products_au_values;
DROP TABLE products_fts;
DROP TABLE product_values;
CREATE VIRTUAL TABLE products_fts USING fts5 (
    name, brand, category, tags, description, extra, facets, content = '',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER products_ai AFTER INSERT ON products BEGIN
    INSERT INTO products_fts ({_FTS_COLUMNS_V4}) VALUES ({values});
END;
CREATE TRIGGER products_ad AFTER DELETE ON products BEGIN
    INSERT INTO products_fts (products_fts, {_FTS_COLUMNS_V4}) VALUES ('delete', {old});
END;
CREATE TRIGGER products_au_fts AFTER UPDATE OF
        {update_of} ON products BEGIN
    INSERT INTO products_fts (products_fts, {_FTS_COLUMNS_V4}) VALUES ('delete', {old});
    INSERT INTO products_fts ({_FTS_COLUMNS_V4}) VALUES ({values});
END;
INSERT INTO products_fts ({_FTS_COLUMNS_V4})
    SELECT {values.replace("new.", "")} FROM products;
"""


V9 = _lean_product_fts(_PRODUCT_FTS_VALUES_V7, _FTS_UPDATE_OF + ", price_cents, stock")


# v10: the merchant's review of unanswered questions (shopguide/review). Each action taken on
# a group of questions is one row: what was done and the store rows it replaced, so it can be
# undone. The store rows themselves (synonyms, FAQ) are the effect, and travel in the exported
# folder; this log is the store's own history and is not exported. ``question`` holds the
# shopper's words already masked (no phone, e-mail or customer name). AUTOINCREMENT: an undo
# names an action by id, which must never come back on another action.
V10 = """
CREATE TABLE review_actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_key TEXT NOT NULL,
    question TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}',
    changes TEXT NOT NULL DEFAULT '[]',
    created TEXT NOT NULL,
    undone TEXT
);
CREATE INDEX review_actions_group ON review_actions (group_key, id);
"""

# v11: leaner product rows (issue 16: a store at most 3x its CSV). (1) products lose
# ``updated``: nothing read it, and its 32 bytes a row were 3% of the store. (2) Lists and
# maps are compact JSON (connection.json_column; SQLite's json() minifies the same way):
# a byte per item. The index trigger is set aside while the columns are rewritten: its words
# come from the parsed lists, which do not change, and re-indexing a million rows for
# nothing would take minutes.
def _v11(conn: sqlite3.Connection) -> None:
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                           "AND name = 'products_au_fts'").fetchone()
    conn.execute("DROP TRIGGER IF EXISTS products_au_fts")
    conn.execute("UPDATE products SET sizes = json(sizes), colors = json(colors), "
                 "tags = json(tags), extra = json(extra)")
    if trigger:
        conn.execute(trigger[0])
    # Every list an import compares as text: left spaced, an unchanged re-import would
    # report (and stamp) each row as updated.
    conn.execute("UPDATE faq SET alternates = json(alternates), tags = json(tags)")
    conn.execute("UPDATE customers SET tags = json(tags), sizes = json(sizes), "
                 "brands = json(brands)")
    conn.execute("UPDATE synonyms SET means = json(means)")
    conn.execute("ALTER TABLE products DROP COLUMN updated")


# MIGRATIONS[i] takes the store from version i to version i + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(V1), _script(V2), _script(V3), _script(V4), _script(V5), _v6, _v7, _script(V8),
    _script(V9), _script(V10), _v11,
]
LATEST_VERSION = len(MIGRATIONS)

TABLES = (
    "products", "faq", "synonyms", "customers", "notes", "purchases", "followups",
    "consents", "conversations", "messages", "privacy_log", "review_actions",
)
FTS_TABLES = ("products_fts", "faq_fts", "customers_fts")
