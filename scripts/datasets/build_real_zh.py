#!/usr/bin/env python3
"""Build the store folder tests/data/real_zh from real JD.com shopper utterances.

Source corpus: JDDC (Jing Dong Dialogue Corpus, JDDC 2019 challenge release),
the 0.1 % sample of ``chat.txt`` redistributed in the public GitHub repository
EndlessLethe/jddc2019-3th-retrieve-model as ``data/chat_0.1per.txt``.
See tests/data/real_zh/SOURCE.md for the licence situation and the rules.

This script holds only what was *selected and labelled by hand*: which
utterances (session id prefix + turn index), their labels, the product rows
written from what the dialogues say, and the shop's policy rows. The shopper
text itself is read verbatim from the corpus file at build time.

Usage (not run in CI; needs the corpus snapshot):

    python scripts/datasets/build_real_zh.py MIRROR [--out tests/data/real_zh]
    python scripts/datasets/build_real_zh.py --check-only [--out DIR]

MIRROR is either a git directory of the snapshot (read with ``git show``) or a
plain path to ``chat_0.1per.txt``. ``--check-only`` re-validates an existing
folder: every jsonl line parses, every SKU / FAQ id in ``expect`` exists.
"""
from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

from common import (FAQ_COLUMNS, PRODUCT_COLUMNS, csv_text, phrasing_key, store_keys,
                    write_jsonl)

CORPUS_REPO = "EndlessLethe/jddc2019-3th-retrieve-model"
CORPUS_COMMIT = "2d443d1679cc3d00022d0ff1697eb0e4cbeedb01"
CORPUS_PATH = "data/chat_0.1per.txt"
CORPUS_BLOB = "116c666fe0b2cd062a98d7e2b15b44f6f9f6802b"

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "real_zh"

# --------------------------------------------------------------------------
# Products. Every row comes from one JDDC session: either the product title a
# JD agent quoted back to the shopper ("请问是这个商品吗" + title), or the
# product a pre-sales session was opened on (the session's SKU column), named
# and described from what the agent said about it in that session.
# Numbers in the corpus are masked ([数字x]); they are dropped from names.
# sku: "JD<sku>" when the corpus gives the SKU, else "JDT<session prefix>[A-D]".
# --------------------------------------------------------------------------
P = collections.namedtuple("P", "sku name brand category desc tags colors sizes src")


def p(sku, name, brand, category, desc, tags="", colors="", sizes="", src=""):
    return P(sku, name, brand, category, desc, tags, colors, sizes, src)


