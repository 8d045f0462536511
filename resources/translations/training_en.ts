<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>FinetuneDialog</name>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="236"/>
        <source>Choose a folder</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="241"/>
        <source>Choose a store</source>
        <translation>Choose a store</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="242"/>
        <source>Store database (*.sqlite *.db);;All files (*)</source>
        <translation>Store database (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="247"/>
        <source>Choose a question,answer file</source>
        <translation>Choose a question,answer file</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="248"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="269"/>
        <source>Choose the store to learn from.</source>
        <translation>Choose the store to learn from.</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="271"/>
        <source>There is no store at %1.</source>
        <translation>There is no store at %1.</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="274"/>
        <source>There is no question,answer file at %1.</source>
        <translation>There is no question,answer file at %1.</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="276"/>
        <source>Choose a folder for the new model.</source>
        <translation>Choose a folder for the new model.</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="395"/>
        <source>The training process stopped unexpectedly (exit code %1).</source>
        <translation>The training process stopped unexpectedly (exit code %1).</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="404"/>
        <source>The training process could not start: %1</source>
        <translation>The training process could not start: %1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="485"/>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="487"/>
        <source>Cancelled. Nothing was written.</source>
        <translation>Cancelled. Nothing was written.</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="489"/>
        <source>Fine-tuning did not finish:</source>
        <translation>Fine-tuning did not finish:</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="491"/>
        <source>Done. The new model is in %1</source>
        <translation>Done. The new model is in %1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="494"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="495"/>
        <source>Reading the store and the model…</source>
        <translation>Reading the store and the model…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="498"/>
        <source>Saving the new model…</source>
        <translation>Saving the new model…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="501"/>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="496"/>
        <source>Stage 1 of 3: measuring the current model on this store…</source>
        <translation>Stage 1 of 3: measuring the current model on this store…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="497"/>
        <source>Stage 2 of 3: training on this store…</source>
        <translation>Stage 2 of 3: training on this store…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="499"/>
        <source>Stage 3 of 3: measuring the new model…</source>
        <translation>Stage 3 of 3: measuring the new model…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="509"/>
        <source>Training ended after %1 of %2 min: the model stopped improving on questions it had not practised.</source>
        <translation>Training ended after %1 of %2 min: the model stopped improving on questions it had not practised.</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="518"/>
        <source>Training step %1</source>
        <translation>Training step %1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="520"/>
        <source>training loss %1</source>
        <translation>training loss %1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="523"/>
        <source>validation loss %1</source>
        <translation>validation loss %1</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="526"/>
        <source>%1 of %2 min</source>
        <translation>%1 of %2 min</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="532"/>
        <source>Recommends the product asked about</source>
        <translation>Recommends the product asked about</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="533"/>
        <source>Reads the question, not just the first match</source>
        <translation>Reads the question, not just the first match</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="534"/>
        <source>Cites the feature that answers a need</source>
        <translation>Cites the feature that answers a need</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="535"/>
        <source>Quotes the store&apos;s policy</source>
        <translation>Quotes the store&apos;s policy</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="536"/>
        <source>No repeating itself</source>
        <translation>No repeating itself</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="547"/>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="548"/>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="554"/>
        <source>%1% of %2</source>
        <translation>%1% of %2</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="556"/>
        <source>none asked</source>
        <translation>none asked</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="559"/>
        <source>Fine-tune the model on this store</source>
        <translation>Fine-tune the model on this store</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="561"/>
        <source>The model practises answering questions about this store&apos;s products and policies, then is measured again. It runs in the background: you can keep serving customers. Customer records are never used.</source>
        <translation>The model practises answering questions about this store&apos;s products and policies, then is measured again. It runs in the background: you can keep serving customers. Customer records are never used.</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="564"/>
        <source>What to learn from</source>
        <translation>What to learn from</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="565"/>
        <source>Start from &amp;model:</source>
        <translation>Start from &amp;model:</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="566"/>
        <source>&apos;bundled&apos;, or the folder of a model</source>
        <translation>&apos;bundled&apos;, or the folder of a model</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="567"/>
        <source>&amp;Store:</source>
        <translation>&amp;Store:</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="568"/>
        <source>A store database (.sqlite) or a folder with products.csv</source>
        <translation>A store database (.sqlite) or a folder with products.csv</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="569"/>
        <source>Extra &amp;questions (optional):</source>
        <translation>Extra &amp;questions (optional):</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="570"/>
        <source>a CSV file with question,answer rows</source>
        <translation>a CSV file with question,answer rows</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="571"/>
        <source>Training &amp;time (minutes):</source>
        <translation>Training &amp;time (minutes):</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="572"/>
        <source>Save the new model &amp;in:</source>
        <translation>Save the new model &amp;in:</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="574"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="575"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="576"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="577"/>
        <source>Use this model</source>
        <translation>Use this model</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="578"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/training/finetune_dialog.py" line="579"/>
        <source>Fine-tuning progress</source>
        <translation>Fine-tuning progress</translation>
    </message>
</context>
</TS>
