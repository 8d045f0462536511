"""Language-level words: how people phrase budgets, colours, intents and common synonyms.

Nothing here names a store's own categories, brands or tags; those come from the
store's database (see ``vocab.py``), so a new store works without code changes.
"""

from __future__ import annotations

import re
from functools import lru_cache

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Canonical colour → the words people use for it, in both languages.
COLORS: dict[str, tuple[str, ...]] = {
    "black": ("black", "黑色", "黑"),
    "white": ("white", "白色", "白"),
    "red": ("red", "红色", "红"),
    "blue": ("blue", "蓝色", "蓝"),
    "navy": ("navy", "藏青", "藏蓝", "海军蓝"),
    "green": ("green", "绿色", "绿"),
    "yellow": ("yellow", "黄色", "黄"),
    "grey": ("grey", "gray", "灰色", "灰"),
    "pink": ("pink", "粉色", "粉红", "粉"),
    "purple": ("purple", "紫色", "紫"),
    "orange": ("orange", "橙色", "橘色", "橙"),
    "brown": ("brown", "棕色", "咖啡色", "褐色", "棕"),
    "silver": ("silver", "银色", "银"),
    "gold": ("gold", "金色"),
    "beige": ("beige", "cream", "米色", "米白"),
    "khaki": ("khaki", "卡其"),
}

# Common synonyms: a word a shopper says → words a catalog is likely to use.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "运动鞋": ("鞋", "跑鞋"),
    "球鞋": ("鞋",),
    "跑步鞋": ("跑鞋",),
    "慢跑鞋": ("跑鞋",),
    "棉衣": ("棉服",),
    "棉服": ("棉衣",),
    "羽绒衣": ("羽绒服",),
    "冲锋衣": ("外套",),
    "t恤": ("短袖", "t-shirt"),
    "短袖": ("t恤",),
    "冬天": ("冬季",), "冬季": ("冬天",), "夏天": ("夏季",), "夏季": ("夏天",),
    "下雪": ("雪地", "防滑"), "雪天": ("雪地", "防滑"), "下雨": ("防水", "防泼水"),
    "雨天": ("防水", "防泼水"), "退": ("退货",), "孩子": ("儿童",), "小孩": ("儿童",),
    "优惠": ("折扣", "好处", "打折"), "好处": ("优惠",), "折扣": ("优惠", "打折"),
    "打折": ("折扣", "优惠"),
    "sneaker": ("running shoe", "shoe"),
    "trainer": ("running shoe", "shoe"),
    "tee": ("t-shirt",),
    "tshirt": ("t-shirt",),
    "jogging": ("running",),
    "jog": ("running",),
    "duvet": ("comforter",),
    "comforter": ("duvet",),
    "skillet": ("frying pan", "pan"),
    "frypan": ("frying pan", "pan"),
    "saucepan": ("pot", "pan"),
    "cutlery": ("flatware",),
    "flatware": ("cutlery",),
    "sofa": ("couch",),
    "couch": ("sofa",),
    "kid": ("kids", "children"), "child": ("kids", "children"), "children": ("kids",),
    "rainy": ("waterproof",), "snow": ("winter", "non-slip"),
    # Who it is for: a wife's running shoes are the women's ones.
    "老婆": ("女款", "女士"), "妻子": ("女款", "女士"), "太太": ("女款", "女士"),
    "女朋友": ("女款", "女士"), "女友": ("女款", "女士"), "妈妈": ("女款", "女士"),
    "老公": ("男款", "男士"), "丈夫": ("男款", "男士"), "男朋友": ("男款", "男士"),
    "爸爸": ("男款", "男士"),
    "wife": ("women", "women's"), "girlfriend": ("women", "women's"), "mom": ("women", "women's"),
    "husband": ("men", "men's"), "boyfriend": ("men", "men's"), "dad": ("men", "men's"),
    "cold": ("winter", "down"), "freezing": ("winter", "down"), "warm": ("winter", "down"),
    "冷": ("冬季", "保暖"), "寒冷": ("冬季", "保暖"), "保暖": ("冬季", "羽绒"),
    "cheap": (),
}

