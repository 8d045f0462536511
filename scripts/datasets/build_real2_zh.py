#!/usr/bin/env python3
"""Build the store folder tests/data/real2_zh from PSCon's Chinese conversations.

Source corpus: PSCon (Product Search through CONversations, Zou et al., 2024/2025),
``dataset/conversation_cn.json`` of the public GitHub repository JieZouIR/PSCon,
licensed CC BY 4.0. People recruited for a coached human-human collection typed the
shopper side in Chinese; the products are Amazon items with Chinese titles. See
tests/data/real2_zh/SOURCE.md for provenance, licence and the labelling rules.

The corpus file is 6.7 MB; the git snapshot reachable here lacks it (files of 4 MiB
and more are left out), so this script cannot read it at build time. It therefore
holds, verbatim and keyed by the corpus's own ``msg_id`` / ``product_id``, the shopper
turns and the product titles it uses, plus our selections, categories and labels.
``--verify FILE`` checks every one of them against a full copy of
``conversation_cn.json`` (exact string equality) when such a copy is available.

Usage (not run in CI):

    python scripts/datasets/build_real2_zh.py [--out tests/data/real2_zh]
    python scripts/datasets/build_real2_zh.py --check-only [--out DIR]
    python scripts/datasets/build_real2_zh.py --verify path/to/conversation_cn.json

The output is deterministic: two runs write byte-identical files.
"""
from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import json
import re
import sys
from pathlib import Path

from common import (FAQ_COLUMNS, PRODUCT_COLUMNS, csv_text, phrasing_key, store_keys,
                    write_jsonl)

CORPUS_REPO = "JieZouIR/PSCon"
CORPUS_PATH = "dataset/conversation_cn.json"
CORPUS_COMMIT = "a7f34236b86108ee7af78ea6d9a408aca5782af0"   # version read (search index copy)
SNAPSHOT_COMMIT = "c3ea9305d02b0761d5423bda4680ec6f7f8befda"  # git snapshot HEAD (file absent)
SNAPSHOT_BLOB = "08b44cd70a1404790b218926228bf6323685d2c4"    # the file's blob in that tree
CORPUS_NAME = "PSCon conversation_cn.json"

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "real2_zh"

# --------------------------------------------------------------------------
# Shopper turns, verbatim: msg_id -> (conv_id, content). Only the turns used as
# a question or as an `after` turn are listed. conv_id is None where the page of
# the file we read did not show the conversation's header.
# --------------------------------------------------------------------------
TEXTS = {
    296: (280, '你好'),
    316: (280, '我想买一部手机'),
    350: (280, '我想要华为品牌的手机'),
    384: (280, '很好，谢谢'),
    424: (406, '你好'),
    451: (406, '我想要一个钢笔'),
    485: (406, '很满意，谢谢'),
    523: (507, '你好'),
    544: (507, '我想要一条牛仔裤'),
    576: (507, '很好'),
    612: (598, '你好'),
    635: (598, '我想要一个太阳镜'),
    665: (598, '很棒呢'),
    701: (685, '你好'),
    725: (685, '我想要一个台灯'),
    756: (685, '很棒呀'),
    888: (871, '你好'),
    910: (871, '我想要一本书'),
    945: (871, '我想要一本历史名著'),
    983: (871, '很好！'),
    1018: (1006, '你好'),
    1039: (1006, '我想要一个发卡'),
    1075: (1006, '不错'),
    1110: (1094, '你好'),
    1130: (1094, '我想要一个皮筋'),
    1165: (1094, '很喜欢'),
    1197: (1185, '你好'),
    1218: (1185, '我想要一条项链'),
    1249: (1185, '很漂亮，我很喜欢'),
    1376: (1363, '你好'),
    1396: (1363, '我想要一个钥匙扣'),
    1435: (1363, '很好看'),
    1469: (1452, '你好'),
    1491: (1452, '我想要一条手链'),
    1524: (1452, '很好，我很喜欢'),
    1557: (1543, '你好'),
    1579: (1543, '我想要一个鼠标'),
    1614: (1543, 'nice'),
    1647: (1634, '你好'),
    1665: (1634, '我想要一个游戏键盘'),
    1700: (1634, '很喜欢'),
    1732: (1720, '你好'),
    1758: (1720, '我想要一个凳子'),
    1793: (1720, '真不错'),
    1914: (1890, '最近我家的纸巾用完了，想买新的，你有什么推荐吗'),
    1935: (1890, '需要抽纸，最好量大一点'),
    1970: (1890, '但是这个的量不够大啊'),
    2033: (2019, '想买一副羽毛球拍'),
    2095: (1890, '好的！谢谢'),
    2128: (2019, '请问有YONEX，500-1000的球拍吗'),
    2158: (2019, '请问有YONEX，500-1000的球拍吗'),
    2209: (2019, '好的，谢谢'),
    2285: (2265, '我想要一个水杯'),
    2313: (2265, '这个太丑了吧，换一个好看的'),
    5486: (5469, '请问有水果卖吗？'),
    5519: (5469, '算了，我就要个水果小饰品吧'),
    5553: (5469, '这个好看。我喜欢真的'),
    5587: (5571, '请问有小米手机啊？'),
    5621: (5571, '这款不喜欢，换一款？'),
    9754: (9735, '请问有vivo手机吗？\n\n'),
    9784: (9735, '算了，你给我来款手机壳吧'),
    9812: (9735, '这款手机壳，我喜欢。就这了'),
    13805: (13757, '请问有羽绒服吗？'),
    13904: (13883, '你好'),
    13953: (13883, '我想要药剂'),
    14155: (13757, '换个牌子，这个不好看'),
    14204: (13757, '这个我喜欢'),
    18041: (18020, '请问有爽肤水吗？'),
    18143: (18020, '不喜欢，换个牌子'),
    18186: (18020, '这个好，就足够了，谢谢'),
    18279: (18253, '请问有卸妆水吗？'),
    21633: (21615, '请问有摩托罗拉手机吗？'),
    21693: (21615, '不喜欢，换一个'),
    21763: (21615, '这款我喜欢，谢谢'),
    21841: (21782, '请问有男羽绒服吗？'),
    25349: (25333, '请问有渔夫帽吗？'),
    25426: (25407, '请问有礼帽吗？'),
    25456: (25333, '能换一款渔夫帽吗？'),
    25490: (25333, '这款帽子可以的，还不错我喜欢'),
    25633: (25407, '这换一个，不喜欢这个'),
    31232: (31215, '请问有平衡车吗？'),
    31265: (31215, '换一个吧，不太喜欢'),
    31298: (31281, '请问有避孕套吗？'),
    31327: (31215, '这款还不错，谢谢'),
    31361: (31281, '我想要杜蕾斯怎么办？'),
    35668: (35548, '请问有饭盒吗？'),
    35719: (35548, '换一款吧，不喜欢这个'),
    35803: (35548, '这个我喜欢'),
    39414: (39312, '你好呀'),
    39451: (39312, '我想买一个防晒霜'),
    39602: (39312, '有没有高丝 的'),
    39667: (39644, '买个水杯'),
    39734: (39644, '儿童水壶吧'),
    39772: (39312, '恩恩，谢谢啦'),
    44657: (44641, '您好，我想买个钱包'),
    44791: (44641, '第三个多少钱啊'),
    44854: (44641, '很好，我很满意'),
    45098: (45071, '你好呀'),
    45117: (45071, '我想买一个洗面奶'),
    45222: (45071, '有没有路维尔的'),
    50157: (50143, 'hello'),
    50183: (50143, '我想要个海绵宝宝玩偶，能推荐下吗'),
    50211: (50143, '这个好可爱，可以的'),
    50350: (50337, 'hello你好'),
    50369: (50337, '我想要个男士帽子'),
    50399: (50337, '这是鸭舌帽吗'),
    54443: (54426, '请问有卡包吗？'),
    54479: (54457, '请问有卡包吗？'),
    54548: (54426, '这款我不喜欢，换一个'),
    54584: (54426, '这款卡包不错，我喜欢'),
    56573: (56559, '我想买个耳机'),
    56592: (56559, '索尼的'),
    56652: (56559, '不合适，我想要一个有线的耳机'),
    56710: (56559, '感觉还行，就要第二款了'),
    56746: (56731, '我想要双鞋子'),
    56765: (56731, '男，41码'),
    56783: (56731, '耐克吧'),
    58775: (58759, '你好，我正在寻找一些宠物零食，能为我的狗狗和猫咪找到一些高质量的选择吗？'),
    58791: (58759, '狗狗和猫咪都没有过敏问题，但我想为它们找到一些天然、有营养的零食，最好有一些口味的选择。'),
    58836: (58759, '还有别的吗'),
    63048: (63009, '请问有刷牙杯吗？'),
    63086: (62975, '请问有电动牙刷吗？'),
    63118: (62975, '换一个，我不是很喜欢这个'),
    63282: (62975, '这个可以，我喜欢'),
    66626: (66606, '请问有眉笔吗？'),
    66690: (66606, '这个我不喜欢，换一个'),
    66718: (66606, '这个好，我喜欢'),
    66788: (66772, '请问有睫毛膏吗？'),
    66856: (66772, '这个不好看，换一个'),
    70221: (70204, '请问有身体磨砂膏吗？'),
    70239: (70188, '请问有身体磨砂膏有吗？'),
    70337: (70188, '我不喜欢这个，换一个'),
    70369: (70188, '我喜欢这个，谢谢'),
    74155: (74141, '我想买一件衣服，有什么推荐'),
    74176: (74141, '女装，秋季的'),
    74258: (74202, '请问有洗脸巾吗？'),
    74293: (74202, '不喜欢，换一个'),
    74431: (74141, '还有其他推荐吗'),
    74471: (74141, '这一款还可以，谢谢推荐'),
    77690: (77675, '我想买一个插座'),
    77724: (77675, '不喜欢，换一个'),
    77764: (77675, '这款可以，谢谢'),
    77802: (77782, '我想买一把剪刀'),
    77884: (77782, '我想要在厨房使用，可以重新推荐吗'),
    77947: (77782, '看起来不错，谢谢'),
    77982: (77967, '我想要买一个数据线'),
    78000: (77967, '没有具体的需求'),
    78033: (77967, '我想要type -c口的'),
    78065: (77967, '好的，谢谢'),
    78097: (78083, '我想买一些口罩'),
    78127: (78083, '有没有防护等级更高的'),
    81149: (81131, '请问有油刷吗？'),
    81197: (81131, '这个我不喜欢，换一个'),
    81258: (81131, '这款我喜欢，谢谢'),
    81349: (81317, '请问有削皮器吗？'),
    81398: (81317, '不喜欢这个，换一个'),
    85225: (85198, '你好呀'),
    85264: (85198, '我想买一个轮胎'),
    85337: (85321, '你好呀'),
    85361: (85321, '我想买一辆汽车'),
    85436: (85198, '有没有四件套的'),
    85475: (85321, '我要的是汽车！'),
    85514: (85198, '好的，谢谢'),
    89253: (89237, '请问有胶带吗？'),
    89329: (89311, '请问有胶带吗？这里'),
    89359: (89237, '不喜欢这款，换一个'),
    89388: (89311, '不喜欢，换'),
    89420: (89311, '这个好，我喜欢'),
    89454: (89237, '这款好，我喜欢'),
    93039: (92992, '请问有空气清新剂吗？'),
    93090: (93066, '你好'),
    93124: (92992, '不喜欢，换一个'),
    93250: (93066, '有没有吸水性比较强的'),
    93322: (92992, '这个好，我喜欢'),
    97410: (97392, '请问有固态硬盘吗？'),
    97450: (97392, '不喜欢这个，换一个'),
    97581: (97392, '这个好，我喜欢'),
    100888: (100871, '请问有户外灯具吗？'),
    100921: (100903, '请问有摩托夹克吗？'),
    100951: (100871, '这个不喜欢'),
    100982: (100903, '不喜欢这个，换一个'),
    101012: (100871, '这个好，我喜欢'),
    104535: (104504, '请问有拼装模型吗？'),
    104599: (104504, '换一个，不喜欢这个'),
    104702: (104504, '这个我喜欢，就这个了'),
    104809: (104758, '请问有飞机吗？'),
    104828: (104758, '请问有麦克风吗？'),
    109584: (109570, '请问有吹奏吗？'),
    109664: (109648, '请问有吉他吗?'),
    109696: (109570, '不喜欢这个'),
    109771: (109570, '这个好，我喜欢'),
}
TEXTS.update({
    18083: (None, '请问这款眼影怎么样/'),
    18111: (None, '我的意思是我觉得不好，换一款'),
    35534: (None, '有没有亚瑟士的'),
    63061: (None, '有没有汰渍的洗衣粉，用习惯了'),
    39556: (None, '有没有MAX的'),
    58734: (None, '我要的是冰箱，不是配件...'),
    44804: (None, '那再见'),
    9685: (None, '我要可折叠的'),
    109505: (None, '不喜欢这个，换一个'),
})
# Two shopper turns whose msg_id fell outside the text we read; each is keyed by
# the system message that answers it ("the shopper turn just before msg N").
BEFORE = {
    "before9670": (None, '我想买一个书桌'),
    "before109491": (None, '请问有录音笔吗？'),
}

