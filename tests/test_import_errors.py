"""Every kind of bad import file: a located, readable message, and an unchanged store."""

from __future__ import annotations

import pytest

from shopguide.store import ImportFailed
from shopguide.store.importer import import_path

P_HEAD = "sku,name,category,price,stock,currency,sizes,tags\n"
C_HEAD = "id,name,phone,email,preferred_language,sizes,budget,consent_marketing\n"


def products(*rows: str) -> dict[str, str]:
    return {"products.csv": P_HEAD + "".join(r + "\n" for r in rows)}


def customers(*rows: str) -> dict[str, str]:
    return {"customers.csv": C_HEAD + "".join(r + "\n" for r in rows)}


# (files, file, row, column, words in the message)
CASES = {
    "bad price": (products("A-1,Shoe,Shoes,abc,,,,"), "products.csv", 2, "price",
                  "'abc' is not a price"),
    "price with currency sign": (products("A-1,Shoe,Shoes,¥459,,,,"), "products.csv", 2,
                                 "price", "no currency sign"),
    "too many decimals": (products("A-1,Shoe,Shoes,12.345,,,,"), "products.csv", 2, "price",
                          "more than 2 decimals"),
    "zero price": (products("A-1,Shoe,Shoes,0,,,,"), "products.csv", 2, "price",
                   "greater than 0"),
    "negative price": (products("A-1,Shoe,Shoes,-5,,,,"), "products.csv", 2, "price",
                       "greater than 0"),
    "duplicate sku": (products("A-1,Shoe,Shoes,10,,,,", "A-1,Boot,Shoes,20,,,,"),
                      "products.csv", 3, "sku", "duplicate sku 'A-1' (first on row 2)"),
    "sku with whitespace": (products("A 1,Shoe,Shoes,10,,,,"), "products.csv", 2, "sku",
                            "contains whitespace"),
    "sku too long": (products("A" * 65 + ",Shoe,Shoes,10,,,,"), "products.csv", 2, "sku",
                     "the limit is 64"),
    "missing required column": ({"products.csv": "sku,name,category\nA-1,Shoe,Shoes\n"},
                                "products.csv", None, None, "missing required column 'price'"),
    "missing required value": (products("A-1,,Shoes,10,,,,"), "products.csv", 2, "name",
                               "'name' is required"),
    "not utf-8 (GBK)": ({"products.csv": (P_HEAD + "A-1,跑鞋,鞋,10,,,,\n").encode("gbk")},
                        "products.csv", None, None, "not UTF-8"),
    "utf-16": ({"products.csv": (P_HEAD + "A-1,Shoe,Shoes,10,,,,\n").encode("utf-16")},
               "products.csv", None, None, "UTF-16"),
    "empty file": ({"products.csv": ""}, "products.csv", None, None, "the file is empty"),
    "only a BOM and blank lines": ({"products.csv": "\ufeff\r\n\r\n"}, "products.csv", None,
                                   None, "the file is empty"),
    "negative stock": (products("A-1,Shoe,Shoes,10,-1,,,"), "products.csv", 2, "stock",
                       "not a whole number"),
    "fractional stock": (products("A-1,Shoe,Shoes,10,2.5,,,"), "products.csv", 2, "stock",
                         "not a whole number"),
    "bad currency": (products("A-1,Shoe,Shoes,10,,RMB1,,"), "products.csv", 2, "currency",
                     "ISO 4217"),
    "list with commas": (products('A-1,Shoe,Shoes,10,,,"38,39,40",'), "products.csv", 2,
                         "sizes", "separated by ';'"),
    "list with Chinese commas": (products("A-1,Shoe,Shoes,10,,,,缓震、轻便"), "products.csv", 2,
                                 "tags", "separates items with '、'"),
    "list in brackets": (products("A-1,Shoe,Shoes,10,,,[38;39],"), "products.csv", 2, "sizes",
                         "without brackets"),
    "duplicate header column": ({"products.csv": "sku,name,category,price,Price\n"},
                                "products.csv", None, None, "'price' appears more than once"),
    "too many cells": (products("A-1,Shoe,Shoes,10,,,,,extra"), "products.csv", 2, None,
                       "9 cells but the header has 8"),
    "broken quotes": (products('A-1,"Shoe"x,Shoes,10,,,,'), "products.csv", 2, None,
                      "malformed CSV"),
    "bad sizes map": (customers("c1,Wang,,,,shoe:38,,"), "customers.csv", 2, "sizes",
                      "'shoe:38' is not kind=size"),
    "repeated size kind": (customers("c1,Wang,,,,shoe=38;shoe=39,,"), "customers.csv", 2,
                           "sizes", "given twice"),
    "bad budget": (customers("c1,Wang,,,,,cheap,"), "customers.csv", 2, "budget",
                   "not a budget; write it like 200-500"),
    "budget upside down": (customers("c1,Wang,,,,,500-200,"), "customers.csv", 2, "budget",
                           "minimum above its maximum"),
    "bad yes/no": (customers("c1,Wang,,,,,,maybe"), "customers.csv", 2, "consent_marketing",
                   "'maybe' is not yes or no"),
    "bad language": (customers("c1,Wang,,,fr,,,"), "customers.csv", 2, "preferred_language",
                     "'fr' is not a language"),
    "bad email": (customers("c1,Wang,,wang.example.com,,,,"), "customers.csv", 2, "email",
                  "not an email address"),
    "bad phone is not echoed": (customers("c1,Wang,13812x45678,,,,,"), "customers.csv", 2,
                                "phone", "not a phone number"),
    "bad phone": (customers("c1,Wang,call me,,,,,"), "customers.csv", 2, "phone",
                  "not a phone number"),
    "duplicate customer id": (customers("c1,Wang,,,,,,", "c1,Li,,,,,,"), "customers.csv", 3,
                              "id", "duplicate id 'c1'"),
    "customers without name column": ({"customers.csv": "id,phone\nc1,123456\n"},
                                      "customers.csv", None, None,
                                      "missing required column 'name'"),
    "faq without answer": ({"faq.csv": "question,answer\nWhen do you open?,\n"}, "faq.csv", 2,
                           "answer", "'answer' is required"),
    "duplicate faq id": ({"faq.csv": "id,question,answer\nx,Q1,A1\nx,Q2,A2\n"}, "faq.csv", 3,
                         "id", "duplicate id 'x'"),
    "bad toml": ({"store.toml": 'name = "Nova\n'}, "store.toml", None, None, "not valid TOML"),
    "bad toml language": ({"store.toml": 'language = "fr"\n'}, "store.toml", None, None,
                          "'fr' is not 'zh' or 'en'"),
    "bad toml currency": ({"store.toml": 'currency = "YUAN"\n'}, "store.toml", None, None,
                          "not a 3-letter ISO 4217 code"),
    "purchase of unknown customer": (
        {"purchases.csv": "customer_id,sku,date,quantity,price\nnobody,A-1,2025-01-02,1,10\n"},
        "purchases.csv", 2, "customer_id", "customer 'nobody' is neither in customers.csv"),
    "purchase with bad date": (
        {"purchases.csv": "customer_id,sku,date,quantity,price\nc-wang,A-1,2025/01/02,1,10\n"},
        "purchases.csv", 2, "date", "not a date written YYYY-MM-DD"),
    "purchase with zero quantity": (
        {"purchases.csv": "customer_id,sku,date,quantity,price\nc-wang,A-1,2025-01-02,0,10\n"},
        "purchases.csv", 2, "quantity", "quantity must be at least 1"),
    "follow-up with impossible date": (
        {"followups.csv": "customer_id,due,text,done\nc-wang,2025-02-30,call,no\n"},
        "followups.csv", 2, "due", "not a date"),
    "follow-up with bad done": (
        {"followups.csv": "customer_id,due,text,done\nc-wang,2025-02-03,call,sometimes\n"},
        "followups.csv", 2, "done", "not yes or no"),
}