PRODUCTS = [
    # ---- titles quoted by agents (after-sales sessions) ----
    p("JDT020ea9f3A", "百富帝(byford)全棉三件套 学生宿舍纯棉单人床被套 星图", "百富帝", "家纺/床品套件",
      "全棉三件套，学生宿舍单人床用，床单被套枕套，星图花色。", "全棉;纯棉;学生宿舍;单人", src="020ea9f3 t1"),
    p("JDT020ea9f3B", "南极人 舒适高弹枕芯 午睡枕头 单边枕 一只装", "南极人", "家纺/枕头",
      "高弹枕芯，可作午睡枕，单只装。", "枕芯;枕头", src="020ea9f3 t1"),
    p("JDT020ea9f3C", "南极人(Nanjiren) 亲肤柔软印花夏凉被 单双人空调被", "南极人", "家纺/被子",
      "亲肤柔软的印花夏凉被，夏天薄被，单人双人可用，胡子先生图案。", "夏凉被;空调被;薄被", src="020ea9f3 t1"),
    p("JDT020ea9f3D", "九洲 床垫家纺 舒适透气软垫 四季保护垫 灰色", "九洲", "家纺/床垫",
      "软床垫/床褥子，舒适透气，四季可用的保护垫，灰色。", "床垫;床褥", colors="灰色", src="020ea9f3 t1"),
    p("JD6431933", "LG WK系列 超宽屏 FHD FreeSync HDR IPS硬屏显示器 白色", "LG", "数码/显示器",
      "超宽屏显示器，FHD分辨率，支持FreeSync与HDR，IPS硬屏。", "超宽屏;IPS;FreeSync;HDR", colors="白色", src="02435eab t5"),
    p("JDT09a45b0bA", "LUOLAI罗莱家纺 专柜同款纯棉四件套 晨暮间", "罗莱", "家纺/床品套件",
      "专柜同款高支纯棉四件套，晨暮间花色。", "纯棉;四件套", src="09a45b0b t1"),
    p("JDT09a45b0bB", "多美滋(Dumex) 精确盈养幼儿配方奶粉 3段", "多美滋", "母婴/奶粉",
      "幼儿配方奶粉，精确盈养系列，适合幼儿阶段。", "奶粉;幼儿", src="09a45b0b t11"),
    p("JDT0b47972f", "OPPO R 梦镜版 全面屏双摄拍照手机 梦镜红 全网通 双卡双待", "OPPO", "手机/手机",
      "全面屏双摄拍照手机，全网通，移动联通电信可用，双卡双待，梦镜红。", "拍照;双摄;全面屏", colors="梦镜红", src="0b47972f t1"),
    p("JDT0b5e7951", "六星级酒店浴巾 全棉吸水 柔软亲肤大浴巾 海洋风 蓝色", "", "家纺/毛巾浴巾",
      "酒店款大浴巾，全棉吸水，柔软亲肤，海洋风蓝色。", "浴巾;全棉", colors="蓝色", src="0b5e7951 t1"),
    p("JD3238116", "百汇铭 三合一充电宝 蓝牙音响+支架+移动电源 快充 土豪金", "百汇铭", "数码/充电宝",
      "多功能移动电源：蓝牙音响、手机平板支架、充电宝三合一，安卓苹果手机通用，快充。使用蓝牙时先开启充电宝蓝牙再开手机蓝牙对接。",
      "充电宝;蓝牙音响;移动电源", colors="土豪金", src="11e0c7c4 t7,t10"),
    p("JDT162f52f4", "西门子(SIEMENS) 三门冰箱 零度保鲜 滤膜保湿 LED内显 拉丝银", "西门子", "家电/冰箱",
      "三门冰箱，零度保鲜，滤膜保湿，LED内显，拉丝银外观。", "三门;零度保鲜", src="162f52f4 t1"),
    p("JD2133425", "钛钢材质不粘涂层 连模小纸杯蛋糕烘焙模具 马芬蛋糕烘焙工具", "", "厨具/烘焙模具",
      "钛钢材质、不粘涂层的连模蛋糕模具，做小纸杯蛋糕、马芬蛋糕。", "烘焙;蛋糕模具;不粘", src="16ca7841 t15"),
    p("JDT1a392e84", "卡帝乐鳄鱼(CARTELO) 男鞋 低帮透气网面休闲板鞋 运动鞋 黑色", "卡帝乐鳄鱼", "服饰/男鞋",
      "男款低帮鞋，透气网面，时尚百搭，防滑系带，休闲板鞋/运动鞋，黑色。", "男鞋;透气;休闲鞋", colors="黑色", src="1a392e84 t1"),
    p("JDT5109e9be", "Apple iPhone X 银色 移动联通电信4G手机", "Apple", "手机/手机",
      "苹果 iPhone X，银色，全网通（移动联通电信4G）。京东自营正品。", "苹果;iPhone", colors="银色", src="5109e9be t3; 2808327e t9"),
    p("JD4765830", "TicwatchE 时尚系列智能手表 独立通话 GPS运动轨迹 心率 NFC支付 白色", "Ticwatch", "智能设备/智能手表",
      "智能手表，谷歌技术，独立通话，GPS运动轨迹，心率，消息推送，NFC支付，兼容安卓和苹果iOS，白色。",
      "智能手表;GPS;心率;NFC", colors="白色", src="2a37fa63 t3"),
    p("JDT2b422cef", "HOST好帅智能机器人 语音陪护 儿童早教机学习机", "HOST好帅", "智能设备/早教机器人",
      "高科技语音智能机器人，儿童老人陪护，早教机、学习机。", "早教机;儿童;语音", src="2b422cef t1"),
    p("JDT2c7eefc9", "小米 全面屏游戏智能手机", "小米", "手机/手机",
      "小米全面屏游戏智能手机。", "游戏手机;全面屏", src="2c7eefc9 t1"),
    p("JDT35bb21fd", "胜利(Victor) 极速系列 羽毛球拍 球星战拍", "胜利", "运动/羽毛球拍",
      "胜利极速系列羽毛球拍，球星战拍。", "羽毛球拍", src="35bb21fd t5"),
    p("JD975788", "佳能(Canon) MG 超值彩色喷墨打印一体机（打印 复印 扫描）", "佳能", "办公/打印机",
      "彩色喷墨打印一体机，可打印、复印、扫描，适合学生打印、家用打印。", "打印机;喷墨;一体机;家用", src="39d5903b t5"),
    p("JDT3a53d3cf", "海尔(Haier) 金刚防电墙 大容量储水节能速热电热水器 ES-HC(E)", "海尔", "家电/电热水器",
      "储水式电热水器，金刚防电墙，大容量，节能速热。", "热水器;储水式;速热", src="3a53d3cf t3"),
    p("JDT3f9a6316A", "晨光(M&G) 空格包文件资料包 时尚树纹系列 银色 办公", "晨光", "文具/文件袋",
      "A4空格文件资料包，时尚树纹系列，银色，办公用。", "文件袋;资料包;办公", colors="银色", src="3f9a6316 t3"),
    p("JDT3f9a6316B", "晨光(M&G) 办公剪刀 颜色随机", "晨光", "文具/剪刀",
      "办公剪刀，颜色随机发。", "剪刀;办公", src="3f9a6316 t7"),
    p("JDT3f9a6316C", "晨光(M&G) 纯浆牛皮纸档案盒 文件资料盒", "晨光", "文具/档案盒",
      "A4纯浆牛皮纸档案盒、文件资料盒，多个装。", "档案盒;牛皮纸;办公", src="3f9a6316 t7"),
    p("JDT40c7797d", "戴尔DELL 成就 不凡银 超轻薄便携笔记本电脑（i系列处理器 SSD IPS Win10）", "戴尔", "电脑/笔记本电脑",
      "超轻薄便携笔记本电脑，酷睿i系列处理器，固态硬盘，IPS屏，预装Windows，不凡银。", "轻薄本;便携;SSD;IPS", colors="不凡银", src="40c7797d t5"),
    p("JDT420916fc", "小米耳机 圈铁 入耳式有线音乐运动耳机耳麦 银色", "小米", "影音/耳机",
      "圈铁入耳式有线耳机，带麦，音乐运动两用，银色。", "有线耳机;入耳式;耳麦", colors="银色", src="420916fc t1"),
    p("JDT51b0d3ca", "耐克NIKE 女子 登月 跑步鞋 LUNAR APPARENT 运动鞋 深灰色", "耐克", "服饰/运动鞋",
      "女款登月跑步鞋 LUNAR APPARENT，深灰色。", "跑步鞋;女鞋;运动鞋", colors="深灰色", src="51b0d3ca t5"),
    p("JDT5667d595", "格力(GREE) 品圆 变频 冷暖 空调挂机 KFR-GW FNhDa", "格力", "家电/空调",
      "格力品圆系列变频冷暖空调挂机。", "空调;挂机;变频;冷暖", src="5667d595 t3"),
    p("JD2811500", "TP-LINK TL-WA RE 三天线 WiFi信号放大器 无线扩展器中继器", "TP-LINK", "网络/信号放大器",
      "三天线WiFi信号放大器，无线扩展器/中继器，家用路由器无线信号增强。", "wifi;信号放大器;中继器", src="6094b823 t3"),
    p("JDT60e92a6b", "三枪 男士纯棉短袖打底衫 罗纹弹力V领 多件装 V领(白+灰)", "三枪", "服饰/男装",
      "男士纯棉短袖T恤打底衫，罗纹弹力V领，多件装，白色+灰色。", "打底衫;纯棉;短袖;V领", colors="白色;灰色", sizes="XL", src="60e92a6b t3"),
    p("JDT8428ac86", "POWER霸王 客厅静音挂钟 万年历石英钟 电子日历时钟", "POWER霸王", "家居/钟表",
      "客厅静音挂钟，万年历、日历显示，石英钟/电子时钟，现代简约。", "挂钟;静音;万年历", src="8428ac86 t7"),
    p("JDT844db7ec", "ITO 双门立式展示柜 风冷直冷陈列柜 冷藏饮料柜 商用冰箱 红黑", "ITO", "家电/商用展示柜",
      "双门立式展示柜，冷藏饮料柜/保鲜柜，商用冰箱，红黑配色。", "展示柜;商用;冷藏", src="844db7ec t1"),
    p("JDT9786ebf4", "澳洲进口 Sipahh咕噜噜神奇吸管 香草口味", "Sipahh", "食品/冲饮",
      "澳洲进口的牛奶调味吸管，香草口味，多支装。", "进口;吸管;香草", src="9786ebf4 t1"),
    p("JDT98c2b08c", "全自动洗衣机（含进水管）", "", "家电/洗衣机",
      "包装清单：洗衣机、说明书（含保修卡）、进水管。", "洗衣机", src="98c2b08c t3"),
    p("JDT9c1d666cA", "钢琴造型音乐盒 旋转女孩八音盒 家居摆件 白色钢琴", "", "家居/摆件",
      "钢琴造型八音盒，旋转女孩，家居/办公室装饰摆件，可送女友送小孩。", "八音盒;摆件;礼物", colors="白色", src="9c1d666c t3"),
    p("JDT9c1d666cB", "绿驰(Greensky) 衣柜可挂式除湿袋 干燥剂防潮剂 吸湿盒", "绿驰", "家居/除湿防潮",
      "衣柜可挂式除湿袋，干燥剂、防潮防霉，室内房间、汽车都可用。", "除湿;防潮;干燥剂", src="9c1d666c t9"),
    p("JDT9c1d666cC", "佳佰 旋转双层可拆卸沥水篮 水果篮 白色", "佳佰", "厨具/沥水篮",
      "旋转双层可拆卸沥水篮，可作水果篮，白色。", "沥水篮;水果篮", colors="白色", src="9c1d666c t9"),
    p("JDT9d92d7c0", "神舟(HASEE) 战神ZX GTX独显 游戏笔记本", "神舟", "电脑/笔记本电脑",
      "战神ZX系列游戏笔记本，GTX独立显卡。", "游戏本;独显", src="9d92d7c0 t1"),
    p("JDTa681a6fe", "Apple iPhone 金色 移动联通电信4G手机", "Apple", "手机/手机",
      "苹果 iPhone，金色，全网通。", "苹果;iPhone", colors="金色", src="a681a6fe t3"),
    p("JDTaa50d498A", "派克(PARKER) IM 纯黑丽雅夹钢笔/墨水笔", "派克", "文具/钢笔",
      "派克IM系列钢笔（墨水笔），纯黑。", "钢笔;墨水笔;礼品", colors="黑色", src="aa50d498 t3"),
    p("JDTaa50d498B", "派克(PARKER) 钢笔墨水 非碳素染料型 不堵笔 黑色 大容量", "派克", "文具/墨水",
      "非碳素染料型钢笔墨水，不堵笔，黑色，大容量。", "墨水", colors="黑色", src="aa50d498 t3"),
    p("JDTaaf995f1", "蕾丝镂空花边安全裤 夏季丝薄防走光打底裤 三分裤 气质黑", "", "服饰/女装",
      "夏季丝薄款防走光安全裤，蕾丝镂空花边，可外穿的三分打底裤，气质黑。", "安全裤;打底裤;夏季", colors="黑色", sizes="XL", src="aaf995f1 t1"),
    p("JD1086606", "十铨(Team) 低电压 DDR 笔记本内存", "十铨", "电脑配件/内存",
      "低电压DDR笔记本内存条。", "内存条;笔记本内存", src="b5d4d657 t3"),
    p("JDTb8691d11", "AOC C系列 FreeSync同步技术 显示器", "AOC", "数码/显示器",
      "AOC C系列显示器，支持FreeSync同步技术。", "显示器;FreeSync", src="b8691d11 t3"),
    p("JDTb98a42f1", "N系列 Pro 全网通 游戏手机 深海蓝 双卡双待 全面屏", "", "手机/手机",
      "全网通游戏手机，双卡双待，全面屏，深海蓝。包装清单：手机主机、USB线、电源适配器、SIM卡顶针、使用指南、游戏礼包卡。",
      "游戏手机;全面屏", colors="深海蓝", src="b98a42f1 t1"),
    p("JDTbcd97549", "百洁(Baijie) 电动压水器 自动吸水器 桶装水抽水机 HV 黑", "百洁", "家电/饮水设备",
      "桶装水电动压水器/自动吸水器，黑色。", "压水器;桶装水", colors="黑色", src="bcd97549 t1"),
    p("JDTbed7bcb1", "索尼(SONY) WI系列 Hi-Res 颈挂式入耳式无线蓝牙降噪耳机 黑色", "索尼", "影音/耳机",
      "颈挂式入耳式无线蓝牙耳机，Hi-Res，降噪，可手机通话，黑色。", "蓝牙耳机;降噪;颈挂式", colors="黑色", src="bed7bcb1 t1"),
    p("JDTc68a9d98", "荣耀Play 全网通版 幻夜黑 全面屏游戏手机 双卡双待", "荣耀", "手机/手机",
      "荣耀Play全网通版，全面屏游戏手机，双卡双待，幻夜黑。", "游戏手机;全面屏", colors="幻夜黑", src="c68a9d98 t3"),
    p("JD7545792", "小米(MI) 小米手环 心率监测 智能提醒 睡眠监测 计步", "小米", "智能设备/智能手环",
      "小米手环，心率监测、智能提醒、睡眠监测、计步。", "手环;心率;计步;睡眠监测", src="c77f7766 t3"),
    p("JDTca59328c", "小度智能音箱 百度AI音箱 蓝牙音箱 儿童模式", "小度", "智能设备/智能音箱",
      "百度AI智能音箱，可作蓝牙音箱，百度资源，儿童模式。", "智能音箱;蓝牙音箱;儿童模式", src="ca59328c t1"),
    p("JD5702296", "吉选(GESOBYTE) WKM 无线键鼠套装 黑色", "吉选", "电脑配件/键鼠套装",
      "无线键盘鼠标套装，电脑、笔记本通用，黑色。", "无线键盘;无线鼠标;键鼠套装", colors="黑色", src="ca5ebbb0 t1"),
    p("JDTdaf65799", "荣耀 V 高配版 全面屏游戏手机 双卡双待", "荣耀", "手机/手机",
      "荣耀V系列高配版，全面屏游戏手机，全网通，双卡双待。", "游戏手机;全面屏", src="daf65799 t1"),
    p("JDTe1245f71", "储水式电热水器 内胆包换 免更换镁棒 遥控型 E MDQ-C", "", "家电/电热水器",
      "储水式电热水器，内胆多年包换，免更换镁棒，遥控型。", "热水器;遥控;免换镁棒", src="e1245f71 t3"),
    p("JD1560207", "海尔(Haier) BCD WDPM 风冷无霜三门冰箱 除菌 中门变温室", "海尔", "家电/冰箱",
      "风冷无霜三门冰箱，除菌，立体环绕风不风干，中门变温室。", "三门;风冷无霜;变温", src="e2e14a1d t3"),
    p("JDTe53af7fd", "飞利浦(PHILIPS) 充电式儿童电动牙刷 HX 声波震动", "飞利浦", "个护/电动牙刷",
      "儿童电动牙刷，充电式，声波震动。", "电动牙刷;儿童;声波", src="e53af7fd t3"),
    p("JDTe59a41df", "越南进口 TATA榙榙 休闲零食 综合蔬果干", "TATA榙榙", "食品/零食",
      "越南进口综合蔬果干，休闲零食，袋装。", "蔬果干;零食;进口", src="e59a41df t3"),
    p("JDTe5de617e", "美的(Midea) 变频 智弧 冷暖 智能壁挂式空调 KFR-GW/WDAA", "美的", "家电/空调",
      "美的智弧系列变频冷暖智能壁挂式空调。", "空调;挂机;变频;冷暖", src="e5de617e t3"),
    p("JDTf4bdb4dc", "微软(Microsoft) Xbox One X 1TB 家庭娱乐游戏机 天蝎座普通版", "微软", "游戏/游戏机",
      "Xbox One X 家庭娱乐游戏机，1TB，Project Scorpio 天蝎座普通版。", "游戏机;Xbox", src="f4bdb4dc t3"),
    p("JDTf9097c45", "领奥 成人电动平衡车 两轮儿童扭扭车 智能代步体感车 炫白色（LED双炫灯+安全护具）", "领奥", "出行/平衡车",
      "两轮电动平衡车，成人儿童可用，智能代步体感车，炫白色，带LED双炫灯和安全护具。", "平衡车;代步;体感车", colors="白色", src="f9097c45 t5"),
    p("JDTfb01be5d", "康佳(KONKA) 双门冰箱 玻璃搁架 银色 BCD UTS", "康佳", "家电/冰箱",
      "双门冰箱，玻璃搁架，银色。", "双门;冰箱", colors="银色", src="fb01be5d t3"),
    p("JDTfbc09e4a", "荣耀 MagicBook 超轻薄窄边框笔记本电脑 独显 指纹识别 正版Office 冰河银", "荣耀", "电脑/笔记本电脑",
      "超轻薄窄边框笔记本电脑，独立显卡，指纹识别，预装正版Office，冰河银。", "轻薄本;指纹识别;独显", colors="冰河银", src="fbc09e4a t1"),
    p("JDTff6d1a9d", "泉林本色 不漂白本色纸 大盘商务卷纸", "泉林本色", "日用/纸品",
      "不漂白本色卷纸，大盘商务团购装。", "卷纸;本色纸;不漂白", src="ff6d1a9d t5"),
    # ---- pre-sales sessions: the session's SKU, described from the agent's answers ----
    p("JD7390537", "前后双录行车记录仪 套装（含后拉摄像头、存储卡）", "", "汽车用品/行车记录仪",
      "包装：行车记录仪、双口车载充电器、电源线、后拉摄像头、后拉线束、硅胶绑带、说明书，外加存储卡。卡插在机器上即可使用，安装不繁琐；循环录像，录满自动删除最早的视频。支持7天无理由退换，一年保修。",
      "行车记录仪;前后双录;送存储卡;循环录像", src="02666c97 t3-t15"),
    p("JD5018268", "前后双录行车记录仪（不含存储卡）", "", "汽车用品/行车记录仪",
      "前后双录，带后摄像头，后摄像头画质很好。除货车外的车型都能装；正常行驶接点烟器电源使用，机身电池只用于停车监控；挂在后视镜位置安装，原有的需拆掉。存储卡需自行另购。无电子狗。有带卡、不带卡两个版本。",
      "行车记录仪;前后双录;后摄像头;停车监控", src="d8a9315d; c615011b; d5e39c07; 57969ca6 t9-t17; 02666c97 t1"),
    p("JD5535583", "电子狗行车记录仪（单镜头）", "", "汽车用品/行车记录仪",
      "带电子狗；无后置摄像头。后拉线长度轿车够用（货车除外）；安装后镜头不能左右调节。不带存储卡（另有带卡版本）。有WiFi，可下载APP连接记录仪在手机上查看。",
      "行车记录仪;电子狗;WiFi;手机查看", src="57969ca6 t3-t5; 98741500 t1-t13"),
    p("JD7131530", "行车记录仪（点烟器供电 静电贴安装）", "", "汽车用品/行车记录仪",
      "车载点烟器供电；接汽车保险需另购降压线（通用款，本店不卖）；静电贴安装，贴膜的前挡风玻璃也能粘。",
      "行车记录仪;点烟器供电;静电贴", src="8aebcfda; 98741500 t17-t19"),
    p("JD2743207", "行车记录仪（支持电子狗，GPS模块另购）", "", "汽车用品/行车记录仪",
      "支持电子狗功能，需要单独购买GPS模块。", "行车记录仪;电子狗;GPS", src="3eb844c0"),
    p("JD5113055", "云镜行车记录仪（导航 电子狗 蓝牙通话 停车监控）", "", "汽车用品/行车记录仪",
      "云镜：可导航、电子狗、蓝牙拨打电话，可用流量卡或连接手机热点（标配赠送体验流量卡，用完需充值，也可用自己的卡）。有停车监控，息屏也正常录像；夜间需有灯光，近距离看得清。支持前后双录，但后摄像头和内存卡需另购。点烟器供电，可购买门店安装服务。",
      "行车记录仪;云镜;导航;电子狗;停车监控;前后双录", src="430ae5d5"),
    p("JD3527967", "行车记录仪（一代）", "", "汽车用品/行车记录仪",
      "一代记录仪。过保后厂家可付费维修（如更换电池），需快递寄回。本店不销售降压线，如需停车后持续录制可另购停车监控线（易致电瓶亏电）。",
      "行车记录仪", src="30c69b25; 31397968"),
    p("JD5056175", "显示器（背部菜单键调节）", "", "数码/显示器",
      "亮度、色温等在显示器背后的菜单键里调节（上下左右按键），无键盘快捷键。", "显示器", src="0dcdb3c2"),
    p("JD5137652", "显示器（带USB接口）", "", "数码/显示器",
      "显示器带USB接口：用附赠的USB线连接主机后，显示器上的USB口可以接鼠标键盘。", "显示器;USB接口", src="1458e95f"),
    p("JD2357091", "显示器（支持壁挂，不含支架）", "", "数码/显示器",
      "支持壁挂安装，但不配壁挂支架，需另购。", "显示器;壁挂", src="9e28687f"),
    p("JD2357097", "显示器（原装电源线与信号线）", "", "数码/显示器",
      "显示器电源线和信号线原装都有配送，共两根线，见包装清单。", "显示器", src="b26df668"),
    p("JD1021901", "希捷(Seagate) 移动硬盘", "希捷", "数码/移动硬盘",
      "希捷移动硬盘。希捷没有线下售后网点，由京东负责售后。", "移动硬盘", src="2096de32"),
    p("JD1021895", "移动硬盘（标配数据线）", "", "数码/移动硬盘",
      "标配数据线；多年质保，保修期内非人为损坏直接换新（不含硬盘内数据）。原厂无保护套/硬盘包，需另购。", "移动硬盘;数据线", src="8c08ee70"),
    p("JD3995560", "西部数据(WD) 超便携移动硬盘", "西部数据", "数码/移动硬盘",
      "自带数据线。包装清单：超便携硬盘、USB数据线、WD Backup、WD Security 和 WD Drive Utilities 软件、快速安装指南。", "移动硬盘;便携", src="333d9faa; d2ee28ed"),
    p("JD1429774", "移动硬盘（出厂带驱动文件）", "", "数码/移动硬盘",
      "无自带加密功能，需使用加密软件；硬盘出厂带原厂驱动协议文件，建议不要删除。", "移动硬盘", src="24d4ec66"),
    p("JD3564443", "移动硬盘（三年保修）", "", "数码/移动硬盘",
      "售后保修三年。标配：硬盘+数据线，不送保护套/硬盘包。", "移动硬盘;三年保修", src="73d9f47c t1-t7"),
    p("JD4560131", "移动硬盘 炫彩版/新元素版（高端加强款与经典款）", "", "数码/移动硬盘",
      "两款除外观和颜色外，炫彩版有加密功能，新元素版没有加密功能，均为塑料材质；不支持连接手机。", "移动硬盘;加密", src="73d9f47c t8-t11"),
    p("JD6895802", "笔记本电脑（可加装内存与M.2固态）", "", "电脑/笔记本电脑",
      "可以自己加内存和硬盘：最大支持双槽内存，预留M.2固态接口（建议装SATA协议）；拆掉自带硬盘则不保修，需要固态直接加装即可。", "笔记本;可扩展;M.2", src="2116dfb1"),
    p("JD5042167", "笔记本电脑（无键盘背光，可加装固态）", "", "电脑/笔记本电脑",
      "键盘没有背光灯；可以自己再加装一块固态硬盘（建议SATA协议）。", "笔记本;可加装固态", src="ab594aeb"),
    p("JD7410957", "笔记本电脑（DDR4内存，可自行加内存）", "", "电脑/笔记本电脑",
      "自己拆开加内存，只要没有损坏内部元件不影响保修；原装DDR4内存品牌随机。", "笔记本;加内存", src="b0c39dfa"),
    p("JD7218911", "游戏笔记本电脑（A面灯光）", "", "电脑/笔记本电脑",
      "A面灯光不能关闭，也不能调节亮度。", "游戏本;灯光", src="4634d301"),
    p("JD6895476", "台式电脑主机（可选显卡版本）", "", "电脑/台式主机",
      "台式主机，有更高显卡的版本可选；主板、电源等配件品牌随批次不同。", "台式机;主机;显卡", src="4af18e3b"),
    p("JD1319118", "一体机电脑（无线网卡需装驱动）", "", "电脑/一体机",
      "无线网卡需先下载驱动并切换无线网卡模式；电脑没网时可在有网的电脑上下载驱动再拷过来。", "一体机;无线网卡", src="0f67a573"),
    p("JD338871", "机械键盘（青轴等多种轴体可选）", "", "电脑配件/键盘",
      "下单时选择轴体（如青轴，价格较低）；到货后不支持换成不同轴体。", "机械键盘;青轴;游戏键盘", src="2c3e3de7"),
    p("JD692918", "有线鼠标（线长约一米）", "", "电脑配件/鼠标",
      "有线鼠标，鼠标线长约一米。", "鼠标;有线", src="acb6d7c5"),
    p("JD6172168", "USB转VGA转换器（不支持苹果电脑）", "", "电脑配件/转接头",
      "USB转VGA转换器，不支持苹果电脑。", "转接头;USB转VGA", src="9177303f"),
    p("JD4186855", "智能摄像机（APP绑定，一个账号看多台）", "", "智能设备/智能摄像机",
      "安装设置简单，用APP绑定；同一个APP账号可绑定多台摄像机同时观看；不带流量卡。", "摄像机;监控;APP", src="213291a3"),
    p("JD4496479", "智能摄像机 云台版（手机控制旋转）", "", "智能设备/智能摄像机",
      "云台版可用手机APP控制摄像头旋转，默认开启智能全景巡航；云录像服务按月或按年付费；支持内存卡，录满自动覆盖；一台手机可绑定多台摄像机，也可分享给多人观看。",
      "摄像机;云台;云存储;监控", src="ca6e1bdf; 4fb9d1d7"),
    p("JD2770504", "监控摄像头（近距离可看清屏幕文字）", "", "智能设备/智能摄像机",
      "离得近可以看清电脑屏幕上的文字；屏幕亮度过高会看不清。", "摄像头;监控", src="2c4adbb2"),
    p("JD4803822", "儿童电话手表 SE（GPS定位 可打接电话）", "", "智能设备/儿童电话手表",
      "可以打接电话，GPS定位；有蓝色和粉色。手机需下载APP才能给手表打电话；不支持电信卡。购买后支持价保。", "电话手表;儿童;GPS定位",
      colors="蓝色;粉色", src="37484a01; 7ff5b913; e3e2c6fe"),
    p("JD4803826", "儿童电话手表 SE（超长待机版）", "", "智能设备/儿童电话手表",
      "超长待机，定位更精准；不支持移动副卡，需用原卡。", "电话手表;儿童;长待机", src="8bceb692; 94ebf3cc t3"),
    p("JD6889213", "儿童电话手表（三代）", "", "智能设备/儿童电话手表",
      "插入SIM卡即可使用，不需要安装；下载儿童卫士APP注册账号绑定手机。家长可看到孩子的位置（孩子看不到家长位置），异地也可以。生活防溅水，洗澡建议取下。与二代相比待机更长，没有计步和WiFi。",
      "电话手表;儿童;定位;防溅水", src="b996c88f; 60aac3dc"),
    p("JD6889215", "儿童电话手表 SE PLUS（带WiFi）", "", "智能设备/儿童电话手表",
      "SE PLUS 有WiFi功能；电池续航与SE相同。", "电话手表;儿童;WiFi", src="60aac3dc t5; 94ebf3cc t7"),
    p("JD3477902", "bong 智能手环", "bong", "智能设备/智能手环",
      "bong手环，配套APP在手机应用商店搜索“bong”下载。", "手环", src="0d71f042"),
    p("JD2291076", "保湿喷雾（爽肤水）", "", "美妆/护肤",
      "可直接喷在脸上；属于“水”，按水、乳、霜的顺序使用，用了它还能用其他水。", "喷雾;爽肤水;补水", src="0ed72af2"),
    p("JD4311792", "香港直邮护肤品（敏感肌、孕期可用）", "", "美妆/护肤",
      "香港直邮，下单后约两周送达；敏感肌肤可用，怀孕也可以用；保质期一般三年，以商品实际标注为准。", "护肤;敏感肌;孕妇可用;直邮", src="b04024c6"),
    p("JD2004183", "钙片（吞服型）", "", "保健/膳食补充",
      "吞服型钙片，不是咀嚼片，不是酸味。", "钙片;保健品", src="6b77eae1 t1-t7"),
    p("JD2362416", "蔓越莓膳食补充剂", "", "保健/膳食补充",
      "每天随餐或餐后立即服用，用水送服。", "蔓越莓;保健品", src="6b77eae1 t8-t11"),
    p("JD1869569", "月见草油软胶囊", "", "保健/膳食补充",
      "随餐或餐后用温水直接吞服软胶囊；与圣洁莓功效相近，一起买的话建议分开时间吃（圣洁莓早上空腹）。", "月见草;软胶囊;保健品", src="8fabcb7e"),
    p("JD3420249", "全球购 电动剃须刀", "", "个护/剃须刀",
      "充电时不能使用。全球购海外直采，没有保修服务；签收后一定天数内有问题支持退货。", "剃须刀;全球购", src="d98e89a5"),
    p("JD3567629", "收音机（不支持磁带）", "", "影音/收音机",
      "收音机，不支持放入磁带。", "收音机", src="b85ea33b"),
    p("JD6677372", "扫地机器人（带水箱）", "", "家电/扫地机器人",
      "带水箱的扫地机器人；水箱坏了需寄回维修，充电器部分不用寄；SN号在手机APP里查看。", "扫地机器人;水箱", src="ba7a0727"),
    p("JD6219947", "山竹（生鲜）", "", "生鲜/水果",
      "生鲜商品全程冷链运输，签收时支持开箱验货；收货后有坏果可拍照申请售后。", "山竹;水果;冷链", src="8e32fa79"),
    p("JD2506449", "钢笔 黑色套装（商城版/全球购版）", "", "文具/钢笔",
      "钢笔，黑色套装。商城与全球购版本采购渠道、优惠和配送时效不同，商品一样、都是正品；黑色暂时没有EF尖。", "钢笔;套装", colors="黑色", src="27e21d68"),
    # ---- JDDC 2019 dev set (same release): two product titles ----
    p("JD2297112", "品胜（PISEN）苹果数据线 手机充电线 1.2米 白色", "品胜", "数码/数据线",
      "苹果手机充电数据线，1.2米，白色，适用于 iPhone 5/6S/7/8 Plus/X/XR/Xs Max 及 iPad Air/Pro。", "数据线;充电线;苹果", colors="白色", src="dev_question a_54"),
    p("JD8204432", "奥克斯(AUX) 3匹 二级能效 定速冷暖 立柜式空调柜机 KFR-72LW", "奥克斯", "家电/空调",
      "3匹立柜式空调柜机，二级能效，定速冷暖，静音节能，客厅用。", "空调;柜机;冷暖", src="dev_question"),
]