# --------------------------------------------------------------------------
# Products: (product_id, kind, brand, title). The title is the corpus's
# `product_title` for that product_id, verbatim; `kind` and `brand` are ours
# (brand only where the title names it).
# --------------------------------------------------------------------------
PRODUCTS = [
    ('B0B453H2D6', 'phone', '摩托罗拉', '摩托罗拉 Moto G52 - 智能手机 128GB,6GB 内存,双卡,灰色'),
    ('B0BD92BPGY', 'phone', '三星', '三星智能手机 Galaxy A04S Blanc 32Go Android 12 OctaCore 2GHz Exynos 850 电池 5'),
    ('B0C28LLG59', 'phone', '华为', '华为 Mate X3，纤薄、轻便、可折叠的四曲线设计，12GB+512GB，坚固的昆仑玻璃，Ultra Vision XMage 相机，黑色'),
    ('B09Q67SVBG', 'phone', '华为', 'Huawei 华为 P50 Pro - 智能手机，50 MP True-Chroma 相机，6.6 英寸 OLED 显示屏，120 Hz 刷新率，66W HUAWEI 华为Supercharge，8GB RAM+256GB ROM，4360 mAh，可可金'),
    ('B07XVWFKXJ', 'pen', 'Faber-Castell', 'Faber-Castell 辉柏嘉 E-motion F 钢笔 - 纯银'),
    ('B015N3R1YQ', 'pen', 'PARKER', 'PARKER 派克 Sonnet 金饰不锈钢钢笔，中号笔尖（1931505）盒子'),
    ('B07BHJYKR7', 'jeans', 'Lee', 'Lee 男士性能系列极限运动版型锥形裤腿牛仔裤'),
    ('B00V6PCCY0', 'jeans', 'Lee', 'Lee 男士 Premium Select 常规版型直筒牛仔裤'),
    ('B0788D5W43', 'sunglasses', 'SWANS', 'SWANS(スワンズ) 运动偏光太阳镜 日本制造 Warrior 7 WARRIOR-VII 全框型'),
    ('B00S9635HW', 'sunglasses', 'Ray-Ban', 'Ray-Ban 雷朋 RB2180系列 男女同款渐变圆形太阳镜'),
    ('B084HJDHL9', 'desklamp', 'Paulmann', 'Paulmann 柏曼 78910 Numis TunableWhite Qi 写字台台灯 工作台灯 带充电功能 铝制 含1x11W 可调光办公照明灯泡，塑料暖白至日光白 2700-6500K，黑色'),
    ('B00DPSEJ1U', 'desklamp', 'MAUL', 'MAUL LED 台灯 Maulstarlet 办公室和家庭办公室工作台灯 3000K 色温 金属 红色'),
    ('1912803240', 'book', '', '游戏板书: 重订巨人之战队书(A3)'),
    ('1488947392', 'book', '', 'On the Farm 手指印花 | 指纹活动书 | 幼儿手指绘画书 | 指纹油墨油漆垫 | 指纹套装 | 农场书'),
    ('B093HBDHHX', 'book', '', '中外文学名著典藏系列'),
    ('3961115397', 'book', '', 'Siddhartha'),
    ('B0CC51W49M', 'hairclip', '', '12 件星星发夹 五尖星发夹,星星侧鸭嘴夹 y2k 五角星发夹甜美女孩发卡破碎发刘海夹头饰,优雅星星鸭嘴夹'),
    ('B09ZHTZ9X5', 'hairclip', 'Ruyaa', 'Ruyaa 40 件幼儿女孩按扣蝴蝶结夹婴儿发夹发饰婴儿发夹辫子辫子蝴蝶结一对圣诞礼物'),
    ('B0725KV757', 'hairtie', 'cywlife', 'cywlife Tiny *皮筋 ties 皮筋幼儿宝贝女孩100 PCS 10种颜色或黑色无弄皱马尾夹 Tiny 软橡胶带适用于婴儿儿童女式男式7 mm 无 hurt 耐用发饰'),
    ('B0BV7457JF', 'hairtie', 'Eurostil', 'Eurostil 品牌配件:橡胶,厚发橡胶,黑色包'),
    ('B09X5N15V4', 'necklace', 'Birger Jarls', 'Birger Jarls 23 18K 纯金 精选 AAAAAA+ 淡水养殖 8-8.5mm 单珍珠项链 珍珠领项链 送给妻子、女朋友、母亲的*佳礼物, Total length of the necklace:18 IN, 金色, 珍珠'),
    ('B08Z6THM35', 'necklace', 'DENGGUANG', 'DENGGUANG 珍珠吊坠项链 淡水养殖单颗白珍珠项链 带 925 纯银链珍珠首饰礼物女士'),
    ('B01GLWF00A', 'keychain', '', '梵蒂冈进口仁慈年教皇弗朗西斯钥匙扣*牌, 小号'),
    ('B01EHLDZKY', 'keychain', 'LA CUOIERIA', 'LA CUOIERIA 钥匙扣 手工制作 真皮 意大利制造 苏格兰梗 P321'),
    ('B09XDRLNDS', 'bracelet', '', '正品 925 纯银手链 - 0.18 英寸男士竹链手链 - 复古风格银色珠宝链环 7-8 英寸 - 意大利手工制作'),
    ('B08B6BJB53', 'bracelet', 'Miabella', 'Miabella 女士 水手脚链 18K金 纯银 3 毫米 4 毫米 实心钻石切割 意大利制造'),
    ('B0851H51FC', 'mouse', 'SteelSeries', 'SteelSeries 赛睿 Prime - 电竞性能游戏鼠标 - 具有 18,000 CPI 的 TrueMove Pro 光学传感器 - 磁光开关'),
    ('B01M62GJH6', 'mouse', 'Monoprice', 'Monoprice 115910 Select 无线人体工学鼠标，黑色，非常适合工作、家庭、办公室、电脑，工作流系列'),
    ('B08BFF4C7J', 'keyboard', 'Razer', 'Razer 雷蛇 Huntsman Mini 60% 游戏键盘:快键盘开关 - Clicky 光学开关 - Chroma RGB 照明 - PBT 键帽 - 板载内存 - 经典黑色'),
    ('B0C7KFZ5TL', 'keyboard', '华硕', '华硕 ROG Strix Scope II 96 无线游戏键盘,三模式连接,阻尼泡沫和开关阻尼垫,热插拔预润滑ROG NX 雪开关,PBT 键帽,RGB 黑色'),
    ('B0B1B6H1WS', 'stool', 'TITIROBA', 'TITIROBA 梯子 折叠 高22厘米 脚踏板 凳子 梯子 洗车 钓鱼 室内 户外 承重100千克 防滑 折叠椅 折叠 黑色 22AA001'),
    ('B09YGQCZXZ', 'stool', 'Rana', '圆形凳子 Rana 2307-183210713860152'),
    ('B0753LRCJL', 'tissue', 'Tempo', 'Tempo 正品双盒装抽纸，4层大包装(6x2盒x每盒80片)'),
    ('B09BQ86NTW', 'tissue', 'Clinex', 'Clinex 纸巾盒 立方体 160片(80组) 史努比'),
    ('B07NQNS9CR', 'tissue', 'Kleenex', 'Kleenex 舒洁 超柔软面巾纸，8 个长方形纸盒，每盒 120 张纸（共 960 张纸）'),
    ('B08M5PXHQ7', 'badminton', 'Li-Ning', 'Li-Ning * 77 G2 碳纤维羽毛球拍,带免费全套'),
    ('B08Z34WZNV', 'badminton', 'YONEX', 'YONEX 石墨 Voltric Lite 20I 羽毛球拍(G4,深蓝色,77 克,30 磅张力)'),
    ('B0978TKQFN', 'badminton', 'TENGAOSI', 'TENGAOSI 专业羽毛球拍 2 件套中性成人,球拍由碳纤维制成,高张力预穿线球拍'),
    ('B07XH8VT2M', 'squash', 'Wilson', 'Wilson 威尔胜 壁球拍'),
    ('B078Y16MJZ', 'badminton', 'Apacs', 'Apacs Virtuoso 浅蓝色*羽毛球拍 (6U)'),
    ('B09KS79GB6', 'badminton', 'YONEX', 'YONEX 羽毛球拍 Astrox 99 PRO 型号 高级者 AX99P'),
    ('B084SS5FJC', 'badminton', 'YONEX', 'YONEX 尤尼克斯(YONEX) 羽毛球 球拍 仅框架 Astrox00 附带配套盒子 日本制造 *蓝(019)'),
    ('B0C6FPVTGW', 'badminton', 'YONEX', 'Yonex NanoFlare 1000 羽毛球拍 (4UG5) - 预穿线'),
    ('B096KLGTN8', 'badminton', 'YONEX', 'Yonex Astrox 88 D PRO 羽毛球拍(驼金色)(3UG5)(Ustrung)'),
    ('B0BGT5TFNT', 'badminton', 'YONEX', 'Yonex ASTROX 77 羽毛球拍 - 预穿线'),
    ('B0BTY75MTN', 'badminton', 'YONEX', 'Yonex Astrox 88 D 羽毛球预穿球拍(驼金色)(4UG5)'),
    ('B09JK2389B', 'cup', 'LeYin', 'LeYin 双层玻璃水瓶,带过滤屏幕的旅行杯,茶和水分离杯,适用于水果散叶茶和冷冲泡咖啡(银色)'),
    ('B07XYQLNF5', 'cup', 'THERMOS', 'Guardian Collection THERMOS 膳魔师 带喷口水杯 40盎司(约1134ml),抹茶绿'),
    ('B09VYZM53B', 'desk', 'GreenForest', 'GreenForest 电脑书桌 带显示器支架和可逆存储架 39 英寸 小型家庭办公桌 适用于小型房间 白色'),
    ('B08L5T8K8P', 'desk', '', '书桌橡木,带可伸缩桌子'),
    ('B086932FP5', 'desk', 'Takeda', '武田コーポレーション(Takeda corporation) 【户外/折叠/紧凑/书桌】竹制实心桌 迷你 BST19-3625 (NA)'),
    ('B0BHJ41TGF', 'case', '', 'Vivo X80 Pro 5G 透明手机壳,带肩带/肩带/手机线皮革链白色'),
    ('B07WHQNBWF', 'case', 'vivo', 'vivo 皮套适用于 X60 Pro 5G 智能手机,柔软皮革保护套提供*保护;万向节相机的详细保护 - 深灰色'),
    ('B01IW02HX2', 'eyeshadow', 'NYX', 'NYX Professional Makeup Lidschattenpalette mit 16 Farbtönen, Intensives und langanhaltendes Finish, Vegane Formel ohne Inhaltsstoffe tierischen Ursprungs, Ultimate Shadow, Farbton: Warm Neutrals'),
    ('B06WLH181R', 'eyeshadow', 'stila', 'stila 哑光金属眼影盘，0.42 盎司'),
    ('B08VTCPRST', 'toner', 'Clarins', 'Clarins 芦荟和藏红花保湿爽肤水 13.5 盎司（400毫升），透明'),
    ('B000PIMUR8', 'toner', 'THAYERS', 'THAYERS 无酒精金缕梅面部爽肤水，含芦荟，透明(1 件装)，薰衣草，12 液体盎司，355毫升'),
    ('B08B826QCH', 'toner', 'Clarins', 'Clarins 娇韵诗 舒缓爽肤水，白色'),
    ('B01CEB809K', 'toner', 'Mystic Moments', 'Mystic Moments 保加利亚玫瑰纯露化妆水，500 毫升（新老包装 随机发货）'),
    ('B00TEJJWEI', 'bracelet', '', '中乡 手链'),
    ('B092RY9KWM', 'bracelet', 'Fxiqini', 'Fxiqini 8 件编织手链旋转邪恶之眼可调节 7 结哈姆萨手串 Kabbalah 手镯编织绳红色/黑色绳手链女士男士'),
    ('B082LBTJ9M', 'hat', 'Buff', 'Buff 中性款 Trek Bucket Hat 巴斯克帽'),
    ('B083KK7DQH', 'hat', 'Buff', 'Buff 男女同款旅行渔夫帽'),
    ('B09CPSLRT9', 'hat', 'Grace', 'Grace 中折帽 THE FELT HAT 男士'),
    ('B087CDFSMH', 'shoe', 'adidas', 'adidas 阿迪达斯 Runfalcon 男士跑鞋'),
    ('B09LCRQMRC', 'shoe', 'PUMA', 'PUMA 彪马 ST Runner V3 SD 男士 运动跑步鞋 387646'),
    ('B0885STYF7', 'shoe', 'ASICS', 'ASICS 亚瑟士 男士 Gel-Kinsei Blast 跑步鞋,白色/黑色,13'),
    ('B094R1FVY1', 'shoe', 'Salomon', 'Salomon 男子X Ultra Pioneer Trail跑步鞋'),
    ('B0787QZRGM', 'shoe', 'ASICS', 'ASICS 亚瑟士 男士 跑鞋 GEL-MISSION 3 日亚限定'),
    ('B0BYPFNCJH', 'lunchbox', 'BLACK+BLUM', 'BLACK + BLUM FBSS-BX 可微波加热的不锈钢饭盒多功能容器，1200 毫升'),
    ('B09TNGRLB4', 'lunchbox', 'EVERNEW', 'エバニュー(EVERNEW) 山岳饭盒弐型 EBY636'),
    ('B07H3Z7B11', 'laundry', 'Seventh Generation', 'Seventh Generation 洗衣粉，超浓缩 EasyDose，自由透明，23.1 液体盎司 683ml（2 件装）（包装可能有所不同）'),
    ('B0747YCCRY', 'laundry', "Charlie's Soap", "Charlie's Soap – 无香型洗衣粉 100 Loads 2.64"),
    ('B00QIIHAP6', 'laundry', 'Vanish', 'Vanish 碧莲万能洁白去渍霸洗衣粉 - 1 kg 装'),
    ('B00BZWUJM6', 'laundry', 'Tide', 'Tide 洗衣粉,Mountain Spring,102 次,166 盎司(约 4054 克)'),
    ('B00JGZCE5E', 'laundry', 'Tide', 'Tide 汰渍 Free 温和洗衣粉盒 72 粒 无味 低敏感 适合敏感肌肤'),
    ('B07XH3FJND', 'toothbrush', 'Oral-B', 'Oral-B 欧乐B Pro-Health 牙龈护理电池电动牙刷'),
    ('B094HRPBDG', 'toothbrush', 'Oral-B', 'Oral-B 欧乐B Genius X 电动牙刷，6 种牙齿护理刷牙模式，AI和蓝牙应用程序，由博朗设计，黑色'),
    ('B08MX6Z5BT', 'airfresh', 'GONESH', 'GONESH 放置型芳香剂 凝胶空气清新剂 埃及(花香・草本香味) 78g'),
    ('B00ICG0Z4U', 'airfresh', 'Febreze', '【日本原装进口，挑战车内0异味】Febreze 纺必适  汽车出风口车载香水空气清新剂 粉色  2ml*2  两瓶装  柔顺清新'),
    ('B09WMBDLFF', 'airfresh', 'GONESH', 'GONESH 凝胶空气清新剂 CHERISH 1个 轻盈的桃子和爱丽丝的木质花香有效果的温甜的清新奥曼莎的香味'),
    ('B00DZIW53Y', 'airfresh', 'Chemical Guys', 'Chemical Guys AIR_221_16 Chuy Bubble Gum 高级空气清新剂和除臭剂，16盎司（约473ml）'),
    ('B086WCK3N2', 'towel', '', 'タオル研究所 毛巾研究所 [蓬松丰盈] #003 面巾 沙米色 5条装 柔软蓬松 酒店规格 高速吸水 耐久性 人气 [无绒] 【5种颜色可选】 Japan Technology 日本技术 日亚限定'),
    ('B07BQZ66LG', 'towel', 'Kosugizen', 'コスギゼン(Kosugizen) 面巾 粉色 蓝色 绿色 34 x 80 厘米 3 件套'),
    ('B08WQ7SG7P', 'towel', '', 'タオル研究所 毛巾研究所 日亚限定 [轻盈理由] #006 面巾 白色 百合色 10条装 高速吸水 速干 耐用 人气 薄款 [7种颜色] 日本技术'),
    ('B07S2Z78K5', 'camerabag', 'Lowepro', 'Lowepro LP37255-PWW Photo Active 户外相机背包(带QuickShelf 一体式,可容纳 15 英寸笔记本电脑/iPad / 3 升饮水袋,适用于 Sony 佳能、尼康、万向节无人机、DJI、Osmo、Mavic)黑色/灰色'),
    ('B004R63KGE', 'supplement', "Puritan's Pride", "Puritan's Pride 普丽普莱 三倍强度蔓越莓水果浓缩液 12软胶囊补充剂，600毫克 - 100粒"),
    ('B09FVQ7R58', 'clock', 'Touch of Class', 'Touch of Class 托斯卡纳水果葡萄厨房餐厅挂钟 - 多颗宝石 - 意大利灵感 - 独特的钟表 - 厨房、餐厅的挂钟 - 葡萄、梨、草莓、苹果'),
    ('B0B74TKTDG', 'phone', '小米', '小米 12 Lite 5G - 智能手机 8+128 GB,6.5 英寸 120Hz AMOLED 显示屏,Snapdragon 778G,108MP 三重摄像头,4300mAh,67W 涡轮增压,黑色(英国版 + 2 年保修)'),
    ('B08KG6Y4NW', 'down', 'Rosso Style Labo', 'Rosso Style Labo 摩托车夹克 无缝羽绒服 BORDEAUX L ROJ-975'),
    ('B09MVS7GC6', 'down', 'THE NORTH FACE', 'THE NORTH FACE 北面 男士山地羽绒服外套'),
    ('B0B4SZSSQ9', 'phone', '三星', 'Samsung 三星 Galaxy S21 FE 5G SM-G990BZAFEUE 智能手机 16.3 cm (6.4") 双 SIM 卡 Android 11 USB Type-C 6 GB 128 GB 4500 mAh 石墨色'),
    ('B098P5VMK9', 'phone', '摩托罗拉', '摩托罗拉 Rugged Defy 坚固智能手机(6.5 英寸高清 + 显示屏,IP69/IP68,高通 Snapdragon,48MP 三重摄像头系统,5000 毫安电池,双 SIM 卡,4/64GB,Android 10),黑色'),
    ('B0BVZWWJYB', 'phone', '摩托罗拉', 'Motorola 摩托罗拉 g73手机 5G（6.5 英寸全高清 120 Hz 显示屏、50 MP 摄像头、杜比全景声立体声扬声器、5000 mAh 电池、TurboPower 充电、5G、八核处理器、android 13、8/256 GB、双 SIM 卡）、午夜蓝'),
    ('B08R5ZTRHN', 'carclean', 'Nilfisk', 'Nilfisk 125300447 汽车洗发水清洁洗涤剂液体 — 自动使用的高压清洗机皂(500 毫升)'),
    ('B008A3QH06', 'carclean', 'Karcher', 'Karcher 5 升 罐装压力清洗剂 黄色 Universal Cleaner 6.295-357.0'),
    ('B099LNJ396', 'balancebike', 'Charlie', 'Charlie,轻质幼儿平衡自行车'),
    ('B07FN83K5S', 'balancebike', 'FirstBIKE', 'FirstBIKE L2031 平衡车，橙色，标准'),
    ('B0735Q681B', 'condom', 'LifeStyles', 'LifeStyles SKYN Elite *套 36 Count 36份 36'),
    ('B01F38968A', 'tissue', 'Kleenex', 'Kleenex 纸巾 超级家庭装 3层厚 420枚(140组) ×10箱（整箱售卖）'),
    ('B00FKL87OK', 'wallet', 'Timberland', 'Timberland Blix Slimfold 男士皮革钱包'),
    ('B07CYSP55G', 'wallet', 'Timberland', "Timberland PRO Men's Slim Leather RFID Bifold Wallet with Back ID Window"),
    ('B00MCW7ODA', 'wallet', 'Timberland', 'Timberland 男士 皮革 三折钱包 带ID窗'),
    ('B00XOXFIUW', 'wallet', 'Fossil', 'Fossil Derrick RFID 男士 屏蔽皮革双折钱包 带翻盖 ID 窗口'),
    ('B07CG8T854', 'wallet', 'Lee', 'Lee 钱包 奢华意大利软皮 L 拉链'),
    ('B08T6MK62P', 'cleanser', 'glowoasis', 'glowoasis Cleanse Mini Duo 护肤套装 | 旅行装化妆洁面膏和泡沫洗面奶 | 旅行面部护肤产品 | 迷你面部洁面乳 | 卸妆液和温和泡沫洁面乳'),
    ('B09PP3BCKS', 'cleanser', 'INKEY List', 'INKEY List 燕麦洁面膏 适用于卸妆和清洁敏感肌肤 150毫升'),
    ('B099XJ8J43', 'cleanser', 'belif', 'belif Aqua Bomb 洁面膏 | 保湿洁面乳温和去除所有化妆品痕迹 | 无脏乱、无油残留物,无需双重清洁 | Kbeauty 护肤,3.3 液体盎司 盎司'),
    ('B07JW1C5WD', 'cardholder', '', '[塔西亚]栃木皮革车票夹 D0446N 栃木皮革'),
    ('B0827HHR32', 'cardholder', '', '丸和贸易 时尚猫 卡包 忍逢 7.6×11.1cm 4008782-06'),
    ('B0B568MCVT', 'skincare', '', '2 件装凝胶,适用于 GARYOB 频率面部机 600 毫升 2 件装'),
    ('B07TCFRKCY', 'skincare', "Burt's Bees", "Burt's Bees Renewal Dark Spot Corrector 含补骨脂酚视黄醇替代品，覆盆子, 1 液体盎司（29.57 毫升）（包装可能有所不同）"),
    ('B09PJ53C7P', 'scrub', 'Ogx', 'Ogx 柔滑 + 椰子咖啡去角质身体磨砂膏，含阿拉比卡咖啡和椰子油，适合干性皮肤的保湿沐浴露，不含对羟基苯甲酸酯，不含硫酸盐表面活性剂，19.5 液量盎司/ 577 毫升（3 件装）'),
    ('B09DCW8YPM', 'scrub', 'Sunday Rain', 'Sunday Rain 芦荟和甜美薄荷抛光身体磨砂膏,适用于干性皮肤,纯素,无刺激性,450毫升'),
    ('B00NTONNVW', 'pen', 'Pilot', 'Pilot 百乐 1098001 – 钢笔 MR2,鳄鱼,粗细 M,黑色'),
    ('B08LDNFY9Z', 'pen', 'PARKER', 'PARKER 派克 51 豪华钢笔，带梅花笔筒和镀金属性中号笔尖，18 克拉金色，带黑色墨盒，在礼盒中'),
    ('B009A64NIA', 'socket', 'Panasonic', 'Panasonic 松下 全彩埋入式接地双重插座 乳白色 盒装商品 WNP1512MWP'),
    ('B0055B82H2', 'socket', 'Panasonic', 'Panasonic 松下电器 全彩插座 WN1302P'),
    ('B01LXWI6OM', 'manicure', 'ZWILLING', 'ZWILLING 双立人 修甲工具,带钥匙扣,旅行格式不锈钢,黑色'),
    ('B00BWP9PJO', 'kscissors', 'WMF', 'WMF Grand Gourmet 多功能厨师剪 20cm，可作为开瓶器/旋盖器，Cromargan不锈钢'),
    ('B08J7G9S1F', 'cable', 'INIU', 'INIU USB C 充电器线，(1+1+2+2+3m) C 型 3.1A QC 3.0 快速充电，尼龙编织长手机充电器 USB-C 数据线适用于 Switch PlayStation 5 4 控制器 iPad Pro 三星 Google Pixel 等。'),
    ('B01DIGTUFS', 'cable', 'Elecom', 'Elecom USB 数据线 Type C (USB C to USB C) 100W 1.5m USB2.0认证品 *大480Mbps 黑色 U2C-CC5P15NBK'),
    ('B0878LZZSB', 'mask', 'DIDIOOI', 'DIDIOOI 口罩 50 片 5 层杯形防尘口罩透气舒适一次性口罩'),
    ('B000XYN5RS', 'fridge', 'DREAM cheeky', 'DREAM cheeky 迷你冰箱 USB连接'),
    ('B09J2TDQLR', 'fridge', 'Denver', 'Denver 迷你冰箱 MFR - 400 黑色,带 Funcion de ReFRIGERACION Y CALEFACCION Negro'),
    ('B0919YSY13', 'fridge', '', '精致复古冰箱 RKS120-V-H-160F 红色 | 立式设备 | 122 升容量 | 红色 | 玻璃架和蔬菜隔层 | LED 灯 | 复古风格 | 后轮轮'),
    ('B0073CDF6Y', 'toy', 'Licca-Chan', 'Licca-Chan（莉卡娃娃）哗啦哗啦冰块冰箱 LF-01'),
    ('B0C3V65VCD', 'fridge', 'OHM', '【2023年*新】欧姆电机 冰箱 保温库 冷暖库 小型 4升 便携式 迷你冰箱 保温保冷柜 AC电源 USB电源 车载电源 电子式 带把手 保冷保温箱 时尚 白色 露营 户外 KAJ-R041R-W 08-1274 OHM'),
    ('B07R3XRHGV', 'fitness', 'FIT1ST', 'FIT1ST 健身*健身训练轮胎'),
    ('B003F002GO', 'tire', 'Marathon', 'Marathon 13x6.50-6" 轮平式免费轮胎，7.62cm 轮毂，1.91cm 轴承'),
    ('B0BRWSVZ9L', 'tire', 'Red Hawk', 'Red Hawk TIR-233 轮胎 - Kenda Loadstar,205/65-10,DOT,4 层高尔夫球车'),
    ('B001KXJI2M', 'tirecover', 'UNITEC', 'UNITEC 75555 轮胎袋套装，轮胎罩，4 件套，防水，可水洗，黑色/红色，用于清洁运输和安全存放'),
    ('B0BPKRCBWB', 'carkey', 'Auovo', 'Auovo汽车钥匙套适用于Ma*zda 3 CX30,优质软钥匙盒,TPU钥匙套兼容Ma*zda 3 Alexa CX30 MX30 MX5 Miata RF CX5 CX8 CX9 CX4'),
    ('B0BTB7ZRBT', 'keychain', '', '纯铜钥匙链*触摸工具 – 汽车钥匙扣无触摸钥匙扣工具 | 铜钥匙圈支架钥匙扣 | 免提电梯无触摸工具钥匙夹, 铜色, default'),
    ('B09Q961WWY', 'carkey', '', '汽车钥匙包真皮钥匙扣盖,皮革钥匙包金属钩和钥匙圈拉链包, 棕色, 5.70inch X2.16inch X1.06inch（145mmX55mmX27mm）'),
    ('B085RPFGFN', 'patio', 'LOKATSE HOME', 'LOKATSE HOME 柳条边桌 5件式，户外会话，集露台家具，PE藤制全天候软垫，椅子，阳台门廊与奥斯曼帝国和玻璃咖啡于一体，蓝色'),
    ('B07DF95SZZ', 'patio', 'Great Deal Furniture', 'Great Deal Furniture 305239 Ava 户外 3 件绳和钢制聊天套装，灰色表面和白色'),
    ('B0C7G3MP8V', 'outdoorlight', 'Uolfin', 'Uolfin 户外吊灯,黑色户外灯具,带种子玻璃,防锈外部悬挂灯笼门廊灯,适用于庭院,前门'),
    ('B08FBFPVRT', 'outdoorlight', 'Ledlenser', 'Ledlenser ML2/CL2 野营灯 用于户外活动、露营和旅行 亮度 300 流明/暖光轻巧型 ML4'),
    ('B01DYOEWES', 'motojacket', 'Bikers Gear Australia', 'Bikers Gear Australia 经典复古风格"The Bonnie"牛皮摩托车夹克,带 CE1621-1 可拆卸护甲 - 象牙色 条纹 XL'),
    ('B0BZVRQFV2', 'recorder', 'YVOER', 'YVOER 64GB钥匙扣录音机 带播放功能 声控录音 800小时录音容量 可调比特率 迷你录音设备 三重降噪 适用于讲座、会议、采访'),
    ('B0035YGKMU', 'recorder', 'Dmt', 'Dmt O2c 2-1/2 英寸 Dia-sharp 迷你录音笔'),
    ('B0C5MBRTT3', 'mute', 'YAMAHA', '雅马哈 YAMAHA 静音文胸 小号・短号用 SB7J 充分消音性 自然音色 吹奏舒适'),
    ('B0C5MC4XNB', 'mute', 'YAMAHA', 'YAMAHA 雅马哈 YAMAHA 静音黄铜SB5J 泰纳长骨次中音长骨 胸骨用 充分消音性 自然音色 吹奏舒适'),
    ('B07JD89LMH', 'lipstick', 'LANCOME', 'LANCOME 兰蔻 口红 3.4g'),
    ('B0784GJXLZ', 'lipstick', "L'Oreal", "(350, insanesation insanesation) - l'oreal paris colour riche shine lipstick 350, insanesation, 5 ml"),
    ('B077DHHXXK', 'lipstick', 'KIKO Milano', 'KIKO Milano 丰盈口红唇膏，407'),
    ('B07V7Y5B6G', 'lipstick', 'Max Factor', 'Max Factor 蜜丝佛陀 Color Elixir 口红唇膏，口红色号 55|4ml'),
    ('B07V8W9V4X', 'lipstick', 'Max Factor', 'Max Factor Color Elixir 唇膏 含维生素 E 色泽粉色白兰地 050'),
    ('B08HJKQP7X', 'sunscreen', 'Cetaphil', 'Cetaphil 丝塔芙 透明矿物液体防晒霜，适用于面部，氧化锌 SPF 50，专为敏感肌肤配制，无味，1.7 液量盎司（50ml）'),
    ('B01LTI9PKW', 'sunscreen', 'Neutrogena', 'Neutrogena 露得清 Age Shield 抗氧化面部乳液防晒霜，具有广谱 SPF 70，无油和非粉刺保湿防晒霜，可防止衰老迹象，3 液体盎司（3 件装）88ml'),
    ('B001P92FMG', 'sunscreen', 'Neutrogena', 'Neutrogena 露得清 Sport Face 无油防晒霜，UVA / UVB保护，SPF 70+，抗汗，防水，主动运动，2.5液体盎司，73毫升'),
    ('B08WWBG5S7', 'sunscreen', 'KOSE', 'KOSE 高丝 Suncut Prodefence 美白防晒霜 可防止皮肤粗糙 90g 无香料'),
    ('B083GRX5BH', 'shoe', 'Ecco', 'Ecco Outdoor Biom Aex Luxe Hydromax 男士防水跑鞋'),
    ('B08T7NTDTN', 'shoe', 'Keen', 'Keen HOWSER WRAP 女士 运动鞋'),
    ('B0BH3VX4YM', 'plush', '', '中岛公司 海绵宝宝 BD 175977-22'),
    ('B09QQSTPX1', 'hat', 'HUGO', 'HUGO 男士帽子'),
    ('B0C2NXWHNC', 'fridge', 'Yamazen', 'Yamazen 山善 冷冻冷藏冰箱 25升 便携式 压缩机式 （交流/直流两用电源） 车载 冷藏冰箱 冷冻冰箱 小型 冷藏箱 黑色 YFR-C25(B)'),
    ('B08L9PZVYV', 'fridge', 'StyPro', 'StyPro Silver 迷你*冰箱(4升/6罐):Ac/Dc 便携式热电冷却器和加热器,适用于护肤、*油、精华、面霜、保湿霜、爽肤水、*霜和家居用品,BC60A'),
    ('B07GC9116J', 'fridgepart', 'LG', 'LG AHJ72909001 冰箱冰箱抽屉滚筒原装设备制造商(OEM)零件'),
    ('B0C5WP864V', 'fridgepart', '', 'QP2-4.7 QP2-4R7 起动继电器过载 1 针冰箱启动继电器和 6750C-0005P 适用于 LG 冰箱冰箱过载保护器迷你冰箱零件压缩机'),
    ('B00BIZDI0A', 'fridgepart', 'LG', 'LG 6 个月冰箱空气过滤器替换装 (LT120F)'),
    ('B01A6HYITU', 'pet', 'Wholesome Pride', 'Wholesome Pride 红薯咀嚼狗狗零食,16 盎司(453克) - 天然健康 - 素食、无麸质和无谷物狗零食 - 美国制造'),
    ('B0BRPWC3G8', 'figurine', 'Hutyio', 'Hutyio 手工零食,送给丢失狗或猫的礼物,木制狗雕像 猫雕像和人类人物组(男猫)'),
    ('B01MRUSH5W', 'brow', 'Estée Lauder', 'Estée Lauder 雅诗兰黛 眉粉,1件装(1 x 1.2毫升)'),
    ('B0B97HKGC9', 'brow', 'COLORKEY', 'COLORKEY 雾眉笔(#01 摩卡棕色),防水眉笔在稀疏区域缝隙中画出小眉毛,超薄眉笔'),
    ('B0BGY9SXX8', 'brow', 'Etude', 'Etude 官方 绘画 眉笔 深棕色 0.25 grams'),
    ('B015FG6ZN4', 'brow', 'excel', 'excel 3合1持久造型眉笔 （眉粉 眉笔 眉梳）EX PD01 自然棕色'),
    ('B08P4YPB8Q', 'mascara', 'Maybelline', 'Maybelline 美宝莲 New York Lash Sensational Sky High 睫毛膏极黑 7.2ml'),
    ('B002RD3KCS', 'mascara', 'Estee Lauder', 'Estee Lauder 双层保湿睫毛膏 0.22 盎司/6 毫升 0.22oz/6ml'),
    ('B08M6BCTBV', 'pingpong', 'VICTAS', 'VICTAS 乒乓球 公认比赛球 VP40+ 3星 白色'),
    ('B0BPCTPQHB', 'pingpong', 'JOOLA', 'JOOLA Tischtennisbälle 3-Star, Premium Qualität, 3 Sterne, Hervorragende Spieleigenschaften und Lange Haltbarkeit, Indoor und Outdoor Kompatibel'),
    ('B08Y1SMYM2', 'pingpong', 'VICTAS', 'VICTAS 乒乓球 橡胶 VENTUS Regular 20000'),
    ('B0012QHI06', 'pingpong', 'JOOLA', 'JOOLA 乒乓球套装，包括乒乓球拍、乒乓球、乒乓球罩、乒乓球网，国际乒联认可'),
    ('B08S32YB6D', 'pingpong', 'YASAKA', 'YASAKA 乒乓球 球拍 Mark 碳 横握式底板 攻击用 5 层胶合板+2 片碳 碳 YR183'),
    ('B0BC75RNLQ', 'womens', 'URBEST', 'URBEST 女式拉链连帽衫可爱超大长袖运动衫适合少女休闲秋季 Y2K 服装'),
    ('B07HJGC13L', 'womens', 'Trilly tutti Brilli', 'Trilly tutti Brilli Irmine 羊毛连衣裙,带花朵胸针,XS 码,黑色'),
    ('B0C85GTJMV', 'facecloth', 'IRIS OHYAMA', 'IRIS OHYAMA 爱丽思欧雅玛 洗脸毛巾 一次性洗脸巾 卷型'),
    ('B00ZC2RGBW', 'brush', 'Wahei freiz', '和平フレイズ(Wahei freiz) 油刷套装 烹饪器具 小 日本制造 AD-319'),
    ('B002TYZT24', 'brush', 'PEARL LIFE', 'PEARL LIFE 日本珍珠生活 进口油刷 刷子 食品刷(30mm)D-3489'),
    ('B07X96L474', 'brush', 'STAUB', 'STAUB 珐宝 烘焙刷头 油 刷毛 硅胶制 Ustensiles Pastry brush 40503-109'),
    ('B0B6PSMJHF', 'brush', '', 'Wooden Baking Brush BBQ Basting Brush 烹饪刷 厨房油刷 糕点刷 用于烹饪猪鬃烤刷 适用于木厨房烧烤(圆形手柄刷)'),
    ('B000XF2K2S', 'peeler', 'Victorinox', 'Victorinox 维氏 刨皮器 7.6073 红色'),
    ('B001FDD70G', 'ruler', 'Staedtler', 'Staedtler 施德楼 Mars 563 20 铝制尺子 20 厘米'),
    ('B00T9L976E', 'tape', 'tesa', 'tesa 德莎 德国 包装强力包装带 尺寸为66m*50mm 透明'),
    ('B07L18HP1K', 'tape', '', '多功能橡胶屋顶防水胶带可防止泄漏! - 屋顶房车露营车遮阳篷防水船修复 - 白色 4 英寸 x 50 英尺'),
    ('B001ELJ0VE', 'tape', 'SASAKI', 'ササキ(SASAKI) 彩色魔术胶带 HT-3'),
    ('B007VTU1IY', 'tape', '3M', '3M 3939 重型胶带，银，1.88英寸（约4.78厘米） x 60码 x 900万密耳–用于密封，固定，捆扎和加固的专业级防水胶带，1包'),
    ('B071KGRXRG', 'ssd', 'SanDisk', 'SanDisk 闪迪 Ultra 3D SSD 内置硬盘 1TB(2.5英寸内置固态硬盘，抗震，3D NAND技术，n-Cache 2.0技术，560MB/s传输速率)，黑色'),
    ('B07HP78DZ5', 'ram', 'Crucial', 'Crucial 英睿达RAM CT4G4SFS8266 4GB DDR4 2666MHz CL19 笔记本电脑内存条'),
    ('B09QV692XY', 'ssd', 'Western Digital', 'Western Digital BLACK 1TB SN770 NVMe 内部游戏 SSD 固态硬盘 - Gen4 PCIe，M.2 2280，高达 5,150 MB/s - WDS100T3X0E'),
    ('B09VLJ7VBM', 'ssd', '三星', '三星 T7 Shield 2TB，便携式固态硬盘，高达 1050MB/s，USB 3.2 Gen2，Rugged，IP65 等级，适用于摄影师、内容创作者和游戏，外部固态硬盘（MU-PE2T0R/AM，2022），蓝色'),
    ('B00GN6B6KI', 'toy', 'VTech', 'VTech 伟易达 Talk and Learn 智能手机'),
    ('B07XY6MGGZ', 'phone', 'OnePlus', 'OnePlus NORD (5G) 12GB RAM 256GB 无 SIM 卡智能手机，带四摄像头，双 SIM 卡。现在内置 Alexa - 灰灰色'),
    ('B09N3NQBNM', 'modelkit', 'Good Smile', 'Good Smile XCII-Urania 塑料模型套件 G15654 多色'),
    ('B005JABN8Y', 'modelkit', 'BANDAI', 'BANDAI 万代拼装模型 航海王 阳光万里号 新世界篇-3800 HGD-171627'),
    ('B00M9CUJ6W', 'mic', 'AKG', 'AKG P220 人声电容话筒，黑色（3101H00420）'),
    ('B07W6JM8BJ', 'mouse', 'Logitech', 'Logitech 罗技 Signature M650 L 左无线鼠标 - 适用于大型左手、静音点击、可自定义的侧按钮、蓝牙、多设备兼容性 - 白色'),
    ('B07W5JKVKC', 'mouse', 'Logitech', 'Logitech 罗技 M240 静音蓝牙鼠标,无线、小巧、便携、平滑跟踪、18 个月电池,适用于 Windows、macOS、ChromeOS,兼容 PC、Mac、笔记本电脑、平板电脑 - 白色'),
    ('B07GS6ZB7T', 'mouse', 'Logitech', 'Logitech 罗技 G502 Hero 高性能有线游戏鼠标，Hero 25K 传感器，25,600 DPI，RGB，可调节重量，11 个可编程按钮，板载内存，PC/Mac - 黑色'),
    ('B07W6JP8N2', 'mouse', 'Logitech', 'Logitech 罗技 G502 HERO 游戏鼠标特别版，Hero 16000 DPI传感器，RGB照明，重量调整，11个可编程按钮，可自定义游戏配置文件，PC/Mac，黑白色/德国版'),
    ('B00CJAEZ82', 'mouse', 'Logitech', 'Logitech G 系列 USB 游戏鼠标'),
    ('B09Y2LL45F', 'headphone', 'Sony', 'Sony 索尼 WH-1000XM5S 降噪无线耳机 - 30 小时电池寿命 - 包耳式 - 针对 Alexa 和 Google Assistant 进行了优化 - 内置通话麦克风 - 银色/金色'),
    ('B0BTJ8ZXG5', 'headphone', 'Sony', 'Sony 索尼 无线蓝牙耳机 - 电池续航时间长达 50 小时，具有快速充电功能，入耳式 - WH-CH520L.CE7 - 限量版 - 哑光蓝'),
    ('B0BTDWPQHZ', 'headphone', 'Sony', 'Sony 索尼 WH-CH720NW 降噪无线蓝牙耳机 - 内置麦克风 - 长达 35 小时的电池寿命和快速充电 - 哑光白'),
    ('B08C7KG5LP', 'headphone', 'Sony', 'Sony 索尼 WH-1000XM4 噪音无线头戴式耳机，30小时待机，内置麦克风用于电话通话，黑色'),
    ('B00I3LUR42', 'headphone', 'Sony', 'Sony 索尼 MDR-EX15LPW 封闭式入耳式耳机，白色'),
    ('B00I3LV11K', 'headphone', 'Sony', 'Sony 索尼 MDREX650APT.CE7 耳机 带黄铜外壳,带麦克风和控制器 - 金色/黑色'),
]

