<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>FinetuneDialog</name>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="237" />
            <source>Choose a folder</source>
            <translation>Choose a folder</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="242" />
            <source>Choose a store</source>
            <translation>Choose a store</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="243" />
            <source>Store database (*.sqlite *.db);;All files (*)</source>
            <translation>Store database (*.sqlite *.db);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="248" />
            <source>Choose a question,answer file</source>
            <translation>Choose a question,answer file</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="249" />
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="270" />
            <source>Choose the store to learn from.</source>
            <translation>Choose the store to learn from.</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="272" />
            <source>There is no store at %1.</source>
            <translation>There is no store at %1.</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="275" />
            <source>There is no question,answer file at %1.</source>
            <translation>There is no question,answer file at %1.</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="277" />
            <source>Choose a folder for the new model.</source>
            <translation>Choose a folder for the new model.</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="396" />
            <source>The training process stopped unexpectedly (exit code %1).</source>
            <translation>The training process stopped unexpectedly (exit code %1).</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="405" />
            <source>The training process could not start: %1</source>
            <translation>The training process could not start: %1</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="477" />
            <source>Stopping…</source>
            <translation>Stopping…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="479" />
            <source>Cancelled. Nothing was written.</source>
            <translation>Cancelled. Nothing was written.</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="481" />
            <source>Fine-tuning did not finish:</source>
            <translation>Fine-tuning did not finish:</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="483" />
            <source>Done. The new model is in %1</source>
            <translation>Done. The new model is in %1</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="485" />
            <source>Starting…</source>
            <translation>Starting…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="486" />
            <source>Reading the store and the model…</source>
            <translation>Reading the store and the model…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="487" />
            <source>Step 1 of 3: measuring the current model on this store…</source>
            <translation>Step 1 of 3: measuring the current model on this store…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="488" />
            <source>Step 2 of 3: training on this store…</source>
            <translation>Step 2 of 3: training on this store…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="489" />
            <source>Saving the new model…</source>
            <translation>Saving the new model…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="490" />
            <source>Step 3 of 3: measuring the new model…</source>
            <translation>Step 3 of 3: measuring the new model…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="492" />
            <source>Working…</source>
            <translation>Working…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="498" />
            <source>Step %1</source>
            <translation>Step %1</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="500" />
            <source>training loss %1</source>
            <translation>training loss %1</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="503" />
            <source>validation loss %1</source>
            <translation>validation loss %1</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="506" />
            <source>%1 of %2 min</source>
            <translation>%1 of %2 min</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="511" />
            <source>Recommends the product asked about</source>
            <translation>Recommends the product asked about</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="512" />
            <source>Reads the question, not just the first match</source>
            <translation>Reads the question, not just the first match</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="513" />
            <source>Cites the feature that answers a need</source>
            <translation>Cites the feature that answers a need</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="514" />
            <source>Quotes the store&apos;s policy</source>
            <translation>Quotes the store&apos;s policy</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="515" />
            <source>No repeating itself</source>
            <translation>No repeating itself</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="527" />
            <source>Before</source>
            <translation>Before</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="528" />
            <source>After</source>
            <translation>After</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="536" />
            <source>Fine-tune the model on this store</source>
            <translation>Fine-tune the model on this store</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="538" />
            <source>The model practises answering questions about this store's products and policies, then is measured again. It runs in the background: you can keep serving customers. Customer records are never used.</source>
            <translation>The model practises answering questions about this store's products and policies, then is measured again. It runs in the background: you can keep serving customers. Customer records are never used.</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="541" />
            <source>What to learn from</source>
            <translation>What to learn from</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="542" />
            <source>Start from &amp;model:</source>
            <translation>Start from &amp;model:</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="543" />
            <source>'bundled', or the folder of a model</source>
            <translation>'bundled', or the folder of a model</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="544" />
            <source>&amp;Store:</source>
            <translation>&amp;Store:</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="545" />
            <source>A store database (.sqlite) or a folder with products.csv</source>
            <translation>A store database (.sqlite) or a folder with products.csv</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="546" />
            <source>Extra &amp;questions (optional):</source>
            <translation>Extra &amp;questions (optional):</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="547" />
            <source>a CSV file with question,answer rows</source>
            <translation>a CSV file with question,answer rows</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="548" />
            <source>Training &amp;time (minutes):</source>
            <translation>Training &amp;time (minutes):</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="549" />
            <source>Save the new model &amp;in:</source>
            <translation>Save the new model &amp;in:</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="551" />
            <source>Browse…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="552" />
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="553" />
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="554" />
            <source>Use this model</source>
            <translation>Use this model</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="555" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/training/finetune_dialog.py" line="556" />
            <source>Fine-tuning progress</source>
            <translation>Fine-tuning progress</translation>
        </message>
    </context>
</TS>
