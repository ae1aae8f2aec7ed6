<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AnnotationTooltips</name>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="9"/>
        <source>Example:</source>
        <translation>Beispiel:</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="11"/>
        <source>Edge cases:</source>
        <translation>Grenzfälle:</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="15"/>
        <source>No guideline yet.</source>
        <translation>Noch keine Richtlinie.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="24"/>
        <source>This type is not in the schema.</source>
        <translation>Dieser Typ ist nicht im Schema.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="27"/>
        <source>Does not match the model&apos;s tokens:</source>
        <translation>Passt nicht zu den Tokens des Modells:</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="36"/>
        <source>This relation type is not in the schema.</source>
        <translation>Dieser Relationstyp ist nicht im Schema.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="42"/>
        <source>This field is not in the schema.</source>
        <translation>Dieses Feld ist nicht im Schema.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="45"/>
        <source>Question:</source>
        <translation>Frage:</translation>
    </message>
</context>
<context>
    <name>Guideline</name>
    <message>
        <location filename="../ui/GuidelineText.cpp" line="12"/>
        <source>Example:</source>
        <translation>Beispiel:</translation>
    </message>
    <message>
        <location filename="../ui/GuidelineText.cpp" line="14"/>
        <source>Edge cases:</source>
        <translation>Grenzfälle:</translation>
    </message>
    <message>
        <location filename="../ui/GuidelineText.cpp" line="18"/>
        <source>No guideline yet.</source>
        <translation>Noch keine Richtlinie.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="50"/>
        <source>Annotate domain text and train the models that extract it.</source>
        <translation>Fachtexte annotieren und die Modelle trainieren, die sie extrahieren.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="53"/>
        <source>Open the bundled demo project.</source>
        <translation>Das mitgelieferte Demoprojekt öffnen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="55"/>
        <source>Open the project read-only (reviewers): no edit is saved.</source>
        <translation>Das Projekt schreibgeschützt öffnen (Prüfer): keine Änderung wird gespeichert.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="56"/>
        <source>A project file (*.quarry) to open.</source>
        <translation>Eine zu öffnende Projektdatei (*.quarry).</translation>
    </message>
</context>
<context>
    <name>quarry::ui::AddEntityCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="12"/>
        <source>Label %1</source>
        <translation>%1 annotieren</translation>
    </message>
</context>
<context>
    <name>quarry::ui::AddRelationCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="66"/>
        <source>Relate %1 %2 %3</source>
        <translation>%1 %2 %3 verknüpfen</translation>
    </message>
</context>
<context>
    <name>quarry::ui::AnnotationView</name>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="35"/>
        <source>Document annotation view</source>
        <translation>Annotationsansicht des Dokuments</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="36"/>
        <source>Select text and press a type&apos;s hotkey to label it; Tab moves between spans.</source>
        <translation>Text markieren und das Tastenkürzel eines Typs drücken; Tab springt zwischen Spannen.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="326"/>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="330"/>
        <source>No document</source>
        <translation>Kein Dokument</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="445"/>
        <source>This document is read-only.</source>
        <translation>Dieses Dokument ist schreibgeschützt.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="454"/>
        <source>This document has no spans yet.</source>
        <translation>Dieses Dokument hat noch keine Spannen.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="488"/>
        <source>Selection snaps to words.</source>
        <translation>Auswahl rastet an Wörtern ein.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="488"/>
        <source>Selection is character-precise.</source>
        <translation>Auswahl ist zeichengenau.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="514"/>
        <source>Nothing to delete: pick a span with Tab or a click first.</source>
        <translation>Nichts zu löschen: zuerst mit Tab oder einem Klick eine Spanne wählen.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="519"/>
        <source>Relation cancelled.</source>
        <translation>Relation abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="570"/>
        <source>Select some text first, then press %1 to label it %2.</source>
        <translation>Zuerst Text markieren, dann %1 drücken, um ihn als %2 zu annotieren.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="595"/>
        <source>Pick the head span first (Tab or a click), then press R.</source>
        <translation>Zuerst die Kopfspanne wählen (Tab oder Klick), dann R drücken.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="599"/>
        <source>The schema has no relation types.</source>
        <translation>Das Schema hat keine Relationstypen.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="604"/>
        <source>Relation from %1: pick the tail with Tab or a click, Enter to confirm, Escape to cancel.</source>
        <translation>Relation von %1: Schwanz mit Tab oder Klick wählen, Enter bestätigt, Escape bricht ab.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="621"/>
        <source>Pick a tail span other than the head (Tab or a click), or Escape to cancel.</source>
        <translation>Eine andere Spanne als den Kopf wählen (Tab oder Klick), oder Escape zum Abbrechen.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="633"/>
        <source>No relation type in the schema allows a %1 head with a %2 tail (%3 → %4).</source>
        <translation>Kein Relationstyp im Schema erlaubt einen Kopf %1 mit einem Schwanz %2 (%3 → %4).</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="642"/>
        <source>Relation type</source>
        <translation>Relationstyp</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="657"/>
        <source>The schema has no QA fields.</source>
        <translation>Das Schema hat keine Frage-Felder.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="661"/>
        <source>Select the answer text first, then press Q.</source>
        <translation>Zuerst den Antworttext markieren, dann Q drücken.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="668"/>
        <source>Answer field</source>
        <translation>Antwortfeld</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="672"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>quarry::ui::CategoryPanel</name>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="34"/>
        <source>%1   [Alt+%2]</source>
        <translation>%1   [Alt+%2]</translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="40"/>
        <source>Toggle Category %1</source>
        <translation>Kategorie %1 umschalten</translation>
    </message>
