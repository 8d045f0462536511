"""Word tables for the synthetic stores: trades, kinds of goods, brands, features.

Every entry is a (Chinese, English) pair so a store can be generated in either
language, or in both (a product with ``name_en`` beside a Chinese ``name``).
"""

from __future__ import annotations

from dataclasses import dataclass

Pair = tuple[str, str]


@dataclass(frozen=True)
class Kind:
    """One kind of goods: its category, the noun for it, and what it usually costs."""

    category: Pair
    noun: Pair
    price: tuple[float, float]  # in CNY; USD stores divide by ~7
    sizes: str  # "shoe", "clothes", "bed", "volume", "" (none)
    features: tuple[Pair, ...]


@dataclass(frozen=True)
class Trade:
    name: Pair
    kinds: tuple[Kind, ...]
    brands: tuple[Pair, ...]
    guide: tuple[Pair, Pair]  # a buying-guide FAQ (question, answer) for the trade


SHOE_F = (("缓震", "cushioned"), ("轻便", "lightweight"), ("透气", "breathable"),
          ("防滑", "non-slip"), ("扁平足", "flat feet"), ("宽脚", "wide fit"),
          ("防水", "waterproof"), ("耐磨", "durable"), ("支撑", "supportive"))
CLOTH_F = (("保暖", "warm"), ("防风", "windproof"), ("防水", "waterproof"), ("轻薄", "lightweight"),
           ("修身", "slim fit"), ("宽松", "relaxed fit"), ("纯棉", "cotton"), ("速干", "quick-dry"),
           ("可机洗", "machine washable"))
ELEC_F = (("降噪", "noise cancelling"), ("长续航", "long battery"), ("蓝牙", "bluetooth"),
          ("快充", "fast charging"), ("便携", "portable"), ("防水", "waterproof"),
          ("高清", "high definition"), ("静音", "quiet"))
HOME_F = (("不粘", "non-stick"), ("耐用", "durable"), ("易清洗", "easy to clean"),
          ("节能", "energy saving"), ("大容量", "large capacity"), ("静音", "quiet"),
          ("环保", "eco-friendly"), ("可折叠", "foldable"))
FOOD_F = (("有机", "organic"), ("低糖", "low sugar"), ("无添加", "no additives"),
          ("进口", "imported"), ("礼盒装", "gift box"), ("新鲜", "fresh"), ("高蛋白", "high protein"))
KIDS_F = (("益智", "educational"), ("安全无毒", "non-toxic"), ("3岁以上", "ages 3+"),
          ("可水洗", "washable"), ("柔软", "soft"), ("环保", "eco-friendly"))
BEAUTY_F = (("保湿", "moisturizing"), ("敏感肌", "sensitive skin"), ("无香", "fragrance-free"),
            ("防晒", "sun protection"), ("控油", "oil control"), ("温和", "gentle"))
OUT_F = (("防水", "waterproof"), ("轻量", "ultralight"), ("保暖", "warm"), ("耐磨", "durable"),
         ("速干", "quick-dry"), ("可折叠", "foldable"), ("抗风", "wind resistant"))
PET_F = (("天然", "natural"), ("无谷", "grain-free"), ("耐咬", "chew-proof"),
         ("易清洗", "easy to clean"), ("幼犬", "puppy"), ("成猫", "adult cat"))
BOOK_F = (("畅销", "bestseller"), ("精装", "hardcover"), ("入门", "beginner"),
          ("彩色插图", "illustrated"), ("考试", "exam prep"), ("儿童", "kids"))


def _k(cat: Pair, noun: Pair, lo: float, hi: float, sizes: str, feats: tuple[Pair, ...]) -> Kind:
    return Kind(cat, noun, (lo, hi), sizes, feats)


