<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AnnotationKeys</name>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="93"/>
        <source>Caret a word left (a character with word snapping off); with Shift: extend the selection</source>
        <translation>Einfügemarke ein Wort nach links (ein Zeichen ohne Wortfang); mit Umschalt: Auswahl erweitern</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="95"/>
        <source>Caret a word right (a character with word snapping off); with Shift: extend the selection</source>
        <translation>Einfügemarke ein Wort nach rechts (ein Zeichen ohne Wortfang); mit Umschalt: Auswahl erweitern</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="97"/>
        <source>Caret a line up; with Shift: extend the selection</source>
        <translation>Eine Zeile nach oben; mit Umschalt: Auswahl erweitern</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="99"/>
        <source>Caret a line down; with Shift: extend the selection</source>
        <translation>Eine Zeile nach unten; mit Umschalt: Auswahl erweitern</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="101"/>
        <source>Start of the line; with Shift: extend the selection</source>
        <translation>Zeilenanfang; mit Umschalt: Auswahl erweitern</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="103"/>
        <source>End of the line; with Shift: extend the selection</source>
        <translation>Zeilenende; mit Umschalt: Auswahl erweitern</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="105"/>
        <source>Start of the document; with Shift: extend the selection</source>
        <translation>Dokumentanfang; mit Umschalt: Auswahl erweitern</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="107"/>
        <source>End of the document; with Shift: extend the selection</source>
        <translation>Dokumentende; mit Umschalt: Auswahl erweitern</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="109"/>
        <source>A screen up; with Shift: extend the selection</source>
        <translation>Eine Bildschirmseite nach oben; mit Umschalt: Auswahl erweitern</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="111"/>
        <source>A screen down; with Shift: extend the selection</source>
        <translation>Eine Bildschirmseite nach unten; mit Umschalt: Auswahl erweitern</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="113"/>
        <source>Next span (or the relation&apos;s tail while drawing a relation)</source>
        <translation>Nächste Spanne (beim Zeichnen einer Relation: deren Ziel)</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="115"/>
        <source>Previous span</source>
        <translation>Vorige Spanne</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="117"/>
        <source>Remove the current relation, else the current span</source>
        <translation>Aktuelle Relation entfernen, sonst die aktuelle Spanne</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="119"/>
        <source>Cancel the relation being drawn, else clear the selection and the current span</source>
        <translation>Begonnene Relation abbrechen, sonst Auswahl und aktuelle Spanne aufheben</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="121"/>
        <source>Confirm the relation being drawn</source>
        <translation>Begonnene Relation bestätigen</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="123"/>
        <source>Mark the document done and open the next one</source>
        <translation>Dokument als fertig markieren und das nächste öffnen</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="125"/>
        <source>Start a relation at the current span</source>
        <translation>Relation an der aktuellen Spanne beginnen</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="127"/>
        <source>Answer a QA field with the selection</source>
        <translation>Ein QA-Feld mit der Auswahl beantworten</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="129"/>
        <source>Next document</source>
        <translation>Nächstes Dokument</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="131"/>
        <source>Previous document</source>
        <translation>Voriges Dokument</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="133"/>
        <source>Show the keyboard shortcuts</source>
        <translation>Tastenkürzel anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="135"/>
        <source>Accept the model&apos;s current suggestion (dashed), else the next one after the caret</source>
        <translation>Aktuellen Vorschlag des Modells (gestrichelt) annehmen, sonst den nächsten nach der Einfügemarke</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="137"/>
        <source>Reject the model&apos;s current suggestion, else the next one after the caret</source>
        <translation>Aktuellen Vorschlag des Modells ablehnen, sonst den nächsten nach der Einfügemarke</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="139"/>
        <source>Accept every suggestion of the document at or above the confidence threshold</source>
        <translation>Alle Vorschläge des Dokuments ab der Konfidenzschwelle annehmen</translation>
    </message>
</context>
<context>
    <name>AnnotationTooltips</name>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="12"/>
        <source>Example:</source>
        <translation>Beispiel:</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="14"/>
        <source>Edge cases:</source>
        <translation>Grenzfälle:</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="18"/>
        <source>No guideline yet.</source>
        <translation>Noch keine Richtlinie.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="27"/>
        <source>This type is not in the schema.</source>
        <translation>Dieser Typ ist nicht im Schema.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="30"/>
        <source>Does not match the model&apos;s tokens:</source>
        <translation>Passt nicht zu den Tokens des Modells:</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="39"/>
        <source>This relation type is not in the schema.</source>
        <translation>Dieser Relationstyp ist nicht im Schema.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="46"/>
        <source>This field is not in the schema.</source>
        <translation>Dieses Feld ist nicht im Schema.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="50"/>
        <source>Question:</source>
        <translation>Frage:</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../ui/BackgroundTask.cpp" line="54"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
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
    <name>ProjectLauncher</name>
    <message>
        <location filename="../ui/ProjectLauncher.cpp" line="29"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/ProjectLauncher.cpp" line="31"/>
        <source>Quarry projects (*.quarry);;All files (*)</source>
        <translation>Quarry-Projekte (*.quarry);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ProjectLock</name>
    <message>
        <location filename="../ui/ProjectLock.cpp" line="28"/>
        <source>another window of this program</source>
        <translation>ein anderes Fenster dieses Programms</translation>
    </message>
    <message>
        <location filename="../ui/ProjectLock.cpp" line="30"/>
        <source>%1, process %2</source>
        <translation>%1, Prozess %2</translation>
    </message>
    <message>
        <location filename="../ui/ProjectLock.cpp" line="31"/>
        <source>%1, process %2 on %3</source>
        <translation>%1, Prozess %2 auf %3</translation>
    </message>
    <message>
        <location filename="../ui/ProjectLock.cpp" line="37"/>
        <source>cannot create the lock file %1 (no write access)</source>
        <translation>die Sperrdatei %1 kann nicht angelegt werden (kein Schreibrecht)</translation>
    </message>
    <message>
        <location filename="../ui/ProjectLock.cpp" line="40"/>
        <source>cannot create the lock file %1</source>
        <translation>die Sperrdatei %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="88"/>
        <source>%1 head</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="89"/>
        <source>tail</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="26"/>
        <source>auto-accept</source>
        <translation>Auto-Annahme</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="28"/>
        <source>review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="30"/>
        <source>escalate</source>
        <translation>Eskalation</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="37"/>
        <source>NER</source>
        <translation>NER</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="38"/>
        <source>relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="39"/>
        <source>QA</source>
        <translation>QA</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="40"/>
        <source>classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="44"/>
        <source>The lowest thresholds whose precision on the dev split reaches %1% (auto-accept) and %2% (below it: escalate), with the latest model of the task</source>
        <translation>Die niedrigsten Schwellen, deren Präzision auf der dev-Aufteilung %1 % (Auto-Annahme) und %2 % (darunter: Eskalation) erreicht, mit dem neuesten Modell der Aufgabe</translation>
    </message>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="22"/>
        <source>Run %1, %2: %3</source>
        <translation>Lauf %1, %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="34"/>
        <source>%1 documents</source>
        <translation>%1 Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="39"/>
        <source>%1 labels</source>
        <translation>%1 Kategorien</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="41"/>
        <source>%1 relations</source>
        <translation>%1 Relationen</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="43"/>
        <source>%1 questions</source>
        <translation>%1 Fragen</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="45"/>
        <source>%1 entities</source>
        <translation>%1 Entitäten</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="46"/>
        <source>%1 docs, %2</source>
        <translation>%1 Dok., %2</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="54"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="55"/>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="55"/>
        <source>This run predates lineage records</source>
        <translation>Dieser Lauf ist älter als die Herkunftsaufzeichnung</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="57"/>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="58"/>
        <source>Trained on %1 documents and annotations, all unchanged</source>
        <translation>Mit %1 Dokumenten und Annotationen trainiert, alle unverändert</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="67"/>
        <source>added: %1</source>
        <translation>hinzugefügt: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="68"/>
        <source>changed: %1</source>
        <translation>geändert: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="69"/>
        <source>removed: %1</source>
        <translation>entfernt: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="70"/>
        <source>stale: +%1 ~%2 −%3</source>
        <translation>veraltet: +%1 ~%2 −%3</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="74"/>
        <source>Since this run read them:
%1</source>
        <translation>Seit dieser Lauf sie gelesen hat:
%1</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="51"/>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="52"/>
        <source>A seeded random draw: the baseline every strategy is measured by</source>
        <translation>Eine Zufallsauswahl mit festem Startwert: die Grundlinie, an der jede Strategie gemessen wird</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="54"/>
        <source>least confidence</source>
        <translation>geringste Konfidenz</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="55"/>
        <source>The units whose most probable label is least probable</source>
        <translation>Die Einheiten, deren wahrscheinlichstes Label am wenigsten wahrscheinlich ist</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="57"/>
        <source>margin</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="57"/>
        <source>The units whose two most probable labels are closest</source>
        <translation>Die Einheiten, deren zwei wahrscheinlichste Labels am dichtesten beieinander liegen</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="59"/>
        <source>entropy</source>
        <translation>Entropie</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="59"/>
        <source>The units whose label distributions are most spread out</source>
        <translation>Die Einheiten, deren Label-Verteilungen am breitesten streuen</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="61"/>
        <source>MNLP</source>
        <translation>MNLP</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="61"/>
        <source>Maximum normalised log-probability: the least probable best labelling per word (long sentences are not favoured)</source>
        <translation>Maximale normalisierte Log-Wahrscheinlichkeit: die am wenigsten wahrscheinliche beste Beschriftung je Wort (lange Sätze werden nicht bevorzugt)</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="64"/>
        <source>diversity</source>
        <translation>Vielfalt</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="65"/>
        <source>The most uncertain unit of each cluster of the pool, so a batch does not repeat itself</source>
        <translation>Die unsicherste Einheit jedes Clusters des Pools, damit sich ein Stapel nicht wiederholt</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="73"/>
        <source>sentences</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="73"/>
        <source>documents</source>
        <translation>Dokumente</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="78"/>
        <location filename="../ui/training/TrainDialog.cpp" line="31"/>
        <source>%n categories</source>
        <translation>
            <numerusform>%n Kategorie</numerusform>
            <numerusform>%n Kategorien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="79"/>
        <location filename="../ui/training/TrainDialog.cpp" line="33"/>
        <source>%n relations</source>
        <translation>
            <numerusform>%n Relation</numerusform>
            <numerusform>%n Relationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="80"/>
        <source>%n answers</source>
        <translation>
            <numerusform>%n Antwort</numerusform>
            <numerusform>%n Antworten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="87"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="89"/>
        <source>dev</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="91"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="93"/>
        <source>unassigned</source>
        <translation>nicht zugeordnet</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="34"/>
        <source>%1 questions, %2 answers</source>
        <translation>%1 Fragen, %2 Antworten</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="81"/>
        <location filename="../ui/training/TrainDialog.cpp" line="35"/>
        <source>%n entities</source>
        <translation>
            <numerusform>%n Entität</numerusform>
            <numerusform>%n Entitäten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchemaEdits</name>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="99"/>
        <source>entity type</source>
        <translation>Entitätstyp</translation>
    </message>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="101"/>
        <source>relation type</source>
        <translation>Relationstyp</translation>
    </message>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="103"/>
        <source>QA field</source>
        <translation>QA-Feld</translation>
    </message>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="105"/>
        <source>category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="244"/>
        <source>The key %1 is reserved in the document view (%2); pick another key.</source>
        <translation>Die Taste %1 ist in der Dokumentansicht belegt (%2); wählen Sie eine andere Taste.</translation>
    </message>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="269"/>
        <source>the key %1 already belongs to %2.</source>
        <translation>die Taste %1 gehört schon zu %2.</translation>
    </message>
</context>
<context>
    <name>SchemaTemplates</name>
    <message>
        <location filename="../ui/SchemaTemplates.cpp" line="19"/>
        <source>Empty</source>
        <translation>Leer</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTemplates.cpp" line="20"/>
        <source>Clinical trial eligibility (demo)</source>
        <translation>Einschlusskriterien klinischer Studien (Demo)</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTemplates.cpp" line="22"/>
        <source>Biomedical NER (Disease, Chemical)</source>
        <translation>Biomedizinische NER (Krankheit, Chemikalie)</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTemplates.cpp" line="24"/>
        <source>Contracts (Party, Date, Obligation, Amount)</source>
        <translation>Verträge (Partei, Datum, Pflicht, Betrag)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/CommandLine.cpp" line="19"/>
        <source>Annotate domain text and train the models that extract it.</source>
        <translation>Fachtexte annotieren und die Modelle trainieren, die sie extrahieren.</translation>
    </message>
    <message>
        <location filename="../app/gui/CommandLine.cpp" line="23"/>
        <source>Open the bundled demo project.</source>
        <translation>Das mitgelieferte Demoprojekt öffnen.</translation>
    </message>
    <message>
        <location filename="../app/gui/CommandLine.cpp" line="26"/>
        <source>Open the project read-only (reviewers): no edit is saved.</source>
        <translation>Das Projekt schreibgeschützt öffnen (Prüfer): keine Änderung wird gespeichert.</translation>
    </message>
    <message>
        <location filename="../app/gui/CommandLine.cpp" line="31"/>
        <source>A project file (*.quarry) to open.</source>
        <translation>Eine zu öffnende Projektdatei (*.quarry).</translation>
    </message>