# Common shop nouns across the two languages, so an English question finds a Chinese
# catalog's categories (and the other way round). Matches through these are as firm as
# the word itself, unlike the looser synonyms above.
TRANSLATIONS: dict[str, tuple[str, ...]] = {
    "running shoe": ("跑鞋",), "trail shoe": ("越野跑鞋", "跑鞋"), "hiking shoe": ("登山鞋",),
    "hiking boot": ("登山鞋",), "basketball shoe": ("篮球鞋",), "training shoe": ("训练鞋",),
    "sandal": ("凉鞋",), "shoe": ("鞋",), "down jacket": ("羽绒服",), "down coat": ("羽绒服",),
    "puffer": ("羽绒服",), "padded jacket": ("棉服",), "padded coat": ("棉服",),
    "rain jacket": ("冲锋衣",), "shell jacket": ("冲锋衣",), "tent": ("帐篷",),
    "sleeping bag": ("睡袋",), "backpack": ("背包",), "rucksack": ("背包",),
    "yoga mat": ("瑜伽垫",), "goggle": ("泳镜",), "swimsuit": ("泳衣",), "helmet": ("头盔",),
    "swimming": ("游泳",), "swim": ("游泳",), "swimwear": ("泳衣",), "cycling": ("骑行",),
    "yoga": ("瑜伽",), "camping": ("露营", "户外"), "hiking": ("登山", "徒步"),
    "sock": ("袜子",), "hat": ("帽子",), "cap": ("帽子",), "water bottle": ("水壶",),
    "trekking pole": ("登山杖",), "headlamp": ("头灯",), "towel": ("毛巾",), "insole": ("鞋垫",),
    "glove": ("手套",), "jacket": ("外套",), "pants": ("裤",), "trousers": ("裤",),
    "dumbbell": ("哑铃",), "kettlebell": ("壶铃",), "bike": ("单车", "自行车"),
    "跑鞋": ("running shoes",), "锅": ("pan", "pot"), "刀": ("knife",), "杯": ("mug", "cup"),
    "床单": ("sheet",), "被子": ("duvet", "comforter"), "枕头": ("pillow",), "毛巾 ": ("towel",),
}

# Intent cue words. Checked on lowercased text; English ones on word boundaries.
GREETING = ("你好", "您好", "嗨", "哈喽", "早上好", "下午好", "晚上好", "在吗",
            "hi", "hello", "hey", "good morning", "good afternoon", "good evening", "howdy")
THANKS = ("谢谢", "感谢", "多谢", "谢啦", "thanks", "thank you", "thx", "cheers", "appreciate it")
GOODBYE = ("再见", "拜拜", "回头见", "bye", "goodbye", "see you", "see ya")
STAFF = ("人工", "店员", "服务员", "工作人员", "导购", "真人", "经理", "叫个人", "找个人",
         "staff", "human", "real person", "sales assistant", "shop assistant", "clerk",
         "manager", "employee", "someone who works", "talk to a person", "speak to a person",
         "salesperson", "store associate")
COMPARE = ("比较", "对比", "区别", "哪个好", "哪个更", "哪款更", "哪一个更", "有什么不同", "差别",
           "compare", "comparison", "difference", "differences", " vs ", " vs.", "versus",
           "which is better", "which one is better", "which is cheaper")
LOCATE = ("在哪", "哪里", "哪儿", "位置", "货架", "几号", "放在", "where is", "where are",
          "where can i find", "where do you keep", "which aisle", "what aisle", "aisle")
STOCK = ("有货", "有没有货", "库存", "还有吗", "还有没有", "现货", "缺货", "卖完",
         "in stock", "stock", "available", "availability", "sold out", "left")
# Questions that ask about the store's rules or a buying guide rather than a product.
POLICY = ("退货", "退换", "换货", "退款", "保修", "售后", "会员", "积分", "营业时间", "几点",
          "配送", "送货", "快递", "运费", "发票", "付款", "支付", "停车", "怎么选", "如何选",
          "怎么挑", "如何挑", "怎样选", "选购", "保养", "清洗", "政策", "维修", "能修", "修吗", "修补",
          "回收", "以旧换新", "应该买", "应该选", "选哪", "买哪", "尺码怎么选", "穿多大", "多大码", "选多大", "尺码表", "要注意什么", "注意什么", "要注意", "换大", "换小", "能换", "可以换", "可以退", "能退",
          "退吗", "换吗", "保价", "定制", "预约", "优惠", "打折",
          "return", "refund", "exchange", "warranty", "guarantee", "membership", "member",
          "loyalty", "points", "opening hours", "open", "close", "hours", "delivery",
          "shipping", "deliver", "invoice", "receipt", "pay", "payment", "parking",
          "how to choose", "how do i choose", "how to pick", "which size", "care", "clean",
          "wash", "policy", "should i buy", "should i get", "should i choose", "which should",
          "price match", "match a lower", "match the price", "registry", "rewards", "loyalty program",
          "what size", "shoe size", "size should", "size chart", "sizing", "rent", "rental", "hire", "租", "repair", "fix", "recycle", "trade-in", "trade in", "what should i look", "discount", "gift card", "price match", "assembly", "install")
CHEAP = ("便宜", "实惠", "划算", "性价比", "低价", "平价", "不贵",
         "cheap", "cheapest", "inexpensive", "affordable", "budget", "low-cost", "low cost",
         "bargain", "economical")
CHEAPER = ("便宜一点", "便宜点", "更便宜", "再便宜", "便宜些", "便宜一些", "还有便宜",
           "cheaper", "less expensive", "lower price", "lower-priced", "more affordable")
# Negation before a colour or brand: "不要黑色的", "除了诺瓦以外", "not black", "except Nova".
NEGATION = ("不要", "不想要", "别要", "别给我", "除了", "不是", "不喜欢", "不含", "非",
            "not", "no", "except", "except for", "other than", "apart from", "anything but",
            "excluding", "without", "don't want", "do not want", "dislike")
