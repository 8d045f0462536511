<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActionPanel</name>
    <message>
        <location filename="../../ui/review/action_panel.py" line="183"/>
        <source>Means this kind of product</source>
        <translation>Means this kind of product</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="184"/>
        <source>Means this product</source>
        <translation>Means this product</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="185"/>
        <source>Is this policy</source>
        <translation>Is this policy</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="186"/>
        <source>New answer</source>
        <translation>New answer</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="187"/>
        <source>We don&apos;t carry this</source>
        <translation>We don&apos;t carry this</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="188"/>
        <source>Ignore</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="192"/>
        <source>&amp;Action:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="193"/>
        <source>&amp;Category:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="194"/>
        <source>&amp;Product:</source>
        <translation>&amp;Product:</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="195"/>
        <source>&amp;Policy:</source>
        <translation>&amp;Policy:</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="196"/>
        <source>&amp;Question:</source>
        <translation>&amp;Question:</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="197"/>
        <source>A&amp;nswer:</source>
        <translation>A&amp;nswer:</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="198"/>
        <source>The store&apos;s &amp;reply:</source>
        <translation>The store&apos;s &amp;reply:</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="199"/>
        <source>type to search the categories</source>
        <translation>type to search the categories</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="200"/>
        <source>type a name or SKU to search</source>
        <translation>type a name or SKU to search</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="201"/>
        <source>type to search the policies</source>
        <translation>type to search the policies</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="202"/>
        <source>e.g. We don&apos;t sell these; the shop next door does.</source>
        <translation>e.g. We don&apos;t sell these; the shop next door does.</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="204"/>
        <source>The group leaves the list and is not shown again.</source>
        <translation>The group leaves the list and is not shown again.</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="205"/>
        <source>Pre&amp;view</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="206"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/review/action_panel.py" line="207"/>
        <source>Preview first: you see the new answer before it is saved.</source>
        <translation>Preview first: you see the new answer before it is saved.</translation>
    </message>
</context>
<context>
    <name>ActionTable</name>
    <message>
        <location filename="../../ui/review/tables.py" line="166"/>
        <source>undone %1</source>
        <translation>undone %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="167"/>
        <source>in force</source>
        <translation>in force</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="175"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="175"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="175"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="175"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="176"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
</context>
<context>
    <name>AdminPinDialog</name>
    <message>
        <location filename="../../ui/review/admin_gate.py" line="23"/>
        <source>Staff only</source>
        <translation>Staff only</translation>
    </message>
    <message>
        <location filename="../../ui/review/admin_gate.py" line="24"/>
        <source>Enter the admin PIN to review shoppers&apos; questions.</source>
        <translation>Enter the admin PIN to review shoppers&apos; questions.</translation>
    </message>
    <message>
        <location filename="../../ui/review/admin_gate.py" line="25"/>
        <source>Admin PIN</source>
        <translation>Admin PIN</translation>
    </message>
</context>
<context>
    <name>AdminSetPinDialog</name>
    <message>
        <location filename="../../ui/review/admin_gate.py" line="33"/>
        <source>Set the admin PIN</source>
        <translation>Set the admin PIN</translation>
    </message>
    <message>
        <location filename="../../ui/review/admin_gate.py" line="35"/>
        <source>Reviewing shoppers&apos; questions needs an admin PIN, the same one that leaves kiosk mode. Choose %1 to %2 digits and keep them private.</source>
        <translation>Reviewing shoppers&apos; questions needs an admin PIN, the same one that leaves kiosk mode. Choose %1 to %2 digits and keep them private.</translation>
    </message>
</context>
<context>
    <name>GroupDetail</name>
    <message>
        <location filename="../../ui/review/detail.py" line="56"/>
        <source>Asked as:</source>
        <translation>Asked as:</translation>
    </message>
    <message>
        <location filename="../../ui/review/detail.py" line="57"/>
        <source>Answer given:</source>
        <translation>Answer given:</translation>
    </message>
    <message>
        <location filename="../../ui/review/detail.py" line="58"/>
        <source>Shown:</source>
        <translation>Shown:</translation>
    </message>
    <message>
        <location filename="../../ui/review/detail.py" line="63"/>
        <source>Choose a question on the left.</source>
        <translation>Choose a question on the left.</translation>
    </message>
    <message>
        <location filename="../../ui/review/detail.py" line="66"/>
        <source>%1 · first %2 · last %3 · %4</source>
        <translation>%1 · first %2 · last %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/review/detail.py" line="72"/>
        <source>(no answer)</source>
        <translation>(no answer)</translation>
    </message>