# Price bands (CNY) per category: the corpus masks every number, so prices are
# derived deterministically from sha1(sku) inside a plausible band.
PRICE_BANDS = {
    "家纺": (49, 399), "数码/显示器": (699, 2499), "数码/移动硬盘": (299, 899), "数码/充电宝": (79, 199),
    "数码/数据线": (29, 79), "母婴": (159, 399), "手机": (999, 6999), "家电/冰箱": (1599, 5999),
    "家电/空调": (1999, 6999), "家电/电热水器": (699, 2499), "家电/洗衣机": (999, 2999),
    "家电/商用展示柜": (1999, 4999), "家电/饮水设备": (39, 99), "家电/扫地机器人": (999, 2999),
    "厨具": (19, 99), "服饰": (59, 799), "智能设备/智能手表": (899, 1499),
    "智能设备/早教机器人": (199, 699), "智能设备/智能手环": (99, 299), "智能设备/智能音箱": (89, 299),
    "智能设备/智能摄像机": (99, 399), "智能设备/儿童电话手表": (299, 899), "运动": (199, 899),
    "办公": (399, 899), "文具/钢笔": (99, 399), "文具": (9, 59), "电脑/笔记本电脑": (3999, 8999),
    "电脑/台式主机": (2999, 6999), "电脑/一体机": (2999, 5999), "电脑配件/内存": (199, 499),
    "电脑配件/键盘": (199, 599), "电脑配件/鼠标": (29, 99), "电脑配件/键鼠套装": (59, 149),
    "电脑配件/转接头": (39, 99), "影音/耳机": (49, 1499), "影音/收音机": (59, 199),
    "网络": (59, 199), "家居": (29, 149), "食品": (29, 99), "游戏": (2999, 3999),
    "出行": (999, 2499), "日用": (29, 99), "汽车用品/行车记录仪": (199, 599), "美妆": (79, 399),
    "保健": (89, 299), "个护": (149, 899), "生鲜": (59, 199),
}
# Where the corpus itself bounds a price, the band is overridden (documented in SOURCE.md).
PRICE_OVERRIDES = {
    # 57969ca6 t16-t17: shopper "预算就三百左右", agent recommends this model ("M..") for that budget.
    "JD5018268": (299.0, "57969ca6 t16-t17: recommended for a ~300 yuan budget"),
}