</context>
<context>
    <name>quarry::ui::ChangeEntityTypeCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="50"/>
        <source>Relabel %1 as %2</source>
        <translation>%1 als %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>quarry::ui::DocumentListModel</name>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="50"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="51"/>
        <source>dev</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="52"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="55"/>
        <source>unassigned</source>
        <translation>nicht zugeordnet</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="60"/>
        <source>in progress</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="61"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="62"/>
        <source>reviewed</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="65"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="70"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n Spanne</numerusform>
            <numerusform>%n Spannen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="71"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n Relation</numerusform>
            <numerusform>%n Relationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="72"/>
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n Antwort</numerusform>
            <numerusform>%n Antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="73"/>
        <source>%n category(s)</source>
        <translation>
            <numerusform>%n Kategorie</numerusform>
            <numerusform>%n Kategorien</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="91"/>
        <source>%1 spans, %2 relations, %3 answers, %4 categories</source>
        <translation>%1 Spannen, %2 Relationen, %3 Antworten, %4 Kategorien</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="115"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="116"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="117"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="118"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
</context>
<context>
    <name>quarry::ui::DocumentListPanel</name>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="33"/>
        <source>All splits</source>
        <translation>Alle Aufteilungen</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="37"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="42"/>
        <source>Search names and text</source>
        <translation>Namen und Text durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="55"/>
        <source>&amp;Split:</source>
        <translation>&amp;Aufteilung:</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="56"/>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="57"/>
        <source>&amp;Annotator:</source>
        <translation>A&amp;nnotator:</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="58"/>
        <source>&amp;Has:</source>
        <translation>&amp;Enthält:</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="59"/>
        <source>Fin&amp;d:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="91"/>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="94"/>
        <source>Any annotation</source>
        <translation>Beliebige Annotation</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="96"/>
        <source>span %1</source>
        <translation>Spanne %1</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="98"/>
        <source>relation %1</source>
        <translation>Relation %1</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="100"/>
        <source>answer %1</source>
        <translation>Antwort %1</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="102"/>
        <source>category %1</source>
        <translation>Kategorie %1</translation>
    </message>
</context>
<context>
    <name>quarry::ui::DocumentSession</name>
    <message>
        <location filename="../ui/DocumentSession.cpp" line="88"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>quarry::ui::ItemDetailsPanel</name>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="27"/>
        <source>Select a span (Tab or a click), a relation or an answer to see its details and guideline.</source>
        <translation>Wählen Sie eine Spanne (Tab oder Klick), eine Relation oder eine Antwort, um Details und Richtlinie zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="38"/>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="38"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="46"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="41"/>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="42"/>
        <source>accepted suggestion</source>
        <translation>angenommener Vorschlag</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="43"/>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="45"/>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="46"/>
        <source>Guideline version</source>
        <translation>Richtlinienversion</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="48"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="50"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="59"/>
        <source>Span %1</source>
        <translation>Spanne %1</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="60"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="78"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="66"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="94"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="96"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="67"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="97"/>
        <source>Offsets</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="77"/>
        <source>Relation %1</source>
        <translation>Relation %1</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="79"/>
        <source>Head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="81"/>
        <source>Tail</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="91"/>
        <source>Answer to %1</source>
        <translation>Antwort auf %1</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="92"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="94"/>
        <source>the text does not answer this</source>
        <translation>der Text beantwortet dies nicht</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="107"/>
        <source>Guideline</source>
        <translation>Richtlinie</translation>
    </message>