</context>
<context>
    <name>GroupTable</name>
    <message>
        <location filename="../../ui/review/tables.py" line="104"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="104"/>
        <source>Asked</source>
        <translation>Asked</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="104"/>
        <source>Last asked</source>
        <translation>Last asked</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="104"/>
        <source>Why listed</source>
        <translation>Why listed</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <location filename="../../ui/review/detail.py" line="111"/>
        <source>Preview: “%1”</source>
        <translation>Preview: “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/review/detail.py" line="112"/>
        <source>Now:</source>
        <translation>Now:</translation>
    </message>
    <message>
        <location filename="../../ui/review/detail.py" line="113"/>
        <source>After this action (not saved yet):</source>
        <translation>After this action (not saved yet):</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../ui/review/window.py" line="179"/>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="245"/>
        <source>Saved: %1 — “%2”. Shoppers get the new answer now.</source>
        <translation>Saved: %1 — “%2”. Shoppers get the new answer now.</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="264"/>
        <source>Undone: %1 — “%2”.</source>
        <translation>Undone: %1 — “%2”.</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="282"/>
        <source>Questions to review</source>
        <translation>Questions to review</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="284"/>
        <source>Questions (%1)</source>
        <translation>Questions (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="285"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="286"/>
        <source>How it is going</source>
        <translation>How it is going</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="287"/>
        <source>Nothing to review: every question asked was answered, or has an action already.</source>
        <translation>Nothing to review: every question asked was answered, or has an action already.</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="290"/>
        <source>What should it have answered?</source>
        <translation>What should it have answered?</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="291"/>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="293"/>
        <source>last %1 days</source>
        <translation>last %1 days</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="294"/>
        <source>Undo that</source>
        <translation>Undo that</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="295"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="296"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReviewWords</name>
    <message>
        <location filename="../../ui/review/words.py" line="22"/>
        <source>answered as out of scope</source>
        <translation>answered as out of scope</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="23"/>
        <source>nothing found</source>
        <translation>nothing found</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="24"/>
        <source>rated not helpful</source>
        <translation>rated not helpful</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="25"/>
        <source>asked again in other words</source>
        <translation>asked again in other words</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/review/words.py" line="33"/>
        <source>asked %n time(s)</source>
        <translation>
            <numerusform>asked %n time</numerusform>
            <numerusform>asked %n times</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="39"/>
        <source>Means: %1</source>
        <translation>Means: %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="41"/>
        <source>Is the policy %1</source>
        <translation>Is the policy %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="43"/>
        <source>New answer: %1</source>
        <translation>New answer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="45"/>
        <source>Not carried: %1</source>
        <translation>Not carried: %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="47"/>
        <source>Ignored</source>
        <translation>Ignored</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="55"/>
        <source>Product: %1 (%2)</source>
        <translation>Product: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="58"/>
        <source>Policy: %1</source>
        <translation>Policy: %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/words.py" line="59"/>
        <source>No cards</source>
        <translation>No cards</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../ui/review/charts.py" line="136"/>
        <source>Questions per day</source>
        <translation>Questions per day</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="137"/>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="138"/>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="147"/>
        <source>Answered %1 · rated helpful %2</source>
        <translation>Answered %1 · rated helpful %2</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="152"/>
        <source>Answered %</source>
        <translation>Answered %</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="153"/>
        <source>Helpful %</source>
        <translation>Helpful %</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="175"/>
        <source>Top unmet needs</source>
        <translation>Top unmet needs</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="176"/>
        <source>Times asked</source>
        <translation>Times asked</translation>
    </message>
    <message>
        <location filename="../../ui/review/charts.py" line="215"/>
        <source>Charts need Qt Charts (the PySide6-Addons package), which is not installed; the figures are in the summary below.</source>
        <translation>Charts need Qt Charts (the PySide6-Addons package), which is not installed; the figures are in the summary below.</translation>
    </message>
</context>
</TS>
