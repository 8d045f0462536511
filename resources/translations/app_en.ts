<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnswerBubble</name>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="167"/>
        <source>Thinking…</source>
        <translation>Thinking…</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="169"/>
        <source>Sorry, something went wrong: %1</source>
        <translation>Sorry, something went wrong: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="174"/>
        <source>Stopped before any answer was shown. Ask again, or ask another way.</source>
        <translation>Stopped before any answer was shown. Ask again, or ask another way.</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="177"/>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="179"/>
        <source>Answered from the store&apos;s catalog and policies</source>
        <translation>Answered from the store&apos;s catalog and policies</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="182"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="183"/>
        <location filename="../../ui/chat/bubbles.py" line="184"/>
        <source>Copy the answer</source>
        <translation>Copy the answer</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="185"/>
        <source>Helpful</source>
        <translation>Helpful</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="186"/>
        <source>Rate this answer helpful</source>
        <translation>Rate this answer helpful</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="187"/>
        <source>Not helpful</source>
        <translation>Not helpful</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="188"/>
        <source>Rate this answer not helpful</source>
        <translation>Rate this answer not helpful</translation>
    </message>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="189"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
</context>
<context>
    <name>ComparisonTable</name>
    <message>
        <location filename="../../ui/chat/cards.py" line="201"/>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="202"/>
        <source>Out of stock</source>
        <translation>Out of stock</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="205"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="206"/>
        <source>Brand</source>
        <translation>Brand</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="207"/>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="208"/>
        <source>Aisle</source>
        <translation>Aisle</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="209"/>
        <source>Sizes</source>
        <translation>Sizes</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="210"/>
        <source>Colors</source>
        <translation>Colors</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="223"/>
        <source>Comparison table</source>
        <translation>Comparison table</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../../ui/kiosk.py" line="115"/>
        <source>Are you still there? This conversation will be cleared in %1 s.</source>
        <translation>Are you still there? This conversation will be cleared in %1 s.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="120"/>
        <source>I&apos;m still here</source>
        <translation>I&apos;m still here</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="121"/>
        <source>Keep this conversation</source>
        <translation>Keep this conversation</translation>
    </message>