# kind -> (category path, price band lo, hi). Categories and price bands are ours:
# the corpus gives no category and no price (one exception, below).
KINDS = {
    "phone": ("数码通讯/智能机", 800, 6000),
    "case": ("数码通讯/机壳", 30, 150),
    "cable": ("数码通讯/连接线", 20, 120),
    "headphone": ("影音/头戴与入耳", 100, 2500),
    "recorder": ("影音/录音设备", 100, 600),
    "mic": ("影音/话筒", 300, 1500),
    "mouse": ("电脑外设/鼠标", 60, 600),
    "keyboard": ("电脑外设/电竞键盘", 300, 1500),
    "ssd": ("电脑外设/硬盘", 300, 1500),
    "ram": ("电脑外设/内存", 100, 400),
    "pen": ("文具/书写笔", 100, 1200),
    "tape": ("文具/封箱胶带", 10, 120),
    "ruler": ("文具/尺规", 10, 60),
    "book": ("图书", 30, 300),
    "jeans": ("服装/裤装", 200, 800),
    "womens": ("服装/女士上装", 150, 900),
    "down": ("服装/羽绒外套", 500, 3000),
    "motojacket": ("服装/骑行夹克", 800, 3000),
    "hat": ("服装/帽类", 80, 500),
    "shoe": ("鞋靴/运动跑鞋", 300, 1200),
    "sunglasses": ("配饰/墨镜", 200, 1500),
    "hairclip": ("配饰/发夹发卡", 10, 80),
    "hairtie": ("配饰/发绳", 10, 60),
    "necklace": ("配饰/颈饰", 100, 3000),
    "bracelet": ("配饰/手饰脚饰", 50, 1500),
    "keychain": ("配饰/钥匙配件", 20, 200),
    "carkey": ("汽车用品/钥匙包", 30, 200),
    "wallet": ("箱包/皮夹", 150, 900),
    "cardholder": ("箱包/卡夹", 50, 300),
    "camerabag": ("箱包/摄影包", 500, 1500),
    "desklamp": ("灯具/桌面灯", 100, 1200),
    "outdoorlight": ("灯具/户外照明", 100, 800),
    "stool": ("家具/坐凳", 50, 400),
    "desk": ("家具/桌台", 300, 1500),
    "patio": ("家具/庭院桌椅", 800, 4000),
    "clock": ("家居装饰/钟", 100, 600),
    "figurine": ("家居装饰/木雕", 50, 300),
    "tissue": ("日用/纸品", 20, 200),
    "laundry": ("日用/衣物洗涤", 30, 200),
    "airfresh": ("日用/芳香除味", 20, 150),
    "towel": ("日用/面巾浴巾", 30, 200),
    "facecloth": ("日用/一次性洁面巾", 20, 80),
    "mask": ("日用/防护口罩", 20, 100),
    "cup": ("厨具/杯壶", 50, 300),
    "lunchbox": ("厨具/便当盒", 50, 400),
    "kscissors": ("厨具/厨房剪", 100, 500),
    "brush": ("厨具/烘焙刷", 20, 150),
    "peeler": ("厨具/刨刀", 20, 120),
    "manicure": ("个护/美甲工具", 50, 300),
    "toothbrush": ("个护/口腔护理", 150, 1500),
    "condom": ("个护/计生", 50, 200),
    "toner": ("护肤/化妆水", 100, 500),
    "cleanser": ("护肤/洁面产品", 80, 300),
    "scrub": ("护肤/身体去角质", 60, 250),
    "sunscreen": ("护肤/防晒产品", 80, 300),
    "skincare": ("护肤/精华凝胶", 100, 500),
    "eyeshadow": ("彩妆/眼部彩妆", 100, 400),
    "lipstick": ("彩妆/唇部彩妆", 80, 400),
    "brow": ("彩妆/眉部彩妆", 50, 300),
    "mascara": ("彩妆/睫毛彩妆", 80, 300),
    "badminton": ("运动/羽球装备", 150, 990),
    "squash": ("运动/壁球装备", 200, 800),
    "pingpong": ("运动/乒乓装备", 30, 800),
    "balancebike": ("运动/儿童滑步车", 300, 1200),
    "fitness": ("运动/健身器材", 200, 800),
    "tire": ("汽车用品/车胎", 300, 1500),
    "tirecover": ("汽车用品/车胎收纳", 100, 300),
    "carclean": ("汽车用品/清洗液", 50, 300),
    "fridge": ("家电/冷藏设备", 300, 6000),
    "fridgepart": ("家电/冷藏设备配件", 50, 300),
    "socket": ("电工/墙壁插座", 20, 100),
    "pet": ("宠物/犬猫零食", 50, 200),
    "mute": ("乐器/铜管配件", 200, 800),
    "supplement": ("保健/膳食补充", 100, 300),
    "modelkit": ("玩具/模型套件", 100, 800),
    "plush": ("玩具/卡通公仔", 50, 300),
    "toy": ("玩具/过家家", 50, 400),
}

