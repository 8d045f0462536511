"""The one text-analysis layer (shopguide/text): normalisation, scripts, Chinese words with
the store's own words, stopwords by part of speech, the stemmer the index uses, numbers,
and phrases on word boundaries."""

from __future__ import annotations

import pytest

from shopguide.text import Analyzer, detect_lang, fold, normalize_numbers, stem
from shopguide.text.phrases import Phrases
from shopguide.text.numbers import english_value


def test_one_normalisation_for_every_comparison() -> None:
    assert fold("  Ｎｏｖａ　跑鞋？ ") == "nova 跑鞋?"
    assert fold("ＸＬ") == "xl"


@pytest.mark.parametrize("text, lang", [("有没有跑鞋", "zh"), ("running shoes", "en"),
                                        ("Nike跑鞋", "zh"), ("123", "zh")])
def test_the_askers_language(text: str, lang: str) -> None:
    assert detect_lang(text, default="zh") == lang


def test_store_words_keep_their_shape_and_stopwords_are_whole_words() -> None:
    plain = Analyzer()
    words = [t.text for t in plain.tokens("对讲机和服装")]
    assert "对讲机" in words and "讲机" not in words  # 和 is dropped as a word, not cut out
    store = Analyzer(["云跃", "缓震跑鞋"])
    assert [t.text for t in store.tokens("云跃缓震跑鞋")] == ["云跃", "缓震跑鞋"]
    toks = store.tokens("有没有500元以内适合扁平足的跑鞋？")
    assert {t.text for t in toks if t.stop} >= {"有没有", "的", "适合"}
    assert {t.text for t in toks if t.content} >= {"扁平足", "跑鞋"}


def test_function_words_go_by_part_of_speech() -> None:
    toks = Analyzer().tokens("徒步穿什么袜子不容易磨脚")
    assert "什么" in {t.text for t in toks if t.stop}  # a pronoun (jieba tags it r)
    assert "袜子" in {t.text for t in toks if t.content}
    # One-character adverbs (jieba's d) say how, not what: 更 and 都 are no search words.
    toks = Analyzer().tokens("都说有没有更耐用的电池")
    assert {"都", "更"} <= {t.text for t in toks if t.stop}
    assert {"耐用", "电池"} <= {t.text for t in toks if t.content}
    # Longer ones may say what is wanted (全新, 单独), and jieba tags the noun 一体机 d too.
    for text, word in (("全新的吗", "全新"), ("可以单独买吗", "单独"), ("一体机没有网络", "一体机")):
        assert word in {t.text for t in Analyzer().tokens(text) if t.content}, text


def test_english_words_stopwords_and_fillers() -> None:
    toks = Analyzer().tokens("Oh sorry! Yes am looking for washable paint too")
    assert [t.text for t in toks if t.content] == ["washable", "paint"]
    assert [t.text for t in Analyzer().tokens("grain-free")] == ["grain", "free"]


def test_the_stemmer_agrees_with_the_full_text_index(tmp_path) -> None:
    from shopguide.store import open_store
    from shopguide.store.models import Product

    store = open_store(tmp_path / "s.sqlite")
    words = "kettles running batteries cartridges washable stored storage glasses knives"
    store.save_product(Product("X-1", words, "Misc", 10.0, "USD"))
    _, counts = store.doc_counts([stem(w) for w in words.split()])
    assert all(counts[stem(w)] == 1 for w in words.split()), counts
    store.close()


@pytest.mark.parametrize("text, expected", [
    ("预算一万二以内", "预算12000以内"), ("两千五左右", "2500左右"), ("三百五", "350"),
    ("五六百的", "500-600的"), ("预算是15到20万", "预算是150000到200000"),
    ("1,299元", "1299元"), ("1.5k", "1500"), ("under fifty bucks", "under 50 bucks"),
    ("two hundred and fifty dollars", "250 dollars"), ("第十个", "第10个"),
    ("看一下", "看一下"), ("便宜一点", "便宜一点"), ("三星", "三星"),  # words, not numbers
    ("this one", "this one"), ("compare one and three", "compare one and 3"),
    ("vitamin k", "vitamin k"),
    ("两三个人住的帐篷", "2-3个人住的帐篷"), ("四五天", "4-5天"), ("一两岁", "1-2岁"),
    ("容量一点五升", "容量1.5升"), ("六十升往上", "60升往上"),
    ("九五折", "九五折"), ("一点点", "一点点"),  # no neighbours; "a little"
    ("七点二十", "七点20"), ("七点半", "七点半"), ("再便宜一点五百以内", "再便宜一点500以内"),
    ("大三四码的跑鞋", "大三四码的跑鞋"), ("三四楼", "三四楼"), ("一点二三米", "1.23米"),
])
def test_numbers_as_people_write_them(text: str, expected: str) -> None:
    assert normalize_numbers(fold(text)) == expected


