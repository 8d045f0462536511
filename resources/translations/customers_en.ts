<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CustomerFinder</name>
    <message>
        <location filename="../../ui/customers/finder.py" line="94"/>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/customers/finder.py" line="96"/>
        <source>%n customer(s) found</source>
        <translation>
            <numerusform>%n customer found</numerusform>
            <numerusform>%n customers found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/customers/finder.py" line="98"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/customers/finder.py" line="101"/>
        <source>⚠ The customer list could not be read.</source>
        <translation>⚠ The customer list could not be read.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/finder.py" line="125"/>
        <source>Search name, phone or tag</source>
        <translation>Search name, phone or tag</translation>
    </message>
    <message>
        <location filename="../../ui/customers/finder.py" line="126"/>
        <source>Search customers by name, phone or tag</source>
        <translation>Search customers by name, phone or tag</translation>
    </message>
    <message>
        <location filename="../../ui/customers/finder.py" line="127"/>
        <source>&amp;New customer…</source>
        <translation>&amp;New customer…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/finder.py" line="128"/>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location filename="../../ui/customers/finder.py" line="129"/>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
</context>
<context>
    <name>CustomerSidebar</name>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="194"/>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="206"/>
        <source>Save to notes</source>
        <translation>Save to notes</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="207"/>
        <source>No customer is selected. Create a new customer for this note?</source>
        <translation>No customer is selected. Create a new customer for this note?</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="267"/>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="268"/>
        <source>Save the changes to this customer&apos;s profile?</source>
        <translation>Save the changes to this customer&apos;s profile?</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="309"/>
        <source>No customer selected</source>
        <translation>No customer selected</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="311"/>
        <source>Serving: %1</source>
        <translation>Serving: %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="322"/>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="323"/>
        <source>Notes %1</source>
        <translation>Notes %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="324"/>
        <source>Purchases %1</source>
        <translation>Purchases %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="326"/>
        <source>Follow-ups %1 (%2 overdue)</source>
        <translation>Follow-ups %1 (%2 overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="328"/>
        <source>Follow-ups %1</source>
        <translation>Follow-ups %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="331"/>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="350"/>
        <source>S&amp;top serving</source>
        <translation>S&amp;top serving</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="351"/>
        <source>Stop serving this customer</source>
        <translation>Stop serving this customer</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="353"/>
        <source>Answers stop using this customer&apos;s sizes, brands and budget</source>
        <translation>Answers stop using this customer&apos;s sizes, brands and budget</translation>
    </message>
    <message>
        <location filename="../../ui/customers/sidebar.py" line="354"/>
        <source>Customer details</source>
        <translation>Customer details</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <location filename="../../ui/customers/followups.py" line="127"/>
        <source>%1 open, %2 overdue</source>
        <translation>%1 open, %2 overdue</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="135"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/customers/followups.py" line="138"/>
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="140"/>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="142"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="214"/>
        <source>Mark &amp;open</source>
        <translation>Mark &amp;open</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="214"/>
        <source>Mark &amp;done</source>
        <translation>Mark &amp;done</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="225"/>
        <source>D&amp;ue</source>
        <translation>D&amp;ue</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="226"/>
        <source>Follow-up due date</source>
        <translation>Follow-up due date</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="227"/>
        <source>What to do, e.g. call when size 43 arrives</source>
        <translation>What to do, e.g. call when size 43 arrives</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="228"/>
        <source>Follow-up text</source>
        <translation>Follow-up text</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="229"/>
        <source>Add &amp;follow-up</source>
        <translation>Add &amp;follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="230"/>
        <source>Add follow-up</source>
        <translation>Add follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="231"/>
        <source>Follow-ups; Space marks the selected one done</source>
        <translation>Follow-ups; Space marks the selected one done</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followups.py" line="232"/>
        <source>Mark the selected follow-up done or open</source>
        <translation>Mark the selected follow-up done or open</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="128"/>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
</context>
<context>
    <name>NotesTimeline</name>
    <message>
        <location filename="../../ui/customers/notes.py" line="149"/>
        <source>Edit note</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="149"/>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="168"/>
        <source>Delete note</source>
        <translation>Delete note</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="169"/>
        <source>Delete this note?

%1</source>
        <translation>Delete this note?

%1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="182"/>
        <source>Pinned</source>
        <translation>Pinned</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="185"/>
        <source>edited</source>
        <translation>edited</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="192"/>
        <source>Un&amp;pin</source>
        <translation>Un&amp;pin</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="192"/>
        <source>&amp;Pin</source>
        <translation>&amp;Pin</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="221"/>
        <source>Write a note… (Ctrl+Enter adds it)</source>
        <translation>Write a note… (Ctrl+Enter adds it)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="222"/>
        <source>New note</source>
        <translation>New note</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="223"/>
        <source>&amp;Add note</source>
        <translation>&amp;Add note</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="224"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="225"/>
        <source>Notes, pinned first, newest first</source>
        <translation>Notes, pinned first, newest first</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="226"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="227"/>
        <source>Edit the selected note</source>
        <translation>Edit the selected note</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="228"/>
        <source>Edit the selected note (F2)</source>
        <translation>Edit the selected note (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="229"/>
        <source>Pin or unpin the selected note</source>
        <translation>Pin or unpin the selected note</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="230"/>
        <source>Pin or unpin the selected note (Ctrl+P)</source>
        <translation>Pin or unpin the selected note (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="231"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="232"/>
        <source>Delete the selected note</source>
        <translation>Delete the selected note</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="233"/>
        <source>Delete the selected note (Delete)</source>
        <translation>Delete the selected note (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/notes.py" line="234"/>
        <source>No notes yet.</source>
        <translation>No notes yet.</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <location filename="../../ui/customers/profile.py" line="203"/>
        <source>Name: a name is required.</source>
        <translation>Name: a name is required.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="204"/>
        <source>Sizes: “%1” is not kind=size (for example shoe=38; top=M).</source>
        <translation>Sizes: “%1” is not kind=size (for example shoe=38; top=M).</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="205"/>
        <source>Email: “%1” is not an email address.</source>
        <translation>Email: “%1” is not an email address.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="206"/>
        <source>Phone: “%1” is not a phone number.</source>
        <translation>Phone: “%1” is not a phone number.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="207"/>
        <source>Budget: the lower limit is above the upper limit.</source>
        <translation>Budget: the lower limit is above the upper limit.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="261"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="261"/>
        <source>Customer name</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="262"/>
        <source>&amp;Phone</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="262"/>
        <source>Phone number</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="263"/>
        <source>E&amp;mail</source>
        <translation>E&amp;mail</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="263"/>
        <source>Email address</source>
        <translation>Email address</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="264"/>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="264"/>
        <source>Tags, separated by semicolons</source>
        <translation>Tags, separated by semicolons</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="265"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="265"/>
        <source>Preferred language</source>
        <translation>Preferred language</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="266"/>
        <source>Si&amp;zes</source>
        <translation>Si&amp;zes</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="266"/>
        <source>Sizes, for example shoe=38; top=M</source>
        <translation>Sizes, for example shoe=38; top=M</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="267"/>
        <source>&amp;Brands</source>
        <translation>&amp;Brands</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="267"/>
        <source>Preferred brands, separated by semicolons</source>
        <translation>Preferred brands, separated by semicolons</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="274"/>
        <source>VIP; runner</source>
        <translation>VIP; runner</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="275"/>
        <source>shoe=38; top=M</source>
        <translation>shoe=38; top=M</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="276"/>
        <source>brand; brand</source>
        <translation>brand; brand</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="277"/>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="278"/>
        <source>Chinese (中文)</source>
        <translation>Chinese (中文)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="279"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="280"/>
        <source>B&amp;udget</source>
        <translation>B&amp;udget</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="281"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="282"/>
        <source>Lowest budget</source>
        <translation>Lowest budget</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="283"/>
        <source>Highest budget</source>
        <translation>Highest budget</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="284"/>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="286"/>
        <source>Agrees to receive mar&amp;keting messages</source>
        <translation>Agrees to receive mar&amp;keting messages</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="287"/>
        <source>Consent to marketing messages</source>
        <translation>Consent to marketing messages</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="288"/>
        <source>&amp;Save profile</source>
        <translation>&amp;Save profile</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="289"/>
        <source>Save profile</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="290"/>
        <source>&amp;Revert</source>
        <translation>&amp;Revert</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py" line="291"/>
        <source>Discard profile changes</source>
        <translation>Discard profile changes</translation>
    </message>
</context>
<context>
    <name>PurchasesView</name>
    <message numerus="yes">
        <location filename="../../ui/customers/purchases.py" line="122"/>
        <source>%n purchase(s), %1 in total</source>
        <translation>
            <numerusform>%n purchase, %1 in total</numerusform>
            <numerusform>%n purchases, %1 in total</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="141"/>
        <source>⚠ No product with SKU “%1” in the catalog.</source>
        <translation>⚠ No product with SKU “%1” in the catalog.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="174"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="174"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="174"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="174"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="175"/>
        <source>Purchases, newest first</source>
        <translation>Purchases, newest first</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="176"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="177"/>
        <source>SKU of the product bought</source>
        <translation>SKU of the product bought</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="178"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="179"/>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="180"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="181"/>
        <source>&amp;Record purchase</source>
        <translation>&amp;Record purchase</translation>
    </message>
    <message>
        <location filename="../../ui/customers/purchases.py" line="182"/>
        <source>Record purchase</source>
        <translation>Record purchase</translation>
    </message>
</context>
<context>
    <name>SaveNoteDialog</name>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="91"/>
        <source>Save to notes</source>
        <translation>Save to notes</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="92"/>
        <source>Note for %1 — edit it before saving:</source>
        <translation>Note for %1 — edit it before saving:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="96"/>
        <source>Proposed note</source>
        <translation>Proposed note</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="99"/>
        <source>&amp;Pin this note</source>
        <translation>&amp;Pin this note</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="100"/>
        <source>Pin this note</source>
        <translation>Pin this note</translation>
    </message>
</context>
</TS>