# Where the corpus itself fixes a price. conv 44641: the shopper asks "第三个多少钱啊"
# about a list of wallets and the system answers "目前的价格是166元" showing B00MCW7ODA.
PRICE_OVERRIDE = {"B00MCW7ODA": 166.0}
# conv 2019: to "请问有YONEX，500-1000的球拍吗" the system shows seven YONEX rackets and
# the shopper likes them all, so the corpus places them in 500-1000: their band is 500-990.
BAND_OVERRIDE = {sku: (500, 990) for sku, kind, brand, _ in PRODUCTS if brand == "YONEX"}


def price_for(sku: str, kind: str) -> float:
    if sku in PRICE_OVERRIDE:
        return PRICE_OVERRIDE[sku]
    _, lo, hi = KINDS[kind]
    lo, hi = BAND_OVERRIDE.get(sku, (lo, hi))
    steps = (hi - lo) // 10 + 1
    return float(lo + (int(hashlib.sha1(sku.encode()).hexdigest(), 16) % steps) * 10)


# --------------------------------------------------------------------------
# Policies. The corpus has no policy questions (the shoppers only searched for
# products); a store needs its policies anyway, so these rows are ours, written
# plainly, and no evaluation line points at them.
# --------------------------------------------------------------------------
FAQ = [
    ("returns", "怎么退货？",
     "签收后7天内，商品及配件、包装完好、不影响二次销售的，可以无理由退货；质量问题随时可申请退货。生鲜、定制、已拆封的个护和贴身用品不支持无理由退货。请带上购物小票或订单号到服务台办理，网上订单在订单页面申请售后。",
     "可以退吗;不想要了能退吗", "退货"),
    ("exchange", "可以换货吗？",
     "签收后15天内出现质量问题可以换同款；7天内商品完好，可以换颜色或尺码（有货时）。换成别的商品请先退货再重新购买。",
     "能换个颜色吗;尺码不合适能换吗", "换货"),
    ("refund", "退款多久能到账？",
     "退款原路退回：仓库或门店收到退货并检查无误后1-3个工作日内处理，到账时间以银行或支付平台为准，一般1-7天。",
     "钱什么时候退回来;退款退到哪里", "退款"),
    ("warranty", "商品有保修吗？",
     "电子电器类商品按厂家规定保修，一般整机一年，凭购物凭证和保修卡到服务台或厂家售后网点报修；人为损坏、进水不在免费保修范围内。",
     "坏了能修吗;保修多久", "保修"),
    ("delivery", "多久能送到？",
     "门店现货当天可以自提；送货上门在下单后1-3天内送达，偏远地区会晚一些，大件商品需提前预约送货时间。",
     "什么时候发货;几天能到", "配送"),
    ("shipping_fee", "运费怎么算？",
     "单笔订单满99元免运费，不满99元收取10元运费；大件商品和偏远地区另计，以结算页面为准。",
     "包邮吗;要运费吗", "运费"),
    ("order_tracking", "怎么查物流？",
     "在订单详情里可以看到快递公司和运单号，也可以把订单号告诉服务台的工作人员帮您查询。",
     "我的快递到哪了;物流信息在哪看", "物流"),
    ("cancel_order", "订单能取消吗？",
     "订单还没有发货前可以直接在订单页面取消，款项原路退回；已经发货的请拒收或签收后申请退货。",
     "不想要了能取消吗;怎么取消订单", "取消订单"),
    ("invoice", "可以开发票吗？",
     "可以开具电子普通发票或增值税专用发票，结账时告诉收银员抬头和税号；网上订单在订单详情里申请，电子发票开好后可以下载。",
     "发票怎么开;能开专票吗", "发票"),
    ("payment", "支持哪些付款方式？",
     "支持现金、银行卡、微信支付和支付宝；部分商品可以分期付款，以结账时的提示为准。",
     "可以用微信付吗;能刷卡吗", "支付"),
    ("coupons", "有优惠券吗？",
     "会员注册后可领新人优惠券，店内活动和满减以门店公告为准；优惠券不能兑换现金，一个订单通常只能用一张。",
     "有没有活动;能便宜点吗", "优惠"),
    ("authenticity", "是正品吗？",
     "本店商品都从品牌方或授权经销商进货，保证正品，可以提供购物凭证；对真伪有疑问可以到服务台查验。",
     "保证正品吗;会不会是假货", "正品"),
]

