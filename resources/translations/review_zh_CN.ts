<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionPanel</name>
    <message>
        <location filename="../../ui/review/action_panel.py" line="183"/>
        <source>Means this kind of product</source>
        <translation>指的是这类商品</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="184"/>
        <source>Means this product</source>
        <translation>指的是这件商品</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="185"/>
        <source>Is this policy</source>
        <translation>是这条政策</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="186"/>
        <source>New answer</source>
        <translation>新回答</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="187"/>
        <source>We don&apos;t carry this</source>
        <translation>本店不卖</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="188"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="192"/>
        <source>&amp;Action:</source>
        <translation>处理方式(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="193"/>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="194"/>
        <source>&amp;Product:</source>
        <translation>商品(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="195"/>
        <source>&amp;Policy:</source>
        <translation>政策(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="196"/>
        <source>&amp;Question:</source>
        <translation>问题(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="197"/>
        <source>A&amp;nswer:</source>
        <translation>回答(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="198"/>
        <source>The store&apos;s &amp;reply:</source>
        <translation>本店的答复(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="199"/>
        <source>type to search the categories</source>
        <translation>输入以搜索类别</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="200"/>
        <source>type a name or SKU to search</source>
        <translation>输入名称或货号搜索</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="201"/>
        <source>type to search the policies</source>
        <translation>输入以搜索政策</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="202"/>
        <source>e.g. We don&apos;t sell these; the shop next door does.</source>
        <translation>例如：本店不卖这个，隔壁的店有。</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="204"/>
        <source>The group leaves the list and is not shown again.</source>
        <translation>这组问题将移出列表，不再显示。</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="205"/>
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="206"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="207"/>
        <source>Preview first: you see the new answer before it is saved.</source>
        <translation>请先预览：保存前先看到新的回答。</translation>
    </message>
</context>
<context>
    <name>ActionTable</name>
    <message>
        <location filename="../../ui/review/tables.py" line="166"/>
        <source>undone %1</source>
        <translation>已于 %1 撤销</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="167"/>
        <source>in force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="175"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="175"/>
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="175"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="175"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="176"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
</context>
<context>
    <name>AdminPinDialog</name>
    <message>
        <location filename="../../ui/review/admin_gate.py" line="23"/>
        <source>Staff only</source>
        <translation>仅限店员</translation>
    </message>
    <message>
        <location filename="../../ui/review/admin_gate.py" line="24"/>
        <source>Enter the admin PIN to review shoppers&apos; questions.</source>
        <translation>输入管理员 PIN 以查看顾客的问题。</translation>
    </message>
    <message>
        <location filename="../../ui/review/admin_gate.py" line="25"/>
        <source>Admin PIN</source>
        <translation>管理员 PIN</translation>
    </message>
</context>
<context>
    <name>AdminSetPinDialog</name>
    <message>
        <location filename="../../ui/review/admin_gate.py" line="33"/>
        <source>Set the admin PIN</source>
        <translation>设置管理员 PIN</translation>
    </message>
    <message>
        <location filename="../../ui/review/admin_gate.py" line="35"/>
        <source>Reviewing shoppers&apos; questions needs an admin PIN, the same one that leaves kiosk mode. Choose %1 to %2 digits and keep them private.</source>
        <translation>查看顾客的问题需要管理员 PIN（与退出自助模式的 PIN 相同）。请设置 %1 到 %2 位数字，并注意保密。</translation>
    </message>
</context>
<context>
    <name>GroupDetail</name>
    <message>
        <location filename="../../ui/review/detail.py" line="56"/>
        <source>Asked as:</source>
        <translation>问法：</translation>
    </message>
    <message>
        <location filename="../../ui/review/detail.py" line="57"/>
        <source>Answer given:</source>
        <translation>当时的回答：</translation>
    </message>
    <message>
        <location filename="../../ui/review/detail.py" line="58"/>
        <source>Shown:</source>
        <translation>展示的卡片：</translation>
    </message>
    <message>
        <location filename="../../ui/review/detail.py" line="63"/>
        <source>Choose a question on the left.</source>
        <translation>请在左侧选择一个问题。</translation>
    </message>
    <message>
        <location filename="../../ui/review/detail.py" line="66"/>
        <source>%1 · first %2 · last %3 · %4</source>
        <translation>%1 · 首次 %2 · 最近 %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/review/detail.py" line="72"/>
        <source>(no answer)</source>
        <translation>（没有回答）</translation>
    </message>
</context>
<context>
    <name>GroupTable</name>
    <message>
        <location filename="../../ui/review/tables.py" line="104"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="104"/>
        <source>Asked</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="104"/>
        <source>Last asked</source>
        <translation>最近一次</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="104"/>
        <source>Why listed</source>
        <translation>列出原因</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <location filename="../../ui/review/detail.py" line="111"/>
        <source>Preview: “%1”</source>
        <translation>预览：“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/review/detail.py" line="112"/>
        <source>Now:</source>
        <translation>现在的回答：</translation>
    </message>
    <message>
        <location filename="../../ui/review/detail.py" line="113"/>
        <source>After this action (not saved yet):</source>
        <translation>处理之后（尚未保存）：</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../ui/review/window.py" line="179"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="245"/>
        <source>Saved: %1 — “%2”. Shoppers get the new answer now.</source>
        <translation>已保存：%1 ——“%2”。顾客现在就会得到新的回答。</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="264"/>
        <source>Undone: %1 — “%2”.</source>
        <translation>已撤销：%1 ——“%2”。</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="282"/>
        <source>Questions to review</source>
        <translation>待处理的问题</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="284"/>
        <source>Questions (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="285"/>
        <source>Done</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="286"/>
        <source>How it is going</source>
        <translation>整体情况</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="287"/>
        <source>Nothing to review: every question asked was answered, or has an action already.</source>
        <translation>没有需要处理的问题：所有问题都已得到回答，或已经处理过。</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="290"/>
        <source>What should it have answered?</source>
        <translation>应该怎样回答？</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="291"/>
        <source>&amp;Period:</source>
        <translation>时间范围(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="293"/>
        <source>last %1 days</source>
        <translation>最近 %1 天</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="294"/>
        <source>Undo that</source>
        <translation>撤销刚才的操作</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="295"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="296"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReviewWords</name>
    <message>
        <location filename="../../ui/review/words.py" line="22"/>
        <source>answered as out of scope</source>
        <translation>回答为不在经营范围</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="23"/>
        <source>nothing found</source>
        <translation>没有找到商品</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="24"/>
        <source>rated not helpful</source>
        <translation>被评为没有帮助</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="25"/>
        <source>asked again in other words</source>
        <translation>顾客换了说法重问</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/review/words.py" line="33"/>
        <source>asked %n time(s)</source>
        <translation>
            <numerusform>被问 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="39"/>
        <source>Means: %1</source>
        <translation>指的是：%1</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="41"/>
        <source>Is the policy %1</source>
        <translation>是政策 %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="43"/>
        <source>New answer: %1</source>
        <translation>新回答：%1</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="45"/>
        <source>Not carried: %1</source>
        <translation>本店不卖：%1</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="47"/>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="55"/>
        <source>Product: %1 (%2)</source>
        <translation>商品：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="58"/>
        <source>Policy: %1</source>
        <translation>政策：%1</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="59"/>
        <source>No cards</source>
        <translation>没有卡片</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../ui/review/charts.py" line="136"/>
        <source>Questions per day</source>
        <translation>每天的问题数</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="137"/>
        <source>Questions</source>
        <translation>问题数</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="138"/>
        <source>Answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="147"/>
        <source>Answered %1 · rated helpful %2</source>
        <translation>已回答 %1 · 评为有帮助 %2</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="152"/>
        <source>Answered %</source>
        <translation>回答比例 %</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="153"/>
        <source>Helpful %</source>
        <translation>有帮助比例 %</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="175"/>
        <source>Top unmet needs</source>
        <translation>最常见的未满足需求</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="176"/>
        <source>Times asked</source>
        <translation>被问次数</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="215"/>
        <source>Charts need Qt Charts (the PySide6-Addons package), which is not installed; the figures are in the summary below.</source>
        <translation>图表需要 Qt Charts（PySide6-Addons 软件包），当前未安装；数据见下方的摘要。</translation>
    </message>
</context>
</TS>