</context>
<context>
    <name>quarry::ui::ActiveLearningDialog</name>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="133"/>
        <source>Simulate Active Learning — %1</source>
        <translation>Aktives Lernen simulieren — %1</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="144"/>
        <source>A simulated annotator: the labelled documents of the pool split are taken as unlabelled. Each strategy starts from the same random seed set; a model trains on what is labelled, picks the next batch, and that batch&apos;s gold labels are revealed, round after round up to the budget. Every round is scored on the dev split and recorded as a run. The labels in the pool must be complete: what is not labelled there is taken as not there.</source>
        <translation>Ein simulierter Annotator: Die annotierten Dokumente der Pool-Aufteilung gelten als unannotiert. Jede Strategie beginnt mit derselben zufälligen Startmenge; ein Modell trainiert auf dem Annotierten, wählt den nächsten Stapel, und dessen Gold-Labels werden aufgedeckt, Runde um Runde bis zum Budget. Jede Runde wird auf der Validierungsaufteilung bewertet und als Lauf erfasst. Die Labels im Pool müssen vollständig sein: Was dort nicht annotiert ist, gilt als nicht vorhanden.</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="178"/>
        <source>Strategies</source>
        <translation>Strategien</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="199"/>
        <source>Curves per strategy, each from its own seed set: the band shows their spread</source>
        <translation>Kurven je Strategie, jede mit ihrer eigenen Startmenge: Das Band zeigt ihre Streuung</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="202"/>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="642"/>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="707"/>
        <source>sentences</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="203"/>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="642"/>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="707"/>
        <source>documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="204"/>
        <source>What the annotator labels at a time; sentences for NER only</source>
        <translation>Was der Annotator auf einmal annotiert; Sätze nur für NER</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="207"/>
        <source>The random seed set every curve starts from, as a share of the pool</source>
        <translation>Die zufällige Startmenge, mit der jede Kurve beginnt, als Anteil am Pool</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="210"/>
        <source>What each round reveals, as a share of the pool</source>
        <translation>Was jede Runde aufdeckt, als Anteil am Pool</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="213"/>
        <source>A curve stops once this share of the pool is labelled</source>
        <translation>Eine Kurve endet, sobald dieser Anteil des Pools annotiert ist</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="217"/>
        <source>Passes over the labelled data in each round (every other option at its default)</source>
        <translation>Durchgänge über die annotierten Daten in jeder Runde (alle anderen Optionen auf ihrem Standardwert)</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="223"/>
        <source>as the epochs say</source>
        <translation>wie die Epochen es ergeben</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="224"/>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="225"/>
        <source>A round on few labelled units trains at least this many steps (more epochs), so that an early round is not scored on a model that barely trained</source>
        <translation>Eine Runde mit wenigen gelabelten Einheiten trainiert mindestens so viele Schritte (mehr Epochen), damit eine frühe Runde nicht an einem kaum trainierten Modell gemessen wird</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="230"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="231"/>
        <source> evaluations without gain</source>
        <translation> Bewertungen ohne Verbesserung</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="233"/>
        <source>A round stops after this many evaluations without a better dev score. A model trained on few units often scores 0 for its first epochs: &apos;never&apos; trains them all</source>
        <translation>Eine Runde endet nach so vielen Bewertungen ohne besseren Validierungswert. Ein Modell aus wenigen Einheiten erreicht in seinen ersten Epochen oft 0: „nie“ trainiert sie alle</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="235"/>
        <source>from the previous round&apos;s model</source>
        <translation>vom Modell der vorigen Runde</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="237"/>
        <source>Each round goes on training the previous round&apos;s model instead of starting from scratch: faster, though the curve then depends on the order of the batches</source>
        <translation>Jede Runde trainiert das Modell der vorigen Runde weiter, statt neu zu beginnen: schneller, doch dann hängt die Kurve von der Reihenfolge der Stapel ab</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="246"/>
        <source>The annotator&apos;s pace, for the hours of annotation in the results</source>
        <translation>Das Tempo des Annotators, für die Annotationsstunden in den Ergebnissen</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="249"/>
        <source>T&amp;ask:</source>
        <translation>&amp;Aufgabe:</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="250"/>
        <source>&amp;Pool:</source>
        <translation>&amp;Pool:</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="251"/>
        <source>Scored on (&amp;dev):</source>
        <translation>Bewertet auf (&amp;Validierung):</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="252"/>
        <source>See&amp;ds:</source>
        <translation>&amp;Kurven je Strategie:</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="253"/>
        <source>&amp;Unit:</source>
        <translation>&amp;Einheit:</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="254"/>
        <source>Seed set:</source>
        <translation>Startmenge:</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="255"/>
        <source>&amp;Round size:</source>
        <translation>&amp;Rundengröße:</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="256"/>
        <source>&amp;Budget:</source>
        <translation>&amp;Budget:</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="257"/>
        <source>&amp;Epochs per round:</source>
        <translation>Epoc&amp;hen je Runde:</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="258"/>
        <source>At least, per round:</source>
        <translation>Mindestens, je Runde:</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="259"/>
        <source>Stop early a&amp;fter:</source>
        <translation>Früh abbrechen &amp;nach:</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="260"/>
        <source>Warm start:</source>
        <translation>Warmstart:</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="266"/>
        <source>&amp;Resume Last</source>
        <translation>Letzte fort&amp;setzen</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="268"/>
        <source>Continue this project&apos;s latest cancelled or interrupted simulation, with the options it started with, at the round it stopped in</source>
        <translation>Die letzte abgebrochene oder unterbrochene Simulation dieses Projekts mit ihren ursprünglichen Einstellungen in der Runde fortsetzen, in der sie stehen blieb</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="270"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="273"/>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="275"/>
        <source>Stop after the step in training; the rounds so far stay recorded</source>
        <translation>Nach dem laufenden Trainingsschritt anhalten; die bisherigen Runden bleiben erfasst</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="280"/>
        <source>Choose the strategies and sizes, then Start.</source>
        <translation>Strategien und Größen wählen, dann Starten.</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="290"/>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="290"/>
        <source>Reaches 95% at</source>
        <translation>95 % erreicht bei</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="290"/>
        <source>Reaches 99% at</source>
        <translation>99 % erreicht bei</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="291"/>
        <source>Hours to 99%</source>
        <translation>Stunden bis 99 %</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="291"/>
        <source>Rounds above random</source>
        <translation>Runden über Zufall</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="306"/>
        <source>&amp;Words per hour:</source>
        <translation>&amp;Wörter pro Stunde:</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="313"/>
        <source>Save C&amp;hart…</source>
        <translation>Diagramm spe&amp;ichern…</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="404"/>
        <source>%1 — %2 in %3</source>
        <translation>%1 — %2 in %3</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="433"/>
        <source>The pool and the dev split are the same: every round would be scored on what it trained on.</source>
        <translation>Pool und Validierungsaufteilung sind gleich: Jede Runde würde auf dem bewertet, worauf sie trainiert hat.</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="439"/>
        <source>Choose a task.</source>
        <translation>Eine Aufgabe wählen.</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="449"/>
        <source>Choose at least one strategy.</source>
        <translation>Mindestens eine Strategie wählen.</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="488"/>
        <source>No cancelled or interrupted simulation of this project to resume.</source>
        <translation>Keine abgebrochene oder unterbrochene Simulation dieses Projekts zum Fortsetzen.</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="511"/>
        <source>Reading the pool…</source>
        <translation>Der Pool wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="540"/>
        <source>Cancelling: the round in training stops after this step…</source>
        <translation>Wird abgebrochen: Die Runde im Training hält nach diesem Schritt an…</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="570"/>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="572"/>
        <source>predicting the pool</source>
        <translation>Vorhersage des Pools</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="574"/>
        <source>choosing the next batch</source>
        <translation>Wahl des nächsten Stapels</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="576"/>
        <source>scored on dev</source>
        <translation>auf Dev bewertet</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="578"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="581"/>
        <source>full data</source>
        <translation>alle Daten</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="582"/>
        <source>%1 seed %2, round %3 of %4</source>
        <translation>%1 Startwert %2, Runde %3 von %4</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="583"/>
        <source>%1: %2, %3 of %4 %5 labelled</source>
        <translation>%1: %2, %3 von %4 %5 annotiert</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="587"/>
        <source> (last round: %1)</source>
        <translation> (letzte Runde: %1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="631"/>
        <source>Finished: %n round(s) trained and recorded as runs.</source>
        <translation>
            <numerusform>Fertig: %n Runde trainiert und als Lauf erfasst.</numerusform>
            <numerusform>Fertig: %n Runden trainiert und als Läufe erfasst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="633"/>
        <source>Cancelled: %n round(s) recorded as runs; the curves so far are shown.</source>
        <translation>
            <numerusform>Abgebrochen: %n Runde als Lauf erfasst; die bisherigen Kurven werden gezeigt.</numerusform>
            <numerusform>Abgebrochen: %n Runden als Läufe erfasst; die bisherigen Kurven werden gezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="635"/>
        <source>The simulation failed: %1</source>
        <translation>Die Simulation ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="647"/>
        <source>The curves grow as the rounds are scored.</source>
        <translation>Die Kurven wachsen, sobald die Runden bewertet sind.</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="648"/>
        <source>No learning curves yet: Start simulates them.</source>
        <translation>Noch keine Lernkurven: Starten simuliert sie.</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="645"/>
        <source>Learning curves: %1 on %2 %3</source>
        <translation>Lernkurven: %1 auf %2 %3</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="657"/>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="675"/>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="683"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="657"/>
        <source>No full-data score to measure by</source>
        <translation>Kein Wert mit allen Daten als Maßstab</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="658"/>
        <source>not reached</source>
        <translation>nicht erreicht</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="658"/>
        <source>Not within the budget</source>
        <translation>Nicht innerhalb des Budgets</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="660"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="661"/>
        <source>%1 words labelled</source>
        <translation>%1 Wörter annotiert</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="671"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="672"/>
        <source>%1 words at %2 words per hour</source>
        <translation>%1 Wörter bei %2 Wörtern pro Stunde</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="679"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="681"/>
        <source>Above random in every round from round %1 on</source>
        <translation>Ab Runde %1 in jeder Runde über Zufall</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="682"/>
        <source>Not above random in every round to the end</source>
        <translation>Nicht bis zum Ende in jeder Runde über Zufall</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="684"/>
        <source>The baseline</source>
        <translation>Die Grundlinie</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="684"/>
        <source>No random curve to compare with</source>
        <translation>Keine Zufallskurve zum Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="692"/>
        <source>Output folder: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</source>
        <translation>Ausgabeordner: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="704"/>
        <source>Full data (%1 %2, %3 words): %4 %5; labelling all of it is about %6 hours at %7 words per hour.</source>
        <translation>Alle Daten (%1 %2, %3 Wörter): %4 %5; alles zu annotieren dauert etwa %6 Stunden bei %7 Wörtern pro Stunde.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="711"/>
        <source> (mean of %n seeds)</source>
        <translation>
            <numerusform> (Mittel über %n Seed)</numerusform>
            <numerusform> (Mittel über %n Seeds)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="716"/>
        <source> The full-data model learned nothing: train longer (more epochs, or never stop early).</source>
        <translation> Das Modell mit allen Daten hat nichts gelernt: länger trainieren (mehr Epochen oder nie früh abbrechen).</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="722"/>
        <source>No chart to save yet.</source>
        <translation>Noch kein Diagramm zum Speichern.</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="727"/>
        <source>Save Chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="729"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="733"/>
        <source>Cannot write the chart to %1</source>
        <translation>Das Diagramm kann nicht nach %1 geschrieben werden</translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="736"/>
        <source>Chart saved to %1</source>
        <translation>Diagramm gespeichert unter %1</translation>
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
    <name>quarry::ui::AdjudicationDialog</name>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="27"/>
        <source>Whole document</source>
        <translation>Ganzes Dokument</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="28"/>
        <source>Characters %1–%2</source>
        <translation>Zeichen %1–%2</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="29"/>
        <source>%1 · agreed</source>
        <translation>%1 · übereinstimmend</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="30"/>
        <source>%1 · took %2&apos;s</source>
        <translation>%1 · von %2 übernommen</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="31"/>
        <source>%1 · undecided</source>
        <translation>%1 · unentschieden</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="46"/>
        <source>Adjudicate</source>
        <translation>Schlichten</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="62"/>
        <source>Windows to adjudicate</source>
        <translation>Zu schlichtende Ausschnitte</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="83"/>
        <source>Show &amp;agreed windows</source>
        <translation>Überein&amp;stimmende Ausschnitte zeigen</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="86"/>
        <source>Previous (P)</source>
        <translation>Vorheriger (P)</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="87"/>
        <source>Next (N)</source>
        <translation>Nächster (N)</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="88"/>
        <source>Edit in Document (E)</source>
        <translation>Im Dokument bearbeiten (E)</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="89"/>
        <source>Finish Document (Ctrl+Return)</source>
        <translation>Dokument abschließen (Strg+Eingabe)</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="91"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="121"/>
        <source>%1&apos;s role is %2: adjudication is the work of an adjudicator or a manager. On a shared project the server refuses it.</source>
        <translation>Die Rolle von %1 ist %2: Schlichten ist die Aufgabe eines Schlichters oder eines Managers. In einem gemeinsamen Projekt lehnt der Server es ab.</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="152"/>
        <source>Adjudicate %1</source>
        <translation>%1 schlichten</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/team/AdjudicationDialog.cpp" line="156"/>
        <source>%n agreed item(s) merged into the gold layer.</source>
        <translation>
            <numerusform>%n übereinstimmendes Element in die Gold-Ebene übernommen.</numerusform>
            <numerusform>%n übereinstimmende Elemente in die Gold-Ebene übernommen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="168"/>
        <source>%1: %2 annotators (%3); %4 window(s) differ, %5 undecided; %6 agreed, merged into %7&apos;s gold layer.</source>
        <translation>%1: %2 Annotatoren (%3); %4 Ausschnitt(e) weichen ab, %5 unentschieden; %6 übereinstimmend, in die Gold-Ebene von %7 übernommen.</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="177"/>
        <source>Finished by %1.</source>
        <translation>Abgeschlossen von %1.</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="225"/>
        <source>No annotator has annotated this document.</source>
        <translation>Kein Annotator hat dieses Dokument annotiert.</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="226"/>
        <source>Every window agrees: finish the document.</source>
        <translation>Alle Ausschnitte stimmen überein: Dokument abschließen.</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="233"/>
        <source>The document as a whole: its labels, and the questions answered &quot;none&quot;.</source>
        <translation>Das Dokument als Ganzes: seine Kategorien und die mit „keine“ beantworteten Fragen.</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="245"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="251"/>
        <source>%1&apos;s version</source>
        <translation>Version von %1</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="252"/>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="260"/>
        <source>Not in every annotator&apos;s version</source>
        <translation>Nicht in der Version jedes Annotators</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="264"/>
        <source>Take %1&apos;s (%2)</source>
        <translation>Von %1 übernehmen (%2)</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="265"/>
        <source>Take %1&apos;s</source>
        <translation>Von %1 übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="285"/>
        <source>There is no annotator %1 here.</source>
        <translation>Hier gibt es keinen Annotator %1.</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="310"/>
        <source>Took %1&apos;s version of %2.</source>
        <translation>Version von %1 für %2 übernommen.</translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="323"/>
        <source>%1 is adjudicated: training reads %2&apos;s gold layer.</source>
        <translation>%1 ist geschlichtet: Das Training liest die Gold-Ebene von %2.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::AgreementDialog</name>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="75"/>
        <source>Inter-Annotator Agreement — %1</source>
        <translation>Übereinstimmung zwischen Annotatoren — %1</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="95"/>
        <source>Annotators to compare</source>
        <translation>Zu vergleichende Annotatoren</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="96"/>
        <source>The annotators to compare; everyone who annotated is chosen at first.</source>
        <translation>Die zu vergleichenden Annotatoren; zu Beginn sind alle gewählt, die annotiert haben.</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="108"/>
        <source>All documents</source>
        <translation>Alle Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="109"/>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="110"/>
        <source>Dev</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="111"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="112"/>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="117"/>
        <source>Exact</source>
        <translation>Exakt</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="118"/>
        <source>Overlap</source>
        <translation>Überlappung</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="120"/>
        <source>Exact: a span agrees when the other annotator marked the same start, end and type.
Overlap: when the other marked a span of the same type sharing a character.</source>
        <translation>Exakt: Eine Spanne stimmt überein, wenn der andere Annotator denselben Anfang, dasselbe Ende und denselben Typ markiert hat.
Überlappung: wenn der andere eine Spanne desselben Typs markiert hat, die ein Zeichen mit ihr teilt.</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="124"/>
        <source>&amp;Refresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="126"/>
        <source>Measure again, with what the annotators have done since</source>
        <translation>Erneut messen, mit dem, was die Annotatoren seitdem getan haben</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="128"/>
        <source>&amp;Copy as TSV</source>
        <translation>Als TSV &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="130"/>
        <source>Copy the pair table, tab-separated, for a spreadsheet</source>
        <translation>Die Paartabelle tabulatorgetrennt für eine Tabellenkalkulation kopieren</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="139"/>
        <source>Measuring agreement</source>
        <translation>Übereinstimmung wird gemessen</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="143"/>
        <source>&amp;Split:</source>
        <translation>&amp;Aufteilung:</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="144"/>
        <source>Spans &amp;by:</source>
        <translation>Spannen &amp;nach:</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="151"/>
        <source>&amp;Annotators:</source>
        <translation>Annota&amp;toren:</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="170"/>
        <source>Agreement of each pair of annotators</source>
        <translation>Übereinstimmung jedes Annotatorenpaars</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="171"/>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="171"/>
        <location filename="../ui/team/AgreementDialog.cpp" line="234"/>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="171"/>
        <location filename="../ui/team/AgreementDialog.cpp" line="224"/>
        <source>Exact F1</source>
        <translation>Exakt-F1</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="171"/>
        <location filename="../ui/team/AgreementDialog.cpp" line="224"/>
        <source>Overlap F1</source>
        <translation>Überlappungs-F1</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="172"/>
        <location filename="../ui/team/AgreementDialog.cpp" line="224"/>
        <source>Token κ</source>
        <translation>Token-κ</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="172"/>
        <location filename="../ui/team/AgreementDialog.cpp" line="224"/>
        <source>Relation F1</source>
        <translation>Relations-F1</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="172"/>
        <source>QA F1</source>
        <translation>QA-F1</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="172"/>
        <source>Label κ</source>
        <translation>Kategorie-κ</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="175"/>
        <source>Documents both annotated</source>
        <translation>Von beiden annotierte Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="176"/>
        <source>Spans with the same start, end and type: 2·both / (one&apos;s + the other&apos;s)</source>
        <translation>Spannen mit demselben Anfang, Ende und Typ: 2·beide / (die des einen + die des anderen)</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="177"/>
        <source>Spans that share a character with a span of the same type of the other annotator</source>
        <translation>Spannen, die ein Zeichen mit einer Spanne desselben Typs des anderen Annotators teilen</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="178"/>
        <source>Cohen&apos;s κ on each word&apos;s type (or none), corrected for chance</source>
        <translation>Cohens κ auf dem Typ jedes Worts (oder keinem), zufallskorrigiert</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="179"/>
        <source>Relations between spans both marked exactly, same head, tail and type</source>
        <translation>Relationen zwischen Spannen, die beide exakt gleich markiert haben, mit gleichem Kopf, Ziel und Typ</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="180"/>
        <source>SQuAD F1 of the answers to the questions both answered</source>
        <translation>SQuAD-F1 der Antworten auf die Fragen, die beide beantwortet haben</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="181"/>
        <source>Cohen&apos;s κ on the labels of the documents both labelled, when each gave each exactly one</source>
        <translation>Cohens κ auf den Kategorien der Dokumente, die beide kategorisiert haben, wenn jeder jedem Dokument genau eine gegeben hat</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="196"/>
        <source>Pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="213"/>
        <source>Per type</source>
        <translation>Pro Typ</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="222"/>
        <source>Agreement per document of the chosen pair, least first</source>
        <translation>Übereinstimmung pro Dokument für das gewählte Paar, geringste zuerst</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="224"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="289"/>
        <source>Measuring agreement…</source>
        <translation>Übereinstimmung wird gemessen…</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="317"/>
        <source>Agreement could not be measured: %1</source>
        <translation>Die Übereinstimmung konnte nicht gemessen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="322"/>
        <source>Nobody annotated these documents.</source>
        <translation>Niemand hat diese Dokumente annotiert.</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="323"/>
        <source>Only %1 annotated these documents.</source>
        <translation>Nur %1 hat diese Dokumente annotiert.</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="325"/>
        <source>Choose at least two annotators.</source>
        <translation>Wählen Sie mindestens zwei Annotatoren.</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="327"/>
        <source>%1 annotated no document in common.</source>
        <translation>%1 haben kein Dokument gemeinsam annotiert.</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="328"/>
        <source>Agreement needs at least two annotators who annotated the same documents.</source>
        <translation>Für die Übereinstimmung braucht es mindestens zwei Annotatoren, die dieselben Dokumente annotiert haben.</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="339"/>
        <source>all documents</source>
        <translation>alle Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="340"/>
        <source>the %1 documents</source>
        <translation>die Dokumente der Aufteilung %1</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="341"/>
        <source>%1 compared on %2.</source>
        <translation>%1 verglichen über %2.</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="395"/>
        <location filename="../ui/team/AgreementDialog.cpp" line="492"/>
        <source>%1 of %2&apos;s %3 spans, %1 of %4&apos;s %5</source>
        <translation>%1 von %3 Spannen von %2, %1 von %5 von %4</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="398"/>
        <source>%1 of %2&apos;s %3 spans overlap one of %4&apos;s, %5 of %4&apos;s %6 overlap one of %2&apos;s</source>
        <translation>%1 von %3 Spannen von %2 überlappen eine von %4, %5 von %6 von %4 überlappen eine von %2</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="402"/>
        <source>over %1 words</source>
        <translation>über %1 Wörter</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="405"/>
        <source>%1 of %2&apos;s %3 relations, %1 of %4&apos;s %5</source>
        <translation>%1 von %3 Relationen von %2, %1 von %5 von %4</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="409"/>
        <source>%1 relations left out: an argument not marked alike by both</source>
        <translation>%1 Relationen ausgelassen: ein Argument nicht von beiden gleich markiert</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="417"/>
        <source>exact match %1 over %2 questions both answered</source>
        <translation>exakte Übereinstimmung %1 über %2 von beiden beantwortete Fragen</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="421"/>
        <source>over %1 documents both labelled; per category in the heat map</source>
        <translation>über %1 von beiden kategorisierte Dokumente; pro Kategorie in der Heatmap</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="437"/>
        <source>Fleiss&apos; κ: no document was labelled by all %1 annotators.</source>
        <translation>Fleiss&apos; κ: Kein Dokument wurde von allen %1 Annotatoren kategorisiert.</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="439"/>
        <source>Fleiss&apos; κ over %1 annotators (documents all labelled: %2): %3</source>
        <translation>Fleiss&apos; κ über %1 Annotatoren (von allen kategorisierte Dokumente: %2): %3</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="444"/>
        <source>; per category: %1</source>
        <translation>; pro Kategorie: %1</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="481"/>
        <source>%1, least agreement first:</source>
        <translation>%1, geringste Übereinstimmung zuerst:</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="482"/>
        <source>Ordered by overlap span F1 plus relation F1, then token κ</source>
        <translation>Sortiert nach Überlappungs-F1 der Spannen plus Relations-F1, dann Token-κ</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="483"/>
        <source>Ordered by exact span F1 plus relation F1, then token κ</source>
        <translation>Sortiert nach Exakt-F1 der Spannen plus Relations-F1, dann Token-κ</translation>
    </message>
</context>
<context>
    <name>quarry::ui::AgreementHeatMap</name>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="42"/>
        <source>Agreement per type and annotator pair</source>
        <translation>Übereinstimmung pro Typ und Annotatorenpaar</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="131"/>
        <source>overlap F1</source>
        <translation>Überlappungs-F1</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="131"/>
        <source>exact F1</source>
        <translation>Exakt-F1</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="133"/>
        <source>relation F1</source>
        <translation>Relations-F1</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="135"/>
        <source>label κ</source>
        <translation>Kategorie-κ</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="145"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="152"/>
        <source>%1 %2: %3 of %4&apos;s %5 spans overlap one of %6&apos;s, %7 of %6&apos;s %8 overlap one of %4&apos;s</source>
        <translation>%1 %2: %3 von %5 Spannen von %4 überlappen eine von %6, %7 von %8 von %6 überlappen eine von %4</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="156"/>
        <source>%1 %2: %3 of %4&apos;s %5 spans, %3 of %6&apos;s %7</source>
        <translation>%1 %2: %3 von %5 Spannen von %4, %3 von %7 von %6</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="158"/>
        <source>%1 undefined: neither marked a %2 span</source>
        <translation>%1 undefiniert: keiner hat eine %2-Spanne markiert</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="162"/>
        <source>%1 %2: %3 of %4&apos;s %5 relations, %3 of %6&apos;s %7 (between spans both marked)</source>
        <translation>%1 %2: %3 von %5 Relationen von %4, %3 von %7 von %6 (zwischen von beiden markierten Spannen)</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="165"/>
        <source>%1 undefined: neither related two spans both marked by %2</source>
        <translation>%1 undefiniert: keiner hat zwei von beiden markierte Spannen mit %2 verbunden</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="169"/>
        <source>%1 %2 over %3 documents both labelled</source>
        <translation>%1 %2 über %3 von beiden kategorisierte Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="171"/>
        <source>%1 undefined: the same answer on all %2 documents both labelled</source>
        <translation>%1 undefiniert: dieselbe Antwort bei allen %2 von beiden kategorisierten Dokumenten</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="174"/>
        <source>%1 undefined: neither gave a document this label</source>
        <translation>%1 undefiniert: keiner hat einem Dokument diese Kategorie gegeben</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="241"/>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="326"/>
        <source>undefined</source>
        <translation>undefiniert</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="264"/>
        <source>No agreement measured yet</source>
        <translation>Noch keine Übereinstimmung gemessen</translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="265"/>
        <source>Neither annotator marked anything to compare by type</source>
        <translation>Keiner der Annotatoren hat etwas markiert, das sich nach Typ vergleichen ließe</translation>
    </message>
</context>
<context>
    <name>quarry::ui::AnnotationListModel</name>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="38"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="46"/>
        <source>(no answer)</source>
        <translation>(keine Antwort)</translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="197"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="199"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="201"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="203"/>
        <source>Start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="205"/>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="207"/>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="209"/>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="218"/>
        <source>span</source>
        <translation>Spanne</translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="220"/>
        <source>relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="222"/>
        <source>answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="232"/>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="234"/>
        <source>accepted suggestion</source>
        <translation>übernommener Vorschlag</translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="236"/>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
</context>
<context>
    <name>quarry::ui::AnnotationView</name>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="50"/>
        <source>Document annotation view</source>
        <translation>Annotationsansicht des Dokuments</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="51"/>
        <source>Select text and press a type&apos;s hotkey to label it; Tab moves between spans.</source>
        <translation>Text markieren und das Tastenkürzel eines Typs drücken; Tab springt zwischen Spannen.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="572"/>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="576"/>
        <source>No document</source>
        <translation>Kein Dokument</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="768"/>
        <source>This document is read-only.</source>
        <translation>Dieses Dokument ist schreibgeschützt.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="777"/>
        <source>This document has no spans yet.</source>
        <translation>Dieses Dokument hat noch keine Spannen.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="62"/>
        <source>Selection snaps to words.</source>
        <translation>Auswahl rastet an Wörtern ein.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="58"/>
        <source>Snap Selection to &amp;Words</source>
        <translation>Auswahl an &amp;Wörtern ausrichten</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="62"/>
        <source>Selection is character-precise.</source>
        <translation>Auswahl ist zeichengenau.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="64"/>
        <source>Show &amp;Type Names on Spans</source>
        <translation>&amp;Typnamen an Spannen zeigen</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="660"/>
        <source>Suggested relation %1 (confidence %2): A accepts, X rejects</source>
        <translation>Vorgeschlagene Relation %1 (Konfidenz %2): A nimmt an, X lehnt ab</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="665"/>
        <source>Suggested %1 (confidence %2): A accepts, X rejects</source>
        <translation>Vorschlag %1 (Konfidenz %2): A nimmt an, X lehnt ab</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="838"/>
        <source>Nothing to delete: pick a span with Tab or a click first.</source>
        <translation>Nichts zu löschen: zuerst mit Tab oder einem Klick eine Spanne wählen.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="843"/>
        <source>Relation cancelled.</source>
        <translation>Relation abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="878"/>
        <source>No suggestion in this document: Model ▸ Suggest asks the latest model.</source>
        <translation>Kein Vorschlag in diesem Dokument: Modell ▸ Vorschlagen fragt das neueste Modell.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="959"/>
        <source>Select some text first, then press %1 to label it %2.</source>
        <translation>Zuerst Text markieren, dann %1 drücken, um ihn als %2 zu annotieren.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="981"/>
        <source>Pick the head span first (Tab or a click), then press R.</source>
        <translation>Zuerst die Kopfspanne wählen (Tab oder Klick), dann R drücken.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="985"/>
        <source>The schema has no relation types.</source>
        <translation>Das Schema hat keine Relationstypen.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="991"/>
        <source>Relation from %1: pick the tail with Tab or a click, Enter to confirm, Escape to cancel.</source>
        <translation>Relation von %1: Schwanz mit Tab oder Klick wählen, Enter bestätigt, Escape bricht ab.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1008"/>
        <source>Pick a tail span other than the head (Tab or a click), or Escape to cancel.</source>
        <translation>Eine andere Spanne als den Kopf wählen (Tab oder Klick), oder Escape zum Abbrechen.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1020"/>
        <source>No relation type in the schema allows a %1 head with a %2 tail (%3 → %4).</source>
        <translation>Kein Relationstyp im Schema erlaubt einen Kopf %1 mit einem Schwanz %2 (%3 → %4).</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1025"/>
        <source>Relation %1: %2 → %3.</source>
        <translation>Relation %1: %2 → %3.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1031"/>
        <source>Pick the relation type for %1 → %2.</source>
        <translation>Wählen Sie den Relationstyp für %1 → %2.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1033"/>
        <source>Relation type</source>
        <translation>Relationstyp</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1049"/>
        <source>The schema has no QA fields.</source>
        <translation>Das Schema hat keine Frage-Felder.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1053"/>
        <source>Select the answer text first, then press Q.</source>
        <translation>Zuerst den Antworttext markieren, dann Q drücken.</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1058"/>
        <source>Answer field</source>
        <translation>Antwortfeld</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1061"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>quarry::ui::AnnotationsPanel</name>
    <message>
        <location filename="../ui/AnnotationsPanel.cpp" line="43"/>
        <source>Click or arrows: show in the text · Enter: go to the text · Delete: remove (Ctrl+Z undoes)</source>
        <translation>Klick oder Pfeiltasten: im Text zeigen · Eingabe: zum Text · Entf: entfernen (Strg+Z macht es rückgängig)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AnnotationsPanel.cpp" line="91"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n Spanne</numerusform>
            <numerusform>%n Spannen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AnnotationsPanel.cpp" line="92"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n Relation</numerusform>
            <numerusform>%n Relationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AnnotationsPanel.cpp" line="93"/>
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n Antwort</numerusform>
            <numerusform>%n Antworten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/AnnotationsPanel.cpp" line="126"/>
        <source>This window is read-only: nothing can be removed.</source>
        <translation>Dieses Fenster ist schreibgeschützt: Es kann nichts entfernt werden.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::AnnotatorDialog</name>
    <message>
        <location filename="../ui/AnnotatorDialog.cpp" line="23"/>
        <source>Who Is Annotating?</source>
        <translation>Wer annotiert?</translation>
    </message>
    <message>
        <location filename="../ui/AnnotatorDialog.cpp" line="24"/>
        <source>Every annotation you make records this name, so reviewers and the agreement figures can tell annotators apart.</source>
        <translation>Jede Annotation, die Sie anlegen, trägt diesen Namen, damit Prüfer und die Übereinstimmungswerte die Annotatoren unterscheiden können.</translation>
    </message>
    <message>
        <location filename="../ui/AnnotatorDialog.cpp" line="31"/>
        <source>Use this name only in %1</source>
        <translation>Diesen Namen nur in %1 verwenden</translation>
    </message>
    <message>
        <location filename="../ui/AnnotatorDialog.cpp" line="38"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
</context>
<context>
    <name>quarry::ui::CategoryPanel</name>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="62"/>
        <source>%1   [Alt+%2]</source>
        <translation>%1   [Alt+%2]</translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="80"/>
        <source>Toggle Category %1</source>
        <translation>Kategorie %1 umschalten</translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="80"/>
        <source>Set Category %1</source>
        <translation>Kategorie %1 setzen</translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="92"/>
        <source>No category   [Alt+0]</source>
        <translation>Keine Kategorie   [Alt+0]</translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="98"/>
        <source>Clear the Category</source>
        <translation>Kategorie entfernen</translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="115"/>
        <source>The document already has the category %1 (Alt+0: no category).</source>
        <translation>Das Dokument hat schon die Kategorie %1 (Alt+0: keine Kategorie).</translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="124"/>
        <source>The document has no category.</source>
        <translation>Das Dokument hat keine Kategorie.</translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="187"/>
        <source>Suggested: %1 (%2)</source>
        <translation>Vorgeschlagen: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="189"/>
        <source>The model suggests the category %1 with confidence %2</source>
        <translation>Das Modell schlägt die Kategorie %1 mit Konfidenz %2 vor</translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="201"/>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="202"/>
        <source>Reject</source>
        <translation>Ablehnen</translation>
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
    <name>quarry::ui::ClearAnswerCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="118"/>
        <source>Clear answer %1</source>
        <translation>Antwort %1 entfernen</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="130"/>
        <source>The answer to %1 was not recorded before it was cleared.</source>
        <translation>Die Antwort auf %1 war nicht gespeichert, bevor sie entfernt wurde.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::ConfusionHeatMap</name>
    <message>
        <location filename="../ui/training/ConfusionHeatMap.cpp" line="33"/>
        <source>gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <location filename="../ui/training/ConfusionHeatMap.cpp" line="83"/>
        <source>No analysis yet</source>
        <translation>Noch keine Analyse</translation>
    </message>
    <message>
        <location filename="../ui/training/ConfusionHeatMap.cpp" line="89"/>
        <source>predicted →</source>
        <translation>vorhergesagt →</translation>
    </message>
    <message>
        <location filename="../ui/training/ConfusionHeatMap.cpp" line="90"/>
        <source>gold ↓</source>
        <translation>Gold ↓</translation>
    </message>
    <message>
        <location filename="../ui/training/ConfusionHeatMap.cpp" line="156"/>
        <source>gold %1, predicted %2: %3</source>
        <translation>Gold %1, vorhergesagt %2: %3</translation>
    </message>
</context>
<context>
    <name>quarry::ui::DocumentFindBar</name>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="25"/>
        <source>Find in this document</source>
        <translation>In diesem Dokument suchen</translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="31"/>
        <source>F&amp;ind:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentFindBar.cpp" line="36"/>
        <location filename="../ui/DocumentFindBar.cpp" line="148"/>
        <source>%1 of %n match(es)</source>
        <translation>
            <numerusform>%1 von %n Treffer</numerusform>
            <numerusform>%1 von %n Treffern</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="39"/>
        <source>Previous match (Shift+Return, Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe, Umschalt+F3)</translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="42"/>
        <source>Next match (Return, F3)</source>
        <translation>Nächster Treffer (Eingabe, F3)</translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="43"/>
        <source>Match &amp;case</source>
        <translation>&amp;Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="44"/>
        <source>Whole w&amp;ords</source>
        <translation>Ganze W&amp;örter</translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="48"/>
        <source>Label &amp;All as</source>
        <translation>Alle anno&amp;tieren als</translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="50"/>
        <source>Label every match with the type beside it (one step to undo)</source>
        <translation>Jeden Treffer mit dem Typ daneben annotieren (in einem Schritt rückgängig zu machen)</translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="53"/>
        <source>Close the find bar (Escape)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="146"/>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="170"/>
        <source>Label All Matches</source>
        <translation>Alle Treffer annotieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentFindBar.cpp" line="171"/>
        <source>Label %n match(es) of “%1” as %2? One undo (Ctrl+Z) removes them all.</source>
        <translation>
            <numerusform>%n Treffer von „%1“ als %2 annotieren? Ein Rückgängig (Strg+Z) entfernt ihn wieder.</numerusform>
            <numerusform>%n Treffer von „%1“ als %2 annotieren? Ein Rückgängig (Strg+Z) entfernt sie alle.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quarry::ui::DocumentListModel</name>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="63"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="64"/>
        <source>dev</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="65"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="68"/>
        <source>unassigned</source>
        <translation>nicht zugeordnet</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="73"/>
        <source>in progress</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="74"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="75"/>
        <source>reviewed</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="78"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="83"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n Spanne</numerusform>
            <numerusform>%n Spannen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="84"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n Relation</numerusform>
            <numerusform>%n Relationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="85"/>
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n Antwort</numerusform>
            <numerusform>%n Antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="86"/>
        <source>%n category(s)</source>
        <translation>
            <numerusform>%n Kategorie</numerusform>
            <numerusform>%n Kategorien</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="105"/>
        <source>%1 spans, %2 relations, %3 answers, %4 categories</source>
        <translation>%1 Spannen, %2 Relationen, %3 Antworten, %4 Kategorien</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="113"/>
        <source>%1: done %2</source>
        <translation>%1: fertig %2</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="114"/>
        <source>%1: not done yet</source>
        <translation>%1: noch nicht fertig</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="136"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="137"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="138"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="139"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="140"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
</context>
<context>
    <name>quarry::ui::DocumentListPanel</name>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="36"/>
        <source>All splits</source>
        <translation>Alle Aufteilungen</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="40"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="46"/>
        <source>Search names and text</source>
        <translation>Namen und Text durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="63"/>
        <source>&amp;Split:</source>
        <translation>&amp;Aufteilung:</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="64"/>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="65"/>
        <source>&amp;Annotator:</source>
        <translation>A&amp;nnotator:</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="66"/>
        <source>&amp;Has:</source>
        <translation>&amp;Enthält:</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="67"/>
        <source>Fin&amp;d:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="91"/>
        <source>Move to &amp;Split</source>
        <translation>In &amp;Aufteilung verschieben</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="118"/>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="121"/>
        <source>Any annotation</source>
        <translation>Beliebige Annotation</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="123"/>
        <source>span %1</source>
        <translation>Spanne %1</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="125"/>
        <source>relation %1</source>
        <translation>Relation %1</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="127"/>
        <source>answer %1</source>
        <translation>Antwort %1</translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="129"/>
        <source>category %1</source>
        <translation>Kategorie %1</translation>
    </message>
</context>
<context>
    <name>quarry::ui::DocumentSession</name>
    <message>
        <location filename="../ui/DocumentSession.cpp" line="111"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentSession.cpp" line="197"/>
        <source>Label %n match(es) as %1</source>
        <translation>
            <numerusform>%n Treffer als %1 annotieren</numerusform>
            <numerusform>%n Treffer als %1 annotieren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DocumentSession.cpp" line="332"/>
        <source>Not on word boundaries: at training time the model learns the nearest whole words instead.</source>
        <translation>Nicht an Wortgrenzen: Beim Training lernt das Modell stattdessen die nächsten ganzen Wörter.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::DocumentTextPreview</name>
    <message>
        <location filename="../ui/DocumentTextPreview.cpp" line="17"/>
        <source>Pick a document above to see its text as it will be stored.</source>
        <translation>Wählen Sie oben ein Dokument, um seinen Text so zu sehen, wie er gespeichert wird.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentTextPreview.cpp" line="54"/>
        <source>… %n more character(s) not shown</source>
        <translation>
            <numerusform>… %n weiteres Zeichen nicht angezeigt</numerusform>
            <numerusform>… %n weitere Zeichen nicht angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quarry::ui::ErrorAnalysisPanel</name>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="103"/>
        <source>&amp;Analyse</source>
        <translation>&amp;Analysieren</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="105"/>
        <source>Predict the run&apos;s dev documents with its best model and list where it errs</source>
        <translation>Die dev-Dokumente des Laufs mit seinem besten Modell vorhersagen und auflisten, wo es irrt</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="106"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="111"/>
        <source>Export &amp;HTML…</source>
        <translation>&amp;HTML-Export…</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="113"/>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV-Export…</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="116"/>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="118"/>
        <source>Compare with:</source>
        <translation>Vergleichen mit:</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="126"/>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="366"/>
        <source>Choose a training run and press Analyse.</source>
        <translation>Wählen Sie einen Trainingslauf und drücken Sie „Analysieren“.</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="135"/>
        <source>Click a cell to list its errors</source>
        <translation>Zelle anklicken, um ihre Fehler aufzulisten</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="152"/>
        <source>Show All Cells</source>
        <translation>Alle Zellen zeigen</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="155"/>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="157"/>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="159"/>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="167"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="167"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="167"/>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="180"/>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="401"/>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="167"/>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="180"/>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="401"/>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="167"/>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="167"/>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="200"/>
        <source>&amp;Errors</source>
        <translation>&amp;Fehler</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="201"/>
        <source>Per &amp;Type</source>
        <translation>Pro &amp;Typ</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="207"/>
        <source>Confusion &amp;Matrix</source>
        <translation>Konfusions&amp;matrix</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="208"/>
        <source>&amp;Kinds</source>
        <translation>&amp;Arten</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="263"/>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="269"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="302"/>
        <source>%v of %m documents</source>
        <translation>%v von %m Dokumenten</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="305"/>
        <source>Predicting the dev documents of run %1…</source>
        <translation>Die dev-Dokumente von Lauf %1 werden vorhergesagt…</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="319"/>
        <source>Analysis cancelled.</source>
        <translation>Analyse abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="320"/>
        <source>Cannot analyse run %1: %2</source>
        <translation>Lauf %1 kann nicht analysiert werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="372"/>
        <source>Run %1 (%2) on %3: %4 documents; micro P %5, R %6, F1 %7; %8 errors.</source>
        <translation>Lauf %1 (%2) auf %3: %4 Dokumente; Mikro-P %5, R %6, F1 %7; %8 Fehler.</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="379"/>
        <source> Against run %1 (F1 %2): %3 fixed, %4 broken, %5 in both.</source>
        <translation> Gegenüber Lauf %1 (F1 %2): %3 behoben, %4 neu falsch, %5 in beiden.</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="400"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="400"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="400"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="401"/>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="401"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="401"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="401"/>
        <source>Correct</source>
        <translation>Richtig</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="402"/>
        <source>F1 of run %1</source>
        <translation>F1 von Lauf %1</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="402"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="463"/>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="464"/>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="468"/>
        <source>Errors by kind</source>
        <translation>Fehler nach Art</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="488"/>
        <source>Every error of run %1</source>
        <translation>Alle Fehler von Lauf %1</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="490"/>
        <source>Fixed since run %1 (%2)</source>
        <translation>Behoben seit Lauf %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="492"/>
        <source>Broken since run %1 (%2)</source>
        <translation>Neu falsch seit Lauf %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="497"/>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="502"/>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="519"/>
        <source>gold %1, predicted %2</source>
        <translation>Gold %1, vorhergesagt %2</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="602"/>
        <source>&lt;p&gt;&lt;b&gt;none&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;keine&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="635"/>
        <source>Errors of run %1 (%2)</source>
        <translation>Fehler von Lauf %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="641"/>
        <source>Export the Error Report</source>
        <translation>Fehlerbericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="643"/>
        <source>HTML pages (*.html)</source>
        <translation>HTML-Seiten (*.html)</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="650"/>
        <source>Cannot Export the Report</source>
        <translation>Bericht kann nicht exportiert werden</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="653"/>
        <source>Error report written to %1</source>
        <translation>Fehlerbericht nach %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="660"/>
        <source>Export the Errors</source>
        <translation>Fehler exportieren</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="662"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="667"/>
        <source>Cannot Export the Errors</source>
        <translation>Fehler können nicht exportiert werden</translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="670"/>
        <source>Errors written to %1, the per-type table to %2</source>
        <translation>Fehler nach %1 geschrieben, die Tabelle pro Typ nach %2</translation>
    </message>
</context>
<context>
    <name>quarry::ui::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="38"/>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="44"/>
        <source>archive — the whole project as a Quarry project archive (.zip)</source>
        <translation>archive — das ganze Projekt als Quarry-Projektarchiv (.zip)</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="46"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="51"/>
        <source>All documents</source>
        <translation>Alle Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="52"/>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="53"/>
        <source>Dev</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="54"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="55"/>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="57"/>
        <source>As imported (else IOB2)</source>
        <translation>Wie importiert (sonst IOB2)</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="61"/>
        <source>Indent the JSON</source>
        <translation>JSON einrücken</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="64"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="65"/>
        <source>&amp;Write to:</source>
        <translation>&amp;Schreiben nach:</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="66"/>
        <source>&amp;Documents:</source>
        <translation>Dok&amp;umente:</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="67"/>
        <source>&amp;Tag scheme:</source>
        <translation>&amp;Tag-Schema:</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="70"/>
        <source>Choose a format and where to write it, then press Export.</source>
        <translation>Wählen Sie ein Format und das Ziel, dann drücken Sie Exportieren.</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="79"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="139"/>
        <source>Folder to export into</source>
        <translation>Ordner für den Export</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="142"/>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="143"/>
        <source>%1 files (*.%2);;All files (*)</source>
        <translation>%1-Dateien (*.%2);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="152"/>
        <source>Say where to write the export.</source>
        <translation>Geben Sie an, wohin der Export geschrieben wird.</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="157"/>
        <source>Replace File?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="158"/>
        <source>%1 exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="168"/>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="186"/>
        <source>Export cancelled: nothing was written.</source>
        <translation>Export abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="193"/>
        <source>Nothing was exported: %1</source>
        <translation>Nichts wurde exportiert: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ExportDialog.cpp" line="201"/>
        <source>Wrote the project archive %1 (%n document(s)).</source>
        <translation>
            <numerusform>Projektarchiv %1 geschrieben (%n Dokument).</numerusform>
            <numerusform>Projektarchiv %1 geschrieben (%n Dokumente).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ExportDialog.cpp" line="203"/>
        <source>Exported %n document(s) as %1 to %2.</source>
        <translation>
            <numerusform>%n Dokument als %1 nach %2 exportiert.</numerusform>
            <numerusform>%n Dokumente als %1 nach %2 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="211"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>quarry::ui::GoToDialog</name>
    <message>
        <location filename="../ui/GoToDialog.cpp" line="25"/>
        <source>Go To</source>
        <translation>Gehe zu</translation>
    </message>
    <message>
        <location filename="../ui/GoToDialog.cpp" line="30"/>
        <source>&amp;Offset (0 to %1):</source>
        <translation>&amp;Position (0 bis %1):</translation>
    </message>
    <message>
        <location filename="../ui/GoToDialog.cpp" line="31"/>
        <source>&amp;Paragraph (1 to %1):</source>
        <translation>&amp;Absatz (1 bis %1):</translation>
    </message>
</context>
<context>
    <name>quarry::ui::GuidelineEditor</name>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="33"/>
        <source>What this type is, in a paragraph (Markdown)</source>
        <translation>Was dieser Typ ist, in einem Absatz (Markdown)</translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="34"/>
        <source>Text that is this type, one example per line</source>
        <translation>Text, der zu diesem Typ gehört, ein Beispiel pro Zeile</translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="35"/>
        <source>Text that looks like it but is not, one per line</source>
        <translation>Text, der ähnlich aussieht, aber nicht dazugehört, einer pro Zeile</translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="36"/>
        <source>Rulings on the hard cases, one per line</source>
        <translation>Entscheidungen zu schwierigen Fällen, eine pro Zeile</translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="48"/>
        <source>&amp;Definition:</source>
        <translation>&amp;Definition:</translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="49"/>
        <source>&amp;Positive examples:</source>
        <translation>&amp;Positivbeispiele:</translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="50"/>
        <source>&amp;Negative examples:</source>
        <translation>&amp;Negativbeispiele:</translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="51"/>
        <source>&amp;Edge cases:</source>
        <translation>&amp;Grenzfälle:</translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="53"/>
        <source>Preview:</source>
        <translation>Vorschau:</translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="84"/>
        <source>Positive examples</source>
        <translation>Positivbeispiele</translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="85"/>
        <source>Negative examples</source>
        <translation>Negativbeispiele</translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="86"/>
        <source>Edge cases</source>
        <translation>Grenzfälle</translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="87"/>
        <source>No guideline yet.</source>
        <translation>Noch keine Richtlinie.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::ImportDialog</name>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="36"/>
        <source>Entity type</source>
        <translation>Entitätstyp</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="37"/>
        <source>Relation type</source>
        <translation>Relationstyp</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="38"/>
        <source>QA field</source>
        <translation>QA-Feld</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="39"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="46"/>
        <source>Import into %1</source>
        <translation>Import in %1</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="49"/>
        <source>Choose what to import, then press Preview.</source>
        <translation>Wählen Sie aus, was importiert werden soll, und drücken Sie dann „Vorschau“.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54"/>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54"/>
        <source>Relations</source>
        <translation>Relationen</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54"/>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54"/>
        <source>Labels</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="56"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="56"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="56"/>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="56"/>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="58"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="58"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="58"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="64"/>
        <source>&amp;Documents</source>
        <translation>&amp;Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="65"/>
        <source>&amp;Types</source>
        <translation>&amp;Typen</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="66"/>
        <source>&amp;Problems</source>
        <translation>&amp;Probleme</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="69"/>
        <source>Pre&amp;view</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="70"/>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="94"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="96"/>
        <source>Files (separated by ;) or a folder</source>
        <translation>Dateien (durch ; getrennt) oder ein Ordner</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="97"/>
        <source>&amp;Files…</source>
        <translation>Da&amp;teien…</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="98"/>
        <source>F&amp;older…</source>
        <translation>&amp;Ordner…</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="105"/>
        <source>Detect from the files</source>
        <translation>Aus den Dateien erkennen</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="109"/>
        <source>archive — a Quarry project archive (.zip)</source>
        <translation>archive — ein Quarry-Projektarchiv (.zip)</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="116"/>
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="121"/>
        <source>As in the input</source>
        <translation>Wie in der Eingabe</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="122"/>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="123"/>
        <source>Dev</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="124"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="125"/>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="133"/>
        <source>text column</source>
        <translation>Textspalte</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="135"/>
        <source>label column</source>
        <translation>Kategorienspalte</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="137"/>
        <source>separator</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="141"/>
        <source>-DOCSTART- blocks if the file has them, else one per sentence</source>
        <translation>-DOCSTART--Blöcke, wenn die Datei welche hat, sonst eines je Satz</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="142"/>
        <source>One document per sentence</source>
        <translation>Ein Dokument je Satz</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="143"/>
        <source>One document per -DOCSTART- block</source>
        <translation>Ein Dokument je -DOCSTART--Block</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="144"/>
        <source>Sentences up to two or more blank lines</source>
        <translation>Sätze bis zu zwei oder mehr Leerzeilen</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="145"/>
        <source>Sentences with the same id in a column</source>
        <translation>Sätze mit derselben ID in einer Spalte</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="149"/>
        <source>column </source>
        <translation>Spalte </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="153"/>
        <source>Add types missing from the schema (otherwise they are problems)</source>
        <translation>Typen, die im Schema fehlen, hinzufügen (sonst gelten sie als Probleme)</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="156"/>
        <source>&amp;Reject: stop at the first problem, import nothing</source>
        <translation>&amp;Ablehnen: beim ersten Problem abbrechen, nichts importieren</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="157"/>
        <source>R&amp;epair: fix or drop what is wrong and list every change</source>
        <translation>&amp;Reparieren: Fehlerhaftes korrigieren oder verwerfen und jede Änderung auflisten</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="168"/>
        <source>&amp;Input:</source>
        <translation>&amp;Eingabe:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="170"/>
        <source>Fo&amp;rmat:</source>
        <translation>Fo&amp;rmat:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="174"/>
        <source>&amp;Tag scheme:</source>
        <translation>&amp;Tag-Schema:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="175"/>
        <source>Doc&amp;uments:</source>
        <translation>Dok&amp;umente:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="176"/>
        <source>&amp;Split:</source>
        <translation>A&amp;ufteilung:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="177"/>
        <source>CSV/TSV:</source>
        <translation>CSV/TSV:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="179"/>
        <source>Problems:</source>
        <translation>Probleme:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="251"/>
        <source>Files to import</source>
        <translation>Zu importierende Dateien</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="252"/>
        <source>Annotated text (*.jsonl *.ndjson *.conll *.iob *.bio *.tsv *.csv *.tab *.pubtator *.json *.ann *.txt *.zip);;All files (*)</source>
        <translation>Annotierter Text (*.jsonl *.ndjson *.conll *.iob *.bio *.tsv *.csv *.tab *.pubtator *.json *.ann *.txt *.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="258"/>
        <source>Folder to import</source>
        <translation>Zu importierender Ordner</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="274"/>
        <source>detected: %1</source>
        <translation>erkannt: %1</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="274"/>
        <source>not recognised</source>
        <translation>nicht erkannt</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="284"/>
        <source>Press Preview to read the input; nothing is written before Import.</source>
        <translation>Drücken Sie „Vorschau“, um die Eingabe zu lesen; vor dem Import wird nichts geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="293"/>
        <source>Reading…</source>
        <translation>Lese…</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="298"/>
        <source>Preview cancelled.</source>
        <translation>Vorschau abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="318"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="327"/>
        <source>in schema</source>
        <translation>im Schema</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="333"/>
        <source>new: will be added</source>
        <translation>neu: wird hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="353"/>
        <source>&amp;Problems (%1)</source>
        <translation>&amp;Probleme (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="365"/>
        <source>%n document(s) with %1 entities read as %2; %3 types new to the schema.</source>
        <translation>
            <numerusform>%n Dokument mit %1 Entitäten als %2 gelesen; %3 Typen sind neu im Schema.</numerusform>
            <numerusform>%n Dokumente mit %1 Entitäten als %2 gelesen; %3 Typen sind neu im Schema.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="372"/>
        <source>%n note(s) or repair(s): see Problems.</source>
        <translation>
            <numerusform>%n Hinweis oder Reparatur: siehe Probleme.</numerusform>
            <numerusform>%n Hinweise oder Reparaturen: siehe Probleme.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="376"/>
        <source>Nothing can be imported yet: %n problem(s) stop it (in red under Problems). Fix the input, or choose Repair to fix or drop what can be fixed.</source>
        <translation>
            <numerusform>Noch kann nichts importiert werden: %n Problem verhindert es (rot unter Probleme). Korrigieren Sie die Eingabe oder wählen Sie „Reparieren“, um Behebbares zu korrigieren oder zu verwerfen.</numerusform>
            <numerusform>Noch kann nichts importiert werden: %n Probleme verhindern es (rot unter Probleme). Korrigieren Sie die Eingabe oder wählen Sie „Reparieren“, um Behebbares zu korrigieren oder zu verwerfen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="396"/>
        <source>Importing %n document(s)…</source>
        <translation>
            <numerusform>Importiere %n Dokument…</numerusform>
            <numerusform>Importiere %n Dokumente…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="408"/>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="420"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="448"/>
        <source>Imported %n document(s)</source>
        <translation>
            <numerusform>%n Dokument importiert</numerusform>
            <numerusform>%n Dokumente importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="449"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n Spanne</numerusform>
            <numerusform>%n Spannen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="450"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n Relation</numerusform>
            <numerusform>%n Relationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="451"/>
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n Antwort</numerusform>
            <numerusform>%n Antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="452"/>
        <source>%n category label(s)</source>
        <translation>
            <numerusform>%n Kategorie</numerusform>
            <numerusform>%n Kategorien</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="476"/>
        <source>The tokens are joined by single spaces (“APC2 , a”): this is the text the project stores and every export writes.</source>
        <translation>Die Tokens werden durch einzelne Leerzeichen verbunden („APC2 , a“): Diesen Text speichert das Projekt, und so schreibt ihn jeder Export.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="478"/>
        <source>The text as the project stores it and every export writes it.</source>
        <translation>Der Text, wie das Projekt ihn speichert und jeder Export ihn schreibt.</translation>
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
        <location filename="../ui/ItemDetailsPanel.cpp" line="49"/>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="49"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="57"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="52"/>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="53"/>
        <source>accepted suggestion</source>
        <translation>angenommener Vorschlag</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="54"/>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="56"/>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="57"/>
        <source>Guideline version</source>
        <translation>Richtlinienversion</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="59"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="61"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="70"/>
        <source>Span %1</source>
        <translation>Spanne %1</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="71"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="89"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="77"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="105"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="107"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="78"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="108"/>
        <source>Offsets</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="88"/>
        <source>Relation %1</source>
        <translation>Relation %1</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="90"/>
        <source>Head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="92"/>
        <source>Tail</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="102"/>
        <source>Answer to %1</source>
        <translation>Antwort auf %1</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="103"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="105"/>
        <source>the text does not answer this</source>
        <translation>der Text beantwortet dies nicht</translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="118"/>
        <source>Guideline</source>
        <translation>Richtlinie</translation>
    </message>
</context>
<context>
    <name>quarry::ui::KeyboardSheet</name>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="67"/>
        <source>Anywhere in the window</source>
        <translation>Überall im Fenster</translation>
    </message>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="82"/>
        <source>Document view</source>
        <translation>Dokumentansicht</translation>
    </message>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="90"/>
        <source>Labels (with a selection: label it; on the current span: change its type)</source>
        <translation>Labels (mit Auswahl: annotieren; auf der aktuellen Spanne: Typ ändern)</translation>
    </message>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="99"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="102"/>
        <source>Type to filter</source>
        <translation>Zum Filtern tippen</translation>
    </message>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="104"/>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="109"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="109"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>quarry::ui::LabelPalette</name>
    <message>
        <location filename="../ui/LabelPalette.cpp" line="41"/>
        <source>%1   [%2]</source>
        <translation>%1   [%2]</translation>
    </message>
    <message>
        <location filename="../ui/LabelPalette.cpp" line="55"/>
        <source>%1 (relation: R)</source>
        <translation>%1 (Relation: R)</translation>
    </message>
    <message>
        <location filename="../ui/LabelPalette.cpp" line="58"/>
        <source>%1 (question: Q)</source>
        <translation>%1 (Frage: Q)</translation>
    </message>
</context>
<context>
    <name>quarry::ui::LearningCurveChart</name>
    <message>
        <location filename="../ui/training/LearningCurveChart.cpp" line="44"/>
        <source>documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/training/LearningCurveChart.cpp" line="44"/>
        <source>sentences</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <location filename="../ui/training/LearningCurveChart.cpp" line="57"/>
        <source>labelled, % of the pool&apos;s %1</source>
        <translation>annotiert, % der %1 des Pools</translation>
    </message>
    <message>
        <location filename="../ui/training/LearningCurveChart.cpp" line="61"/>
        <source>dev score (%1)</source>
        <translation>Validierungswert (%1)</translation>
    </message>
    <message>
        <location filename="../ui/training/LearningCurveChart.cpp" line="90"/>
        <source>%1 (min to max over the seeds)</source>
        <translation>%1 (Minimum bis Maximum über die Startwerte)</translation>
    </message>
    <message>
        <location filename="../ui/training/LearningCurveChart.cpp" line="110"/>
        <source>%1% of full data (%2)</source>
        <translation>%1 % aller Daten (%2)</translation>
    </message>
</context>
<context>
    <name>quarry::ui::LockConflictDialog</name>
    <message>
        <location filename="../ui/LockConflictDialog.cpp" line="22"/>
        <source>Project Already Open</source>
        <translation>Projekt bereits geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/LockConflictDialog.cpp" line="24"/>
        <source>%1 is open for editing elsewhere.</source>
        <translation>%1 ist anderswo zum Bearbeiten geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/LockConflictDialog.cpp" line="25"/>
        <source>%1 is open for editing elsewhere (%2).</source>
        <translation>%1 ist anderswo zum Bearbeiten geöffnet (%2).</translation>
    </message>
    <message>
        <location filename="../ui/LockConflictDialog.cpp" line="27"/>
        <source>Two windows editing one project would overwrite each other&apos;s work. Open it read-only to look and review, or cancel and close the other window first.</source>
        <translation>Zwei Fenster, die ein Projekt bearbeiten, würden gegenseitig ihre Arbeit überschreiben. Öffnen Sie es schreibgeschützt, um es anzusehen und zu prüfen, oder brechen Sie ab und schließen Sie zuerst das andere Fenster.</translation>
    </message>
    <message>
        <location filename="../ui/LockConflictDialog.cpp" line="29"/>
        <source>Open &amp;Read-Only</source>
        <translation>&amp;Schreibgeschützt öffnen</translation>
    </message>
</context>
<context>
    <name>quarry::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="174"/>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="175"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="176"/>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="177"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="178"/>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="180"/>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="181"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="182"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="183"/>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="184"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="185"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="186"/>
        <source>Data Quality</source>
        <translation>Datenqualität</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="225"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="229"/>
        <source>Go to the &amp;Annotations List</source>
        <translation>Zur &amp;Annotationsliste</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="235"/>
        <source>Go to the &amp;Questions</source>
        <translation>Zu den &amp;Fragen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="245"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="246"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="248"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="250"/>
        <source>Open &amp;Shared Project…</source>
        <translation>&amp;Gemeinsames Projekt öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="256"/>
        <source>&amp;Close Project</source>
        <translation>Projekt s&amp;chließen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="259"/>
        <source>&amp;Import Documents…</source>
        <translation>Dokumente &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="261"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="264"/>
        <source>Annotator &amp;Name…</source>
        <translation>Annotator&amp;name…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="266"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="269"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="270"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="272"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="277"/>
        <source>&amp;Document</source>
        <translation>&amp;Dokument</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="278"/>
        <source>&amp;Next Document  (N)</source>
        <translation>&amp;Nächstes Dokument  (N)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="280"/>
        <source>&amp;Previous Document  (P)</source>
        <translation>&amp;Vorheriges Dokument  (P)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="282"/>
        <source>Mark &amp;Done and Next</source>
        <translation>Als &amp;fertig markieren und weiter</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="285"/>
        <source>Move to &amp;Split</source>
        <translation>In &amp;Aufteilung verschieben</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="292"/>
        <source>&amp;Find Documents</source>
        <translation>Dokumente &amp;suchen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="297"/>
        <source>&amp;Annotate</source>
        <translation>&amp;Annotieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="300"/>
        <source>F&amp;ind in Document…</source>
        <translation>Im Dokument &amp;suchen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="302"/>
        <source>Find Ne&amp;xt Match</source>
        <translation>&amp;Nächster Treffer</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="306"/>
        <source>Find Previous &amp;Match</source>
        <translation>&amp;Vorheriger Treffer</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="310"/>
        <source>&amp;Go to Offset or Paragraph…</source>
        <translation>&amp;Gehe zu Position oder Absatz…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="314"/>
        <source>&amp;Refresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="317"/>
        <source>Read-&amp;Only Mode</source>
        <translation>&amp;Schreibgeschützter Modus</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="333"/>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="342"/>
        <source>&amp;Next by Active Learning</source>
        <translation>&amp;Nächstes per aktivem Lernen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="346"/>
        <source>Simulate Active &amp;Learning…</source>
        <translation>Aktives &amp;Lernen simulieren…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="348"/>
        <source>Analyse &amp;Errors of the Latest Model</source>
        <translation>&amp;Fehler des neuesten Modells analysieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="352"/>
        <source>No trained model to analyse yet: train one first (Model ▸ Train).</source>
        <translation>Noch kein trainiertes Modell zum Analysieren: Trainieren Sie zuerst eines (Modell ▸ Modell trainieren).</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="431"/>
        <source>The document could not be opened.</source>
        <translation>Das Dokument konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityFixes.cpp" line="15"/>
        <source>&quot;%1&quot; is not an entity type of the schema.</source>
        <translation>„%1“ ist kein Entitätstyp des Schemas.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityFixes.cpp" line="17"/>
        <source>The span could not be labelled.</source>
        <translation>Die Spanne konnte nicht annotiert werden.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityFixes.cpp" line="25"/>
        <source>The %1 annotation is no longer there: the document changed since the check.</source>
        <translation>Die Annotation %1 ist nicht mehr vorhanden: Das Dokument hat sich seit der Prüfung geändert.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="454"/>
        <source>Edits are now recorded as %1.</source>
        <translation>Änderungen werden jetzt als %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="771"/>
        <source>this document:</source>
        <translation>dieses Dokument:</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="772"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n Spanne</numerusform>
            <numerusform>%n Spannen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="773"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n Relation</numerusform>
            <numerusform>%n Relationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="774"/>
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n Antwort</numerusform>
            <numerusform>%n Antworten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="783"/>
        <source>%1 — annotator: %2</source>
        <translation>%1 — Annotator: %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="787"/>
        <source>%1 (review mode)</source>
        <translation>%1 (Prüfmodus)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="819"/>
        <source>Review mode</source>
        <translation>Prüfmodus</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="834"/>
        <source>Review mode: decisions are recorded as %1; everything else is read-only.</source>
        <translation>Prüfmodus: Entscheidungen werden als %1 gespeichert; alles andere ist schreibgeschützt.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="866"/>
        <source>Review mode: only the model&apos;s suggestions can be decided (A accepts, X rejects; Model &gt; Review Mode ends it).</source>
        <translation>Prüfmodus: Nur über die Vorschläge des Modells kann entschieden werden (A nimmt an, X lehnt ab; Modell &gt; Prüfmodus beendet ihn).</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="891"/>
        <source>%1 marked done and moved from the pool to the train split: the next model trains on it.</source>
        <translation>%1 als fertig markiert und aus dem Pool in die Aufteilung „train“ verschoben: Das nächste Modell trainiert damit.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="909"/>
        <source>Moved to the %1 split.</source>
        <translation>In die Aufteilung %1 verschoben.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="945"/>
        <source>%n span(s) labelled %1; Ctrl+Z removes them all.</source>
        <translation>
            <numerusform>%n Spanne als %1 annotiert; Strg+Z entfernt sie wieder.</numerusform>
            <numerusform>%n Spannen als %1 annotiert; Strg+Z entfernt sie alle.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="966"/>
        <source>Next by active learning (score %1): %2</source>
        <translation>Nächstes per aktivem Lernen (Score %1): %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="328"/>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="330"/>
        <source>Edit &amp;Schema and Guidelines…</source>
        <translation>&amp;Schema und Richtlinien bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="370"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="371"/>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>&amp;Tastenkürzel…</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityFixes.cpp" line="47"/>
        <source>The related mentions are no longer there: the document changed since the check.</source>
        <translation>Die verbundenen Erwähnungen sind nicht mehr vorhanden: Das Dokument hat sich seit der Prüfung geändert.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityFixes.cpp" line="61"/>
        <source>The %1 relation is no longer there: the document changed since the check.</source>
        <translation>Die Relation %1 ist nicht mehr vorhanden: Das Dokument hat sich seit der Prüfung geändert.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityFixes.cpp" line="67"/>
        <source>The %1 relation could not be added.</source>
        <translation>Die Relation %1 konnte nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityFixes.cpp" line="71"/>
        <source>A document-level relation is fixed in the document itself.</source>
        <translation>Eine Relation auf Dokumentebene wird im Dokument selbst korrigiert.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="466"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="466"/>
        <source>Quarry projects (*.quarry)</source>
        <translation>Quarry-Projekte (*.quarry)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="475"/>
        <source>Open Shared Project</source>
        <translation>Gemeinsames Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="476"/>
        <source>The team&apos;s project on a PostgreSQL server, as a URL:
postgresql://user@host:port/database (the password comes from ~/.pgpass)</source>
        <translation>Das Projekt des Teams auf einem PostgreSQL-Server, als URL:
postgresql://benutzer@host:port/datenbank (das Passwort kommt aus ~/.pgpass)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="481"/>
        <location filename="../ui/MainWindow.cpp" line="489"/>
        <source>Cannot Open Project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="481"/>
        <source>A shared project&apos;s URL starts with postgresql://</source>
        <translation>Die URL eines gemeinsamen Projekts beginnt mit postgresql://</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="566"/>
        <source>Open a project to simulate active learning on.</source>
        <translation>Ein Projekt öffnen, um darauf aktives Lernen zu simulieren.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="656"/>
        <location filename="../ui/MainWindow.cpp" line="666"/>
        <source>Refreshed from the project file.</source>
        <translation>Aus der Projektdatei aktualisiert.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="676"/>
        <source>A teammate edited this document: it shows their changes.</source>
        <translation>Jemand aus dem Team hat dieses Dokument bearbeitet: es zeigt die Änderungen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="766"/>
        <source>%n document(s) listed</source>
        <translation>
            <numerusform>%n Dokument gelistet</numerusform>
            <numerusform>%n Dokumente gelistet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="767"/>
        <source>%1 done</source>
        <translation>%1 fertig</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="768"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n Annotation</numerusform>
            <numerusform>%n Annotationen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="780"/>
        <source>Quarry</source>
        <translation>Quarry</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="781"/>
        <location filename="../ui/MainWindow.cpp" line="782"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="785"/>
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="819"/>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="868"/>
        <source>This window is read-only: edits are not allowed (View &gt; Read-Only Mode).</source>
        <translation>Dieses Fenster ist schreibgeschützt: Änderungen sind nicht erlaubt (Ansicht &gt; Schreibgeschützter Modus).</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="875"/>
        <source>This is the last document in the list.</source>
        <translation>Dies ist das letzte Dokument der Liste.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="876"/>
        <source>This is the first document in the list.</source>
        <translation>Dies ist das erste Dokument der Liste.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="894"/>
        <source>%1 marked done.</source>
        <translation>%1 als fertig markiert.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="921"/>
        <source>Select some text first, then click %1 to label it.</source>
        <translation>Wählen Sie zuerst Text aus und klicken Sie dann auf %1, um ihn zu annotieren.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::NewProjectDialog</name>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="37"/>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="39"/>
        <source>e.g. Trial eligibility 2024</source>
        <translation>z. B. Studieneinschluss 2024</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="45"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="54"/>
        <source>&amp;Entities (spans)</source>
        <translation>&amp;Entitäten (Spannen)</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="55"/>
        <source>&amp;Relations between entities</source>
        <translation>&amp;Relationen zwischen Entitäten</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="56"/>
        <source>&amp;Question answering</source>
        <translation>&amp;Fragebeantwortung</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="57"/>
        <source>Document &amp;classification</source>
        <translation>Dokument&amp;klassifikation</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="64"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="66"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="69"/>
        <source>Project file:</source>
        <translation>Projektdatei:</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="70"/>
        <source>Label &amp;schema:</source>
        <translation>Label-&amp;Schema:</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="71"/>
        <source>Tasks:</source>
        <translation>Aufgaben:</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="78"/>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="131"/>
        <source>Enter a name for the project.</source>
        <translation>Geben Sie einen Namen für das Projekt ein.</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="132"/>
        <source>Choose the folder the project file goes in.</source>
        <translation>Wählen Sie den Ordner für die Projektdatei.</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="134"/>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="137"/>
        <source>%1 already exists; choose another name or folder.</source>
        <translation>%1 existiert bereits; wählen Sie einen anderen Namen oder Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="138"/>
        <source>Choose at least one task.</source>
        <translation>Wählen Sie mindestens eine Aufgabe.</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="159"/>
        <source>Folder for the project</source>
        <translation>Ordner für das Projekt</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="165"/>
        <source>(enter a name)</source>
        <translation>(Namen eingeben)</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="168"/>
        <source>%1 entity types, %2 relation types, %3 QA fields, %4 categories</source>
        <translation>%1 Entitätstypen, %2 Relationstypen, %3 QA-Felder, %4 Kategorien</translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="196"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::QaPanel</name>
    <message>
        <location filename="../ui/QaPanel.cpp" line="35"/>
        <source>&amp;Use Selection</source>
        <translation>Auswahl &amp;übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="36"/>
        <source>&amp;No Answer</source>
        <translation>&amp;Keine Antwort</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="37"/>
        <source>Clea&amp;r</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="38"/>
        <source>&amp;Accept Suggestion</source>
        <translation>Vorschlag &amp;annehmen</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="39"/>
        <source>Re&amp;ject Suggestion</source>
        <translation>Vorschlag a&amp;blehnen</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="42"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="42"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="42"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="49"/>
        <source>Answer the current question with the text selected in the document (Enter)</source>
        <translation>Die aktuelle Frage mit dem im Dokument ausgewählten Text beantworten (Eingabe)</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="50"/>
        <source>Record that the document does not answer the current question (N)</source>
        <translation>Festhalten, dass das Dokument die aktuelle Frage nicht beantwortet (N)</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="51"/>
        <source>Remove the answer, or the no-answer mark, of the current question (Delete)</source>
        <translation>Die Antwort oder die Markierung „keine Antwort“ der aktuellen Frage entfernen (Entf)</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="53"/>
        <source>Answer the current question as the model suggests (A)</source>
        <translation>Die aktuelle Frage so beantworten, wie das Modell vorschlägt (A)</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="55"/>
        <source>Reject the model&apos;s suggested answer to the current question (X)</source>
        <translation>Die vom Modell vorgeschlagene Antwort auf die aktuelle Frage ablehnen (X)</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="122"/>
        <location filename="../ui/QaPanel.cpp" line="135"/>
        <source>✗ no answer</source>
        <translation>✗ keine Antwort</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="124"/>
        <source>Recorded: the text does not answer this (by %1)</source>
        <translation>Festgehalten: Der Text beantwortet dies nicht (von %1)</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="131"/>
        <source>%1–%2, by %3</source>
        <translation>%1–%2, von %3</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="136"/>
        <source>Suggested: %1 (%2)</source>
        <translation>Vorgeschlagen: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="138"/>
        <source>The model suggests this answer (confidence %1): Accept Suggestion (A) or Reject Suggestion (X)</source>
        <translation>Das Modell schlägt diese Antwort vor (Konfidenz %1): Vorschlag annehmen (A) oder Vorschlag ablehnen (X)</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="144"/>
        <source>— not answered</source>
        <translation>— nicht beantwortet</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="156"/>
        <source>No document is open.</source>
        <translation>Kein Dokument ist geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="158"/>
        <source>The schema asks no questions (QA fields).</source>
        <translation>Das Schema stellt keine Fragen (QA-Felder).</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="161"/>
        <source>Enter: answer with the selected text · N: no answer · Delete: clear</source>
        <translation>Eingabe: mit dem ausgewählten Text antworten · N: keine Antwort · Entf: entfernen</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="162"/>
        <source>Enter: answer with the selected text · N: no answer · Delete: clear · A / X: accept / reject the suggestion</source>
        <translation>Eingabe: mit dem ausgewählten Text antworten · N: keine Antwort · Entf: entfernen · A / X: Vorschlag annehmen / ablehnen</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="191"/>
        <source>The model suggests no answer to %1.</source>
        <translation>Das Modell schlägt keine Antwort auf %1 vor.</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="206"/>
        <source>This window is read-only: answers cannot be changed.</source>
        <translation>Dieses Fenster ist schreibgeschützt: Antworten können nicht geändert werden.</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="222"/>
        <source>Select the answer in the text first, then press Enter here.</source>
        <translation>Wählen Sie zuerst die Antwort im Text aus, dann drücken Sie hier Eingabe.</translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="241"/>
        <source>%1 has no answer to clear.</source>
        <translation>%1 hat keine Antwort, die entfernt werden könnte.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::QualityPanel</name>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="53"/>
        <source>Split leakage (near duplicates across splits)</source>
        <translation>Datenleck zwischen Aufteilungen (Beinahe-Duplikate)</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="54"/>
        <source>Inconsistent labels</source>
        <translation>Uneinheitliche Annotationen</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="55"/>
        <source>Drift of new documents</source>
        <translation>Drift neuer Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="58"/>
        <source>The trained model whose training data the unassigned documents are compared with</source>
        <translation>Das trainierte Modell, mit dessen Trainingsdaten die nicht zugeordneten Dokumente verglichen werden</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="64"/>
        <source>&amp;Check</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="66"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="67"/>
        <source>&amp;Re-split…</source>
        <translation>&amp;Neu aufteilen…</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="69"/>
        <source>Move documents so that every group of near duplicates lies in one split</source>
        <translation>Dokumente so verschieben, dass jede Gruppe von Beinahe-Duplikaten in einer Aufteilung liegt</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="73"/>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="115"/>
        <source>Choose a check and press Check.</source>
        <translation>Wählen Sie eine Prüfung und drücken Sie „Prüfen“.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="80"/>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="80"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="80"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="80"/>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="84"/>
        <source>Enter opens the document. Inconsistent labels: R gives the occurrence the most frequent label, Delete removes its annotation, I marks the finding as intended.</source>
        <translation>Eingabe öffnet das Dokument. Uneinheitliche Annotationen: R gibt dem Vorkommen das häufigste Label, Entf entfernt seine Annotation, I markiert den Befund als beabsichtigt.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="126"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="151"/>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="158"/>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="165"/>
        <source>Re-split</source>
        <translation>Neu aufteilen</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="152"/>
        <source>Shares of the documents per split (&quot;train=0.8,dev=0.1,test=0.1&quot;), or &quot;current&quot; to keep today&apos;s proportions. Every group of near duplicates ends up in one split.</source>
        <translation>Anteile der Dokumente je Aufteilung („train=0.8,dev=0.1,test=0.1“) oder „current“ für die heutigen Anteile. Jede Gruppe von Beinahe-Duplikaten landet in einer Aufteilung.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dataquality/QualityPanel.cpp" line="166"/>
        <source>%n document(s) move to another split; %1 groups of near duplicates are kept whole. Models trained before are scored on other documents afterwards. Re-split?</source>
        <translation>
            <numerusform>%n Dokument kommt in eine andere Aufteilung; %1 Gruppen von Beinahe-Duplikaten bleiben beisammen. Früher trainierte Modelle werden danach auf anderen Dokumenten bewertet. Neu aufteilen?</numerusform>
            <numerusform>%n Dokumente kommen in eine andere Aufteilung; %1 Gruppen von Beinahe-Duplikaten bleiben beisammen. Früher trainierte Modelle werden danach auf anderen Dokumenten bewertet. Neu aufteilen?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="184"/>
        <source>Unknown split &quot;%1&quot; (train, dev, test, unassigned).</source>
        <translation>Unbekannte Aufteilung „%1“ (train, dev, test, unassigned).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dataquality/QualityPanel.cpp" line="195"/>
        <source>%n document(s) moved; near duplicates now share a split.</source>
        <translation>
            <numerusform>%n Dokument verschoben; Beinahe-Duplikate teilen sich nun eine Aufteilung.</numerusform>
            <numerusform>%n Dokumente verschoben; Beinahe-Duplikate teilen sich nun eine Aufteilung.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="212"/>
        <source>Choose a trained model: drift compares new documents with what it trained on.</source>
        <translation>Wählen Sie ein trainiertes Modell: Die Drift vergleicht neue Dokumente mit seinen Trainingsdaten.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="221"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="285"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="289"/>
        <source>The check failed: %1</source>
        <translation>Die Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dataquality/QualityPanel.cpp" line="310"/>
        <source> %n marked as intended are hidden.</source>
        <translation>
            <numerusform> %n als beabsichtigt markierter Befund ist ausgeblendet.</numerusform>
            <numerusform> %n als beabsichtigt markierte Befunde sind ausgeblendet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="336"/>
        <source>%1: %2 of %3 documents</source>
        <translation>%1: %2 von %3 Dokumenten</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="338"/>
        <source>No leakage: no document or sentence of one split repeats another split&apos;s.</source>
        <translation>Kein Datenleck: Kein Dokument und kein Satz einer Aufteilung wiederholt einen einer anderen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dataquality/QualityPanel.cpp" line="339"/>
        <source>%n pair(s) of near-duplicate documents across splits (%1 exact); %2 sentence(s) in more than one split. Leaked — %3. Re-split… keeps near duplicates in one split.</source>
        <translation>
            <numerusform>%n Paar von Beinahe-Duplikaten über Aufteilungen hinweg (%1 exakt); %2 Sätze in mehr als einer Aufteilung. Betroffen — %3. „Neu aufteilen…“ hält Beinahe-Duplikate in einer Aufteilung.</numerusform>
            <numerusform>%n Paare von Beinahe-Duplikaten über Aufteilungen hinweg (%1 exakt); %2 Sätze in mehr als einer Aufteilung. Betroffen — %3. „Neu aufteilen…“ hält Beinahe-Duplikate in einer Aufteilung.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="359"/>
        <source>exact duplicate</source>
        <translation>exaktes Duplikat</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="359"/>
        <source>similarity %1</source>
        <translation>Ähnlichkeit %1</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="360"/>
        <source>%1:%2 ~ %3:%4</source>
        <translation>%1:%2 ~ %3:%4</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="368"/>
        <source>Sentences in more than one split (%1)</source>
        <translation>Sätze in mehr als einer Aufteilung (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dataquality/QualityPanel.cpp" line="371"/>
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n-mal</numerusform>
            <numerusform>%n-mal</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="385"/>
        <source>%1 entity surfaces, %2 relation argument pairs and %3 repeated texts are labelled more than one way. On an occurrence: R relabels it, Delete removes it, I marks the finding as intended, Enter opens it.</source>
        <translation>%1 Entitätstexte, %2 Argumentpaare von Relationen und %3 wiederholte Texte sind uneinheitlich annotiert. Auf einem Vorkommen: R annotiert es neu, Entf entfernt es, I markiert den Befund als beabsichtigt, Eingabe öffnet es.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="396"/>
        <source>%1 &quot;%2&quot;</source>
        <translation>%1 „%2“</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="401"/>
        <source>disagreement %1</source>
        <translation>Abweichungen %1</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="409"/>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="432"/>
        <source>DRIFT: the unassigned documents differ from the training data; annotate some of those listed below and retrain.</source>
        <translation>DRIFT: Die nicht zugeordneten Dokumente unterscheiden sich von den Trainingsdaten; annotieren Sie einige der unten aufgeführten und trainieren Sie neu.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="434"/>
        <source>No drift: the unassigned documents look like the training data.</source>
        <translation>Keine Drift: Die nicht zugeordneten Dokumente gleichen den Trainingsdaten.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="435"/>
        <source>%1 (%2 training, %3 dev, %4 unassigned documents; low confidence: dev %5%, unassigned %6%)</source>
        <translation>%1 (%2 Trainings-, %3 dev-, %4 nicht zugeordnete Dokumente; geringe Konfidenz: dev %5 %, nicht zugeordnet %6 %)</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="445"/>
        <source> — major drift</source>
        <translation> — starke Drift</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="445"/>
        <source> — drift</source>
        <translation> — Drift</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="446"/>
        <source>PSI %1 (dev %2, noise %3)</source>
        <translation>PSI %1 (dev %2, Rauschen %3)</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="447"/>
        <source>the model gives none</source>
        <translation>das Modell liefert keine</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="448"/>
        <source>%1: training %2, dev %3, unassigned %4</source>
        <translation>%1: Training %2, dev %3, nicht zugeordnet %4</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="453"/>
        <source>Annotate next (least like the training data)</source>
        <translation>Als Nächstes annotieren (am wenigsten wie die Trainingsdaten)</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="457"/>
        <source>score %1</source>
        <translation>Wert %1</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="458"/>
        <source>confidence %1, distance %2, unknown words %3%</source>
        <translation>Konfidenz %1, Abstand %2, unbekannte Wörter %3 %</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="542"/>
        <source>This occurrence already carries the most frequent label, %1.</source>
        <translation>Dieses Vorkommen trägt schon das häufigste Label, %1.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="546"/>
        <source>A document-level relation is fixed in the document: Enter opens it.</source>
        <translation>Eine Relation auf Dokumentebene wird im Dokument korrigiert: Eingabe öffnet es.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="556"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="541"/>
        <source>This occurrence is not annotated.</source>
        <translation>Dieses Vorkommen ist nicht annotiert.</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="556"/>
        <source>%1 → removed</source>
        <translation>%1 → entfernt</translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="574"/>
        <source>&quot;%1&quot; is marked as intended: later checks hide it.</source>
        <translation>„%1“ ist als beabsichtigt markiert: Spätere Prüfungen blenden es aus.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::QueuePanel</name>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="18"/>
        <source>Entropy (normalised by length)</source>
        <translation>Entropie (nach Länge normalisiert)</translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="19"/>
        <source>Least confidence</source>
        <translation>Geringste Konfidenz</translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="20"/>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="21"/>
        <source>Diversity (most uncertain per cluster)</source>
        <translation>Diversität (unsicherstes je Cluster)</translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="25"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="36"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="36"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="36"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="36"/>
        <source>Why next</source>
        <translation>Warum als Nächstes</translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="44"/>
        <source>Order:</source>
        <translation>Reihenfolge:</translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="46"/>
        <source>Batch:</source>
        <translation>Stapel:</translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="79"/>
        <source>Every predicted document is labelled.</source>
        <translation>Jedes vorhergesagte Dokument ist annotiert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/QueuePanel.cpp" line="80"/>
        <source>%n document(s) queued.</source>
        <translation>
            <numerusform>%n Dokument in der Warteschlange.</numerusform>
            <numerusform>%n Dokumente in der Warteschlange.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="82"/>
        <source>No queue yet: Model ▸ Suggest predicts the unlabelled documents. (%1)</source>
        <translation>Noch keine Warteschlange: Modell ▸ Vorschlagen sagt die nicht annotierten Dokumente vorher. (%1)</translation>
    </message>
</context>
<context>
    <name>quarry::ui::RecentProjectsMenu</name>
    <message>
        <location filename="../ui/RecentProjectsMenu.cpp" line="10"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/RecentProjectsMenu.cpp" line="26"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/RecentProjectsMenu.cpp" line="30"/>
        <source>(missing)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <location filename="../ui/RecentProjectsMenu.cpp" line="34"/>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <location filename="../ui/RecentProjectsMenu.cpp" line="36"/>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
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
    <name>quarry::ui::ReviewPanel</name>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="58"/>
        <source>Which predictions to review: entities, relations, answers or categories</source>
        <translation>Welche Vorhersagen geprüft werden: Entitäten, Relationen, Antworten oder Kategorien</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="71"/>
        <location filename="../ui/training/ReviewPanel.cpp" line="299"/>
        <source>&amp;Derive from Dev</source>
        <translation>Aus &amp;dev ableiten</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="74"/>
        <source>&amp;Review Mode</source>
        <translation>&amp;Prüfmodus</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="78"/>
        <source>Review the model&apos;s suggestions: A accepts, X rejects (the docks&apos; buttons for answers and categories), recorded with your name; nothing else can be changed</source>
        <translation>Die Vorschläge des Modells prüfen: A nimmt an, X lehnt ab (bei Antworten und Kategorien die Schaltflächen der Docks), mit Ihrem Namen gespeichert; sonst lässt sich nichts ändern</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="91"/>
        <source>Review band</source>
        <translation>Prüfbereich</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="92"/>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="93"/>
        <source>Auto-accept band</source>
        <translation>Auto-Annahme-Bereich</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="94"/>
        <source>All bands</source>
        <translation>Alle Bereiche</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="97"/>
        <source>Band</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="97"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="97"/>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="97"/>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="106"/>
        <source>Auto-accept at or above:</source>
        <translation>Auto-Annahme ab:</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="108"/>
        <source>escalate below:</source>
        <translation>eskalieren unter:</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="159"/>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="160"/>
        <source>Relations</source>
        <translation>Relationen</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="161"/>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="162"/>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="220"/>
        <source>No %1 model to derive the thresholds with: train one first.</source>
        <translation>Kein %1-Modell, um die Schwellen abzuleiten: Trainieren Sie zuerst eines.</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="231"/>
        <source>Predicting dev: %1 of %2 documents</source>
        <translation>dev wird vorhergesagt: %1 von %2 Dokumenten</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="235"/>
        <source>Loading the latest %1 model to predict dev…</source>
        <translation>Das neueste %1-Modell wird geladen, um dev vorherzusagen…</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="245"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="259"/>
        <source>Deriving from dev was cancelled: the thresholds are unchanged.</source>
        <translation>Ableiten aus dev abgebrochen: Die Schwellen sind unverändert.</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="272"/>
        <source>Auto-accept from %1: dev precision %2 on %3 of %4 predictions.</source>
        <translation>Auto-Annahme ab %1: dev-Präzision %2 bei %3 von %4 Vorhersagen.</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="277"/>
        <source>No threshold reaches %1% precision on dev (%2).</source>
        <translation>Keine Schwelle erreicht %1 % Präzision auf dev (%2).</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="280"/>
        <source>Escalate below %1: dev precision %2 above it.</source>
        <translation>Eskalation unter %1: dev-Präzision %2 darüber.</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="283"/>
        <source>No threshold reaches %1% precision on dev.</source>
        <translation>Keine Schwelle erreicht %1 % Präzision auf dev.</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="299"/>
        <source>Cancel &amp;Deriving</source>
        <translation>&amp;Ableiten abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="300"/>
        <source>Stop deriving the %1 thresholds from dev; they stay as they are</source>
        <translation>Ableiten der %1-Schwellen aus dev beenden; sie bleiben, wie sie sind</translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="319"/>
        <source>Undecided suggestions: %1 auto-accept · %2 review · %3 escalate</source>
        <translation>Offene Vorschläge: %1 Auto-Annahme · %2 Prüfung · %3 Eskalation</translation>
    </message>
</context>
<context>
    <name>quarry::ui::RunComparisonDialog</name>
    <message>
        <location filename="../ui/training/RunComparisonDialog.cpp" line="27"/>
        <source>Run %1 and Run %2</source>
        <translation>Lauf %1 und Lauf %2</translation>
    </message>
    <message>
        <location filename="../ui/training/RunComparisonDialog.cpp" line="31"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/training/RunComparisonDialog.cpp" line="31"/>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../ui/training/RunComparisonDialog.cpp" line="31"/>
        <location filename="../ui/training/RunComparisonDialog.cpp" line="32"/>
        <source>Run %1 (%2)</source>
        <translation>Lauf %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/training/RunComparisonDialog.cpp" line="32"/>
        <source>F1 change</source>
        <translation>F1-Änderung</translation>
    </message>
    <message>
        <location filename="../ui/training/RunComparisonDialog.cpp" line="57"/>
        <source>Neither run recorded a dev evaluation to compare.</source>
        <translation>Keiner der Läufe hat eine dev-Auswertung zum Vergleichen gespeichert.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::RunLogDialog</name>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="32"/>
        <source>Log of Run %1</source>
        <translation>Protokoll von Lauf %1</translation>
    </message>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="46"/>
        <source>This run kept no log (it ran before Quarry kept run logs).</source>
        <translation>Dieser Lauf hat kein Protokoll (er lief, bevor Quarry Laufprotokolle führte).</translation>
    </message>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="50"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="52"/>
        <source>&amp;Save As…</source>
        <translation>&amp;Speichern unter…</translation>
    </message>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="71"/>
        <source>Save the Log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="72"/>
        <source>Logs (*.log *.txt)</source>
        <translation>Protokolle (*.log *.txt)</translation>
    </message>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="76"/>
        <source>Cannot Save the Log</source>
        <translation>Protokoll kann nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>quarry::ui::RunsPanel</name>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="90"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="90"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="90"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="90"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="90"/>
        <source>Trained on</source>
        <translation>Trainiert mit</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="91"/>
        <source>Dev score</source>
        <translation>dev-Score</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="91"/>
        <source>Annotations since</source>
        <translation>Annotationen seither</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="91"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="91"/>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="96"/>
        <source>Co&amp;mpare Two Runs…</source>
        <translation>&amp;Vergleichen…</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="99"/>
        <source>E&amp;xport Model…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="103"/>
        <source>A zip with the model folder (Hugging Face&apos;s for transformers) and its model card</source>
        <translation>Ein Zip mit dem Modellordner (bei Transformern der von Hugging Face) und seiner Model Card</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="104"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="107"/>
        <source>Continue a cancelled or interrupted training run from its last checkpoint</source>
        <translation>Einen abgebrochenen oder unterbrochenen Trainingslauf ab seinem letzten Checkpoint fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="108"/>
        <source>Analyse &amp;Errors</source>
        <translation>&amp;Fehleranalyse</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="111"/>
        <source>Where the selected training run&apos;s model errs on its dev documents; with two selected, what the newer fixed and broke</source>
        <translation>Wo das Modell des gewählten Trainingslaufs auf seinen dev-Dokumenten irrt; bei zwei gewählten, was der neuere behoben und verschlechtert hat</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="113"/>
        <source>&amp;Drift</source>
        <translation>Dri&amp;ft</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="116"/>
        <source>Do the unassigned documents still look like what the selected run&apos;s model trained on? (Data Quality dock)</source>
        <translation>Gleichen die nicht zugeordneten Dokumente noch den Trainingsdaten des Modells des gewählten Laufs? (Dock „Datenqualität“)</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="118"/>
        <source>Lo&amp;g…</source>
        <translation>Pro&amp;tokoll…</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="121"/>
        <source>What the selected run&apos;s job and the engine said, the reason last when it failed</source>
        <translation>Was der Job des gewählten Laufs und die Engine ausgegeben haben, bei einem Fehlschlag zuletzt der Grund</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="122"/>
        <source>Sim&amp;ulate Active Learning…</source>
        <translation>Aktives Lernen sim&amp;ulieren…</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="125"/>
        <source>How much would active learning have saved here? A simulated annotator labels the project&apos;s labelled data strategy by strategy, and the learning curves compare them</source>
        <translation>Wie viel hätte aktives Lernen hier gespart? Ein simulierter Annotator annotiert die annotierten Daten des Projekts Strategie für Strategie, und die Lernkurven vergleichen sie</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="128"/>
        <source>Select two runs to compare them per type, or one to export its model or read its log.</source>
        <translation>Wählen Sie zwei Läufe, um sie pro Typ zu vergleichen, oder einen, um sein Modell zu exportieren oder sein Protokoll zu lesen.</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="232"/>
        <source>Export Model</source>
        <translation>Modell exportieren</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="233"/>
        <source>Model archives (*.zip)</source>
        <translation>Modellarchive (*.zip)</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="237"/>
        <source>Cannot Export the Model</source>
        <translation>Modell kann nicht exportiert werden</translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="248"/>
        <source>Cannot Read the Log</source>
        <translation>Protokoll kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>quarry::ui::SchemaEditorDialog</name>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="18"/>
        <source>Schema and guidelines — %1</source>
        <translation>Schema und Richtlinien — %1</translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="25"/>
        <source>&amp;Entities</source>
        <translation>&amp;Entitäten</translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="26"/>
        <source>&amp;Relations</source>
        <translation>&amp;Relationen</translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="27"/>
        <source>&amp;QA fields</source>
        <translation>&amp;QA-Felder</translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="28"/>
        <source>&amp;Categories</source>
        <translation>&amp;Kategorien</translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="71"/>
        <source>Guideline version %1.</source>
        <translation>Richtlinienversion %1.</translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="74"/>
        <source>Guideline text changed: saving makes it version %1, recorded on new annotations.</source>
        <translation>Richtlinientext geändert: Speichern ergibt Version %1, die bei neuen Annotationen vermerkt wird.</translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="76"/>
        <source>The project is open read-only.</source>
        <translation>Das Projekt ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="90"/>
        <source>Schema not saved</source>
        <translation>Schema nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="90"/>
        <source>The schema was not saved: %1</source>
        <translation>Das Schema wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>quarry::ui::SchemaTypePage</name>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="51"/>
        <source>New %1 name</source>
        <translation>Name (neu, %1)</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="52"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="53"/>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="87"/>
        <source>One key that applies this label; it must differ from every other type&apos;s key and from the document view&apos;s own keys (%1)</source>
        <translation>Eine Taste, die dieses Label vergibt; sie muss sich von den Tasten aller anderen Typen und von den eigenen Tasten der Dokumentansicht (%1) unterscheiden</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="94"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="96"/>
        <source>&amp;Colour:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="99"/>
        <source>&amp;Hotkey:</source>
        <translation>&amp;Taste:</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="101"/>
        <source>Directed (head → tail); unchecked: symmetric</source>
        <translation>Gerichtet (Kopf → Ende); nicht angehakt: symmetrisch</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="105"/>
        <source>Head types:</source>
        <translation>Kopftypen:</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="106"/>
        <source>Tail types:</source>
        <translation>Endtypen:</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="107"/>
        <source>None checked: any entity type.</source>
        <translation>Keiner angehakt: jeder Entitätstyp.</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="115"/>
        <source>Add &amp;question</source>
        <translation>&amp;Frage hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="116"/>
        <source>Remove q&amp;uestion</source>
        <translation>Frage entfe&amp;rnen</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="121"/>
        <source>Questions (first = canonical):</source>
        <translation>Fragen (erste = kanonisch):</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="125"/>
        <source>New question?</source>
        <translation>Neue Frage?</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="134"/>
        <source>A document may have several categories</source>
        <translation>Ein Dokument darf mehrere Kategorien haben</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SchemaTypePage.cpp" line="185"/>
        <source>%n annotation(s) in the project</source>
        <translation>
            <numerusform>%n Annotation im Projekt</numerusform>
            <numerusform>%n Annotationen im Projekt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="217"/>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="241"/>
        <source>Enter a name for the new %1.</source>
        <translation>Geben Sie einen Namen ein (neu, %1).</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="245"/>
        <location filename="../ui/SchemaTypePage.cpp" line="269"/>
        <source>There already is a %1 named %2.</source>
        <translation>„%2“ gibt es bereits (%1).</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="266"/>
        <source>A %1 needs a name.</source>
        <translation>Ein Name ist nötig (%1).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SchemaTypePage.cpp" line="272"/>
        <source>%1 is used by %n annotation(s), which keep their type name; it cannot be renamed.</source>
        <translation>
            <numerusform>%1 wird von %n Annotation verwendet, die ihren Typnamen behält; der Typ kann nicht umbenannt werden.</numerusform>
            <numerusform>%1 wird von %n Annotationen verwendet, die ihren Typnamen behalten; der Typ kann nicht umbenannt werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SchemaTypePage.cpp" line="286"/>
        <source>%1 is used by %n annotation(s) in this project. Remove or relabel them first; the %2 stays.</source>
        <translation>
            <numerusform>%1 wird von %n Annotation in diesem Projekt verwendet. Entfernen oder ändern Sie sie zuerst; der Eintrag (%2) bleibt.</numerusform>
            <numerusform>%1 wird von %n Annotationen in diesem Projekt verwendet. Entfernen oder ändern Sie sie zuerst; der Eintrag (%2) bleibt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="291"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="310"/>
        <source>The key %1 already belongs to %2.</source>
        <translation>Die Taste %1 gehört bereits zu %2.</translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="332"/>
        <source>Colour of %1</source>
        <translation>Farbe von %1</translation>
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
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="140"/>
        <source>Categorise as %1</source>
        <translation>Als %1 kategorisieren</translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="140"/>
        <source>Remove category %1</source>
        <translation>Kategorie %1 entfernen</translation>
    </message>
</context>
<context>
    <name>quarry::ui::StartWindow</name>
    <message>
        <location filename="../ui/StartWindow.cpp" line="26"/>
        <location filename="../ui/StartWindow.cpp" line="106"/>
        <location filename="../ui/StartWindow.cpp" line="143"/>
        <source>Quarry</source>
        <translation>Quarry</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="28"/>
        <source>&lt;h2&gt;Quarry&lt;/h2&gt;&lt;p&gt;Annotate domain text and train the models that extract it.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Quarry&lt;/h2&gt;&lt;p&gt;Fachtexte annotieren und die Modelle trainieren, die sie extrahieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="29"/>
        <source>&amp;Recent projects:</source>
        <translation>&amp;Zuletzt geöffnete Projekte:</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="32"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="32"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="32"/>
        <source>Last opened</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="39"/>
        <source>&amp;New project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="40"/>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="41"/>
        <source>Open &amp;demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="42"/>
        <source>Re&amp;move from list</source>
        <translation>Aus Liste ent&amp;fernen</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="43"/>
        <source>Remove &amp;missing</source>
        <translation>Fehlende ent&amp;fernen</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="44"/>
        <source>Forget the selected project (the file stays where it is)</source>
        <translation>Das gewählte Projekt vergessen (die Datei bleibt, wo sie ist)</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="45"/>
        <source>Forget every project whose file is gone</source>
        <translation>Alle Projekte vergessen, deren Datei fehlt</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="84"/>
        <source>The file is gone: %1</source>
        <translation>Die Datei fehlt: %1</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="107"/>
        <source>%1 is no longer there. Remove it from the list with Delete.</source>
        <translation>%1 ist nicht mehr vorhanden. Entfernen Sie es mit Entf aus der Liste.</translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="144"/>
        <source>Cannot open the demo project: %1</source>
        <translation>Das Demoprojekt kann nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>quarry::ui::SuggestionController</name>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="49"/>
        <source>&amp;Suggest with the Latest Models</source>
        <translation>Mit den neuesten Modellen &amp;vorschlagen</translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="53"/>
        <source>Predict the unassigned documents with the newest model of each task: entities, relations, answers and categories; A accepts, X rejects</source>
        <translation>Die nicht zugeordneten Dokumente mit dem neuesten Modell jeder Aufgabe vorhersagen: Entitäten, Relationen, Antworten und Kategorien; A nimmt an, X lehnt ab</translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="55"/>
        <source>Suggestion &amp;Threshold…</source>
        <translation>Vorschlags&amp;schwelle…</translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="60"/>
        <source>Suggestion Threshold</source>
        <translation>Vorschlagsschwelle</translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="61"/>
        <source>Shift+A accepts every suggestion at or above this confidence:</source>
        <translation>Umschalt+A nimmt jeden Vorschlag ab dieser Konfidenz an:</translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="136"/>
        <source>No Suggestions</source>
        <translation>Keine Vorschläge</translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="140"/>
        <source>No NER model yet: run %1 suggests %2 spans in %3 documents that repeat %4 labelled surfaces.</source>
        <translation>Noch kein NER-Modell: Lauf %1 schlägt %2 Spannen in %3 Dokumenten vor, die %4 annotierte Textformen wiederholen.</translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="165"/>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="170"/>
        <source>Predicting the unassigned documents with %1…</source>
        <translation>Die nicht zugeordneten Dokumente werden mit %1 vorhergesagt…</translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="175"/>
        <source>Suggestions failed: %1</source>
        <translation>Vorschläge fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="177"/>
        <source>Run %1 (%2): %3 suggestions in %4 documents.</source>
        <translation>Lauf %1 (%2): %3 Vorschläge in %4 Dokumenten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/SuggestionController.cpp" line="334"/>
        <source>%n suggestion(s) at or above %1 accepted.</source>
        <translation>
            <numerusform>%n Vorschlag ab %1 angenommen.</numerusform>
            <numerusform>%n Vorschläge ab %1 angenommen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quarry::ui::TeamActions</name>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="17"/>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="18"/>
        <source>&amp;Agreement…</source>
        <translation>Ü&amp;bereinstimmung…</translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="20"/>
        <source>How far the annotators agree: per pair of annotators, per type and per document</source>
        <translation>Wie weit die Annotatoren übereinstimmen: pro Annotatorenpaar, pro Typ und pro Dokument</translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="21"/>
        <source>A&amp;djudicate This Document…</source>
        <translation>Dieses Dokument &amp;schlichten…</translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="24"/>
        <source>Walk the places where the annotators of this document disagree and choose a version for the gold layer</source>
        <translation>Die Stellen durchgehen, an denen die Annotatoren dieses Dokuments voneinander abweichen, und eine Version für die Gold-Ebene wählen</translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="27"/>
        <source>Show &amp;Teammates&apos; Layers</source>
        <translation>Ebenen der &amp;Teammitglieder zeigen</translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="30"/>
        <source>On a project with separate layers: show every annotator&apos;s annotations of a document released for adjudication, not only yours</source>
        <translation>In einem Projekt mit getrennten Ebenen: die Annotationen jedes Annotators an einem zur Schlichtung freigegebenen Dokument zeigen, nicht nur Ihre</translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="76"/>
        <source>Teammates&apos; layers show once every annotator of the document has finished it</source>
        <translation>Die Ebenen der Teammitglieder erscheinen, sobald jeder Annotator des Dokuments es abgeschlossen hat</translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="116"/>
        <source>Open a document to adjudicate.</source>
        <translation>Öffnen Sie ein Dokument, um es zu schlichten.</translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="144"/>
        <source>Edit %1&apos;s gold layer here; back in the adjudication view it shows.</source>
        <translation>Bearbeiten Sie hier die Gold-Ebene von %1; zurück in der Schlichtungsansicht wird sie angezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="145"/>
        <source>Set the document&apos;s categories for %1&apos;s gold layer here.</source>
        <translation>Legen Sie hier die Kategorien des Dokuments für die Gold-Ebene von %1 fest.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::TrainDialog</name>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="51"/>
        <source>Train a Model</source>
        <translation>Modell trainieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/TrainDialog.cpp" line="83"/>
        <source>%n dev document(s) (%1 exact)</source>
        <translation>
            <numerusform>%n dev-Dokument (%1 exakt)</numerusform>
            <numerusform>%n dev-Dokumente (%1 exakt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/TrainDialog.cpp" line="85"/>
        <source>%n test document(s) (%1 exact)</source>
        <translation>
            <numerusform>%n test-Dokument (%1 exakt)</numerusform>
            <numerusform>%n test-Dokumente (%1 exakt)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="86"/>
        <source>Split leakage: %1 nearly repeat training documents, so scores will look better than they are. The Data Quality dock lists them, and its Re-split… keeps near duplicates in one split.</source>
        <translation>Datenleck: %1 wiederholen Trainingsdokumente fast wörtlich, die Werte sehen also besser aus, als sie sind. Das Dock „Datenqualität“ listet sie auf, und „Neu aufteilen…“ dort hält Beinahe-Duplikate in einer Aufteilung.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="89"/>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="97"/>
        <source>Fine-tune a Hugging Face model folder</source>
        <translation>Einen Hugging-Face-Modellordner feinabstimmen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="100"/>
        <source>A new transformer (random weights) over the folder&apos;s tokenizer</source>
        <translation>Ein neuer Transformer (Zufallsgewichte) über dem Tokenizer des Ordners</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="107"/>
        <source>A folder with config.json, the weights and the tokenizer files</source>
        <translation>Ein Ordner mit config.json, den Gewichten und den Tokenizer-Dateien</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="108"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="120"/>
        <source>Reset to &amp;Defaults</source>
        <translation>Auf &amp;Standardwerte zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="130"/>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="138"/>
        <source>T&amp;ask:</source>
        <translation>&amp;Aufgabe:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="145"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="147"/>
        <source>Options (hover or read below each for its meaning):</source>
        <translation>Optionen (Bedeutung per Hover oder unter jeder Option):</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="183"/>
        <source>From scratch: %1 (no checkpoint needed; trains in seconds to minutes)</source>
        <translation>Von Grund auf: %1 (kein Checkpoint nötig; trainiert in Sekunden bis Minuten)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="187"/>
        <source>Trains on %1 (%2 documents, split &quot;train&quot;); evaluates on %3 (%4 documents, split &quot;dev&quot;).</source>
        <translation>Trainiert auf %1 (%2 Dokumente, Aufteilung „train“); wertet auf %3 aus (%4 Dokumente, Aufteilung „dev“).</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="207"/>
        <source>Model Folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="218"/>
        <source>Choose a folder.</source>
        <translation>Wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="224"/>
        <source> — its head was trained for another task and is replaced</source>
        <translation> — sein Kopf wurde für eine andere Aufgabe trainiert und wird ersetzt</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="297"/>
        <source>The &quot;train&quot; split has nothing to train %1 on: annotate some documents and put them in it.</source>
        <translation>Die Aufteilung „train“ enthält nichts, um %1 zu trainieren: Annotieren Sie einige Dokumente und legen Sie sie dort ab.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="300"/>
        <source>Choose a model folder that loads, or train from scratch.</source>
        <translation>Wählen Sie einen Modellordner, der sich laden lässt, oder trainieren Sie von Grund auf.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/TrainDialog.cpp" line="312"/>
        <source>Estimated time: %1, at most %n epochs over %2 words.</source>
        <translation>
            <numerusform>Geschätzte Zeit: %1, höchstens %n Epoche über %2 Wörter.</numerusform>
            <numerusform>Geschätzte Zeit: %1, höchstens %n Epochen über %2 Wörter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quarry::ui::TrainingController</name>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="24"/>
        <source>&amp;Train Model…</source>
        <translation>&amp;Modell trainieren…</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="27"/>
        <source>&amp;Retrain</source>
        <translation>&amp;Neu trainieren</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="30"/>
        <source>Train again with the last settings</source>
        <translation>Erneut mit den letzten Einstellungen trainieren</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="31"/>
        <source>&amp;Cancel Training</source>
        <translation>Training &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="80"/>
        <source>Cannot Train</source>
        <translation>Training nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="94"/>
        <source>Cannot Retrain</source>
        <translation>Neutraining nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="109"/>
        <source>Cannot Resume</source>
        <translation>Fortsetzen nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="117"/>
        <source>%1 (resumed run %2)</source>
        <translation>%1 (fortgesetzter Lauf %2)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="154"/>
        <source>A Model Is Training</source>
        <translation>Ein Modell wird trainiert</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="155"/>
        <source>A model is training. Cancel it? The best model so far is kept and the run is recorded as cancelled.</source>
        <translation>Ein Modell wird trainiert. Abbrechen? Das bisher beste Modell bleibt erhalten, und der Lauf wird als abgebrochen gespeichert.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::TrainingPanel</name>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="21"/>
        <source>No model is training. Model ▸ Train… starts one.</source>
        <translation>Kein Modell wird trainiert. Modell ▸ Modell trainieren… startet eines.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="31"/>
        <source>&amp;Cancel Training</source>
        <translation>Training &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="39"/>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="41"/>
        <source>dev score</source>
        <translation>dev-Score</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="46"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="49"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="52"/>
        <source>dev</source>
        <translation>dev</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="75"/>
        <source>%1: cancelling after this step…</source>
        <translation>%1: Abbruch nach diesem Schritt…</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="90"/>
        <source>%1: reading the documents…</source>
        <translation>%1: Dokumente werden gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="109"/>
        <source>%1: epoch %2 of %3, step %4 of %5</source>
        <translation>%1: Epoche %2 von %3, Schritt %4 von %5</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="115"/>
        <source>, about %1 left</source>
        <translation>, noch etwa %1</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="116"/>
        <source> · loss %1</source>
        <translation> · Verlust %1</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="119"/>
        <source> · dev %1 %2 (best %3)</source>
        <translation> · dev %1 %2 (bestes %3)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="120"/>
        <source> · evaluating on dev…</source>
        <translation> · Auswertung auf dev…</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="128"/>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="131"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="137"/>
        <source>%1 cancelled after %2</source>
        <translation>%1 nach %2 abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="137"/>
        <source>%1 finished in %2</source>
        <translation>%1 in %2 abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="139"/>
        <source>; best dev score %1</source>
        <translation>; bester dev-Score %1</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="140"/>
        <source>; model in %1</source>
        <translation>; Modell in %1</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="143"/>
        <source> (its end could not be recorded: %1)</source>
        <translation> (sein Ende konnte nicht gespeichert werden: %1)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="145"/>
        <source>No model is training. Model ▸ Retrain repeats the last settings.</source>
        <translation>Kein Modell wird trainiert. Modell ▸ Neu trainieren wiederholt die letzten Einstellungen.</translation>
    </message>
</context>
<context>
    <name>quarry::ui::Workbench</name>
    <message>
        <location filename="../ui/Workbench.cpp" line="61"/>
        <source>Cannot Open Project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/Workbench.cpp" line="79"/>
        <location filename="../ui/Workbench.cpp" line="89"/>
        <source>Read-Only Project</source>
        <translation>Schreibgeschütztes Projekt</translation>
    </message>
    <message>
        <location filename="../ui/Workbench.cpp" line="79"/>
        <source>The project is open read-only; nothing can be imported.</source>
        <translation>Das Projekt ist schreibgeschützt geöffnet; es kann nichts importiert werden.</translation>
    </message>
    <message>
        <location filename="../ui/Workbench.cpp" line="89"/>
        <source>The project is open read-only; the schema cannot be changed.</source>
        <translation>Das Projekt ist schreibgeschützt geöffnet; das Schema kann nicht geändert werden.</translation>
    </message>
</context>
</TS>