TRADES: tuple[Trade, ...] = (
    Trade(("运动鞋服", "Sports"), (
        _k(("鞋/跑鞋", "Shoes/Running"), ("跑鞋", "running shoes"), 199, 1299, "shoe", SHOE_F),
        _k(("鞋/篮球鞋", "Shoes/Basketball"), ("篮球鞋", "basketball shoes"), 299, 1599, "shoe", SHOE_F),
        _k(("鞋/徒步鞋", "Shoes/Hiking"), ("徒步鞋", "hiking boots"), 399, 1499, "shoe", SHOE_F),
        _k(("服装/运动T恤", "Apparel/T-shirts"), ("运动T恤", "sports tee"), 59, 299, "clothes", CLOTH_F),
        _k(("服装/运动裤", "Apparel/Pants"), ("运动裤", "track pants"), 99, 499, "clothes", CLOTH_F),
        _k(("配件/运动袜", "Accessories/Socks"), ("运动袜", "sports socks"), 19, 89, "", SHOE_F[:4]),
     ), (("云跃", "Skyleap"), ("迅风", "Swiftwind"), ("峰行", "Peakline"), ("动力", "Dynamo"),
         ("踏浪", "Wavestep"), ("极光", "Aurora")),
          (("如何选择合适的跑鞋？", "How do I choose running shoes?"),
           ("先看脚型和跑步习惯：扁平足选支撑型，长距离选缓震型，试穿时脚尖留一指宽。",
            "Start with your foot shape and how far you run: flat feet need support, long runs need "
            "cushioning, and leave a thumb's width at the toe."))),
    Trade(("服装", "Clothing"), (
        _k(("外套/棉衣", "Coats/Padded"), ("棉衣", "padded jacket"), 199, 899, "clothes", CLOTH_F),
        _k(("外套/羽绒服", "Coats/Down"), ("羽绒服", "down jacket"), 399, 2499, "clothes", CLOTH_F),
        _k(("上衣/衬衫", "Tops/Shirts"), ("衬衫", "shirt"), 89, 499, "clothes", CLOTH_F),
        _k(("上衣/毛衣", "Tops/Sweaters"), ("毛衣", "sweater"), 129, 799, "clothes", CLOTH_F),
        _k(("裤装/牛仔裤", "Pants/Jeans"), ("牛仔裤", "jeans"), 129, 699, "clothes", CLOTH_F),
        _k(("配饰/围巾", "Accessories/Scarves"), ("围巾", "scarf"), 49, 399, "", CLOTH_F[:3]),
     ), (("暖阳", "Sunwarm"), ("北岭", "Northridge"), ("素衣", "Plainweave"), ("雅格", "Yager"),
         ("城野", "Citywild"), ("织梦", "Dreamknit")),
          (("如何选择合适的棉衣？", "How do I choose a padded jacket?"),
           ("看填充和版型：日常通勤选轻薄款，北方严寒选加厚款，试穿时抬手不紧绷为宜。",
            "Look at the filling and the cut: thin ones for commuting, thick ones for hard winters, "
            "and you should lift your arms without it pulling."))),
    Trade(("数码电器", "Electronics"), (
        _k(("音频/耳机", "Audio/Headphones"), ("耳机", "headphones"), 99, 2999, "", ELEC_F),
        _k(("音频/音箱", "Audio/Speakers"), ("蓝牙音箱", "bluetooth speaker"), 129, 1999, "", ELEC_F),
        _k(("配件/充电宝", "Accessories/Power banks"), ("充电宝", "power bank"), 59, 399, "", ELEC_F),
        _k(("智能/手表", "Smart/Watches"), ("智能手表", "smartwatch"), 299, 3999, "", ELEC_F),
        _k(("电脑/键盘", "Computers/Keyboards"), ("键盘", "keyboard"), 79, 1299, "", ELEC_F),
        _k(("电脑/鼠标", "Computers/Mice"), ("鼠标", "mouse"), 39, 699, "", ELEC_F),
     ), (("声澜", "Sonicwave"), ("极客", "Geekon"), ("星联", "Starlink"), ("光速", "Lightspeed"),
         ("优音", "Purenote"), ("方块", "Cubix")),
          (("如何选择耳机？", "How do I choose headphones?"),
           ("先定用途：通勤选降噪，运动选防水入耳式，在家听音乐选头戴式，再看续航和佩戴舒适度。",
            "Decide the use first: noise cancelling for commuting, waterproof earbuds for sport, "
            "over-ear for music at home, then compare battery life and comfort."))),
    Trade(("家居厨具", "Home & Kitchen"), (
        _k(("厨具/炒锅", "Cookware/Woks"), ("炒锅", "wok"), 99, 899, "", HOME_F),
        _k(("厨具/平底锅", "Cookware/Frying pans"), ("平底锅", "frying pan"), 79, 699, "", HOME_F),
        _k(("床品/被子", "Bedding/Duvets"), ("被子", "duvet"), 199, 1999, "bed", HOME_F),
        _k(("床品/枕头", "Bedding/Pillows"), ("枕头", "pillow"), 49, 599, "", HOME_F),
        _k(("小家电/电水壶", "Appliances/Kettles"), ("电水壶", "electric kettle"), 69, 499, "volume", HOME_F),
        _k(("收纳/收纳箱", "Storage/Boxes"), ("收纳箱", "storage box"), 29, 199, "volume", HOME_F),
     ), (("安居", "Homely"), ("厨乐", "Cookjoy"), ("木森", "Woodland"), ("净界", "Clearhome"),
         ("暖巢", "Nestwarm"), ("简一", "Simpleone")),
          (("如何挑选不粘锅？", "How do I pick a non-stick pan?"),
           ("看涂层和锅底：选无PFOA涂层，电磁炉要选复合底，用木铲能延长涂层寿命。",
            "Check the coating and the base: choose PFOA-free coating, an induction base if you "
            "need it, and use wooden utensils to make the coating last."))),
    Trade(("食品茶叶", "Food & Tea"), (
        _k(("茶叶/绿茶", "Tea/Green"), ("绿茶", "green tea"), 39, 899, "", FOOD_F),
        _k(("茶叶/红茶", "Tea/Black"), ("红茶", "black tea"), 39, 699, "", FOOD_F),
        _k(("零食/坚果", "Snacks/Nuts"), ("坚果礼盒", "mixed nuts"), 29, 299, "", FOOD_F),
        _k(("饮品/咖啡豆", "Drinks/Coffee"), ("咖啡豆", "coffee beans"), 49, 399, "", FOOD_F),
        _k(("粮油/橄榄油", "Pantry/Olive oil"), ("橄榄油", "olive oil"), 59, 299, "volume", FOOD_F),
     ), (("山语", "Hillsong"), ("茗香", "Teascent"), ("田园", "Farmfresh"), ("金谷", "Goldgrain"),
         ("晨露", "Morningdew")),
          (("如何挑选绿茶？", "How do I pick a green tea?"),
           ("看干茶色泽和香气：色泽翠绿、香气清新为佳，冲泡水温80度左右最合适。",
            "Look at the colour and smell of the dry leaves: bright green and fresh is best, and "
            "brew at about 80 degrees."))),
    Trade(("母婴玩具", "Kids & Toys"), (
        _k(("玩具/积木", "Toys/Blocks"), ("积木", "building blocks"), 49, 999, "", KIDS_F),
        _k(("玩具/毛绒玩具", "Toys/Plush"), ("毛绒玩具", "plush toy"), 29, 299, "", KIDS_F),
        _k(("童装/童鞋", "Kids/Shoes"), ("童鞋", "kids shoes"), 79, 399, "kidshoe", KIDS_F),
        _k(("出行/儿童推车", "Travel/Strollers"), ("婴儿推车", "stroller"), 399, 3999, "", KIDS_F),
        _k(("图书/绘本", "Books/Picture books"), ("绘本", "picture book"), 19, 199, "", KIDS_F),
     ), (("乐童", "Happykid"), ("小熊", "Littlebear"), ("星星", "Twinkle"), ("童趣", "Playfun"),
         ("贝贝", "Beibei")),
          (("如何选择儿童玩具？", "How do I choose a toy for a child?"),
           ("按年龄选：3岁以下避免小零件，看是否有安全认证，益智类适合培养动手能力。",
            "Choose by age: no small parts under 3, look for a safety mark, and building toys "
            "train hands and mind."))),
    Trade(("美妆个护", "Beauty"), (
        _k(("护肤/面霜", "Skincare/Creams"), ("面霜", "face cream"), 59, 1299, "volume", BEAUTY_F),
        _k(("护肤/防晒霜", "Skincare/Sunscreen"), ("防晒霜", "sunscreen"), 49, 399, "volume", BEAUTY_F),
        _k(("洗护/洗发水", "Haircare/Shampoo"), ("洗发水", "shampoo"), 29, 199, "volume", BEAUTY_F),
        _k(("彩妆/口红", "Makeup/Lipstick"), ("口红", "lipstick"), 69, 499, "", BEAUTY_F),
     ), (("花漾", "Bloomy"), ("水润", "Aquafresh"), ("青禾", "Greenleaf"), ("雪肌", "Snowskin"),
         ("悦颜", "Gladface")),
          (("敏感肌怎么选护肤品？", "How do I choose skincare for sensitive skin?"),
           ("选无香精、无酒精的温和配方，先在耳后试用24小时，没有泛红再上脸。",
            "Pick gentle formulas without fragrance or alcohol, and patch-test behind the ear for "
            "24 hours before using it on your face."))),
    Trade(("户外露营", "Outdoor"), (
        _k(("露营/帐篷", "Camping/Tents"), ("帐篷", "tent"), 199, 2999, "", OUT_F),
        _k(("露营/睡袋", "Camping/Sleeping bags"), ("睡袋", "sleeping bag"), 149, 1499, "", OUT_F),
        _k(("服装/冲锋衣", "Apparel/Shell jackets"), ("冲锋衣", "shell jacket"), 299, 2499, "clothes", OUT_F),
        _k(("背包/登山包", "Packs/Backpacks"), ("登山包", "hiking backpack"), 199, 1599, "volume", OUT_F),
        _k(("装备/头灯", "Gear/Headlamps"), ("头灯", "headlamp"), 49, 399, "", OUT_F),
     ), (("野径", "Wildtrail"), ("山风", "Mountainair"), ("远征", "Expedition"), ("营地", "Campfire"),
         ("雪峰", "Snowpeak")),
          (("第一次露营要准备什么？", "What do I need for my first camping trip?"),
           ("帐篷、睡袋、防潮垫和头灯是基本四件，再按天气带保暖层和雨具。",
            "A tent, a sleeping bag, a sleeping mat and a headlamp are the basics; add warm layers "
            "and rain gear for the weather."))),
    Trade(("宠物用品", "Pet Supplies"), (
        _k(("狗狗/狗粮", "Dogs/Food"), ("狗粮", "dog food"), 59, 699, "weight", PET_F),
        _k(("猫咪/猫粮", "Cats/Food"), ("猫粮", "cat food"), 49, 599, "weight", PET_F),
        _k(("玩具/宠物玩具", "Toys/Pet toys"), ("宠物玩具", "pet toy"), 19, 149, "", PET_F),
        _k(("出行/牵引绳", "Walking/Leashes"), ("牵引绳", "leash"), 29, 199, "clothes", PET_F),
     ), (("毛孩", "Furkid"), ("汪星", "Woofstar"), ("喵趣", "Meowfun"), ("自然派", "Naturo")),
          (("如何给狗狗换粮？", "How do I switch my dog's food?"),
           ("用7天过渡：新旧粮按比例逐步增加新粮，观察便便状态，不适就放慢速度。",
            "Take 7 days: mix in more of the new food each day, watch the stool, and slow down if "
            "your dog is upset."))),
    Trade(("图书文具", "Books & Stationery"), (
        _k(("文具/钢笔", "Stationery/Pens"), ("钢笔", "fountain pen"), 29, 899, "", BOOK_F),
        _k(("文具/笔记本", "Stationery/Notebooks"), ("笔记本", "notebook"), 9, 99, "", BOOK_F),
        _k(("图书/小说", "Books/Novels"), ("小说", "novel"), 29, 129, "", BOOK_F),
        _k(("图书/教辅", "Books/Study guides"), ("教辅书", "study guide"), 19, 99, "", BOOK_F),
     ), (("墨香", "Inkwell"), ("书林", "Bookgrove"), ("青云", "Bluecloud"), ("学海", "Learnsea")),
          (("怎么选第一支钢笔？", "How do I choose my first fountain pen?"),
           ("新手选F尖或EF尖，笔身轻、带上墨器的款式好上手，墨水选不易堵笔的染料墨水。",
            "Beginners do well with an F or EF nib, a light body and a converter, and a dye ink "
            "that does not clog."))),
)