# --------------------------------------------------------------------------
# Evaluation lines: (conv_id, msg key, kind, expect, after msg keys).
# kind: product (a request that opens the search), followup (a product turn that
#   depends on the earlier turns in `after`), none (nothing in this store answers),
#   closing (thanks / goodbye: no product or policy should be presented).
# --------------------------------------------------------------------------
NONE = {"none": True}


def of(kind: str) -> list[str]:
    return [s for s, k, _, _ in PRODUCTS if k == kind]


def of_brand(kind: str, brand: str) -> list[str]:
    return [s for s, k, b, _ in PRODUCTS if k == kind and b == brand]


def any_(skus) -> dict:
    return {"products_any": sorted(skus)}


MEN_SHOES = ["B087CDFSMH", "B09LCRQMRC", "B0885STYF7", "B094R1FVY1", "B0787QZRGM", "B083GRX5BH"]
CLOTHES = of("jeans") + of("womens") + of("down") + of("motojacket")

ITEMS = [
    # greetings: chit-chat, nothing to show
    (280, 296, "none", NONE, []),
    (45071, 45098, "none", NONE, []),
    (50143, 50157, "none", NONE, []),
    (50337, 50350, "none", NONE, []),
    # early conversations: greeting, then a one-line request
    (280, 316, "product", any_(of("phone")), [296]),
    (280, 350, "followup", {**any_(["B0C28LLG59", "B09Q67SVBG"]), "brand": "华为"}, [296, 316]),
    (406, 451, "product", any_(of("pen")), [424]),
    (507, 544, "product", any_(of("jeans")), [523]),
    (598, 635, "product", any_(of("sunglasses")), [612]),
    (685, 725, "product", any_(of("desklamp")), [701]),
    (871, 910, "product", any_(of("book")), [888]),
    (871, 945, "followup", any_(["B093HBDHHX", "3961115397"]), [888, 910]),
    (1006, 1039, "product", any_(of("hairclip")), [1018]),
    (1094, 1130, "product", any_(of("hairtie")), [1110]),
    (1185, 1218, "product", any_(of("necklace")), [1197]),
    (1363, 1396, "product", any_(of("keychain")), [1376]),
    (1452, 1491, "product", any_(of("bracelet")), [1469]),
    (1543, 1579, "product", any_(of("mouse")), [1557]),
    (1634, 1665, "product", any_(of("keyboard")), [1647]),
    (1720, 1758, "product", any_(of("stool")), [1732]),
    # free-form requests and refinements
    (1890, 1914, "product", any_(of("tissue")), []),
    (1890, 1935, "followup", any_(["B0753LRCJL", "B01F38968A", "B07NQNS9CR"]), [1914]),
    (1890, 1970, "followup", any_(["B01F38968A", "B07NQNS9CR"]), [1914, 1935]),
    (2019, 2033, "product", any_(of("badminton")), []),
    (2019, 2128, "followup", {**any_(of_brand("badminton", "YONEX")), "min_price": 500,
                              "max_price": 1000, "brand": "YONEX"}, [2033]),
    (2019, 2209, "closing", NONE, [2033, 2128]),
    (2265, 2285, "product", any_(of("cup")), []),
    (2265, 2313, "followup", any_(of("cup")), [2285]),
    (9735, 9754, "none", NONE, []),                       # vivo phones: none here (cases only)
    (9735, 9784, "followup", any_(of("case")), [9754]),
    (None, "before9670", "product", any_(of("desk")), []),
    (None, 9685, "followup", any_(["B086932FP5"]), ["before9670"]),
    (None, 18083, "product", any_(of("eyeshadow")), []),
    (None, 18111, "followup", any_(["B06WLH181R"]), [18083]),
    (18020, 18041, "product", any_(of("toner")), []),
    (18020, 18143, "followup", any_(["B000PIMUR8", "B01CEB809K"]), [18041]),
    (25333, 25349, "product", any_(["B082LBTJ9M", "B083KK7DQH"]), []),
    (25333, 25456, "followup", any_(["B083KK7DQH"]), [25349]),
    (25407, 25426, "product", any_(["B09CPSLRT9"]), []),
    (None, 35534, "product", any_(of_brand("shoe", "ASICS")), []),
    (35548, 35668, "product", any_(of("lunchbox")), []),
    (35548, 35719, "followup", any_(["B09TNGRLB4"]), [35668]),
    (None, 63061, "product", any_(of_brand("laundry", "Tide")), []),
    (62975, 63086, "product", any_(of("toothbrush")), []),
    (62975, 63118, "followup", any_(["B094HRPBDG"]), [63086]),
    (92992, 93039, "product", any_(of("airfresh")), []),
    (92992, 93124, "followup", any_(["B00DZIW53Y", "B08MX6Z5BT", "B00ICG0Z4U"]), [93039]),
    (5469, 5486, "none", NONE, []),                       # fresh fruit: none here
    (5469, 5519, "followup", any_(["B09FVQ7R58"]), [5486]),
    (5571, 5587, "product", any_(["B0B74TKTDG"]), []),
    (13757, 13805, "product", any_(of("down")), []),
    (13757, 14155, "followup", any_(["B09MVS7GC6"]), [13805]),
    (13883, 13953, "none", NONE, [13904]),                # medicine: none here
    (21615, 21633, "product", any_(of_brand("phone", "摩托罗拉")), []),
    (21615, 21693, "followup", any_(["B0BVZWWJYB", "B0B453H2D6"]), [21633]),
    (21782, 21841, "product", any_(of("down")), []),
    (31215, 31232, "product", any_(of("balancebike")), []),
    (31215, 31265, "followup", any_(["B07FN83K5S"]), [31232]),
    (31281, 31298, "product", any_(of("condom")), []),
    (31281, 31361, "none", NONE, [31298]),                # Durex: not in this catalog
    (44641, 44657, "product", any_(of("wallet")), []),
    (44641, 44791, "followup", any_(of("wallet")), [44657]),
    (None, 44804, "closing", NONE, []),
    (45071, 45117, "product", any_(of("cleanser")), [45098]),
    (45071, 45222, "none", NONE, [45098, 45117]),         # 路维尔: not in this catalog
    (54426, 54443, "product", any_(of("cardholder")), []),
    (54426, 54548, "followup", any_(["B0827HHR32"]), [54443]),
    (70188, 70239, "product", any_(of("scrub")), []),
    (70188, 70337, "followup", any_(["B09DCW8YPM"]), [70239]),
    (77675, 77690, "product", any_(of("socket")), []),
    (77675, 77724, "followup", any_(["B0055B82H2"]), [77690]),
    (77782, 77802, "product", any_(["B01LXWI6OM", "B00BWP9PJO"]), []),
    (77782, 77884, "followup", any_(["B00BWP9PJO"]), [77802]),
    (77967, 77982, "product", any_(of("cable")), []),
    (77967, 78000, "followup", any_(of("cable")), [77982]),
    (77967, 78033, "followup", any_(of("cable")), [77982, 78000]),
    (78083, 78097, "product", any_(of("mask")), []),
    (85198, 85264, "product", any_(of("tire") + of("fitness")), [85225]),
    (85198, 85436, "followup", any_(of("tirecover")), [85225, 85264]),
    (85321, 85361, "none", NONE, [85337]),                # a car: none here
    (85321, 85475, "none", NONE, [85337, 85361]),
    (100871, 100888, "product", any_(of("outdoorlight")), []),
    (100871, 100951, "followup", any_(["B08FBFPVRT"]), [100888]),
    (100903, 100921, "product", any_(of("motojacket") + ["B08KG6Y4NW"]), []),
    (100903, 100982, "followup", any_(["B08KG6Y4NW"]), [100921]),
    (None, "before109491", "product", any_(of("recorder")), []),
    (None, 109505, "followup", any_(["B0035YGKMU"]), ["before109491"]),
    (109570, 109584, "product", any_(of("mute")), []),
    (109570, 109696, "followup", any_(["B0C5MC4XNB"]), [109584]),
    (109648, 109664, "none", NONE, []),                   # guitars: none here
    (None, 39556, "product", any_(of_brand("lipstick", "Max Factor")), []),
    (39312, 39451, "product", any_(of("sunscreen")), [39414]),
    (39312, 39602, "followup", any_(["B08WWBG5S7"]), [39414, 39451]),
    (39312, 39772, "closing", NONE, [39414, 39451, 39602]),
    (39644, 39667, "product", any_(of("cup")), []),
    (50143, 50183, "product", any_(of("plush")), [50157]),
    (50337, 50369, "product", any_(["B09QQSTPX1", "B09CPSLRT9", "B083KK7DQH", "B082LBTJ9M"]), [50350]),
    (None, 58734, "product", any_(of("fridge")), []),
    (58759, 58775, "product", any_(of("pet")), []),
    (58759, 58791, "followup", any_(of("pet")), [58775]),
    (66606, 66626, "product", any_(of("brow")), []),
    (66606, 66690, "followup", any_(["B015FG6ZN4", "B0B97HKGC9", "B01MRUSH5W"]), [66626]),
    (66772, 66788, "product", any_(of("mascara")), []),
    (66772, 66856, "followup", any_(["B002RD3KCS"]), [66788]),
    (74141, 74155, "product", any_(CLOTHES), []),
    (74141, 74176, "followup", any_(of("womens")), [74155]),
    (74141, 74431, "followup", any_(of("womens")), [74155, 74176]),
    (74202, 74258, "product", any_(of("facecloth")), []),
    (74202, 74293, "followup", any_(of("towel")), [74258]),
    (81131, 81149, "product", any_(of("brush")), []),
    (81131, 81197, "followup", any_(["B0B6PSMJHF", "B00ZC2RGBW", "B002TYZT24"]), [81149]),
    (81317, 81349, "product", any_(of("peeler")), []),
    (89237, 89253, "product", any_(of("tape")), []),
    (89237, 89359, "followup", any_(["B07L18HP1K", "B001ELJ0VE", "B007VTU1IY"]), [89253]),
    (89311, 89329, "product", any_(of("tape")), []),
    (89311, 89388, "followup", any_(["B007VTU1IY", "B00T9L976E", "B07L18HP1K"]), [89329]),
    (97392, 97410, "product", any_(of("ssd")), []),
    (97392, 97450, "followup", any_(["B09VLJ7VBM", "B071KGRXRG"]), [97410]),
    (104504, 104535, "product", any_(of("modelkit")), []),
    (104504, 104599, "followup", any_(["B005JABN8Y"]), [104535]),
    (104758, 104809, "none", NONE, []),                   # an aeroplane: none here
    (104758, 104828, "followup", any_(of("mic")), [104809]),
    (56559, 56573, "product", any_(of("headphone")), []),
    (56559, 56592, "followup", any_(of("headphone")), [56573]),
    (56559, 56652, "followup", any_(["B00I3LUR42", "B00I3LV11K"]), [56573, 56592]),
    (56731, 56746, "product", any_(of("shoe")), []),
    (56731, 56765, "followup", any_(MEN_SHOES), [56746]),
    (56731, 56783, "none", NONE, [56746, 56765]),         # Nike: not in this catalog
]


