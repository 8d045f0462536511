<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FinetuneDialog</name>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="248"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="253"/>
        <source>Choose a store</source>
        <translation>选择店铺</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="254"/>
        <source>Store database (*.sqlite *.db);;All files (*)</source>
        <translation>店铺数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="259"/>
        <source>Choose a question,answer file</source>
        <translation>选择问答文件</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="260"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="283"/>
        <source>Choose the store to learn from.</source>
        <translation>请选择要学习的店铺。</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="285"/>
        <source>There is no store at %1.</source>
        <translation>%1 处没有店铺。</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="288"/>
        <source>There is no question,answer file at %1.</source>
        <translation>%1 处没有问答文件。</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="290"/>
        <source>Choose a folder for the new model.</source>
        <translation>请选择新模型的保存文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="409"/>
        <source>The training process stopped unexpectedly (exit code %1).</source>
        <translation>训练进程意外停止（退出码 %1）。</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="418"/>
        <source>The training process could not start: %1</source>
        <translation>无法启动训练进程：%1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="499"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="501"/>
        <source>Cancelled. Nothing was written.</source>
        <translation>已取消，没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="503"/>
        <source>Fine-tuning did not finish:</source>
        <translation>微调未完成：</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="505"/>
        <source>Done. The new model is in %1</source>
        <translation>完成。新模型保存在 %1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="508"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="509"/>
        <source>Reading the store and the model…</source>
        <translation>正在读取店铺数据和模型…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="512"/>
        <source>Saving the new model…</source>
        <translation>正在保存新模型…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="515"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="510"/>
        <source>Stage 1 of 3: measuring the current model on this store…</source>
        <translation>第 1 阶段（共 3 个）：在本店数据上测量当前模型…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="511"/>
        <source>Stage 2 of 3: training on this store…</source>
        <translation>第 2 阶段（共 3 个）：用本店数据训练…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="513"/>
        <source>Stage 3 of 3: measuring the new model…</source>
        <translation>第 3 阶段（共 3 个）：测量新模型…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="523"/>
        <source>Training ended after %1 of %2 min: the model stopped improving on questions it had not practised.</source>
        <translation>训练在 %1 / %2 分钟时结束：模型在没练过的问题上已不再进步。</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="532"/>
        <source>Training step %1</source>
        <translation>训练步数 %1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="534"/>
        <source>training loss %1</source>
        <translation>训练损失 %1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="537"/>
        <source>validation loss %1</source>
        <translation>验证损失 %1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="540"/>
        <source>%1 of %2 min</source>
        <translation>%1 / %2 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="546"/>
        <source>Recommends the product asked about</source>
        <translation>推荐顾客问到的那款商品</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="547"/>
        <source>Reads the question, not just the first match</source>
        <translation>读懂问题，而不只是选第一个</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="548"/>
        <source>Cites the feature that answers a need</source>
        <translation>引用满足需求的商品特点</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="549"/>
        <source>Quotes the store&apos;s policy</source>
        <translation>引用店铺政策原文</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="550"/>
        <source>No repeating itself</source>
        <translation>没有重复啰嗦</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="561"/>
        <source>Before</source>
        <translation>微调前</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="562"/>
        <source>After</source>
        <translation>微调后</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="568"/>
        <source>%1% of %2</source>
        <translation>%2 题中 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="570"/>
        <source>none asked</source>
        <translation>无此类问题</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="573"/>
        <source>Fine-tune the model on this store</source>
        <translation>用本店数据微调模型</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="575"/>
        <source>The model practises answering questions about this store&apos;s products and policies, then is measured again. It runs in the background: you can keep serving customers. Customer records are never used.</source>
        <translation>模型会练习回答本店商品和政策的问题，然后重新测评。训练在后台进行，您可以继续接待顾客。不会使用任何顾客资料。</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="578"/>
        <source>What to learn from</source>
        <translation>学习内容</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="579"/>
        <source>Start from &amp;model:</source>
        <translation>起始模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="580"/>
        <source>&apos;bundled&apos;, or the folder of a model</source>
        <translation>“bundled”（内置模型），或模型所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="581"/>
        <source>&amp;Store:</source>
        <translation>店铺(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="582"/>
        <source>A store database (.sqlite) or a folder with products.csv</source>
        <translation>店铺数据库（.sqlite）或包含 products.csv 的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="583"/>
        <source>Extra &amp;questions (optional):</source>
        <translation>额外问答(&amp;Q)（可选）：</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="584"/>
        <source>a CSV file with question,answer rows</source>
        <translation>每行“问题,回答”的 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="585"/>
        <source>&amp;Reviewed questions:</source>
        <translation>已处理的问题(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="586"/>
        <source>Training &amp;time (minutes):</source>
        <translation>训练时长(&amp;T)（分钟）：</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="587"/>
        <source>Save the new model &amp;in:</source>
        <translation>新模型保存到(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="589"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="590"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="591"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="592"/>
        <source>Use this model</source>
        <translation>使用此模型</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="593"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="594"/>
        <source>Fine-tuning progress</source>
        <translation>微调进度</translation>
    </message>
</context>
<context>
    <name>ReviewedSource</name>
    <message>
        <location filename="../../ui/training/reviewed_source.py" line="70"/>
        <location filename="../../ui/training/reviewed_source.py" line="74"/>
        <source>Also learn the questions you reviewed (%1)</source>
        <translation>同时学习已处理的问题（%1 条）</translation>
    </message>
    <message>
        <location filename="../../ui/training/reviewed_source.py" line="71"/>
        <location filename="../../ui/training/reviewed_source.py" line="78"/>
        <source>Also learn the questions you reviewed</source>
        <translation>同时学习已处理的问题</translation>
    </message>
    <message>
        <location filename="../../ui/training/reviewed_source.py" line="76"/>
        <source>No question reviewed yet: Conversation → Review unanswered questions….</source>
        <translation>还没有处理过的问题：对话 → 查看未答好的问题…</translation>
    </message>
    <message>
        <location filename="../../ui/training/reviewed_source.py" line="79"/>
        <source>The reviewed questions are kept in a store file (.sqlite): choose one to learn from them.</source>
        <translation>已处理的问题保存在店铺文件（.sqlite）中：请选择店铺文件才能学习它们。</translation>
    </message>
</context>
</TS>