</context>
<context>
    <name>quarry::ui::LabelPalette</name>
    <message>
        <location filename="../ui/LabelPalette.cpp" line="38"/>
        <source>%1   [%2]</source>
        <translation>%1   [%2]</translation>
    </message>
    <message>
        <location filename="../ui/LabelPalette.cpp" line="50"/>
        <source>%1 (relation: R on a span)</source>
        <translation>%1 (Relation: R auf einer Spanne)</translation>
    </message>
    <message>
        <location filename="../ui/LabelPalette.cpp" line="52"/>
        <source>%1 (question: Q on a selection)</source>
        <translation>%1 (Frage: Q auf einer Auswahl)</translation>
    </message>
</context>
<context>
    <name>quarry::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="78"/>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="79"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="80"/>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="81"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="88"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="89"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="91"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="93"/>
        <source>&amp;Import Documents…</source>
        <translation>Dokumente &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="96"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="99"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="100"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="102"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="107"/>
        <source>&amp;Document</source>
        <translation>&amp;Dokument</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="108"/>
        <source>&amp;Next Document  (N)</source>
        <translation>&amp;Nächstes Dokument  (N)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="110"/>
        <source>&amp;Previous Document  (P)</source>
        <translation>&amp;Vorheriges Dokument  (P)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="112"/>
        <source>Mark &amp;Done and Next</source>
        <translation>Als &amp;fertig markieren und weiter</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="114"/>
        <source>&amp;Find Documents</source>
        <translation>Dokumente &amp;suchen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119"/>
        <source>&amp;Annotate</source>
        <translation>&amp;Annotieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="123"/>
        <source>&amp;Refresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="126"/>
        <source>Read-&amp;Only Mode</source>
        <translation>&amp;Schreibgeschützter Modus</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="129"/>
        <source>Snap Selection to &amp;Words  (Alt+W)</source>
        <translation>Auswahl an &amp;Wörtern ausrichten  (Alt+W)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="135"/>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="136"/>
        <source>Edit &amp;Schema and Guidelines…</source>
        <translation>&amp;Schema und Richtlinien bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="187"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="187"/>
        <source>Quarry projects (*.quarry)</source>
        <translation>Quarry-Projekte (*.quarry)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="189"/>
        <source>Cannot Open Project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="234"/>
        <source>Refreshed from the project file.</source>
        <translation>Aus der Projektdatei aktualisiert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="311"/>
        <source>%n document(s) listed</source>
        <translation>
            <numerusform>%n Dokument gelistet</numerusform>
            <numerusform>%n Dokumente gelistet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="312"/>
        <source>%1 done</source>
        <translation>%1 fertig</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="313"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n Annotation</numerusform>
            <numerusform>%n Annotationen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="316"/>
        <source>this document: %1 spans, %2 relations, %3 answers</source>
        <translation>dieses Dokument: %1 Spannen, %2 Relationen, %3 Antworten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="325"/>
        <source>Quarry</source>
        <translation>Quarry</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="326"/>
        <location filename="../ui/MainWindow.cpp" line="327"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="328"/>
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="349"/>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="354"/>
        <source>This window is read-only: edits are not allowed (View &gt; Read-Only Mode).</source>
        <translation>Dieses Fenster ist schreibgeschützt: Änderungen sind nicht erlaubt (Ansicht &gt; Schreibgeschützter Modus).</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="360"/>
        <source>This is the last document in the list.</source>
        <translation>Dies ist das letzte Dokument der Liste.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="361"/>
        <source>This is the first document in the list.</source>
        <translation>Dies ist das erste Dokument der Liste.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="373"/>
        <source>%1 marked done.</source>
        <translation>%1 als fertig markiert.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="386"/>
        <source>Select some text first, then click %1 to label it.</source>
        <translation>Wählen Sie zuerst Text aus und klicken Sie dann auf %1, um ihn zu annotieren.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::RemoveEntityCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="24"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="30"/>
        <source>Remove %1 %2</source>
        <translation>%1 %2 entfernen</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="39"/>
        <source>Entity %1 was not recorded before removal.</source>
        <translation>Entität %1 wurde vor dem Entfernen nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::RemoveRelationCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="79"/>
        <source>Remove relation %1</source>
        <translation>Relation %1 entfernen</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="90"/>
        <source>Relation %1 was not recorded before removal.</source>
        <translation>Relation %1 wurde vor dem Entfernen nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::SetAnswerCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="98"/>
        <source>Answer %1</source>
        <translation>Antwort %1</translation>
    </message>
</context>
<context>
    <name>quarry::ui::SetLabelCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="116"/>
        <source>Categorise as %1</source>
        <translation>Als %1 kategorisieren</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="116"/>
        <source>Remove category %1</source>
        <translation>Kategorie %1 entfernen</translation>
    </message>
</context>
</TS>