def text_of(key) -> str:
    conv, text = BEFORE[key] if isinstance(key, str) else TEXTS[key]
    return text.strip()


def build_items() -> list[dict]:
    items = []
    for conv, key, kind, expect, after in ITEMS:
        iid = f"pscon-{conv if conv is not None else 'x'}-{key if isinstance(key, str) else 'm%d' % key}"
        line = {"id": iid, "q": text_of(key)}
        if after:
            line["after"] = [text_of(a) for a in after]
        line["expect"] = expect
        src = {"corpus": CORPUS_NAME, "conv_id": conv, "kind": kind}
        if isinstance(key, str):
            src["before_msg_id"] = int(key[len("before"):])
        else:
            src["msg_id"] = key
        line["source"] = src
        items.append(line)
    return items


def write_store(out: Path) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    (out / "store.toml").write_text(
        "# Shoppers' words from PSCon's Chinese conversations (CC BY 4.0); see SOURCE.md.\n"
        'name = "PSCon 对话导购测试店"\nlanguage = "zh"\ncurrency = "CNY"\n', encoding="utf-8")
    skus = [sku for sku, _, _, _ in PRODUCTS]
    assert len(set(skus)) == len(skus), "a SKU is repeated"
    (out / "products.csv").write_text(csv_text(PRODUCT_COLUMNS, (
        [sku, title, KINDS[kind][0], "%.2f" % price_for(sku, kind), brand, "CNY", "", "",
         "", "", KINDS[kind][0].split("/")[-1], ""] for sku, kind, brand, title in PRODUCTS)),
        encoding="utf-8")
    (out / "faq.csv").write_text(csv_text(FAQ_COLUMNS, FAQ), encoding="utf-8")
    items = build_items()
    write_jsonl(out / "dev.jsonl", items)
    return items


