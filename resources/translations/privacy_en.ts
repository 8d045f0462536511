<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
  <context>
    <name>EraseDialog</name>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="103" />
      <source>Erase customer</source>
      <translation>Erase customer</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="105" />
      <source>This deletes %1's profile, notes, follow-ups, consent records and saved conversations for good, and scrubs the store file so they cannot be recovered. It cannot be undone.</source>
      <translation>This deletes %1's profile, notes, follow-ups, consent records and saved conversations for good, and scrubs the store file so they cannot be recovered. It cannot be undone.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/customers/privacy_dialogs.py" line="110" />
      <source>&amp;Keep the %n purchase(s) for sales totals, without the person</source>
      <translation>
        <numerusform>&amp;Keep the %n purchase for sales totals, without the person</numerusform>
        <numerusform>&amp;Keep the %n purchases for sales totals, without the person</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="115" />
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="116" />
      <source>e.g. the customer asked to be forgotten</source>
      <translation>e.g. the customer asked to be forgotten</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="118" />
      <source>Type the customer's name to confirm</source>
      <translation>Type the customer's name to confirm</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="120" />
      <source>&amp;Reason:</source>
      <translation>&amp;Reason:</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="121" />
      <source>Type the &amp;name to confirm:</source>
      <translation>Type the &amp;name to confirm:</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="123" />
      <source>&amp;Erase</source>
      <translation>&amp;Erase</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="51" />
      <source>Export customer data</source>
      <translation>Export customer data</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="53" />
      <source>Export folder</source>
      <translation>Export folder</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="54" />
      <source>Browse…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="60" />
      <source>JSON and readable report</source>
      <translation>JSON and readable report</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="61" />
      <source>JSON only</source>
      <translation>JSON only</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="62" />
      <source>Readable report only</source>
      <translation>Readable report only</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="68" />
      <source>e.g. the customer asked for a copy</source>
      <translation>e.g. the customer asked for a copy</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="69" />
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="71" />
      <source>&amp;Folder:</source>
      <translation>&amp;Folder:</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="72" />
      <source>F&amp;ormat:</source>
      <translation>F&amp;ormat:</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="73" />
      <source>Report &amp;language:</source>
      <translation>Report &amp;language:</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="74" />
      <source>&amp;Reason:</source>
      <translation>&amp;Reason:</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="79" />
      <source>The files hold the customer's personal data: hand them only to the customer, and delete your copy afterwards.</source>
      <translation>The files hold the customer's personal data: hand them only to the customer, and delete your copy afterwards.</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="88" />
      <source>Export to</source>
      <translation>Export to</translation>
    </message>
  </context>
  <context>
    <name>PrivacyLogDialog</name>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="156" />
      <source>Privacy log</source>
      <translation>Privacy log</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="158" />
      <source>Only entries about the selected customer</source>
      <translation>Only entries about the selected customer</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="163" />
      <source>Time</source>
      <translation>Time</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="163" />
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="163" />
      <source>Reference</source>
      <translation>Reference</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="163" />
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="168" />
      <source>The log names no one: a reference stands for a customer, and the selected customer's entries can be found by it.</source>
      <translation>The log names no one: a reference stands for a customer, and the selected customer's entries can be found by it.</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="195" />
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="195" />
      <source>Erasure</source>
      <translation>Erasure</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="196" />
      <source>Consent given</source>
      <translation>Consent given</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="197" />
      <source>Consent withdrawn</source>
      <translation>Consent withdrawn</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="198" />
      <source>Retention</source>
      <translation>Retention</translation>
    </message>
  </context>
  <context>
    <name>PrivacyPanel</name>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="155" />
      <source>Consent not recorded</source>
      <translation>Consent not recorded</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="172" />
      <source>Export failed</source>
      <translation>Export failed</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="175" />
      <source>Exported</source>
      <translation>Exported</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="175" />
      <source>Written:</source>
      <translation>Written:</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="195" />
      <source>Erasure failed</source>
      <translation>Erasure failed</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="201" />
      <source>Another window kept the store busy, so old copies may remain in its journal. Close ShopGuide and open it again.</source>
      <translation>Another window kept the store busy, so old copies may remain in its journal. Close ShopGuide and open it again.</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="204" />
      <source>These backup copies still hold the customer's data; delete them:</source>
      <translation>These backup copies still hold the customer's data; delete them:</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="209" />
      <source>Erased, with warnings</source>
      <translation>Erased, with warnings</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="219" />
      <source>Marketing messages</source>
      <translation>Marketing messages</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="220" />
      <source>Keep conversation history</source>
      <translation>Keep conversation history</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="223" />
      <source>at the counter</source>
      <translation>at the counter</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="223" />
      <source>at the kiosk</source>
      <translation>at the kiosk</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="224" />
      <source>imported</source>
      <translation>imported</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="224" />
      <source>earlier version</source>
      <translation>earlier version</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="233" />
      <source>Not asked</source>
      <translation>Not asked</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="236" />
      <source>Given %1</source>
      <translation>Given %1</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="238" />
      <location filename="../../ui/customers/privacy_panel.py" line="249" />
      <source>(until %1)</source>
      <translation>(until %1)</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="241" />
      <source>Expired %1</source>
      <translation>Expired %1</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="242" />
      <source>Withdrawn %1</source>
      <translation>Withdrawn %1</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="245" />
      <source>given</source>
      <translation>given</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="245" />
      <source>withdrawn</source>
      <translation>withdrawn</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="261" />
      <source>Consent</source>
      <translation>Consent</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="264" />
      <source>Give</source>
      <translation>Give</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="266" />
      <source>Record consent: %1</source>
      <translation>Record consent: %1</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="267" />
      <source>Withdraw</source>
      <translation>Withdraw</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="269" />
      <source>Withdraw consent: %1</source>
      <translation>Withdraw consent: %1</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="272" />
      <source>&amp;Source:</source>
      <translation>&amp;Source:</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="273" />
      <source>E&amp;xpires on</source>
      <translation>E&amp;xpires on</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="274" />
      <source>Consent &amp;history (newest first)</source>
      <translation>Consent &amp;history (newest first)</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="275" />
      <source>&amp;Export…</source>
      <translation>&amp;Export…</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="276" />
      <source>Write everything held about this customer (JSON and a readable report)</source>
      <translation>Write everything held about this customer (JSON and a readable report)</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="278" />
      <source>Erase…</source>
      <translation>Erase…</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="279" />
      <source>Delete this customer everywhere, for good</source>
      <translation>Delete this customer everywhere, for good</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="280" />
      <source>Privacy &amp;log…</source>
      <translation>Privacy &amp;log…</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="222" />
      <source>Exporting…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="245" />
      <source>Erasing… The window stays usable; with a large store or many backup copies this takes a while.</source>
      <translation>Erasing… The window stays usable; with a large store or many backup copies this takes a while.</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="304" />
      <source>Export failed.</source>
      <translation>Export failed.</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="307" />
      <source>Erasure failed. It can be run again.</source>
      <translation>Erasure failed. It can be run again.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/customers/privacy_panel.py" line="313" />
      <source>Exported %n file(s).</source>
      <translation>
        <numerusform>Exported %n file.</numerusform>
        <numerusform>Exported %n files.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="332" />
      <source>Customer erased.</source>
      <translation>Customer erased.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/customers/privacy_panel.py" line="334" />
      <source>%n backup copy(ies) cleaned.</source>
      <translation>
        <numerusform>%n backup copy cleaned.</numerusform>
        <numerusform>%n backup copies cleaned.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/customers/privacy_panel.py" line="336" />
      <source>%n backup copy(ies) could not be cleaned.</source>
      <translation>
        <numerusform>%n backup copy could not be cleaned.</numerusform>
        <numerusform>%n backup copies could not be cleaned.</numerusform>
      </translation>
    </message>
  </context>
</TS>
