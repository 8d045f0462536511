<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerFinder</name>
    <message>
        <location filename="../../ui/customers/finder.py" line="94"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/customers/finder.py" line="96"/>
        <source>%n customer(s) found</source>
        <translation>
            <numerusform>找到 %n 位顾客</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/customers/finder.py" line="98"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>共 %n 位顾客</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/customers/finder.py" line="101"/>
        <source>⚠ The customer list could not be read.</source>
        <translation>⚠ 无法读取顾客列表。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/finder.py" line="125"/>
        <source>Search name, phone or tag</source>
        <translation>搜索姓名、电话或标签</translation>
    </message>
    <message>
        <location filename="../../ui/customers/finder.py" line="126"/>
        <source>Search customers by name, phone or tag</source>
        <translation>按姓名、电话或标签搜索顾客</translation>
    </message>
    <message>
        <location filename="../../ui/customers/finder.py" line="127"/>
        <source>&amp;New customer…</source>
        <translation>新建顾客(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/finder.py" line="128"/>
        <source>New customer</source>
        <translation>新建顾客</translation>
    </message>
    <message>
        <location filename="../../ui/customers/finder.py" line="129"/>
        <source>Customers</source>
        <translation>顾客</translation>
    </message>
</context>
<context>
    <name>CustomerSidebar</name>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="194"/>
        <source>New customer</source>
        <translation>新建顾客</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="206"/>
        <source>Save to notes</source>
        <translation>保存到备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="207"/>
        <source>No customer is selected. Create a new customer for this note?</source>
        <translation>尚未选择顾客。要为这条备注新建一位顾客吗？</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="267"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="268"/>
        <source>Save the changes to this customer&apos;s profile?</source>
        <translation>保存对该顾客资料的修改吗？</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="309"/>
        <source>No customer selected</source>
        <translation>未选择顾客</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="311"/>
        <source>Serving: %1</source>
        <translation>正在服务：%1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="322"/>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="323"/>
        <source>Notes %1</source>
        <translation>备注 %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="324"/>
        <source>Purchases %1</source>
        <translation>购买 %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="326"/>
        <source>Follow-ups %1 (%2 overdue)</source>
        <translation>跟进 %1（%2 项逾期）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="328"/>
        <source>Follow-ups %1</source>
        <translation>跟进 %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="331"/>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="350"/>
        <source>S&amp;top serving</source>
        <translation>结束服务(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="351"/>
        <source>Stop serving this customer</source>
        <translation>结束服务该顾客</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="353"/>
        <source>Answers stop using this customer&apos;s sizes, brands and budget</source>
        <translation>回答将不再使用该顾客的尺码、品牌和预算</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="354"/>
        <source>Customer details</source>
        <translation>顾客详情</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <location filename="../../ui/customers/followups.py" line="127"/>
        <source>%1 open, %2 overdue</source>
        <translation>%1 项待办，%2 项逾期</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="135"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/customers/followups.py" line="138"/>
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="140"/>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="142"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="214"/>
        <source>Mark &amp;open</source>
        <translation>标记为未完成(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="214"/>
        <source>Mark &amp;done</source>
        <translation>标记为完成(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="225"/>
        <source>D&amp;ue</source>
        <translation>到期日(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="226"/>
        <source>Follow-up due date</source>
        <translation>跟进到期日</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="227"/>
        <source>What to do, e.g. call when size 43 arrives</source>
        <translation>要做的事，例如 43码到货后致电</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="228"/>
        <source>Follow-up text</source>
        <translation>跟进内容</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="229"/>
        <source>Add &amp;follow-up</source>
        <translation>添加跟进(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="230"/>
        <source>Add follow-up</source>
        <translation>添加跟进</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="231"/>
        <source>Follow-ups; Space marks the selected one done</source>
        <translation>跟进列表；按空格键将所选项标记为完成</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="232"/>
        <source>Mark the selected follow-up done or open</source>
        <translation>将所选跟进标记为完成或未完成</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="128"/>
        <source>New customer</source>
        <translation>新建顾客</translation>
    </message>
</context>
<context>
    <name>NotesTimeline</name>
    <message>
        <location filename="../../ui/customers/notes.py" line="149"/>
        <source>Edit note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="149"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="168"/>
        <source>Delete note</source>
        <translation>删除备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="169"/>
        <source>Delete this note?

%1</source>
        <translation>删除这条备注吗？

%1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="182"/>
        <source>Pinned</source>
        <translation>已置顶</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="185"/>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="192"/>
        <source>Un&amp;pin</source>
        <translation>取消置顶(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="192"/>
        <source>&amp;Pin</source>
        <translation>置顶(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="221"/>
        <source>Write a note… (Ctrl+Enter adds it)</source>
        <translation>写一条备注…（Ctrl+Enter 添加）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="222"/>
        <source>New note</source>
        <translation>新备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="223"/>
        <source>&amp;Add note</source>
        <translation>添加备注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="224"/>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="225"/>
        <source>Notes, pinned first, newest first</source>
        <translation>备注：置顶在前，最新在前</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="226"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="227"/>
        <source>Edit the selected note</source>
        <translation>编辑所选备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="228"/>
        <source>Edit the selected note (F2)</source>
        <translation>编辑所选备注 (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="229"/>
        <source>Pin or unpin the selected note</source>
        <translation>置顶或取消置顶所选备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="230"/>
        <source>Pin or unpin the selected note (Ctrl+P)</source>
        <translation>置顶或取消置顶所选备注 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="231"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="232"/>
        <source>Delete the selected note</source>
        <translation>删除所选备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="233"/>
        <source>Delete the selected note (Delete)</source>
        <translation>删除所选备注 (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="234"/>
        <source>No notes yet.</source>
        <translation>还没有备注。</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <location filename="../../ui/customers/profile.py" line="203"/>
        <source>Name: a name is required.</source>
        <translation>姓名：必须填写姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="204"/>
        <source>Sizes: “%1” is not kind=size (for example shoe=38; top=M).</source>
        <translation>尺码：“%1”不是“类别=尺码”的格式（例如 shoe=38; top=M）。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="205"/>
        <source>Email: “%1” is not an email address.</source>
        <translation>邮箱：“%1”不是有效的邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="206"/>
        <source>Phone: “%1” is not a phone number.</source>
        <translation>电话：“%1”不是有效的电话号码。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="207"/>
        <source>Budget: the lower limit is above the upper limit.</source>
        <translation>预算：下限高于上限。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="261"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="261"/>
        <source>Customer name</source>
        <translation>顾客姓名</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="262"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="262"/>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="263"/>
        <source>E&amp;mail</source>
        <translation>邮箱(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="263"/>
        <source>Email address</source>
        <translation>邮箱地址</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="264"/>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="264"/>
        <source>Tags, separated by semicolons</source>
        <translation>标签，用分号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="265"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="265"/>
        <source>Preferred language</source>
        <translation>偏好语言</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="266"/>
        <source>Si&amp;zes</source>
        <translation>尺码(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="266"/>
        <source>Sizes, for example shoe=38; top=M</source>
        <translation>尺码，例如 shoe=38; top=M</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="267"/>
        <source>&amp;Brands</source>
        <translation>品牌(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="267"/>
        <source>Preferred brands, separated by semicolons</source>
        <translation>偏好品牌，用分号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="274"/>
        <source>VIP; runner</source>
        <translation>VIP; 跑者</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="275"/>
        <source>shoe=38; top=M</source>
        <translation>shoe=38; top=M</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="276"/>
        <source>brand; brand</source>
        <translation>品牌; 品牌</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="277"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="278"/>
        <source>Chinese (中文)</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="279"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="280"/>
        <source>B&amp;udget</source>
        <translation>预算(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="281"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="282"/>
        <source>Lowest budget</source>
        <translation>预算下限</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="283"/>
        <source>Highest budget</source>
        <translation>预算上限</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="284"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="286"/>
        <source>Agrees to receive mar&amp;keting messages</source>
        <translation>同意接收营销信息(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="287"/>
        <source>Consent to marketing messages</source>
        <translation>同意接收营销信息</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="288"/>
        <source>&amp;Save profile</source>
        <translation>保存资料(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="289"/>
        <source>Save profile</source>
        <translation>保存资料</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="290"/>
        <source>&amp;Revert</source>
        <translation>撤销修改(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="291"/>
        <source>Discard profile changes</source>
        <translation>放弃对资料的修改</translation>
    </message>
</context>
<context>
    <name>PurchasesView</name>
    <message numerus="yes">
        <location filename="../../ui/customers/purchases.py" line="122"/>
        <source>%n purchase(s), %1 in total</source>
        <translation>
            <numerusform>共 %n 笔购买，合计 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="141"/>
        <source>⚠ No product with SKU “%1” in the catalog.</source>
        <translation>⚠ 商品目录中没有货号为“%1”的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="174"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="174"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="174"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="174"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="175"/>
        <source>Purchases, newest first</source>
        <translation>购买记录，最新在前</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="176"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="177"/>
        <source>SKU of the product bought</source>
        <translation>所购商品的货号</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="178"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="179"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="180"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="181"/>
        <source>&amp;Record purchase</source>
        <translation>记录购买(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="182"/>
        <source>Record purchase</source>
        <translation>记录购买</translation>
    </message>
</context>
<context>
    <name>SaveNoteDialog</name>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="91"/>
        <source>Save to notes</source>
        <translation>保存到备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="92"/>
        <source>Note for %1 — edit it before saving:</source>
        <translation>给 %1 的备注——保存前可以修改：</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="96"/>
        <source>Proposed note</source>
        <translation>建议的备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="99"/>
        <source>&amp;Pin this note</source>
        <translation>置顶这条备注(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="100"/>
        <source>Pin this note</source>
        <translation>置顶这条备注</translation>
    </message>
</context>
</TS>