</context>
<context>
    <name>InputBar</name>
    <message>
        <location filename="../../ui/chat/input_box.py" line="109"/>
        <source>Ask about a product, a size, a price or a store policy…</source>
        <translation>Ask about a product, a size, a price or a store policy…</translation>
    </message>
    <message>
        <location filename="../../ui/chat/input_box.py" line="111"/>
        <source>Your question</source>
        <translation>Your question</translation>
    </message>
    <message>
        <location filename="../../ui/chat/input_box.py" line="112"/>
        <source>Enter sends; Shift+Enter starts a new line</source>
        <translation>Enter sends; Shift+Enter starts a new line</translation>
    </message>
    <message>
        <location filename="../../ui/chat/input_box.py" line="113"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../ui/chat/input_box.py" line="114"/>
        <source>Send the question</source>
        <translation>Send the question</translation>
    </message>
    <message>
        <location filename="../../ui/chat/input_box.py" line="115"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/chat/input_box.py" line="116"/>
        <source>Stop the answer</source>
        <translation>Stop the answer</translation>
    </message>
    <message>
        <location filename="../../ui/chat/input_box.py" line="117"/>
        <source>Stop (Esc)</source>
        <translation>Stop (Esc)</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/kiosk.py" line="272"/>
        <source>Please wait here: a staff member will come to help you. You can also ask at the service desk.</source>
        <translation>Please wait here: a staff member will come to help you. You can also ask at the service desk.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="373"/>
        <source>Store could not be opened: %1</source>
        <translation>Store could not be opened: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="421"/>
        <source>Model not loaded</source>
        <translation>Model not loaded</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="450"/>
        <source>Loading the language model…</source>
        <translation>Loading the language model…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="452"/>
        <source>Model ready: %1</source>
        <translation>Model ready: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="454"/>
        <source>Model not loaded: answers come from the store&apos;s facts only.</source>
        <translation>Model not loaded: answers come from the store&apos;s facts only.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455"/>
        <source>No model: answers come from the store&apos;s facts only.</source>
        <translation>No model: answers come from the store&apos;s facts only.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="462"/>
        <source>Welcome to %1! Ask me about products, sizes, prices or policies.</source>
        <translation>Welcome to %1! Ask me about products, sizes, prices or policies.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="464"/>
        <source>Welcome! Ask me about products, sizes, prices or policies.</source>
        <translation>Welcome! Ask me about products, sizes, prices or policies.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="467"/>
        <source>Serving: %1</source>
        <translation>Serving: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="469"/>
        <source>Serving: a walk-in customer (choose one on the right to personalise answers)</source>
        <translation>Serving: a walk-in customer (choose one on the right to personalise answers)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="496"/>
        <source>ShopGuide — Kiosk</source>
        <translation>ShopGuide — Kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="496"/>
        <source>ShopGuide</source>
        <translation>ShopGuide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="498"/>
        <source>Who is being served</source>
        <translation>Who is being served</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="506"/>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="507"/>
        <source>Why the model did not load</source>
        <translation>Why the model did not load</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="508"/>
        <source>Model loading progress</source>
        <translation>Model loading progress</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377"/>
        <location filename="../../ui/main_window.py" line="564"/>
        <source>Store: %1</source>
        <translation>Store: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379"/>
        <source>no products yet: import your catalog</source>
        <translation>no products yet: import your catalog</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="381"/>
        <source>read-only: conversations are not saved</source>
        <translation>read-only: conversations are not saved</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="383"/>
        <source>the store file is damaged: run &apos;shopguide db check&apos;</source>
        <translation>the store file is damaged: run &apos;shopguide db check&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="511"/>
        <source>%1 tokens/s</source>
        <translation>%1 tokens/s</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="476"/>
        <location filename="../../ui/main_window.py" line="513"/>
        <source>New conversation</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="514"/>
        <source>Start a new conversation</source>
        <translation>Start a new conversation</translation>
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
        <translation>Switch language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="517"/>
        <source>Ask a staff member</source>
        <translation>Ask a staff member</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="518"/>
        <source>Ask a staff member for help</source>
        <translation>Ask a staff member for help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="524"/>
        <source>&amp;Conversation</source>
        <translation>&amp;Conversation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="525"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="526"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="527"/>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="528"/>
        <source>&amp;New conversation</source>
        <translation>&amp;New conversation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="529"/>
        <source>&amp;Save to customer notes…</source>
        <translation>&amp;Save to customer notes…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="530"/>
        <source>Se&amp;ttings…</source>
        <translation>Se&amp;ttings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="531"/>
        <source>&amp;Fine-tune the model on this store…</source>
        <translation>&amp;Fine-tune the model on this store…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="532"/>
        <source>&amp;Review unanswered questions…</source>
        <translation>&amp;Review unanswered questions…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="533"/>
        <source>New &amp;customer…</source>
        <translation>New &amp;customer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="534"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="535"/>
        <source>&amp;About ShopGuide</source>
        <translation>&amp;About ShopGuide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="536"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="537"/>
        <source>Larger text</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="538"/>
        <source>Smaller text</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="541"/>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="542"/>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="558"/>
        <source>not loaded</source>
        <translation>not loaded</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="561"/>
        <source>ShopGuide %1</source>
        <translation>ShopGuide %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="562"/>
        <source>An offline shopping guide: answers come from this store&apos;s own catalog.</source>
        <translation>An offline shopping guide: answers come from this store&apos;s own catalog.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="563"/>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="568"/>
        <source>About ShopGuide</source>
        <translation>About ShopGuide</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="136"/>
        <source>Something went wrong (%1); nothing more was done. The log has the details.</source>
        <translation>Something went wrong (%1); nothing more was done. The log has the details.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/kiosk.py" line="170"/>
        <source>Too many wrong PINs. Ask the store manager.</source>
        <translation>Too many wrong PINs. Ask the store manager.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="172"/>
        <source>Wrong PIN. Try again.</source>
        <translation>Wrong PIN. Try again.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="181"/>
        <source>Staff only</source>
        <translation>Staff only</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="182"/>
        <source>Enter the admin PIN to leave kiosk mode.</source>
        <translation>Enter the admin PIN to leave kiosk mode.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="183"/>
        <source>Admin PIN</source>
        <translation>Admin PIN</translation>
    </message>
