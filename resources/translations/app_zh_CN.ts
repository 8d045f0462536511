<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnswerBubble</name>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="167"/>
        <source>Thinking…</source>
        <translation>正在思考…</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="169"/>
        <source>Sorry, something went wrong: %1</source>
        <translation>抱歉，出了点问题：%1</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="174"/>
        <source>Stopped before any answer was shown. Ask again, or ask another way.</source>
        <translation>回答还没开始就停止了。可以再问一次，或换个说法问。</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="177"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="179"/>
        <source>Answered from the store&apos;s catalog and policies</source>
        <translation>根据本店商品目录和政策作答</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="182"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="183"/>
        <location filename="../../ui/chat/bubbles.py" line="184"/>
        <source>Copy the answer</source>
        <translation>复制回答</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="185"/>
        <source>Helpful</source>
        <translation>有帮助</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="186"/>
        <source>Rate this answer helpful</source>
        <translation>评价此回答有帮助</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="187"/>
        <source>Not helpful</source>
        <translation>没帮助</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="188"/>
        <source>Rate this answer not helpful</source>
        <translation>评价此回答没有帮助</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="189"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
</context>
<context>
    <name>ComparisonTable</name>
    <message>
        <location filename="../../ui/chat/cards.py" line="201"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="202"/>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="205"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="206"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="207"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="208"/>
        <source>Aisle</source>
        <translation>货架</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="209"/>
        <source>Sizes</source>
        <translation>尺码</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="210"/>
        <source>Colors</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="223"/>
        <source>Comparison table</source>
        <translation>对比表</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../../ui/kiosk.py" line="115"/>
        <source>Are you still there? This conversation will be cleared in %1 s.</source>
        <translation>您还在吗？本次对话将在 %1 秒后清除。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="120"/>
        <source>I&apos;m still here</source>
        <translation>我还在</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="121"/>
        <source>Keep this conversation</source>
        <translation>保留本次对话</translation>
    </message>
