<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>FinetuneDialog</name>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="248"/>
        <source>Choose a folder</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="253"/>
        <source>Choose a store</source>
        <translation>Choose a store</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="254"/>
        <source>Store database (*.sqlite *.db);;All files (*)</source>
        <translation>Store database (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="259"/>
        <source>Choose a question,answer file</source>
        <translation>Choose a question,answer file</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="260"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="283"/>
        <source>Choose the store to learn from.</source>
        <translation>Choose the store to learn from.</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="285"/>
        <source>There is no store at %1.</source>
        <translation>There is no store at %1.</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="288"/>
        <source>There is no question,answer file at %1.</source>
        <translation>There is no question,answer file at %1.</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="290"/>
        <source>Choose a folder for the new model.</source>
        <translation>Choose a folder for the new model.</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="409"/>
        <source>The training process stopped unexpectedly (exit code %1).</source>
        <translation>The training process stopped unexpectedly (exit code %1).</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="418"/>
        <source>The training process could not start: %1</source>
        <translation>The training process could not start: %1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="499"/>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="501"/>
        <source>Cancelled. Nothing was written.</source>
        <translation>Cancelled. Nothing was written.</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="503"/>
        <source>Fine-tuning did not finish:</source>
        <translation>Fine-tuning did not finish:</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="505"/>
        <source>Done. The new model is in %1</source>
        <translation>Done. The new model is in %1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="508"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="509"/>
        <source>Reading the store and the model…</source>
        <translation>Reading the store and the model…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="512"/>
        <source>Saving the new model…</source>
        <translation>Saving the new model…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="515"/>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="510"/>
        <source>Stage 1 of 3: measuring the current model on this store…</source>
        <translation>Stage 1 of 3: measuring the current model on this store…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="511"/>
        <source>Stage 2 of 3: training on this store…</source>
        <translation>Stage 2 of 3: training on this store…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="513"/>
        <source>Stage 3 of 3: measuring the new model…</source>
        <translation>Stage 3 of 3: measuring the new model…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="523"/>
        <source>Training ended after %1 of %2 min: the model stopped improving on questions it had not practised.</source>
        <translation>Training ended after %1 of %2 min: the model stopped improving on questions it had not practised.</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="532"/>
        <source>Training step %1</source>
        <translation>Training step %1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="534"/>
        <source>training loss %1</source>
        <translation>training loss %1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="537"/>
        <source>validation loss %1</source>
        <translation>validation loss %1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="540"/>
        <source>%1 of %2 min</source>
        <translation>%1 of %2 min</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="546"/>
        <source>Recommends the product asked about</source>
        <translation>Recommends the product asked about</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="547"/>
        <source>Reads the question, not just the first match</source>
        <translation>Reads the question, not just the first match</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="548"/>
        <source>Cites the feature that answers a need</source>
        <translation>Cites the feature that answers a need</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="549"/>
        <source>Quotes the store&apos;s policy</source>
        <translation>Quotes the store&apos;s policy</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="550"/>
        <source>No repeating itself</source>
        <translation>No repeating itself</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="561"/>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="562"/>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="568"/>
        <source>%1% of %2</source>
        <translation>%1% of %2</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="570"/>
        <source>none asked</source>
        <translation>none asked</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="573"/>
        <source>Fine-tune the model on this store</source>
        <translation>Fine-tune the model on this store</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="575"/>
        <source>The model practises answering questions about this store&apos;s products and policies, then is measured again. It runs in the background: you can keep serving customers. Customer records are never used.</source>
        <translation>The model practises answering questions about this store&apos;s products and policies, then is measured again. It runs in the background: you can keep serving customers. Customer records are never used.</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="578"/>
        <source>What to learn from</source>
        <translation>What to learn from</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="579"/>
        <source>Start from &amp;model:</source>
        <translation>Start from &amp;model:</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="580"/>
        <source>&apos;bundled&apos;, or the folder of a model</source>
        <translation>&apos;bundled&apos;, or the folder of a model</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="581"/>
        <source>&amp;Store:</source>
        <translation>&amp;Store:</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="582"/>
        <source>A store database (.sqlite) or a folder with products.csv</source>
        <translation>A store database (.sqlite) or a folder with products.csv</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="583"/>
        <source>Extra &amp;questions (optional):</source>
        <translation>Extra &amp;questions (optional):</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="584"/>
        <source>a CSV file with question,answer rows</source>
        <translation>a CSV file with question,answer rows</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="585"/>
        <source>&amp;Reviewed questions:</source>
        <translation>&amp;Reviewed questions:</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="586"/>
        <source>Training &amp;time (minutes):</source>
        <translation>Training &amp;time (minutes):</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="587"/>
        <source>Save the new model &amp;in:</source>
        <translation>Save the new model &amp;in:</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="589"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="590"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="591"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="592"/>
        <source>Use this model</source>
        <translation>Use this model</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="593"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="594"/>
        <source>Fine-tuning progress</source>
        <translation>Fine-tuning progress</translation>
    </message>
</context>
<context>
    <name>ReviewedSource</name>
    <message>
        <location filename="../../ui/training/reviewed_source.py" line="70"/>
        <location filename="../../ui/training/reviewed_source.py" line="74"/>
        <source>Also learn the questions you reviewed (%1)</source>
        <translation>Also learn the questions you reviewed (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/training/reviewed_source.py" line="71"/>
        <location filename="../../ui/training/reviewed_source.py" line="78"/>
        <source>Also learn the questions you reviewed</source>
        <translation>Also learn the questions you reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/training/reviewed_source.py" line="76"/>
        <source>No question reviewed yet: Conversation → Review unanswered questions….</source>
        <translation>No question reviewed yet: Conversation → Review unanswered questions….</translation>
    </message>
    <message>
        <location filename="../../ui/training/reviewed_source.py" line="79"/>
        <source>The reviewed questions are kept in a store file (.sqlite): choose one to learn from them.</source>
        <translation>The reviewed questions are kept in a store file (.sqlite): choose one to learn from them.</translation>
    </message>
</context>
</TS>