</context>
<context>
    <name>PolicyCardWidget</name>
    <message>
        <location filename="../../ui/chat/cards.py" line="175"/>
        <location filename="../../ui/chat/cards.py" line="176"/>
        <source>Store policy</source>
        <translation>Store policy</translation>
    </message>
</context>
<context>
    <name>ProductCardWidget</name>
    <message>
        <location filename="../../ui/chat/cards.py" line="100"/>
        <source>Stock unknown</source>
        <translation>Stock unknown</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="102"/>
        <source>In stock: %1</source>
        <translation>In stock: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="104"/>
        <source>Out of stock</source>
        <translation>Out of stock</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="109"/>
        <source>Aisle: %1</source>
        <translation>Aisle: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="111"/>
        <source>Sizes: %1</source>
        <translation>Sizes: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="114"/>
        <source>Colors: %1</source>
        <translation>Colors: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chat/cards.py" line="119"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <location filename="../../ui/kiosk_pin.py" line="69"/>
        <source>The PIN must be %1 to %2 digits.</source>
        <translation>The PIN must be %1 to %2 digits.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk_pin.py" line="72"/>
        <source>The two PINs differ. Enter the same PIN twice.</source>
        <translation>The two PINs differ. Enter the same PIN twice.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk_pin.py" line="88"/>
        <source>Set the kiosk&apos;s admin PIN</source>
        <translation>Set the kiosk&apos;s admin PIN</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk_pin.py" line="90"/>
        <source>Kiosk mode needs an admin PIN before it starts: staff enter it to leave the kiosk. Choose %1 to %2 digits and keep them private.</source>
        <translation>Kiosk mode needs an admin PIN before it starts: staff enter it to leave the kiosk. Choose %1 to %2 digits and keep them private.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk_pin.py" line="93"/>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk_pin.py" line="94"/>
        <source>The same PIN again</source>
        <translation>The same PIN again</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="148"/>
        <source>Choose a model folder</source>
        <translation>Choose a model folder</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="162"/>
        <source>Enter %1 to %2 seconds; %3 cannot be used.</source>
        <translation>Enter %1 to %2 seconds; %3 cannot be used.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="174"/>
        <source>The PIN must be %1 to %2 digits.</source>
        <translation>The PIN must be %1 to %2 digits.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="198"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="199"/>
        <source>Language model</source>
        <translation>Language model</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="200"/>
        <source>&amp;Model:</source>
        <translation>&amp;Model:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="143"/>
        <source>&apos;bundled&apos;, a model folder, or a downloaded model&apos;s name</source>
        <translation>&apos;bundled&apos;, a model folder, or a downloaded model&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="202"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="203"/>
        <source>Longest answer (tokens):</source>
        <translation>Longest answer (tokens):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="204"/>
        <source>Vary the wording (sampling)</source>
        <translation>Vary the wording (sampling)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="205"/>
        <source>Temperature:</source>
        <translation>Temperature:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="206"/>
        <source>Top-p:</source>
        <translation>Top-p:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="207"/>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="208"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="209"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Theme:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="210"/>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="211"/>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="212"/>
        <source>&amp;Font size (pt):</source>
        <translation>&amp;Font size (pt):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="213"/>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="214"/>
        <source>&amp;Clear after idle (seconds):</source>
        <translation>&amp;Clear after idle (seconds):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="215"/>
        <source>New admin &amp;PIN:</source>
        <translation>New admin &amp;PIN:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="216"/>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../ui/chat/suggestions.py" line="55"/>
        <source>Ask: %1</source>
        <translation>Ask: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chat/suggestions.py" line="65"/>
        <source>Try asking:</source>
        <translation>Try asking:</translation>
    </message>
</context>
<context>
    <name>UserBubble</name>
    <message>
        <location filename="../../ui/chat/bubbles.py" line="55"/>
        <source>Your question</source>
        <translation>Your question</translation>
    </message>
</context>
</TS>