def band_for(category: str) -> tuple[int, int]:
    parts = category.split("/")
    for n in range(len(parts), 0, -1):
        key = "/".join(parts[:n])
        if key in PRICE_BANDS:
            return PRICE_BANDS[key]
    raise KeyError(category)


def price_for(prod: P) -> float:
    if prod.sku in PRICE_OVERRIDES:
        return PRICE_OVERRIDES[prod.sku][0]
    lo, hi = band_for(prod.category)
    h = int(hashlib.sha1(prod.sku.encode()).hexdigest(), 16)
    steps = max(1, (hi - lo) // 10)
    return float(lo + (h % (steps + 1)) * 10)


# --------------------------------------------------------------------------
# Policies (faq.csv). The corpus masks every number, so the answers are
# written by us, neutral, following what JD agents say in the corpus where it
# is stated without numbers (quoted phrases marked 「」 in SOURCE.md).
# question/alternates are our own phrasings, not corpus utterances.
# --------------------------------------------------------------------------
FAQ = [
    ("returns", "退货政策是什么？",
     "自签收之日起7天内，商品及附件、包装、防伪标识完好、无人为损坏的，支持7天无理由退货；质量问题可退货。生鲜、定制等特殊商品以商品页说明为准。请在“我的订单-申请售后”提交退货申请，审核通过后按指引寄回或等待上门取件。",
     "可以无理由退货吗;不想要了怎么退", "退货"),
    ("return_shipping", "退货运费谁承担？",
     "质量问题退货由本店承担运费；非质量问题（如不喜欢、买错）退货运费由顾客承担，上门取件按商品大小收取取件费，购买了运费险的按保险规则理赔。",
     "退货要自己出运费吗;运费险怎么赔", "退货;运费"),
    ("refund", "退款多久到账，退到哪里？",
     "退款原路返回：在线支付退回原支付账户，白条支付退回白条额度（已还款的退回到还款账户），京东E卡/余额退回原卡或余额。订单取消的退款一般1-3个工作日到账；退货退款在仓库收到商品并检验后处理。",
     "钱什么时候退回来;退款去哪了", "退款"),
    ("exchange", "可以换货吗？",
     "签收后15天内出现质量问题可申请换货；同一商品换颜色、尺码等需在7天内、商品完好的情况下申请，以审核结果为准。不同商品或不同规格（如不同轴体、不同型号）不支持直接换，可退货后重新下单。",
     "能换个颜色吗;换货怎么申请", "换货"),
    ("after_sales", "怎么申请售后、上门取件？",
     "手机端：我的-退换/售后-申请售后；电脑端：我的订单-售后服务。提交服务单后一般24小时内审核，审核通过后可选择上门取件或送到自提点；一个服务单对应一件商品。取件时间可在服务单里修改，售后人员也会电话联系您。",
     "售后服务单怎么提交;取件时间能改吗", "售后"),
    ("warranty", "保修期多久，怎么报修？",
     "按厂家三包政策保修，保修期以商品页和保修卡为准。保修期内非人为损坏可在“我的订单-申请售后”提交返修，也可联系品牌售后网点；过保后可付费维修。人为损坏、私自拆改不在保修范围内。",
     "坏了能修吗;过了保修期怎么办", "保修;维修"),
    ("delivery", "多久能送到？",
     "现货商品从离您最近的仓库发货。自营现货一般上午11点前下单当日送达、晚上11点前下单次日送达（部分地区1-3天）；偏远地区、大件家电和预约配送以结算页和商品页显示的时间为准。",
     "下单后多久发货;大概几天送到", "配送"),
    ("order_tracking", "怎么查物流？",
     "在“我的订单”中打开订单详情即可查看物流进度和配送员电话；物流长时间不更新的，可联系客服帮您催件。",
     "快递到哪了;能帮我催一下吗", "物流"),
    ("change_address", "下单后能改地址或收货人吗？",
     "订单未出库前可在订单详情中修改收货地址、收货人和电话；已出库的订单，同城可联系配送员转投附近站点，跨城市无法修改，可拒收后按新地址重新下单。",
     "地址填错了怎么办;能改收货电话吗", "地址"),
    ("cancel_order", "怎么取消订单？",
     "未出库的订单可在“我的订单”中直接取消；已出库的订单可申请取消，或在配送时拒收。取消后款项原路退回。",
     "下错单了能取消吗;订单怎么撤销", "取消订单"),
    ("invoice", "怎么开发票，什么时候能收到？",
     "下单时在结算页选择发票类型：电子普通发票、纸质普通发票或增值税专用发票（首次开专票需先提交增票资质审核）。电子发票在订单完成后开具，可在“我的订单-订单详情-发票信息”查看和下载；增值税专用发票在订单完成后开具并邮寄，可单独填写发票邮寄地址。同一订单的商品一般开在一张发票上。",
     "能开专票吗;电子发票在哪看", "发票"),
    ("invoice_change", "发票抬头开错了能重开吗？",
     "可以。订单完成后可在订单详情中申请换开发票，个人抬头可改为单位抬头（需提供单位名称和纳税人识别号），电子发票也可换开为增值税专用发票（需增票资质）；下单时忘记选发票的，订单完成后可补开。第三方商家的订单需联系商家开具。",
     "发票信息填错了;忘记要发票了怎么办", "发票"),
    ("price_protection", "买了之后降价能补差价吗？",
     "支持价格保护的商品，在价保期内（以商品页为准，一般为下单后30天内）降价可申请价保，差价原路退回。申请入口：我的-客户服务-价格保护，输入订单号即可。秒杀、限时抢购等特殊价格和不同优惠券导致的差价不在价保范围内。",
     "降价了怎么退差价;价保在哪申请", "价保"),
    ("price_change", "为什么商品价格变了？",
     "商品价格随促销活动每天变动，以下单时商品页面和结算页显示的价格为准；客服无法修改价格。已下单的商品降价可看价格保护规则。",
     "怎么突然涨价了;价格能改回来吗", "价格"),
    ("payment", "支持哪些付款方式？",
     "支持在线支付（京东支付、微信支付、银行卡、京东白条，部分商品支持白条分期）和货到付款（现金或扫码付款）。通过微信购物可直接用微信支付。同一订单需一次付清。",
     "可以货到付款吗;能用白条分期吗", "支付"),
    ("shipping_fee", "运费的收取标准是什么？",
     "自营商品单笔订单满一定金额包邮，不满收取基础运费，偏远地区和超重商品另计，以结算页为准；第三方商家的运费由各店铺单独计算。PLUS会员每月有免运费券。",
     "包邮吗;为什么要收运费", "运费"),
    ("coupons", "优惠券怎么用，有什么活动？",
     "优惠券在商品页或领券中心领取，结算时自动选择可用的券；店铺券和平台券可叠加使用，同类券一般不能叠加。活动时间和赠品以商品页公示为准，赠品随主商品发出。",
     "优惠券在哪领;券能叠加吗", "优惠券;活动"),
    ("membership", "PLUS会员有什么权益？",
     "PLUS会员按年开通，享每月运费券、专属优惠和会员价等权益；续费从当前会员到期后顺延计算。未使用权益的会员费按会员规则可申请退订。",
     "会员怎么续费;会员费能退吗", "会员"),
    ("installation", "大家电送装怎么安排？",
     "需要安装的大家电（空调、热水器、电视等）送货后由品牌售后联系您预约上门安装，一般收到货后24-48小时内联系；标准安装免费，超出标准的辅材和服务按品牌收费标准收取。安装时间可与师傅另约。",
     "空调什么时候来装;安装收费吗", "安装"),
    ("stock", "商品无货什么时候补？",
     "无货商品的到货时间暂时无法确定，可在商品页点击“到货通知”，到货后会通过短信和APP通知您；不同地区库存不同，以收货地址显示为准。",
     "缺货商品多久补货;到货了会通知吗", "库存"),
    ("global_purchase", "全球购/海外直邮多久到，有保障吗？",
     "全球购商品由海外直采，需清关后发货，一般清关约3个工作日、送达约7-15天（直邮商品约两周）。商品均为正品；海外商品一般不享受国内联保，签收后如有问题按全球购售后规则处理。",
     "保税区发货要几天;海外购有保修吗", "全球购"),
    ("fresh_food", "生鲜坏了怎么办？",
     "生鲜商品全程冷链配送，签收时可开箱验货；收货后发现坏果、变质，拍照在订单中申请售后，一般24小时内处理，按坏损情况退款或补发。",
     "水果坏了能赔吗;生鲜可以退吗", "生鲜"),
    ("authenticity", "商品是正品吗？",
     "本店商品均为品牌正规渠道采购的正品行货，提供正规发票；手机等数码产品为全新未激活机，可凭序列号在官网查询。",
     "保证正品吗;是不是翻新机", "正品"),
    ("self_pickup", "可以到自提点自提吗？",
     "可以。结算时配送方式选择“上门自提”，选择附近的自提点，商品到达后会短信通知取货；退换货也可把商品送到自提点。",
     "能自己去取货吗;自提点在哪", "自提"),
    ("contact_hours", "客服什么时间在线？",
     "在线客服24小时在线；售后、安装等问题也可拨打品牌售后电话。",
     "怎么联系客服;客服几点下班", "联系"),
]

# --------------------------------------------------------------------------
# Selected utterances. (session prefix, turn, kind, expect, after-turns)
# kind: product | followup | policy | none   ("followup" = product follow-up turn)
# Turn numbers index the rows of that session in chat_0.1per.txt.
# --------------------------------------------------------------------------
def P_(*skus, **kw):
    e = {"products_any": list(skus)}
    e.update(kw)
    return e


def F_(fid):
    return {"faq": fid}


NONE = {"none": True}
DASHCAMS = ["JD7390537", "JD5018268", "JD5535583", "JD7131530", "JD2743207", "JD5113055", "JD3527967"]
KIDWATCH = ["JD4803822", "JD4803826", "JD6889213", "JD6889215"]

ITEMS = [
    # ---- product / follow-up (pre-sales sessions) ----
    ("02666c97", 10, "followup", P_("JD7390537"), [6, 8]),
    ("02666c97", 12, "followup", P_("JD7390537"), [10]),
    ("02666c97", 14, "policy", F_("warranty"), [10, 12]),
    ("02666c97", 4, "policy", F_("returns"), []),
    ("0dcdb3c2", 0, "product", P_("JD5056175"), []),
    ("0dcdb3c2", 2, "followup", P_("JD5056175"), [0]),
    ("0f67a573", 2, "product", P_("JD1319118"), []),
    ("0f67a573", 4, "followup", P_("JD1319118"), [2]),
    ("1458e95f", 2, "product", P_("JD5137652"), []),
    ("1458e95f", 4, "followup", P_("JD5137652"), [2]),
    ("1458e95f", 6, "followup", P_("JD5137652"), [4]),
    ("2116dfb1", 4, "product", P_("JD6895802", "JD5042167", "JD7410957"), []),
    ("2116dfb1", 6, "followup", P_("JD6895802"), [4]),
    ("2116dfb1", 8, "followup", P_("JD6895802"), [4, 6]),
    ("2116dfb1", 12, "followup", P_("JD6895802"), [4]),
    ("24d4ec66", 6, "followup", P_("JD1429774"), [2]),
    ("27e21d68", 4, "product", P_("JD2506449"), []),
    ("27e21d68", 14, "followup", P_("JD2506449"), [4]),
    ("2c3e3de7", 2, "policy", F_("exchange"), []),
    ("2c3e3de7", 6, "followup", P_("JD338871"), [2]),
    ("2c4adbb2", 2, "product", P_("JD2770504"), []),
    ("2c4adbb2", 4, "followup", P_("JD2770504"), [2]),
    ("333d9faa", 0, "product", P_("JD3995560", "JD1021895", "JD3564443"), []),
    ("37484a01", 2, "product", P_("JD4803822", "JD6889213", "JD4765830"), []),
    ("37484a01", 6, "followup", P_("JD4803822"), [2]),
    ("3eb844c0", 2, "product", P_("JD2743207", "JD5535583", "JD5113055"), []),
    ("3eb844c0", 6, "followup", P_("JD2743207"), [2]),
    ("430ae5d5", 2, "product", P_("JD5113055"), []),
    ("430ae5d5", 4, "followup", P_("JD5113055", "JD5018268"), [2]),
    ("430ae5d5", 8, "followup", P_("JD5113055"), [2]),
    ("430ae5d5", 10, "followup", P_("JD5113055"), [2]),
    ("430ae5d5", 14, "followup", P_("JD5113055"), [2, 12]),
    ("430ae5d5", 18, "followup", P_("JD5113055"), [2]),
    ("4634d301", 0, "product", P_("JD7218911"), []),
    ("4634d301", 4, "followup", P_("JD7218911"), [0]),
    ("4af18e3b", 4, "product", P_("JD6895476"), []),
    ("4af18e3b", 8, "followup", P_("JD6895476"), [4]),
    ("4fb9d1d7", 2, "product", P_("JD4496479", "JD4186855"), []),
    ("57969ca6", 2, "product", P_("JD5535583"), []),
    ("57969ca6", 4, "followup", P_(*DASHCAMS), [2]),
    ("57969ca6", 6, "followup", P_("JD5018268", "JD7390537", "JD5113055"), [2, 4]),
    ("57969ca6", 8, "followup", P_("JD5018268"), [6]),
    ("57969ca6", 12, "followup", P_("JD5113055"), [6, 8]),
    ("57969ca6", 16, "followup", P_("JD5018268", max_price=300), [4, 6, 12]),
    ("60aac3dc", 2, "product", P_("JD6889213"), []),
    ("60aac3dc", 4, "followup", P_("JD6889213"), [2]),
    ("6b77eae1", 8, "product", P_("JD2362416", "JD2004183"), []),
    ("73d9f47c", 4, "product", P_("JD3564443", "JD1021895"), []),
    ("73d9f47c", 8, "followup", P_("JD4560131"), [4]),
    ("73d9f47c", 10, "followup", P_("JD4560131"), [8]),
    ("7ff5b913", 12, "product", P_(*KIDWATCH), []),
    ("8aebcfda", 2, "product", P_("JD7131530"), []),
    ("8aebcfda", 10, "followup", P_("JD7131530"), [2, 4]),
    ("8aebcfda", 14, "followup", P_("JD7131530"), [2]),
    ("8aebcfda", 16, "followup", P_("JD7131530"), [14]),
    ("8bceb692", 2, "product", {"products_all": ["JD4803826", "JD4803822"]}, []),
    ("8bceb692", 4, "followup", P_("JD4803826", "JD4803822"), [2]),
    ("8bceb692", 6, "followup", P_("JD4803826"), [2]),
    ("8c08ee70", 10, "followup", P_("JD1021895", "JD3564443"), [6]),
    ("8fabcb7e", 2, "product", P_("JD1869569"), []),
    ("8fabcb7e", 6, "followup", P_("JD1869569"), [2]),
    ("9177303f", 2, "product", P_("JD6172168"), []),
    ("94ebf3cc", 0, "product", P_("JD4803826", "JD4803822"), []),
    ("94ebf3cc", 6, "product", {"products_all": ["JD6889215", "JD4803826"]}, []),
    ("98741500", 0, "product", P_("JD5535583"), []),
    ("98741500", 4, "followup", P_("JD5535583"), [0]),
    ("98741500", 6, "followup", P_("JD5535583"), [0]),
    ("98741500", 12, "followup", P_("JD5535583"), [0]),
    ("98741500", 16, "followup", P_("JD7131530"), [0]),
    ("98741500", 18, "followup", P_("JD7131530"), [16]),
    ("9e28687f", 2, "product", P_("JD2357091"), []),
    ("ab594aeb", 0, "product", P_("JD5042167"), []),
    ("ab594aeb", 2, "followup", P_("JD5042167"), [0]),
    ("ab594aeb", 4, "followup", P_("JD5042167"), [2]),
    ("acb6d7c5", 2, "product", P_("JD692918"), []),
    ("b04024c6", 6, "product", P_("JD4311792"), []),
    ("b04024c6", 8, "followup", P_("JD4311792"), [6]),
    ("b04024c6", 12, "followup", P_("JD4311792"), [6]),
    ("b0c39dfa", 2, "followup", P_("JD1086606"), [0]),
    ("b26df668", 2, "product", P_("JD2357097"), []),
    ("b85ea33b", 2, "product", P_("JD3567629"), []),
    ("b996c88f", 10, "product", P_(*KIDWATCH), []),
    ("b996c88f", 12, "followup", P_("JD6889213"), [10]),
    ("b996c88f", 26, "followup", P_("JD6889213"), [10]),
    ("c615011b", 2, "product", P_("JD5018268", "JD7390537"), []),
    ("c615011b", 4, "followup", P_("JD5018268"), [2]),
    ("ca6e1bdf", 2, "product", P_("JD4496479"), []),
    ("ca6e1bdf", 6, "followup", P_("JD4496479"), [2]),
    ("ca6e1bdf", 8, "followup", P_("JD4496479"), [2]),
    ("d8a9315d", 0, "product", P_("JD5018268", "JD5535583"), []),
    ("d8a9315d", 4, "followup", P_("JD5018268"), [0]),
    ("d8a9315d", 8, "followup", P_("JD5018268"), [4]),
    ("d98e89a5", 2, "product", P_("JD3420249"), []),
    ("98c2b08c", 0, "product", P_("JDT98c2b08c"), []),
    ("b98a42f1", 0, "product", P_("JDTb98a42f1"), []),
    ("b98a42f1", 2, "followup", P_("JDTb98a42f1"), [0]),
    # ---- policy questions inside pre-sales / product sessions ----
    ("0547567a", 2, "policy", F_("warranty"), []),
    ("0547567a", 4, "policy", F_("warranty"), [2]),
    ("0e18773b", 2, "policy", F_("invoice"), []),
    ("116f52a5", 6, "policy", F_("refund"), [4]),
    ("11e0c7c4", 2, "policy", F_("returns"), []),
    ("16ca7841", 0, "policy", F_("returns"), []),
    ("16ca7841", 2, "policy", F_("return_shipping"), [0]),
    ("16ca7841", 6, "policy", F_("shipping_fee"), [4]),
    ("16ca7841", 12, "policy", F_("after_sales"), []),
    ("19a1d5eb", 0, "policy", F_("shipping_fee"), []),
    ("1c9bf682", 2, "policy", F_("price_change"), []),
    ("1c9bf682", 14, "policy", F_("price_change"), [2]),
    ("1e0da7ad", 4, "policy", F_("self_pickup"), [2]),
    ("2096de32", 2, "policy", F_("warranty"), []),
    ("26ccea8a", 2, "policy", F_("invoice"), []),
    ("26ccea8a", 4, "policy", F_("invoice"), [2]),
    ("2df6a653", 2, "policy", F_("price_protection"), []),
    ("2df6a653", 4, "policy", F_("price_protection"), [2]),
    ("30c69b25", 4, "policy", F_("warranty"), []),
    ("30c69b25", 16, "policy", F_("warranty"), [4, 6]),
    ("334e6eef", 2, "policy", F_("invoice"), []),
    ("334e6eef", 4, "policy", F_("invoice"), [2]),
    ("3399e53c", 2, "policy", F_("after_sales"), []),
    ("47477f39", 4, "policy", F_("delivery"), []),
    ("5ab21857", 6, "policy", F_("authenticity"), []),
    ("5ad52131", 2, "policy", F_("returns"), []),
    ("5d2778ec", 2, "policy", F_("stock"), []),
    ("5f6954bf", 4, "policy", F_("after_sales"), []),
    ("6888a62c", 2, "policy", F_("invoice"), []),
    ("6888a62c", 4, "policy", F_("invoice"), [2]),
    ("71f1df44", 2, "policy", F_("global_purchase"), []),
    ("71f1df44", 4, "policy", F_("global_purchase"), [2]),
    ("73d9f47c", 2, "policy", F_("warranty"), []),
    ("73d9f47c", 6, "policy", F_("invoice"), []),
    ("7ff5b913", 0, "policy", F_("price_protection"), []),
    ("7ff5b913", 2, "policy", F_("price_protection"), [0]),
    ("86b60eb2", 0, "policy", F_("invoice"), []),
    ("8a8b5bee", 4, "policy", F_("warranty"), [2]),
    ("8c08ee70", 4, "policy", F_("warranty"), []),
    ("8e32fa79", 2, "policy", F_("fresh_food"), []),
    ("8e32fa79", 4, "policy", F_("fresh_food"), [2]),
    ("9527d1ff", 0, "policy", F_("stock"), []),
    ("98741500", 14, "policy", F_("coupons"), []),
    ("9a55a57e", 2, "policy", F_("invoice"), []),
    ("9a55a57e", 4, "policy", F_("delivery"), []),
    ("b04024c6", 2, "policy", F_("global_purchase"), []),
    ("b0c39dfa", 0, "policy", F_("warranty"), []),
    ("b0e32568", 0, "policy", F_("returns"), []),
    ("b6c6dd02", 4, "policy", F_("delivery"), []),
    ("d2ee28ed", 2, "policy", F_("invoice"), []),
    ("d2ee28ed", 4, "policy", F_("warranty"), []),
    ("d2ee28ed", 6, "policy", F_("invoice"), [2]),
    ("d441bb3d", 2, "policy", F_("delivery"), []),
    ("d441bb3d", 6, "policy", F_("delivery"), [2]),
    ("d7a37c8b", 0, "policy", F_("authenticity"), []),
    ("d8be5b43", 2, "policy", F_("coupons"), []),
    ("d8be5b43", 6, "policy", F_("price_protection"), [2]),
    ("d8be5b43", 8, "policy", F_("returns"), []),
    ("d98e89a5", 4, "policy", F_("global_purchase"), []),
    ("d98e89a5", 6, "policy", F_("global_purchase"), [4]),
    ("dde74839", 0, "policy", F_("refund"), []),
    ("e404182a", 2, "policy", F_("after_sales"), []),
    ("eb432cdf", 0, "policy", F_("invoice"), []),
    ("eb432cdf", 2, "policy", F_("invoice"), [0]),
    ("fa1ee3f3", 4, "policy", F_("stock"), []),
    # ---- policy questions, after-sales sessions ----
    ("0000b82c", 2, "policy", F_("change_address"), []),
    ("19d9791d", 2, "policy", F_("change_address"), []),
    ("84873fca", 0, "policy", F_("change_address"), []),
    ("68b62536", 0, "policy", F_("change_address"), []),
    ("d010bf7c", 0, "policy", F_("change_address"), []),
    ("7b99e19e", 6, "policy", F_("change_address"), [2]),
    ("51b0d3ca", 10, "policy", F_("change_address"), []),
    ("1e3681da", 2, "policy", F_("change_address"), []),
    ("b3d6e1d9", 2, "policy", F_("delivery"), []),
    ("5c8f7587", 2, "policy", F_("delivery"), []),
    ("088d0e98", 20, "policy", F_("invoice_change"), []),
    ("122304fd", 0, "policy", F_("invoice"), []),
    ("1a2bbbe4", 2, "policy", F_("invoice_change"), []),
    ("1f4e184b", 2, "policy", F_("invoice_change"), []),
    ("210e8672", 2, "policy", F_("invoice"), []),
    ("210e8672", 8, "policy", F_("invoice_change"), [2]),
    ("3145fd57", 0, "policy", F_("invoice"), []),
    ("3de9bc31", 0, "policy", F_("invoice_change"), []),
    ("3e6e9e4e", 0, "policy", F_("invoice_change"), []),
    ("3f9a6316", 10, "policy", F_("invoice"), [2]),
    ("4762d318", 2, "policy", F_("invoice_change"), []),
    ("568f9901", 0, "policy", F_("invoice_change"), []),
    ("575b5599", 2, "policy", F_("invoice_change"), []),
    ("5109e9be", 2, "policy", F_("invoice"), []),
    ("020ea9f3", 6, "policy", F_("invoice"), [0, 4]),
    ("29dff7d5", 0, "policy", F_("price_protection"), []),
    ("5489beeb", 2, "policy", F_("price_protection"), []),
    ("58ab9387", 0, "policy", F_("price_protection"), []),
    ("d6236814", 2, "policy", F_("price_protection"), []),
    ("4d2c7d0c", 0, "policy", F_("price_protection"), []),
    ("0a997920", 2, "policy", F_("price_protection"), []),
    ("d05b5b40", 0, "policy", F_("price_protection"), []),
    ("8570c4e4", 2, "policy", F_("price_protection"), []),
    ("ba3532d4", 2, "policy", F_("price_protection"), []),
    ("f4bdb4dc", 0, "policy", F_("price_protection"), []),
    ("e53af7fd", 2, "policy", F_("price_protection"), []),
    ("e53af7fd", 6, "policy", F_("price_protection"), [2]),
    ("21551c12", 0, "policy", F_("return_shipping"), []),
    ("21551c12", 6, "policy", F_("returns"), [0]),
    ("30946af0", 0, "policy", F_("return_shipping"), []),
    ("0f289465", 0, "policy", F_("returns"), []),
    ("0f289465", 4, "policy", F_("after_sales"), [0]),
    ("1db8ed39", 0, "policy", F_("refund"), []),
    ("08b3195f", 0, "policy", F_("refund"), []),
    ("12ee3e5b", 22, "policy", F_("refund"), [20]),
    ("0dd4880c", 2, "policy", F_("refund"), []),
    ("4c9cbef3", 0, "policy", F_("returns"), []),
    ("423cf201", 4, "policy", F_("returns"), []),
    ("3aca962a", 0, "policy", F_("returns"), []),
    ("60e92a6b", 4, "policy", F_("refund"), [2]),
    ("420916fc", 0, "policy", F_("refund"), []),
    ("aa441a9a", 2, "policy", F_("exchange"), []),
    ("eea452b1", 8, "policy", F_("exchange"), []),
    ("1f88f9d3", 0, "policy", F_("exchange"), []),
    ("c77f7766", 2, "policy", F_("after_sales"), []),
    ("35ca1c31", 14, "policy", F_("exchange"), []),
    ("6094b823", 2, "policy", F_("exchange"), []),
    ("17463251", 0, "policy", F_("warranty"), []),
    ("123d0886", 4, "policy", F_("warranty"), []),
    ("2c7eefc9", 2, "policy", F_("warranty"), []),
    ("a681a6fe", 0, "policy", F_("warranty"), []),
    ("a820aac8", 6, "policy", F_("warranty"), []),
    ("4a65daed", 18, "policy", F_("warranty"), []),
    ("313517ab", 2, "policy", F_("warranty"), []),
    ("7c524e01", 2, "policy", F_("warranty"), []),
    ("2c43e069", 2, "policy", F_("after_sales"), []),
    ("ad564c18", 2, "policy", F_("after_sales"), []),
    ("4943b800", 0, "policy", F_("after_sales"), []),
    ("0b471578", 4, "policy", F_("delivery"), [0]),
    ("1a3d72ad", 2, "policy", F_("delivery"), []),
    ("365e776b", 0, "policy", F_("order_tracking"), []),
    ("21850350", 0, "policy", F_("order_tracking"), []),
    ("2d0b6ef7", 2, "policy", F_("delivery"), []),
    ("3427048e", 6, "policy", F_("delivery"), []),
    ("0dc5e730", 0, "policy", F_("delivery"), []),
    ("9786ebf4", 0, "policy", F_("order_tracking"), []),
    ("5667d595", 2, "policy", F_("delivery"), []),
    ("fb01be5d", 2, "policy", F_("delivery"), []),
    ("bed7bcb1", 4, "policy", F_("delivery"), []),
    ("7d637ce3", 2, "policy", F_("cancel_order"), []),
    ("cb986104", 2, "policy", F_("cancel_order"), []),
    ("4e8c88cb", 8, "policy", F_("refund"), []),
    ("fa8b5054", 6, "policy", F_("refund"), []),
    ("dd6e459b", 2, "policy", F_("cancel_order"), []),
    ("c35a5c61", 2, "policy", F_("cancel_order"), []),
    ("2731f144", 2, "policy", F_("refund"), []),
    ("6e091f81", 2, "policy", F_("payment"), []),
    ("4eaf1b73", 10, "policy", F_("payment"), []),
    ("7fba6a97", 4, "policy", F_("payment"), []),
    ("ef3ecbd1", 6, "policy", F_("coupons"), []),
    ("2dd3bca0", 2, "policy", F_("membership"), []),
    ("eb356771", 2, "policy", F_("membership"), []),
    ("cf774146", 2, "policy", F_("membership"), []),
    ("de26f219", 2, "policy", F_("membership"), []),
    ("fbc09e4a", 8, "policy", F_("coupons"), []),
    ("82976989", 2, "policy", F_("coupons"), []),
    ("f9097c45", 10, "policy", F_("membership"), [8]),
    ("378380dd", 2, "policy", F_("installation"), []),
    ("378380dd", 8, "policy", F_("installation"), [6]),
    ("e72cf730", 0, "policy", F_("installation"), []),
    ("8f530050", 0, "policy", F_("installation"), []),
    ("cbafaa2c", 2, "policy", F_("installation"), []),
    ("3c34069c", 2, "policy", F_("installation"), []),
    ("9c1d666c", 2, "policy", F_("shipping_fee"), []),
    ("c9f986c1", 10, "policy", F_("shipping_fee"), []),
    ("1a534477", 8, "policy", F_("shipping_fee"), []),
    ("c85cb4e8", 2, "policy", F_("return_shipping"), []),
    ("b319182c", 0, "policy", F_("shipping_fee"), []),
    ("a118bed4", 0, "policy", F_("stock"), []),
    ("e1911c67", 0, "policy", F_("stock"), []),
    ("78696a25", 0, "policy", F_("stock"), []),
    ("2808327e", 6, "policy", F_("authenticity"), []),
    # ---- out of scope: nothing in this store's catalog or policies answers ----
    ("31397968", 4, "none", NONE, []),          # 降压线: not sold here
    ("8aebcfda", 4, "none", NONE, [2]),         # separate step-down cable: not sold
    ("4e1a6bbd", 2, "none", NONE, []),          # which engine oil for a VW: no oil here
    ("4e1a6bbd", 6, "none", NONE, [2]),
    ("b85ea33b", 4, "none", NONE, [2]),         # a cassette player: none here
    ("9177303f", 4, "none", NONE, [2]),         # an adapter that supports Mac: none
    ("9e28687f", 6, "none", NONE, [2]),         # wall bracket: not sold
    ("f2fb0ba0", 2, "none", NONE, []),          # a spare pen nib: not sold
    ("116f52a5", 0, "none", NONE, []),          # gift box / bag
    ("10f1f978", 0, "none", NONE, []),          # seller onboarding hotline
    ("10f1f978", 2, "none", NONE, []),
    ("4923f5d2", 0, "none", NONE, []),
    ("4923f5d2", 2, "none", NONE, [0]),
    ("afe4f275", 2, "none", NONE, []),
    ("afe4f275", 12, "none", NONE, [2]),
    ("3446d727", 2, "none", NONE, []),          # English website
    ("3446d727", 6, "none", NONE, [2]),
    ("47152dab", 10, "none", NONE, []),         # courier business account billing
    ("47152dab", 12, "none", NONE, [10]),
    ("37b68fcb", 8, "none", NONE, []),
    ("49b05c70", 0, "none", NONE, []),          # account password
    ("a70d0dba", 0, "none", NONE, []),          # login captcha
    ("3789d739", 2, "none", NONE, []),          # real-name verification
    ("e06fbb2a", 0, "none", NONE, []),          # change account phone number
    ("78aca120", 12, "none", NONE, []),         # "are you a robot"
    ("aeaea1c7", 24, "none", NONE, []),         # chit-chat
    ("b55c2752", 4, "none", NONE, []),
    ("a3bf75f0", 14, "none", NONE, []),         # JD DingDong app login
    ("c41771f9", 0, "none", NONE, []),          # merchant: coupon batch key
    ("86b0cdf3", 2, "none", NONE, []),          # merchant: receipts for a customer
    ("917aed62", 2, "none", NONE, []),          # merchant: order refund lookup
    ("f9f6c85e", 2, "none", NONE, []),          # merchant: price compensation to customers
    ("fade0ca2", 2, "none", NONE, []),          # merchant: dispatch
    ("dd6e459b", 18, "none", NONE, []),         # merchant: group-buy store types
    ("0b47972f", 0, "none", NONE, []),          # "only one courier?"
    ("701cdb94", 0, "none", NONE, []),          # merchant: service cards with JD logo
    ("3806d470", 0, "none", NONE, []),          # merchant: freight insurance claim
    ("03c46b1a", 4, "none", NONE, []),          # merchant: delete a review
    ("1470656c", 2, "none", NONE, []),          # merchant: backend handling
    ("36e6a2fe", 2, "none", NONE, []),          # merchant: who issues invoices
    ("0d25b9e3", 2, "none", NONE, []),          # VAT rate for kettles
    ("5acf9d26", 2, "none", NONE, []),          # personal Baitiao credit limit
    ("6fd63072", 2, "none", NONE, []),          # JD Pay statements older than a year
    ("10a7ee99", None, "none", NONE, []),       # iQiyi membership renewal (turn found by text)
]
TEXT_LOOKUP = {("10a7ee99", None): "近期会调价格吗"}

# --------------------------------------------------------------------------
# Personal data. The corpus already masks it with placeholders; the
# placeholders that stand for personal data are replaced by similar fakes.
# Non-personal masks ([数字x] [金额x] [日期x] [时间x] [链接x] [站点x]) stay.
# --------------------------------------------------------------------------
FAKE_STREETS = ["幸福路12号", "人民路8号", "建设大街36号", "解放路5号"]


def fake_pii(text: str, key: str) -> str:
    h = int(hashlib.sha1(key.encode()).hexdigest(), 16)
    counter = [0]

    def nxt() -> int:
        counter[0] += 1
        return int(hashlib.sha1(f"{key}/{counter[0]}".encode()).hexdigest(), 16)

    text = re.sub(r"\[订单x\]", lambda m: "8%010d" % (nxt() % 10**10), text)
    text = re.sub(r"\[电话x\]", lambda m: "138%08d" % (nxt() % 10**8), text)
    # [姓名x] is left as it is: in JDDC this tag over-masks ordinary words
    # ("好的[姓名x]", "大众[姓名x]逸", "什么是[姓名x]"), so a fake name would
    # invent content; no real name is left behind it.
    text = re.sub(r"\[地址x\]", lambda m: FAKE_STREETS[nxt() % len(FAKE_STREETS)], text)
    text = re.sub(r"\[邮箱x\]", lambda m: "user%04d@example.com" % (nxt() % 10000), text)
    text = re.sub(r"\[组织机构x\]", "示例科技有限公司", text)
    text = re.sub(r"\[身份证号x\]", "", text)
    del h
    return text


# --------------------------------------------------------------------------
def read_corpus(src: str) -> str:
    path = Path(src)
    if path.is_file():
        return path.read_text(encoding="utf-8")
    out = subprocess.run(["git", "--git-dir", src, "show", f"HEAD:{CORPUS_PATH}"],
                         check=True, capture_output=True)
    return out.stdout.decode("utf-8")


def sessions_of(text: str) -> dict[str, list[list[str]]]:
    sess: dict[str, list[list[str]]] = collections.OrderedDict()
    for line in text.split("\n"):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != 7:
            raise ValueError(f"unexpected row: {line[:80]!r}")
        sess.setdefault(cols[0], []).append(cols)
    return sess


def resolve(sess, prefix):
    hits = [s for s in sess if s.startswith(prefix)]
    if len(hits) != 1:
        raise KeyError(f"session prefix {prefix!r} matches {len(hits)} sessions")
    return hits[0]


def user_turn(rows, turn, sid):
    r = rows[turn]
    if r[2] != "0":
        raise ValueError(f"{sid} turn {turn} is not a shopper turn")
    return r[6].strip()


def build_items(sess):
    items = []
    for prefix, turn, kind, expect, after in ITEMS:
        sid = resolve(sess, prefix)
        rows = sess[sid]
        if turn is None:
            needle = TEXT_LOOKUP[(prefix, None)]
            turn = next(j for j, r in enumerate(rows) if r[2] == "0" and needle in r[6])
        iid = f"jddc-{prefix}-t{turn:02d}"
        q = fake_pii(user_turn(rows, turn, sid), f"{sid}/{turn}")
        line = {"id": iid, "q": q}
        if after:
            line["after"] = [fake_pii(user_turn(rows, a, sid), f"{sid}/{a}") for a in after]
        line["expect"] = expect
        line["source"] = {"corpus": "JDDC-2019 (0.1% sample)", "dialogue": sid, "turn": turn, "kind": kind}
        items.append(line)
    return cap_policy(items)


# The corpus is mostly after-sales talk, so policy questions far outnumber the
# product ones. To keep the mix near the target, at most POLICY_CAP[faq] items
# are kept per policy row: first those from dialogues that also give product
# items, then in sha1(id) order. (Chosen before any baseline was run.)
POLICY_CAP = {
    "invoice": 9, "warranty": 9, "price_protection": 8, "delivery": 8, "returns": 7, "refund": 7,
    "invoice_change": 6, "after_sales": 6, "change_address": 5, "exchange": 5, "stock": 4,
    "shipping_fee": 4, "installation": 4, "membership": 4, "global_purchase": 4, "coupons": 4,
    "return_shipping": 4, "cancel_order": 4, "payment": 3, "order_tracking": 3, "authenticity": 3,
    "price_change": 2, "fresh_food": 2, "self_pickup": 1,
}


def cap_policy(items):
    product_dlgs = {i["source"]["dialogue"] for i in items if i["source"]["kind"] in ("product", "followup")}
    by_faq = collections.defaultdict(list)
    for i in items:
        if i["source"]["kind"] == "policy":
            by_faq[i["expect"]["faq"]].append(i)
    keep = set()
    for fid, its in by_faq.items():
        its.sort(key=lambda i: (i["source"]["dialogue"] not in product_dlgs,
                                hashlib.sha1(i["id"].encode()).hexdigest()))
        keep.update(i["id"] for i in its[:POLICY_CAP[fid]])
    return [i for i in items if i["source"]["kind"] != "policy" or i["id"] in keep]


def split(items):
    """50/50 by dialogue, balanced per kind: each dialogue gets the kind most of
    its items have; within a kind the dialogues are ordered by sha1(dialogue id)
    and dealt alternately to dev and test."""
    by_dlg = collections.defaultdict(list)
    for it in items:
        by_dlg[it["source"]["dialogue"]].append(it)
    order = ["product", "followup", "policy", "none"]
    kind_of = {}
    for d, its in by_dlg.items():
        c = collections.Counter(i["source"]["kind"] for i in its)
        kind_of[d] = max(order, key=lambda k: (c[k], -order.index(k)))
    dev, test = [], []
    counts = {"dev": 0, "test": 0}
    for k in order:
        dl = sorted((d for d in by_dlg if kind_of[d] == k),
                    key=lambda d: hashlib.sha1(d.encode()).hexdigest())
        for d in dl:
            # deal to the half with fewer items so far (ties: sha1 order decides)
            half = "dev" if counts["dev"] <= counts["test"] else "test"
            (dev if half == "dev" else test).extend(by_dlg[d])
            counts[half] += len(by_dlg[d])
    key = lambda i: i["id"]
    return sorted(dev, key=key), sorted(test, key=key)


def write_store(out: Path, items):
    out.mkdir(parents=True, exist_ok=True)
    (out / "store.toml").write_text(
        '# Real shopper questions from JDDC (JD.com customer service); see SOURCE.md.\n'
        'name = "京东客服语料测试店"\nlanguage = "zh"\ncurrency = "CNY"\n', encoding="utf-8")
    skus = [pr.sku for pr in PRODUCTS]
    assert len(set(skus)) == len(skus), "a SKU is repeated"
    (out / "products.csv").write_text(csv_text(PRODUCT_COLUMNS, (
        [pr.sku, pr.name, pr.category, "%.2f" % price_for(pr), pr.brand, "CNY", "", "",
         pr.sizes, pr.colors, pr.tags, pr.desc] for pr in PRODUCTS)), encoding="utf-8")
    assert all(len(alts.split(";")) <= 2 for _, _, _, alts, _ in FAQ)
    (out / "faq.csv").write_text(csv_text(FAQ_COLUMNS, FAQ), encoding="utf-8")
    dev, test = split(items)
    write_jsonl(out / "dev.jsonl", dev)
    write_jsonl(out / "test.jsonl", test)
    return dev, test


def check(out: Path) -> dict:
    skus, faqs, phrasings = store_keys(out)
    norm = phrasing_key
    stats = {}
    ids = set()
    for name in ("dev.jsonl", "test.jsonl"):
        c = collections.Counter()
        for n, line in enumerate(open(out / name, encoding="utf-8"), 1):
            obj = json.loads(line)
            assert obj["id"] not in ids, obj["id"]
            ids.add(obj["id"])
            assert obj["q"] and obj["q"] == obj["q"].strip(), (name, n)
            e = obj["expect"]
            for s in e.get("products_any", []) + e.get("products_all", []):
                assert s in skus, (name, n, s)
            if "faq" in e:
                assert e["faq"] in faqs, (name, n, e["faq"])
            # no evaluation question may be copied into faq.csv
            for t in [obj["q"]] + obj.get("after", []):
                nq = norm(t)
                for f in phrasings:
                    near = nq == f or (len(nq) >= 6 and nq in f) or (len(f) >= 8 and f in nq)
                    assert not near, (name, n, "shopper text (near) copied into faq.csv", t, f)
            c[obj["source"]["kind"]] += 1
            c["dialogues:" + obj["source"]["dialogue"]] += 0
        dialogues = {k for k in c if k.startswith("dialogues:")}
        stats[name] = {k: v for k, v in c.items() if not k.startswith("dialogues:")}
        stats[name]["total"] = sum(stats[name].values())
        stats[name]["dialogues"] = len(dialogues)
    dev_d = {json.loads(l)["source"]["dialogue"] for l in open(out / "dev.jsonl", encoding="utf-8")}
    test_d = {json.loads(l)["source"]["dialogue"] for l in open(out / "test.jsonl", encoding="utf-8")}
    assert not dev_d & test_d, "a dialogue is in both halves"
    stats["products"] = len(skus)
    stats["faq"] = len(faqs)
    return stats


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mirror", nargs="?", help="git dir of the corpus snapshot, or path to chat_0.1per.txt")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--check-only", action="store_true")
    a = ap.parse_args(argv)
    out = Path(a.out)
    if not a.check_only:
        if not a.mirror:
            ap.error("mirror is required unless --check-only")
        sess = sessions_of(read_corpus(a.mirror))
        items = build_items(sess)
        write_store(out, items)
    print(json.dumps(check(out), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    sys.exit(main())
