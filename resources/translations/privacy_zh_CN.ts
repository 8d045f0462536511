<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>EraseDialog</name>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="103" />
      <source>Erase customer</source>
      <translation>删除顾客</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="105" />
      <source>This deletes %1's profile, notes, follow-ups, consent records and saved conversations for good, and scrubs the store file so they cannot be recovered. It cannot be undone.</source>
      <translation>这将永久删除%1的资料、备注、跟进事项、同意记录和已保存的对话，并清理门店数据文件，使其无法恢复。此操作不可撤销。</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/customers/privacy_dialogs.py" line="110" />
      <source>&amp;Keep the %n purchase(s) for sales totals, without the person</source>
      <translation>
        <numerusform>保留这 %n 笔购买记录用于销售统计，但不再关联此人(&amp;K)</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="115" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="116" />
      <source>e.g. the customer asked to be forgotten</source>
      <translation>例如：顾客要求删除其个人信息</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="118" />
      <source>Type the customer's name to confirm</source>
      <translation>输入顾客姓名以确认</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="120" />
      <source>&amp;Reason:</source>
      <translation>原因(&amp;R)：</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="121" />
      <source>Type the &amp;name to confirm:</source>
      <translation>输入姓名以确认(&amp;N)：</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="123" />
      <source>&amp;Erase</source>
      <translation>删除(&amp;E)</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="51" />
      <source>Export customer data</source>
      <translation>导出顾客数据</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="53" />
      <source>Export folder</source>
      <translation>导出文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="54" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="60" />
      <source>JSON and readable report</source>
      <translation>JSON 和可读报告</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="61" />
      <source>JSON only</source>
      <translation>仅 JSON</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="62" />
      <source>Readable report only</source>
      <translation>仅可读报告</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="68" />
      <source>e.g. the customer asked for a copy</source>
      <translation>例如：顾客要求获取副本</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="69" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="71" />
      <source>&amp;Folder:</source>
      <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="72" />
      <source>F&amp;ormat:</source>
      <translation>格式(&amp;O)：</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="73" />
      <source>Report &amp;language:</source>
      <translation>报告语言(&amp;L)：</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="74" />
      <source>&amp;Reason:</source>
      <translation>原因(&amp;R)：</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="79" />
      <source>The files hold the customer's personal data: hand them only to the customer, and delete your copy afterwards.</source>
      <translation>这些文件包含顾客的个人信息：只交给顾客本人，之后请删除您保存的副本。</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="88" />
      <source>Export to</source>
      <translation>导出到</translation>
    </message>
  </context>
  <context>
    <name>PrivacyLogDialog</name>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="156" />
      <source>Privacy log</source>
      <translation>隐私日志</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="158" />
      <source>Only entries about the selected customer</source>
      <translation>只显示与所选顾客有关的记录</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="163" />
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="163" />
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="163" />
      <source>Reference</source>
      <translation>编号</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="163" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="168" />
      <source>The log names no one: a reference stands for a customer, and the selected customer's entries can be found by it.</source>
      <translation>日志中不记录任何人的姓名：用一个编号代表顾客，可据此找到所选顾客的记录。</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="195" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="195" />
      <source>Erasure</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="196" />
      <source>Consent given</source>
      <translation>已同意</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="197" />
      <source>Consent withdrawn</source>
      <translation>已撤回同意</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_dialogs.py" line="198" />
      <source>Retention</source>
      <translation>定期清理</translation>
    </message>
  </context>
  <context>
    <name>PrivacyPanel</name>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="155" />
      <source>Consent not recorded</source>
      <translation>未能记录同意</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="172" />
      <source>Export failed</source>
      <translation>导出失败</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="175" />
      <source>Exported</source>
      <translation>已导出</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="175" />
      <source>Written:</source>
      <translation>已写入：</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="195" />
      <source>Erasure failed</source>
      <translation>删除失败</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="201" />
      <source>Another window kept the store busy, so old copies may remain in its journal. Close ShopGuide and open it again.</source>
      <translation>另一个窗口正在使用门店数据，旧数据可能仍留在日志文件中。请关闭 ShopGuide 后重新打开。</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="204" />
      <source>These backup copies still hold the customer's data; delete them:</source>
      <translation>以下备份副本仍包含该顾客的数据，请删除：</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="209" />
      <source>Erased, with warnings</source>
      <translation>已删除，但有提醒</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="219" />
      <source>Marketing messages</source>
      <translation>营销信息</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="220" />
      <source>Keep conversation history</source>
      <translation>保存对话记录</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="223" />
      <source>at the counter</source>
      <translation>柜台</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="223" />
      <source>at the kiosk</source>
      <translation>自助机</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="224" />
      <source>imported</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="224" />
      <source>earlier version</source>
      <translation>旧版本</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="233" />
      <source>Not asked</source>
      <translation>未征询</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="236" />
      <source>Given %1</source>
      <translation>%1 已同意</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="238" />
      <location filename="../../ui/customers/privacy_panel.py" line="249" />
      <source>(until %1)</source>
      <translation>（有效期至 %1）</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="241" />
      <source>Expired %1</source>
      <translation>%1 已过期</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="242" />
      <source>Withdrawn %1</source>
      <translation>%1 已撤回</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="245" />
      <source>given</source>
      <translation>同意</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="245" />
      <source>withdrawn</source>
      <translation>撤回</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="261" />
      <source>Consent</source>
      <translation>同意</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="264" />
      <source>Give</source>
      <translation>同意</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="266" />
      <source>Record consent: %1</source>
      <translation>记录同意：%1</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="267" />
      <source>Withdraw</source>
      <translation>撤回</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="269" />
      <source>Withdraw consent: %1</source>
      <translation>撤回同意：%1</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="272" />
      <source>&amp;Source:</source>
      <translation>来源(&amp;S)：</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="273" />
      <source>E&amp;xpires on</source>
      <translation>有效期至(&amp;X)</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="274" />
      <source>Consent &amp;history (newest first)</source>
      <translation>同意记录（最新在前）(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="275" />
      <source>&amp;Export…</source>
      <translation>导出(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="276" />
      <source>Write everything held about this customer (JSON and a readable report)</source>
      <translation>导出本店保存的该顾客全部数据（JSON 和可读报告）</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="278" />
      <source>Erase…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="279" />
      <source>Delete this customer everywhere, for good</source>
      <translation>在所有地方永久删除该顾客</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="280" />
      <source>Privacy &amp;log…</source>
      <translation>隐私日志(&amp;L)…</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="222" />
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="245" />
      <source>Erasing… The window stays usable; with a large store or many backup copies this takes a while.</source>
      <translation>正在删除…窗口仍可正常使用；门店数据较大或备份副本较多时需要一些时间。</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="304" />
      <source>Export failed.</source>
      <translation>导出失败。</translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="307" />
      <source>Erasure failed. It can be run again.</source>
      <translation>删除失败，可以重新执行。</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/customers/privacy_panel.py" line="313" />
      <source>Exported %n file(s).</source>
      <translation>
        <numerusform>已导出 %n 个文件。</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/customers/privacy_panel.py" line="332" />
      <source>Customer erased.</source>
      <translation>顾客已删除。</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/customers/privacy_panel.py" line="334" />
      <source>%n backup copy(ies) cleaned.</source>
      <translation>
        <numerusform>已清理 %n 个备份副本。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/customers/privacy_panel.py" line="336" />
      <source>%n backup copy(ies) could not be cleaned.</source>
      <translation>
        <numerusform>%n 个备份副本无法清理。</numerusform>
      </translation>
    </message>
  </context>
</TS>