def check(out: Path) -> dict:
    skus, faqs, phrasings = store_keys(out)
    norm = phrasing_key
    assert not (out / "test.jsonl").exists(), "real2_zh is a dev (tuning) set only"
    c = collections.Counter()
    ids, seen = set(), set()
    for n, line in enumerate(open(out / "dev.jsonl", encoding="utf-8"), 1):
        obj = json.loads(line)
        assert obj["id"] not in ids, obj["id"]
        ids.add(obj["id"])
        assert obj["q"] and obj["q"] == obj["q"].strip(), n
        key = (obj["q"], tuple(obj.get("after", [])))
        assert key not in seen, ("duplicate line", n)
        seen.add(key)
        e = obj["expect"]
        for s in e.get("products_any", []) + e.get("products_all", []):
            assert s in skus, (n, s)
        if "faq" in e:
            assert e["faq"] in faqs, (n, e["faq"])
        for t in [obj["q"]] + obj.get("after", []):
            nq = norm(t)
            for f in phrasings:
                near = nq == f or (len(nq) >= 6 and nq in f) or (len(f) >= 8 and f in nq)
                assert not near, (n, "shopper text (near) copied into faq.csv", t, f)
        c[obj["source"]["kind"]] += 1
        c["with_after"] += bool(obj.get("after"))
    stats = dict(c)
    stats["total"] = n
    stats["products"] = len(skus)
    stats["faq"] = len(faqs)
    return stats