ADJ: tuple[Pair, ...] = (("经典", "Classic"), ("轻羽", "Feather"), ("专业", "Pro"), ("都市", "Urban"),
                         ("极速", "Rapid"), ("舒适", "Comfort"), ("旗舰", "Flagship"), ("青春", "Youth"),
                         ("悦享", "Joy"), ("凌云", "Skyline"), ("臻选", "Select"), ("简约", "Essential"),
                         ("冠军", "Champion"), ("星光", "Starlight"), ("自由", "Freedom"), ("超能", "Max"))
COLORS: tuple[Pair, ...] = (("黑色", "black"), ("白色", "white"), ("红色", "red"), ("蓝色", "blue"),
                            ("灰色", "grey"), ("绿色", "green"), ("粉色", "pink"), ("米色", "beige"),
                            ("藏青", "navy"), ("黄色", "yellow"), ("棕色", "brown"), ("紫色", "purple"))
SIZES = {
    "shoe": [str(s) for s in range(35, 47)],
    "kidshoe": [str(s) for s in range(24, 35)],
    "clothes": ["XS", "S", "M", "L", "XL", "XXL"],
    "bed": ["单人", "双人", "大床"],
    "bed_en": ["single", "double", "queen", "king"],
    "volume": ["50ml", "100ml", "200ml", "1L", "1.5L", "20L", "30L", "45L"],
    "weight": ["1.5kg", "2kg", "5kg", "10kg"],
}
STORE_NAMES: tuple[Pair, ...] = (("优选", "Prime"), ("好邻居", "Good Neighbor"), ("百汇", "Bazaar"),
                                 ("乐购", "Happy Buy"), ("新城", "Newtown"), ("悦来", "Joyland"),
                                 ("金桥", "Goldbridge"), ("晨光", "Morning Light"))
CUSTOMER_ZH = ("王芳", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷",
               "徐强", "孙丽", "马超", "朱琳", "胡军", "郭敏")
CUSTOMER_EN = ("Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sophia",
               "James", "Grace", "Henry", "Chloe", "Daniel", "Zoe", "Ryan")