def test_english_number_words() -> None:
    assert english_value(["two", "hundred", "and", "fifty"]) == 250
    assert english_value(["a", "hundred"]) == 100
    assert english_value(["k"]) is None and english_value(["and"]) is None


def _find(phrases: Phrases, text: str) -> list[str]:
    an = Analyzer()
    norm = an.normalize(text)
    return [f.phrase for f in phrases.find(norm, an.tokens(norm, normalized=True))]


def test_phrases_match_on_word_boundaries() -> None:
    neg = Phrases(["非", "不要"])
    assert _find(neg, "非常好看的跑鞋") == []  # 非 inside 非常 is no negation
    assert _find(neg, "不要黑色的") == ["不要"]
    staff = Phrases(["人工"])
    assert _find(staff, "人工智能音箱有吗") == [] and _find(staff, "转人工") == ["人工"]
    en = Phrases(["return"])
    assert _find(en, "can I returns it") == ["return"]  # by stem
    assert _find(Phrases(["open"], exact=True), "I opened it") == []  # exact words


def test_frames_and_words_inside_words() -> None:
    assert _find(Phrases(["有…吗"]), "有轻一点的吗") == ["有...吗"]
    assert _find(Phrases(["退换"], inside=True), "好的天无理由退换货么") == ["退换"]
    assert _find(Phrases(["退换"]), "好的天无理由退换货么") == []
    # A phrase may begin a longer word, not end inside the next one: 可以退 would cut
    # 可以|退换 and hide the 退换 that names exchanges as well as returns.
    both = Phrases(["可以退", "退换"], inside=True)
    assert _find(both, "买了不合适可以退换吗") == ["退换"]
    assert _find(both, "这个可以退吗") == ["可以退"]


def test_a_verb_object_word_is_found_split_by_a_filler() -> None:
    """Shoppers split 退款 as 退一下款 and 降价 as 降了价 (离合词); jieba then cuts 下款, and the
    refund row lost to the returns row. Found whole words on both sides only."""
    words = Phrases(["退款", "降价", "退一下", "退"], inside=True, separable=True)
    assert _find(words, "麻烦你退一下款") == ["退款"]  # before 退一下 and 退 within it
    assert _find(words, "不到一个月就降了价") == ["降价"]
    assert _find(words, "麻烦你退一下") == ["退一下"]
    # "a little" (点) too: 旧的能折点钱吗 is 折钱, the trade-in credit.
    assert _find(Phrases(["折钱"], inside=True, separable=True), "旧电饭锅能折点钱吗") == ["折钱"]
    assert _find(Phrases(["退款"], inside=True), "麻烦你退一下款") == []  # not asked for


def test_long_input_is_read_without_error() -> None:
    an = Analyzer()
    toks = an.tokens("我" * 2000)  # the old splitter recursed once per character
    assert len(toks) == 2000
    huge = an.tokens("跑鞋 " * 300_000)  # a 1.5 MB message: read up to MAX_CHARS
    assert huge and len(huge) <= 20_000


def test_homophone_typos_are_repaired_against_store_words_only() -> None:
    from shopguide.text.spelling import ChineseSpeller

    speller = ChineseSpeller(["电饭煲", "空气炸锅", "加湿器"])
    assert speller.repair("电饭褒") == [(0, 3, "电饭煲")]
    assert speller.repair("空气炸过有吗") == [(0, 4, "空气炸锅")]
    assert speller.repair("电饭煲") == []  # a word the store knows is never touched
    assert ChineseSpeller([]).repair("电饭褒") == []