def verify(path: Path) -> int:
    """Compare every stored text and title with a full copy of conversation_cn.json."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    msgs, titles, prev = {}, collections.defaultdict(set), {}
    for conv in data:
        last_user = None
        for m in conv["conversation"]:
            msgs[m["msg_id"]] = (conv["conv_id"], m["role"], m["content"])
            if m["role"] == "user":
                last_user = m["content"]
            else:
                prev[m["msg_id"]] = last_user
            for p in m.get("recommended_products", []) or []:
                titles[p["product_id"]].add(p["product_title"])
            for p in m.get("user_rating", []) or []:
                titles[p["product_id"]].add(re.sub(r"\((?:dis)?liked\)$", "", p["product_rate"]))
    bad = 0
    for key, (conv, text) in TEXTS.items():
        got = msgs.get(key)
        if not got or got[1] != "user" or got[2] != text or (conv is not None and got[0] != conv):
            print("text differs:", key, repr(text), repr(got)); bad += 1
    for key, (_, text) in BEFORE.items():
        if prev.get(int(key[len("before"):])) != text:
            print("text differs:", key, repr(text)); bad += 1
    for sku, _, _, title in PRODUCTS:
        if title not in titles.get(sku, ()):
            print("title differs:", sku, repr(title), sorted(titles.get(sku, ()))); bad += 1
    print("verified" if not bad else f"{bad} differences")
    return 1 if bad else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--check-only", action="store_true")
    ap.add_argument("--verify", metavar="CONVERSATION_CN_JSON")
    a = ap.parse_args(argv)
    if a.verify:
        return verify(Path(a.verify))
    out = Path(a.out)
    if not a.check_only:
        write_store(out)
    print(json.dumps(check(out), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
