<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnnotationTooltips</name>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="9" />
        <source>Example:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="11" />
        <source>Edge cases:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="15" />
        <source>No guideline yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="24" />
        <source>This type is not in the schema.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="27" />
        <source>Does not match the model's tokens:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="36" />
        <source>This relation type is not in the schema.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="42" />
        <source>This field is not in the schema.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="45" />
        <source>Question:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Guideline</name>
    <message>
        <location filename="../ui/GuidelineText.cpp" line="12" />
        <source>Example:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/GuidelineText.cpp" line="14" />
        <source>Edge cases:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/GuidelineText.cpp" line="18" />
        <source>No guideline yet.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="50" />
        <source>Annotate domain text and train the models that extract it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="53" />
        <source>Open the bundled demo project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="55" />
        <source>Open the project read-only (reviewers): no edit is saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="56" />
        <source>A project file (*.quarry) to open.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::AddEntityCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="12" />
        <source>Label %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::AddRelationCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="66" />
        <source>Relate %1 %2 %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::AnnotationView</name>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="35" />
        <source>Document annotation view</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="36" />
        <source>Select text and press a type's hotkey to label it; Tab moves between spans.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="326" />
        <source>Read-only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="330" />
        <source>No document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="445" />
        <source>This document is read-only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="454" />
        <source>This document has no spans yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="488" />
        <source>Selection snaps to words.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="488" />
        <source>Selection is character-precise.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="514" />
        <source>Nothing to delete: pick a span with Tab or a click first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="519" />
        <source>Relation cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="570" />
        <source>Select some text first, then press %1 to label it %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="595" />
        <source>Pick the head span first (Tab or a click), then press R.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="599" />
        <source>The schema has no relation types.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="604" />
        <source>Relation from %1: pick the tail with Tab or a click, Enter to confirm, Escape to cancel.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="621" />
        <source>Pick a tail span other than the head (Tab or a click), or Escape to cancel.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="633" />
        <source>No relation type in the schema allows a %1 head with a %2 tail (%3 → %4).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="642" />
        <source>Relation type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="657" />
        <source>The schema has no QA fields.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="661" />
        <source>Select the answer text first, then press Q.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="668" />
        <source>Answer field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="672" />
        <source>%1 — %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::CategoryPanel</name>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="34" />
        <source>%1   [Alt+%2]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="40" />
        <source>Toggle Category %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::ChangeEntityTypeCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="50" />
        <source>Relabel %1 as %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::DocumentListModel</name>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="50" />
        <source>train</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="51" />
        <source>dev</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="52" />
        <source>test</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="55" />
        <source>unassigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="60" />
        <source>in progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="61" />
        <source>done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="62" />
        <source>reviewed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="65" />
        <source>new</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="70" />
        <source>%n span(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="71" />
        <source>%n relation(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="72" />
        <source>%n answer(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="73" />
        <source>%n category(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="91" />
        <source>%1 spans, %2 relations, %3 answers, %4 categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="115" />
        <source>Document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="116" />
        <source>Split</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="117" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="118" />
        <source>Progress</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::DocumentListPanel</name>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="33" />
        <source>All splits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="37" />
        <source>Any status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="42" />
        <source>Search names and text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="55" />
        <source>&amp;Split:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="56" />
        <source>S&amp;tatus:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="57" />
        <source>&amp;Annotator:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="58" />
        <source>&amp;Has:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="59" />
        <source>Fin&amp;d:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="91" />
        <source>Anyone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="94" />
        <source>Any annotation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="96" />
        <source>span %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="98" />
        <source>relation %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="100" />
        <source>answer %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="102" />
        <source>category %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::DocumentSession</name>
    <message>
        <location filename="../ui/DocumentSession.cpp" line="88" />
        <source>%1 failed: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::ItemDetailsPanel</name>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="27" />
        <source>Select a span (Tab or a click), a relation or an answer to see its details and guideline.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="38" />
        <source>Annotator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="38" />
        <location filename="../ui/ItemDetailsPanel.cpp" line="46" />
        <source>unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="41" />
        <source>manual</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="42" />
        <source>accepted suggestion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="43" />
        <source>imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="45" />
        <source>Origin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="46" />
        <source>Guideline version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="48" />
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="50" />
        <source>Updated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="59" />
        <source>Span %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="60" />
        <location filename="../ui/ItemDetailsPanel.cpp" line="78" />
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="66" />
        <location filename="../ui/ItemDetailsPanel.cpp" line="94" />
        <location filename="../ui/ItemDetailsPanel.cpp" line="96" />
        <source>Text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="67" />
        <location filename="../ui/ItemDetailsPanel.cpp" line="97" />
        <source>Offsets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="77" />
        <source>Relation %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="79" />
        <source>Head</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="81" />
        <source>Tail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="91" />
        <source>Answer to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="92" />
        <source>Question</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="94" />
        <source>the text does not answer this</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="107" />
        <source>Guideline</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::LabelPalette</name>
    <message>
        <location filename="../ui/LabelPalette.cpp" line="38" />
        <source>%1   [%2]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/LabelPalette.cpp" line="50" />
        <source>%1 (relation: R on a span)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/LabelPalette.cpp" line="52" />
        <source>%1 (question: Q on a selection)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="78" />
        <source>Documents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="79" />
        <source>Labels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="80" />
        <source>Categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="81" />
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82" />
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="88" />
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="89" />
        <source>&amp;New Project…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="91" />
        <source>&amp;Open Project…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="93" />
        <source>&amp;Import Documents…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="96" />
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="99" />
        <source>&amp;Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="100" />
        <source>&amp;Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="102" />
        <source>&amp;Redo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="107" />
        <source>&amp;Document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="108" />
        <source>&amp;Next Document  (N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="110" />
        <source>&amp;Previous Document  (P)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="112" />
        <source>Mark &amp;Done and Next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="114" />
        <source>&amp;Find Documents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119" />
        <source>&amp;Annotate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="123" />
        <source>&amp;Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="126" />
        <source>Read-&amp;Only Mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="129" />
        <source>Snap Selection to &amp;Words  (Alt+W)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="135" />
        <source>&amp;Project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="136" />
        <source>Edit &amp;Schema and Guidelines…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="187" />
        <source>Open Project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="187" />
        <source>Quarry projects (*.quarry)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="189" />
        <source>Cannot Open Project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="234" />
        <source>Refreshed from the project file.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="311" />
        <source>%n document(s) listed</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="312" />
        <source>%1 done</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="313" />
        <source>%n annotation(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="316" />
        <source>this document: %1 spans, %2 relations, %3 answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="325" />
        <source>Quarry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="326" />
        <location filename="../ui/MainWindow.cpp" line="327" />
        <source>%1 — %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="328" />
        <source>%1 (read-only)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="349" />
        <source>Read-only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="354" />
        <source>This window is read-only: edits are not allowed (View &gt; Read-Only Mode).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="360" />
        <source>This is the last document in the list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="361" />
        <source>This is the first document in the list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="373" />
        <source>%1 marked done.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="386" />
        <source>Select some text first, then click %1 to label it.</source>
        <translation type="unfinished" />
    </message>
<message>
        <location filename="../ui/MainWindow.cpp" line="73" />
        <source>Cannot open project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="100" />
        <source>%1 (relation)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="105" />
        <source>%1 (question)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="122" />
        <source>%n entities</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="123" />
        <source>%n relations</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="127" />
        <source>%n documents</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="128" />
        <source>%n annotations</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
</context>
<context>
    <name>quarry::ui::RemoveEntityCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="24" />
        <source>Remove %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="30" />
        <source>Remove %1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="39" />
        <source>Entity %1 was not recorded before removal.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::RemoveRelationCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="79" />
        <source>Remove relation %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="90" />
        <source>Relation %1 was not recorded before removal.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::SetAnswerCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="98" />
        <source>Answer %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::SetLabelCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="116" />
        <source>Categorise as %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="116" />
        <source>Remove category %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../ui/BackgroundTask.cpp" line="24" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProjectLauncher</name>
    <message>
        <location filename="../ui/ProjectLauncher.cpp" line="28" />
        <source>Open project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ProjectLauncher.cpp" line="30" />
        <source>Quarry projects (*.quarry);;All files (*)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SchemaEdits</name>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="100" />
        <source>entity type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="102" />
        <source>relation type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="104" />
        <source>QA field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="106" />
        <source>category</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SchemaTemplates</name>
    <message>
        <location filename="../ui/SchemaTemplates.cpp" line="19" />
        <source>Empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTemplates.cpp" line="20" />
        <source>Clinical trial eligibility (demo)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTemplates.cpp" line="22" />
        <source>Biomedical NER (Disease, Chemical)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTemplates.cpp" line="24" />
        <source>Contracts (Party, Date, Obligation, Amount)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::GuidelineEditor</name>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="33" />
        <source>What this type is, in a paragraph (Markdown)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="34" />
        <source>Text that is this type, one example per line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="35" />
        <source>Text that looks like it but is not, one per line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="36" />
        <source>Rulings on the hard cases, one per line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="48" />
        <source>&amp;Definition:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="49" />
        <source>&amp;Positive examples:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="50" />
        <source>&amp;Negative examples:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="51" />
        <source>&amp;Edge cases:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="53" />
        <source>Preview:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="84" />
        <source>Positive examples</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="85" />
        <source>Negative examples</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="86" />
        <source>Edge cases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="87" />
        <source>No guideline yet.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::ImportDialog</name>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="34" />
        <source>Entity type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="35" />
        <source>Relation type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="36" />
        <source>QA field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="37" />
        <source>Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="44" />
        <source>Import into %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="47" />
        <source>Choose what to import, then press Preview.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="52" />
        <source>Document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="52" />
        <source>Split</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="52" />
        <source>Entities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="52" />
        <source>Relations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="52" />
        <source>Answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="52" />
        <source>Labels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54" />
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54" />
        <source>Annotations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54" />
        <source>Schema</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="56" />
        <source>File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="56" />
        <source>Line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="56" />
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="62" />
        <source>&amp;Documents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="63" />
        <source>&amp;Types</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="64" />
        <source>&amp;Problems</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="67" />
        <source>Pre&amp;view</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="68" />
        <source>&amp;Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="85" />
        <source>Source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="87" />
        <source>Files (separated by ;) or a folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="88" />
        <source>&amp;Files…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="89" />
        <source>F&amp;older…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="96" />
        <source>Detect from the files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="100" />
        <source>archive — a Quarry project archive (.zip)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="107" />
        <source>Detect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="112" />
        <source>As in the input</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="113" />
        <source>Train</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="114" />
        <source>Dev</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="115" />
        <source>Test</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="116" />
        <source>Unassigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="124" />
        <source>text column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="126" />
        <source>label column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="128" />
        <source>separator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="130" />
        <source>Add types missing from the schema (otherwise they are problems)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="133" />
        <source>&amp;Reject: stop at the first problem, import nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="134" />
        <source>R&amp;epair: fix or drop what is wrong and list every change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="144" />
        <source>&amp;Input:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="145" />
        <source>Fo&amp;rmat:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="146" />
        <source>&amp;Tag scheme:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="147" />
        <source>&amp;Split:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="148" />
        <source>CSV/TSV:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="150" />
        <source>Problems:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="202" />
        <source>Files to import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="203" />
        <source>Annotated text (*.jsonl *.ndjson *.conll *.iob *.bio *.tsv *.csv *.tab *.pubtator *.json *.ann *.txt *.zip);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="209" />
        <source>Folder to import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="225" />
        <source>detected: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="225" />
        <source>not recognised</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="232" />
        <source>Press Preview to read the input; nothing is written before Import.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="241" />
        <source>Reading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="246" />
        <source>Preview cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="266" />
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="275" />
        <source>in schema</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="281" />
        <source>new: will be added</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="301" />
        <source>&amp;Problems (%1)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="309" />
        <source>%n document(s) with %1 entities read as %2; %3 types new to the schema.</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="316" />
        <source>%n note(s) or repair(s): see Problems.</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="320" />
        <source>Nothing can be imported yet: %n problem(s) stop it (in red under Problems). Fix the input, or choose Repair to fix or drop what can be fixed.</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="338" />
        <source>Importing %n document(s)…</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="350" />
        <source>Nothing was imported: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::NewProjectDialog</name>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="37" />
        <source>New project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="39" />
        <source>e.g. Trial eligibility 2024</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="45" />
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="54" />
        <source>&amp;Entities (spans)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="55" />
        <source>&amp;Relations between entities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="56" />
        <source>&amp;Question answering</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="57" />
        <source>Document &amp;classification</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="64" />
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="65" />
        <source>&amp;Folder:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="66" />
        <source>Project file:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="67" />
        <source>Label &amp;schema:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="68" />
        <source>Tasks:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="75" />
        <source>&amp;Create</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="128" />
        <source>Enter a name for the project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="129" />
        <source>Choose the folder the project file goes in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="131" />
        <source>%1 is a file, not a folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="134" />
        <source>%1 already exists; choose another name or folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="135" />
        <source>Choose at least one task.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="156" />
        <source>Folder for the project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="162" />
        <source>(enter a name)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="165" />
        <source>%1 entity types, %2 relation types, %3 QA fields, %4 categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="193" />
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::SchemaEditorDialog</name>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="18" />
        <source>Schema and guidelines — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="25" />
        <source>&amp;Entities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="26" />
        <source>&amp;Relations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="27" />
        <source>&amp;QA fields</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="28" />
        <source>&amp;Categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="71" />
        <source>Guideline version %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="74" />
        <source>Guideline text changed: saving makes it version %1, recorded on new annotations.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="76" />
        <source>The project is open read-only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="88" />
        <source>Schema not saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="88" />
        <source>The schema was not saved: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::SchemaTypePage</name>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="50" />
        <source>New %1 name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="51" />
        <source>&amp;Add</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="52" />
        <source>Re&amp;move</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="86" />
        <source>One key that applies this label; it must differ from every other type's key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="91" />
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="93" />
        <source>&amp;Colour:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="96" />
        <source>&amp;Hotkey:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="98" />
        <source>Directed (head → tail); unchecked: symmetric</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="102" />
        <source>Head types:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="103" />
        <source>Tail types:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="104" />
        <source>None checked: any entity type.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="112" />
        <source>Add &amp;question</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="113" />
        <source>Remove q&amp;uestion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="118" />
        <source>Questions (first = canonical):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="122" />
        <source>New question?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="131" />
        <source>A document may have several categories</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/SchemaTypePage.cpp" line="182" />
        <source>%n annotation(s) in the project</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="214" />
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="238" />
        <source>Enter a name for the new %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="242" />
        <location filename="../ui/SchemaTypePage.cpp" line="266" />
        <source>There already is a %1 named %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="263" />
        <source>A %1 needs a name.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/SchemaTypePage.cpp" line="269" />
        <source>%1 is used by %n annotation(s), which keep their type name; it cannot be renamed.</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SchemaTypePage.cpp" line="283" />
        <source>%1 is used by %n annotation(s) in this project. Remove or relabel them first; the %2 stays.</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="288" />
        <source>Remove %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="303" />
        <source>The key %1 already belongs to %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="325" />
        <source>Colour of %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>quarry::ui::StartWindow</name>
    <message>
        <location filename="../ui/StartWindow.cpp" line="26" />
        <location filename="../ui/StartWindow.cpp" line="106" />
        <location filename="../ui/StartWindow.cpp" line="143" />
        <source>Quarry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="28" />
        <source>&lt;h2&gt;Quarry&lt;/h2&gt;&lt;p&gt;Annotate domain text and train the models that extract it.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="29" />
        <source>&amp;Recent projects:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="32" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="32" />
        <source>Path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="32" />
        <source>Last opened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="39" />
        <source>&amp;New project…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="40" />
        <source>&amp;Open…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="41" />
        <source>Open &amp;demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="42" />
        <source>Re&amp;move from list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="43" />
        <source>Remove &amp;missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="44" />
        <source>Forget the selected project (the file stays where it is)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="45" />
        <source>Forget every project whose file is gone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="84" />
        <source>The file is gone: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="107" />
        <source>%1 is no longer there. Remove it from the list with Delete.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="144" />
        <source>Cannot open the demo project: %1</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
