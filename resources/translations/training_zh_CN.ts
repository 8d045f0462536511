<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>FinetuneDialog</name>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="237" />
            <source>Choose a folder</source>
            <translation>选择文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="242" />
            <source>Choose a store</source>
            <translation>选择店铺</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="243" />
            <source>Store database (*.sqlite *.db);;All files (*)</source>
            <translation>店铺数据库 (*.sqlite *.db);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="248" />
            <source>Choose a question,answer file</source>
            <translation>选择问答文件</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="249" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="270" />
            <source>Choose the store to learn from.</source>
            <translation>请选择要学习的店铺。</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="272" />
            <source>There is no store at %1.</source>
            <translation>%1 处没有店铺。</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="275" />
            <source>There is no question,answer file at %1.</source>
            <translation>%1 处没有问答文件。</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="277" />
            <source>Choose a folder for the new model.</source>
            <translation>请选择新模型的保存文件夹。</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="396" />
            <source>The training process stopped unexpectedly (exit code %1).</source>
            <translation>训练进程意外停止（退出码 %1）。</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="405" />
            <source>The training process could not start: %1</source>
            <translation>无法启动训练进程：%1</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="477" />
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="479" />
            <source>Cancelled. Nothing was written.</source>
            <translation>已取消，没有写入任何文件。</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="481" />
            <source>Fine-tuning did not finish:</source>
            <translation>微调未完成：</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="483" />
            <source>Done. The new model is in %1</source>
            <translation>完成。新模型保存在 %1</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="485" />
            <source>Starting…</source>
            <translation>正在启动…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="486" />
            <source>Reading the store and the model…</source>
            <translation>正在读取店铺数据和模型…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="487" />
            <source>Step 1 of 3: measuring the current model on this store…</source>
            <translation>第 1 步（共 3 步）：在本店数据上测评当前模型…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="488" />
            <source>Step 2 of 3: training on this store…</source>
            <translation>第 2 步（共 3 步）：用本店数据训练…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="489" />
            <source>Saving the new model…</source>
            <translation>正在保存新模型…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="490" />
            <source>Step 3 of 3: measuring the new model…</source>
            <translation>第 3 步（共 3 步）：测评新模型…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="492" />
            <source>Working…</source>
            <translation>处理中…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="498" />
            <source>Step %1</source>
            <translation>第 %1 步</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="500" />
            <source>training loss %1</source>
            <translation>训练损失 %1</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="503" />
            <source>validation loss %1</source>
            <translation>验证损失 %1</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="506" />
            <source>%1 of %2 min</source>
            <translation>%1 / %2 分钟</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="511" />
            <source>Recommends the product asked about</source>
            <translation>推荐顾客问到的那款商品</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="512" />
            <source>Reads the question, not just the first match</source>
            <translation>读懂问题，而不只是选第一个</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="513" />
            <source>Cites the feature that answers a need</source>
            <translation>引用满足需求的商品特点</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="514" />
            <source>Quotes the store&apos;s policy</source>
            <translation>引用店铺政策原文</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="515" />
            <source>No repeating itself</source>
            <translation>没有重复啰嗦</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="527" />
            <source>Before</source>
            <translation>微调前</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="528" />
            <source>After</source>
            <translation>微调后</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="536" />
            <source>Fine-tune the model on this store</source>
            <translation>用本店数据微调模型</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="538" />
            <source>The model practises answering questions about this store's products and policies, then is measured again. It runs in the background: you can keep serving customers. Customer records are never used.</source>
            <translation>模型会练习回答本店商品和政策的问题，然后重新测评。训练在后台进行，您可以继续接待顾客。不会使用任何顾客资料。</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="541" />
            <source>What to learn from</source>
            <translation>学习内容</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="542" />
            <source>Start from &amp;model:</source>
            <translation>起始模型(&amp;M)：</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="543" />
            <source>'bundled', or the folder of a model</source>
            <translation>“bundled”（内置模型），或模型所在的文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="544" />
            <source>&amp;Store:</source>
            <translation>店铺(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="545" />
            <source>A store database (.sqlite) or a folder with products.csv</source>
            <translation>店铺数据库（.sqlite）或包含 products.csv 的文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="546" />
            <source>Extra &amp;questions (optional):</source>
            <translation>额外问答(&amp;Q)（可选）：</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="547" />
            <source>a CSV file with question,answer rows</source>
            <translation>每行“问题,回答”的 CSV 文件</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="548" />
            <source>Training &amp;time (minutes):</source>
            <translation>训练时长(&amp;T)（分钟）：</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="549" />
            <source>Save the new model &amp;in:</source>
            <translation>新模型保存到(&amp;I)：</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="551" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="552" />
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="553" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="554" />
            <source>Use this model</source>
            <translation>使用此模型</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="555" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="556" />
            <source>Fine-tuning progress</source>
            <translation>微调进度</translation>
        </message>
    </context>
</TS>