@pytest.mark.parametrize("word, expected", [("reciev", "receiv"), ("kettel", "kettl"),
                                            ("planner", "planer"), ("mower", None),
                                            ("chrage", None), ("sweetner", None)])
def test_english_typos_keep_their_start_and_stay_close(word: str, expected: str | None) -> None:
    # One edit (a swap counts one) from six letters, two from nine; the first two letters
    # kept; short words are left alone: "mower" is one letter from "power" and "moder".
    from shopguide.text.spelling import nearest_english

    vocab = ["power", "moder", "receiv", "kettl", "sweeten", "planer", "charg"]
    assert nearest_english(word, vocab) == expected


def test_a_typo_reaches_the_product(guide_engine) -> None:
    from shopguide.guide.conversation import Conversation

    plan = guide_engine.plan("轻薄羽绒付多少钱", Conversation())  # 付 for 服, typed by pinyin
    assert plan.products and plan.products[0].sku == "JK-1", [p.sku for p in plan.products]


def test_an_english_word_spelt_right_is_no_typo(fresh_store) -> None:
    # "eyeliner" is two edits from the store's "eyelid" but is a word of its own: a store
    # without eyeliner says so rather than offer an eye cream; "recieved" is still repaired.
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.store.models import Product
    from shopguide.text.english import in_lexicon

    assert in_lexicon("eyeliner") and not in_lexicon("recieved")
    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    fresh_store.save_product(Product("EC-1", "Hydrating Eye Cream for the Upper Eyelid", "Beauty",
                                     19.0, "USD", stock=4))
    fresh_store.save_product(Product("KT-1", "Electric Kettle", "Kitchen", 29.0, "USD", stock=4))
    engine = Engine(fresh_store)
    assert engine.plan("Do you sell eyeliner?", Conversation()).intent == "out_of_scope"
    assert [p.sku for p in engine.plan("an electric kettel", Conversation()).products] == ["KT-1"]


@pytest.mark.parametrize("text, word", [("我想要一本书", "书"), ("两本书", "书"), ("这本书多少钱", "书"),
                                        ("想买一盏灯", "灯"), ("有没有四件套", "四件套")])
def test_a_thing_counted_is_a_word_of_its_own(text: str, word: str) -> None:
    # jieba glues a measure word to the thing ("两本书") or, after a number, reads "本书" as
    # "this book" (a pronoun, dropped): the thing is found again; 四件套 is a thing itself.
    content = [t.text for t in Analyzer().tokens(text) if t.content]
    assert word in content, content


@pytest.mark.parametrize("text, content", [
    ("I want to buy a pair of shoes.", ["shoes"]),
    ("recommend a couple of blankets", ["blankets"]),
    ("a set of kitchen knives", ["kitchen", "knives"]),
    ("a cooking set for camping", ["cooking", "set", "camping"]),  # no "of": asked for
])
def test_an_english_count_before_of_is_no_word_asked_for(text: str, content: list[str]) -> None:
    assert [t.text for t in Analyzer().tokens(text) if t.content] == content


def test_use_carries_no_search_meaning_in_either_language() -> None:
    # 使用 as 用 and "use": what a thing is used for is in the other words.
    assert [t.text for t in Analyzer().tokens("我想要在厨房使用") if t.content] == ["厨房"]
    assert [t.text for t in Analyzer().tokens("to use in the kitchen") if t.content] == ["kitchen"]


def test_a_function_word_with_its_clitic_is_one_still() -> None:
    toks = Analyzer().tokens("No, this one's too small. The dog's bed")
    assert [t.text for t in toks if t.content] == ["small", "dog's", "bed"]


def test_a_measure_reads_the_whole_chinese_numeral() -> None:
    # "六十升" is 60 litres, not the 十升 inside it; "两三个人" two to three people.
    from shopguide.guide.quantity import Quantity, quantities

    assert quantities("要大背包 六十升往上", asked=True) == (Quantity(60.0, 60.0, "litre"),)
    assert quantities("两三个人住的帐篷", asked=True) == (Quantity(2.0, 3.0, "people"),)
    assert quantities("for two people", asked=True) == (Quantity(2.0, 2.0, "people"),)