</context>
<context>
    <name>InputBar</name>
    <message>
        <location filename="../../ui/chat/input_box.py" line="109"/>
        <source>Ask about a product, a size, a price or a store policy…</source>
        <translation>问问商品、尺码、价格或本店政策…</translation>
    </message>
    <message>
        <location filename="../../ui/chat/input_box.py" line="111"/>
        <source>Your question</source>
        <translation>您的问题</translation>
    </message>
    <message>
        <location filename="../../ui/chat/input_box.py" line="112"/>
        <source>Enter sends; Shift+Enter starts a new line</source>
        <translation>按 Enter 发送；Shift+Enter 换行</translation>
    </message>
    <message>
        <location filename="../../ui/chat/input_box.py" line="113"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/chat/input_box.py" line="114"/>
        <source>Send the question</source>
        <translation>发送问题</translation>
    </message>
    <message>
        <location filename="../../ui/chat/input_box.py" line="115"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/chat/input_box.py" line="116"/>
        <source>Stop the answer</source>
        <translation>停止回答</translation>
    </message>
    <message>
        <location filename="../../ui/chat/input_box.py" line="117"/>
        <source>Stop (Esc)</source>
        <translation>停止（Esc）</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/kiosk.py" line="272"/>
        <source>Please wait here: a staff member will come to help you. You can also ask at the service desk.</source>
        <translation>请在此稍候，店员会来帮助您。您也可以到服务台咨询。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="373"/>
        <source>Store could not be opened: %1</source>
        <translation>无法打开店铺数据：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="421"/>
        <source>Model not loaded</source>
        <translation>模型未加载</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="450"/>
        <source>Loading the language model…</source>
        <translation>正在加载语言模型…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="452"/>
        <source>Model ready: %1</source>
        <translation>模型已就绪：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="454"/>
        <source>Model not loaded: answers come from the store&apos;s facts only.</source>
        <translation>模型未加载：回答仅依据店铺资料。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455"/>
        <source>No model: answers come from the store&apos;s facts only.</source>
        <translation>未使用模型：回答仅依据店铺资料。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="462"/>
        <source>Welcome to %1! Ask me about products, sizes, prices or policies.</source>
        <translation>欢迎光临%1！商品、尺码、价格、政策，都可以问我。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="464"/>
        <source>Welcome! Ask me about products, sizes, prices or policies.</source>
        <translation>欢迎光临！商品、尺码、价格、政策，都可以问我。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="467"/>
        <source>Serving: %1</source>
        <translation>正在接待：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="469"/>
        <source>Serving: a walk-in customer (choose one on the right to personalise answers)</source>
        <translation>正在接待：散客（在右侧选择顾客可获得个性化回答）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="496"/>
        <source>ShopGuide — Kiosk</source>
        <translation>ShopGuide 导购 — 自助模式</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="496"/>
        <source>ShopGuide</source>
        <translation>ShopGuide 导购</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="498"/>
        <source>Who is being served</source>
        <translation>当前接待的顾客</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="506"/>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="507"/>
        <source>Why the model did not load</source>
        <translation>模型未能加载的原因</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="508"/>
        <source>Model loading progress</source>
        <translation>模型加载进度</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377"/>
        <location filename="../../ui/main_window.py" line="564"/>
        <source>Store: %1</source>
        <translation>店铺：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379"/>
        <source>no products yet: import your catalog</source>
        <translation>还没有商品：请导入商品目录</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="381"/>
        <source>read-only: conversations are not saved</source>
        <translation>只读：对话不会保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="383"/>
        <source>the store file is damaged: run &apos;shopguide db check&apos;</source>
        <translation>店铺文件已损坏：请运行 &apos;shopguide db check&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="511"/>
        <source>%1 tokens/s</source>
        <translation>%1 词元/秒</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="476"/>
        <location filename="../../ui/main_window.py" line="513"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="514"/>
        <source>Start a new conversation</source>
        <translation>开始新对话</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="477"/>
        <location filename="../../ui/main_window.py" line="515"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="516"/>
        <source>Switch language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="517"/>
        <source>Ask a staff member</source>
        <translation>呼叫店员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="518"/>
        <source>Ask a staff member for help</source>
        <translation>请店员来帮忙</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="524"/>
        <source>&amp;Conversation</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="525"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="526"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="527"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="528"/>
        <source>&amp;New conversation</source>
        <translation>新对话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="529"/>
        <source>&amp;Save to customer notes…</source>
        <translation>保存到顾客备注(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="530"/>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="531"/>
        <source>&amp;Fine-tune the model on this store…</source>
        <translation>用本店数据微调模型(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="532"/>
        <source>&amp;Review unanswered questions…</source>
        <translation>查看未答好的问题(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="533"/>
        <source>New &amp;customer…</source>
        <translation>新建顾客(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="534"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="535"/>
        <source>&amp;About ShopGuide</source>
        <translation>关于 ShopGuide(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="536"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="537"/>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="538"/>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="541"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="542"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="558"/>
        <source>not loaded</source>
        <translation>未加载</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="561"/>
        <source>ShopGuide %1</source>
        <translation>ShopGuide %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="562"/>
        <source>An offline shopping guide: answers come from this store&apos;s own catalog.</source>
        <translation>离线导购助手：回答只来自本店自己的商品目录和政策。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="563"/>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="568"/>
        <source>About ShopGuide</source>
        <translation>关于 ShopGuide</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="136"/>
        <source>Something went wrong (%1); nothing more was done. The log has the details.</source>
        <translation>出了点问题（%1）；没有做其他操作。详情见日志。</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/kiosk.py" line="170"/>
        <source>Too many wrong PINs. Ask the store manager.</source>
        <translation>PIN 错误次数过多，请联系店长。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="172"/>
        <source>Wrong PIN. Try again.</source>
        <translation>PIN 不正确，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="181"/>
        <source>Staff only</source>
        <translation>仅限店员</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="182"/>
        <source>Enter the admin PIN to leave kiosk mode.</source>
        <translation>输入管理员 PIN 以退出自助模式。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="183"/>
        <source>Admin PIN</source>
        <translation>管理员 PIN</translation>
    </message>
</context>
<context>
    <name>PolicyCardWidget</name>
    <message>
        <location filename="../../ui/chat/cards.py" line="175"/>
        <location filename="../../ui/chat/cards.py" line="176"/>
        <source>Store policy</source>
        <translation>店铺政策</translation>
    </message>
</context>
<context>
    <name>ProductCardWidget</name>
    <message>
        <location filename="../../ui/chat/cards.py" line="100"/>
        <source>Stock unknown</source>
        <translation>库存未知</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="102"/>
        <source>In stock: %1</source>
        <translation>有货：%1</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="104"/>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="109"/>
        <source>Aisle: %1</source>
        <translation>货架：%1</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="111"/>
        <source>Sizes: %1</source>
        <translation>尺码：%1</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="114"/>
        <source>Colors: %1</source>
        <translation>颜色：%1</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="119"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <location filename="../../ui/kiosk_pin.py" line="69"/>
        <source>The PIN must be %1 to %2 digits.</source>
        <translation>PIN 必须是 %1 到 %2 位数字。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk_pin.py" line="72"/>
        <source>The two PINs differ. Enter the same PIN twice.</source>
        <translation>两次输入的 PIN 不一致，请输入两次相同的 PIN。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk_pin.py" line="88"/>
        <source>Set the kiosk&apos;s admin PIN</source>
        <translation>设置自助模式的管理员 PIN</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk_pin.py" line="90"/>
        <source>Kiosk mode needs an admin PIN before it starts: staff enter it to leave the kiosk. Choose %1 to %2 digits and keep them private.</source>
        <translation>自助模式启动前需要设置管理员 PIN：店员输入它才能退出自助模式。请设置 %1 到 %2 位数字，并妥善保密。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk_pin.py" line="93"/>
        <source>New PIN</source>
        <translation>新 PIN</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk_pin.py" line="94"/>
        <source>The same PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="148"/>
        <source>Choose a model folder</source>
        <translation>选择模型文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="162"/>
        <source>Enter %1 to %2 seconds; %3 cannot be used.</source>
        <translation>请输入 %1 到 %2 秒；%3 不可用。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="174"/>
        <source>The PIN must be %1 to %2 digits.</source>
        <translation>PIN 必须是 %1 到 %2 位数字。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="198"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="199"/>
        <source>Language model</source>
        <translation>语言模型</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="200"/>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="143"/>
        <source>&apos;bundled&apos;, a model folder, or a downloaded model&apos;s name</source>
        <translation>“bundled”（内置）、模型文件夹，或已下载模型的名称</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="202"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="203"/>
        <source>Longest answer (tokens):</source>
        <translation>回答最大长度（词元）：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="204"/>
        <source>Vary the wording (sampling)</source>
        <translation>措辞多样化（采样）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="205"/>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="206"/>
        <source>Top-p:</source>
        <translation>Top-p：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="207"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="208"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="209"/>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="210"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="211"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="212"/>
        <source>&amp;Font size (pt):</source>
        <translation>字号（磅）(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="213"/>
        <source>Kiosk</source>
        <translation>自助模式</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="214"/>
        <source>&amp;Clear after idle (seconds):</source>
        <translation>闲置多久后清除（秒）(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="215"/>
        <source>New admin &amp;PIN:</source>
        <translation>新的管理员 PIN(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="216"/>
        <source>unchanged</source>
        <translation>不修改</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../ui/chat/suggestions.py" line="55"/>
        <source>Ask: %1</source>
        <translation>提问：%1</translation>
    </message>
    <message>
        <location filename="../../ui/chat/suggestions.py" line="65"/>
        <source>Try asking:</source>
        <translation>试着问问：</translation>
    </message>
</context>
<context>
    <name>UserBubble</name>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="55"/>
        <source>Your question</source>
        <translation>您的问题</translation>
    </message>
</context>
</TS>
