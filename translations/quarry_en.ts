<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnnotationTooltips</name>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="9"/>
        <source>Example:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="11"/>
        <source>Edge cases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="15"/>
        <source>No guideline yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="24"/>
        <source>This type is not in the schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="27"/>
        <source>Does not match the model&apos;s tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="36"/>
        <source>This relation type is not in the schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="42"/>
        <source>This field is not in the schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="45"/>
        <source>Question:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Guideline</name>
    <message>
        <location filename="../ui/GuidelineText.cpp" line="12"/>
        <source>Example:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GuidelineText.cpp" line="14"/>
        <source>Edge cases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GuidelineText.cpp" line="18"/>
        <source>No guideline yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="49"/>
        <source>Annotate domain text and train the models that extract it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="52"/>
        <source>Open the bundled demo project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="53"/>
        <source>A project file (*.quarry) to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::AddEntityCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="12"/>
        <source>Label %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::AddRelationCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="66"/>
        <source>Relate %1 %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::AnnotationView</name>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="35"/>
        <source>Document annotation view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="36"/>
        <source>Select text and press a type&apos;s hotkey to label it; Tab moves between spans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="326"/>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="330"/>
        <source>No document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="445"/>
        <source>This document is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="454"/>
        <source>This document has no spans yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="488"/>
        <source>Selection snaps to words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="488"/>
        <source>Selection is character-precise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="514"/>
        <source>Nothing to delete: pick a span with Tab or a click first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="519"/>
        <source>Relation cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="570"/>
        <source>Select some text first, then press %1 to label it %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="595"/>
        <source>Pick the head span first (Tab or a click), then press R.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="599"/>
        <source>The schema has no relation types.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="604"/>
        <source>Relation from %1: pick the tail with Tab or a click, Enter to confirm, Escape to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="621"/>
        <source>Pick a tail span other than the head (Tab or a click), or Escape to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="633"/>
        <source>No relation type in the schema allows a %1 head with a %2 tail (%3 → %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="642"/>
        <source>Relation type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="657"/>
        <source>The schema has no QA fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="661"/>
        <source>Select the answer text first, then press Q.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="668"/>
        <source>Answer field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="672"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::ChangeEntityTypeCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="50"/>
        <source>Relabel %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="31"/>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="38"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="61"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="62"/>
        <source>&amp;Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="65"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="70"/>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="70"/>
        <source>Quarry projects (*.quarry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="73"/>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="100"/>
        <source>%1 (relation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="105"/>
        <source>%1 (question)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="122"/>
        <source>%n entities</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="123"/>
        <source>%n relations</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="127"/>
        <source>%n documents</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="128"/>
        <source>%n annotations</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quarry::ui::RemoveEntityCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="24"/>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="30"/>
        <source>Remove %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="39"/>
        <source>Entity %1 was not recorded before removal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::RemoveRelationCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="79"/>
        <source>Remove relation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="90"/>
        <source>Relation %1 was not recorded before removal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::SetAnswerCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="98"/>
        <source>Answer %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