@pytest.fixture
def loaded(fresh_store, shop_folder, store_dump):
    """A store that already holds the sample shop, and its dump."""
    import_path(fresh_store, shop_folder)
    return fresh_store, store_dump(fresh_store.path)


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_bad_file_is_reported_and_nothing_changes(loaded, write_store_files, store_dump, case):
    store, before = loaded
    files, file, row, column, words = CASES[case]
    folder = write_store_files("bad", files)
    with pytest.raises(ImportFailed) as info:
        import_path(store, folder)
    problems = info.value.problems
    assert len(problems) == 1, problems
    [p] = problems
    assert (p.file, p.row, p.column) == (file, row, column)
    assert words in p.message
    text = str(info.value)
    assert "nothing was changed" in text and file in text and words in text
    if row is not None:
        assert f"row {row}" in text
    if file == "customers.csv" and column in ("phone", "email"):
        assert "wang.example.com" not in text and "13812x45678" not in text
    assert store_dump(store.path) == before


def test_all_problems_of_all_files_are_reported_at_once(loaded, write_store_files, store_dump):
    store, before = loaded
    files = {**products("A-1,Shoe,Shoes,abc,,,,", "B-2,Boot,Shoes,10,,,,",
                        "C 3,,Shoes,12.999,,,,"),
             **customers("c1,Wang,,,xx,,,")}
    folder = write_store_files("many", files)
    with pytest.raises(ImportFailed) as info:
        import_path(store, folder)
    located = {(p.file, p.row, p.column) for p in info.value.problems}
    assert located == {("products.csv", 2, "price"), ("products.csv", 4, "sku"),
                       ("products.csv", 4, "name"), ("products.csv", 4, "price"),
                       ("customers.csv", 2, "preferred_language")}
    assert "5 problems" in str(info.value)
    assert store_dump(store.path) == before