# Where a negation's reach ends: a clause mark, "but"/"要" starting the positive side.
NEGATION_END = r"[，,。.;；!！?？]|以外|之外|除外|\bbut\b|\binstead\b|(?<!不)(?<!不想)要|只要|\bonly\b"
OTHER_BRAND = ("别的牌子", "其他牌子", "其它牌子", "别的品牌", "其他品牌", "其它品牌", "换个牌子",
               "换个品牌", "别家", "other brand", "other brands", "another brand",
               "different brand", "different brands")
OTHER_COLOR = ("别的颜色", "其他颜色", "其它颜色", "换个颜色", "other colour", "other color",
               "other colours", "other colors", "another colour", "another color",
               "different colour", "different color")
IN_STOCK_WANTED = ("有货的", "现货", "有库存", "in stock", "available now", "in-stock")

# Ordinals for "第二个" / "the second one".
# Beyond five, positions are read so that one past the list can be told so ("第八个").
ORDINALS_ZH = {"一": 0, "1": 0, "二": 1, "两": 1, "2": 1, "三": 2, "3": 2, "四": 3, "4": 3,
               "五": 4, "5": 4, "六": 5, "6": 5, "七": 6, "7": 6, "八": 7, "8": 7, "九": 8,
               "9": 8, "十": 9}
ORDINALS_EN = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2,
               "fourth": 3, "4th": 3, "fifth": 4, "5th": 4, "sixth": 5, "6th": 5,
               "seventh": 6, "7th": 6, "eighth": 7, "8th": 7, "ninth": 8, "9th": 8,
               "tenth": 9, "10th": 9, "last": -1}
# Counts and list positions said as plain numbers: "the first two", "compare 1 and 3", "前两款".
NUMBERS_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9, **{str(i): i for i in range(1, 10)}}
NUMBERS_ZH = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9, **{str(i): i for i in range(1, 10)}}
# "比较便宜的" / "比较轻的": 比较 as "rather" before a quality word, not "compare".
RATHER_ZH = re.compile(r"比较(?=[便贵轻重好大小软硬高低暖适实耐透舒合新热多少快慢长短宽窄厚薄受流常简专结防保舒耐])")

STOP_EN = frozenset(
    """a an the and or of for to in on at by with from is are was were be been do does did
    have has had i me my we our you your it its this that these those there here what which
    who whom how when where why can could would should will shall may might must please
    any some something anything show find looking look want need get buy like would im i'm
    about just also very really more most much many one ones them they their do got tell
    give recommend suggest good best nice new kind sort type types kinds item items product
    products thing things sell selling sold have got stuff hi hello hey thanks thank
    policy policies rule rules does doing there's what's whats is it's carry offer stock
    price prices cost costs much please available gear equipment lot lots so again very all great ok okay""".split()
)

# Ordinary English words that can start a product name without being a brand.
COMMON_EN = frozenset(
    """little big small large mini new best super pro classic basic premium light heavy kids
    kid women men mens womens junior youth baby home kitchen outdoor indoor soft hard warm cool
    red blue green black white grey gray pink set pack pair one two three the a an my our""".split()
)

# Chinese filler: removed before the remaining text is matched. Longest first matters.
STOP_ZH = tuple(
    sorted(
        """有没有 有吗 有哪些 有什么 我想要 我想买 我想 我要 想要 想买 请问 帮我 给我 推荐 介绍
        一下 一款 一双 一个 一件 一套 一些 哪些 哪款 什么 可以 能不能 需要 看看 看一下 找 买
        适合 适用 用的 的 吗 呢 吧 啊 呀 嘛 了 和 与 及 或 还有 这 那 些 个 双 件 款 种 是 要 在 用
        你们 店里 这里 有 没有 请 我 您 你 给 对 比较好 好的 好一点 一点 怎么样 多少钱 多少 价格
        价钱 贵不贵 好不好 怎么 如何 哪个 哪种 现在 政策 规定 规则 流程 是不是 能否 吗？ 么 卖""".split(),
        key=len,
        reverse=True,
    )
)


def is_chinese(text: str) -> bool:
    return bool(CJK.search(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stemmer, applied the same way to queries and catalog text."""
    w = word.lower()
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ves"):
        w = w[:-3] + "f"
    elif w.endswith("es") and w[:-2].endswith(("s", "x", "ch", "sh", "z")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
        if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "ls":
            w = w[:-1]  # running → run
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def canonical_colors(text: str) -> set[str]:
    """Canonical colours named in ``text`` (``"深蓝色"`` → ``{"blue"}``)."""
    low = text.lower()
    return {canon for canon, words in COLORS.items() if cue_pattern(words).search(low)}


@lru_cache(maxsize=64)
def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled pattern for a cue list: Chinese cues as substrings, English as words."""
    parts = []
    for cue in sorted(cues, key=len, reverse=True):
        if is_chinese(cue):
            parts.append(re.escape(cue))
        else:
            parts.append(rf"(?<![a-z0-9]){re.escape(cue.strip())}(?![a-z0-9])")
    return re.compile("|".join(parts))


def has_cue(low_text: str, cues: tuple[str, ...]) -> bool:
    """Whether a cue occurs: Chinese cues as substrings, English ones as whole words."""
    return bool(cue_pattern(cues).search(low_text))