def test_good_rows_of_a_bad_file_are_not_imported(fresh_store, write_store_files):
    folder = write_store_files("half", products("A-1,Shoe,Shoes,10,,,,", "B-2,Boot,Shoes,x,,,,"))
    with pytest.raises(ImportFailed):
        import_path(fresh_store, folder)
    assert fresh_store.count_products() == 0


def test_a_folder_without_store_files(fresh_store, write_store_files):
    folder = write_store_files("nothing", {"readme.txt": "hi"})
    with pytest.raises(ImportFailed, match="no store files here"):
        import_path(fresh_store, folder)


def test_unknown_columns_warn_where_there_is_no_place_for_them(fresh_store, write_store_files):
    folder = write_store_files("warn", {
        "faq.csv": "question,answer,author\nQ?,A.,me\n",
        "customers.csv": "name,shoe_size\nWang,38\n",
        "products.csv": "sku,name,category,price,image\nA-1,Shoe,Shoes,10,img/a.jpg\n",
    })
    report = import_path(fresh_store, folder)
    warnings = [str(w) for w in report.warnings]
    assert any("faq.csv" in w and "author" in w and "ignored" in w for w in warnings)
    assert any("customers.csv" in w and "shoe_size" in w for w in warnings)
    assert any("row 2" in w and "image" in w and "not found" in w for w in warnings)
    assert report.counts["faq"].added == 1 and report.counts["customers"].added == 1


def test_accepted_variants_bom_crlf_case_quotes_blank_lines(fresh_store, write_store_files):
    text = ("\ufeffSKU,NAME,Category,PRICE,Description,Sizes\r\n"
            'A-1,"Shoe, light",Shoes,10.5,"line one\r\nline ""two""",38; 39 ;;40;\r\n'
            "\r\n"
            " B-2 , Boot ,Shoes, 20 ,,\r\n")
    folder = write_store_files("ok", {"products.csv": text})
    report = import_path(fresh_store, folder)
    assert report.counts["products"].added == 2
    a = fresh_store.product("A-1")
    assert a.name == "Shoe, light" and a.price == 10.5
    assert a.description == 'line one\r\nline "two"' and a.sizes == ("38", "39", "40")
    b = fresh_store.product("B-2")
    assert (b.name, b.price, b.currency) == ("Boot", 20.0, "USD")


def test_misspelt_and_unnamed_columns_are_pointed_out(fresh_store, write_store_files):
    folder = write_store_files("typo", {"products.csv":
        "sku,name,category,price,stocks,,\nA-1,Shoe,Shoes,10,5,,\nB-2,Boot,Shoes,12,6,,oops\n"})
    report = import_path(fresh_store, folder)
    warnings = [str(w) for w in report.warnings]
    assert any("'stocks'" in w and "did you mean 'stock'" in w for w in warnings)
    assert any("kept as extra product attributes" in w for w in warnings)
    assert sum("has no name" in w for w in warnings) == 1
    assert any("row 3" in w and "column 7 has no name" in w for w in warnings)
    assert fresh_store.product("A-1").extra == {"stocks": "5"}
