<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnnotationKeys</name>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="93"/>
        <source>Caret a word left (a character with word snapping off); with Shift: extend the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="95"/>
        <source>Caret a word right (a character with word snapping off); with Shift: extend the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="97"/>
        <source>Caret a line up; with Shift: extend the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="99"/>
        <source>Caret a line down; with Shift: extend the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="101"/>
        <source>Start of the line; with Shift: extend the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="103"/>
        <source>End of the line; with Shift: extend the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="105"/>
        <source>Start of the document; with Shift: extend the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="107"/>
        <source>End of the document; with Shift: extend the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="109"/>
        <source>A screen up; with Shift: extend the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="111"/>
        <source>A screen down; with Shift: extend the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="113"/>
        <source>Next span (or the relation&apos;s tail while drawing a relation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="115"/>
        <source>Previous span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="117"/>
        <source>Remove the current relation, else the current span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="119"/>
        <source>Cancel the relation being drawn, else clear the selection and the current span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="121"/>
        <source>Confirm the relation being drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="123"/>
        <source>Mark the document done and open the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="125"/>
        <source>Start a relation at the current span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="127"/>
        <source>Answer a QA field with the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="129"/>
        <source>Next document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="131"/>
        <source>Previous document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="133"/>
        <source>Show the keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="135"/>
        <source>Accept the model&apos;s current suggestion (dashed), else the next one after the caret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="137"/>
        <source>Reject the model&apos;s current suggestion, else the next one after the caret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationKeys.cpp" line="139"/>
        <source>Accept every suggestion of the document at or above the confidence threshold</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationTooltips</name>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="12"/>
        <source>Example:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="14"/>
        <source>Edge cases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="18"/>
        <source>No guideline yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="27"/>
        <source>This type is not in the schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="30"/>
        <source>Does not match the model&apos;s tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="39"/>
        <source>This relation type is not in the schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="46"/>
        <source>This field is not in the schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationTooltips.cpp" line="50"/>
        <source>Question:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../ui/BackgroundTask.cpp" line="54"/>
        <source>Cancel</source>
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
    <name>ProjectLauncher</name>
    <message>
        <location filename="../ui/ProjectLauncher.cpp" line="29"/>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProjectLauncher.cpp" line="31"/>
        <source>Quarry projects (*.quarry);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectLock</name>
    <message>
        <location filename="../ui/ProjectLock.cpp" line="28"/>
        <source>another window of this program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProjectLock.cpp" line="30"/>
        <source>%1, process %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProjectLock.cpp" line="31"/>
        <source>%1, process %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProjectLock.cpp" line="37"/>
        <source>cannot create the lock file %1 (no write access)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProjectLock.cpp" line="40"/>
        <source>cannot create the lock file %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="88"/>
        <source>%1 head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="89"/>
        <source>tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="26"/>
        <source>auto-accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="28"/>
        <source>review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="30"/>
        <source>escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="37"/>
        <source>NER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="38"/>
        <source>relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="39"/>
        <source>QA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="40"/>
        <source>classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="44"/>
        <source>The lowest thresholds whose precision on the dev split reaches %1% (auto-accept) and %2% (below it: escalate), with the latest model of the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="22"/>
        <source>Run %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="34"/>
        <source>%1 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="39"/>
        <source>%1 labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="41"/>
        <source>%1 relations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="43"/>
        <source>%1 questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="45"/>
        <source>%1 entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="46"/>
        <source>%1 docs, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="54"/>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="55"/>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="55"/>
        <source>This run predates lineage records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="57"/>
        <source>up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="58"/>
        <source>Trained on %1 documents and annotations, all unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="67"/>
        <source>added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="68"/>
        <source>changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="69"/>
        <source>removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="70"/>
        <source>stale: +%1 ~%2 −%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="74"/>
        <source>Since this run read them:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="51"/>
        <source>random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="52"/>
        <source>A seeded random draw: the baseline every strategy is measured by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="54"/>
        <source>least confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="55"/>
        <source>The units whose most probable label is least probable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="57"/>
        <source>margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="57"/>
        <source>The units whose two most probable labels are closest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="59"/>
        <source>entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="59"/>
        <source>The units whose label distributions are most spread out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="61"/>
        <source>MNLP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="61"/>
        <source>Maximum normalised log-probability: the least probable best labelling per word (long sentences are not favoured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="64"/>
        <source>diversity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="65"/>
        <source>The most uncertain unit of each cluster of the pool, so a batch does not repeat itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="73"/>
        <source>sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="73"/>
        <source>documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="78"/>
        <location filename="../ui/training/TrainDialog.cpp" line="31"/>
        <source>%n categories</source>
        <translation>
            <numerusform>%n category</numerusform>
            <numerusform>%n categories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="79"/>
        <location filename="../ui/training/TrainDialog.cpp" line="33"/>
        <source>%n relations</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="80"/>
        <source>%n answers</source>
        <translation>
            <numerusform>%n answer</numerusform>
            <numerusform>%n answers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="87"/>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="89"/>
        <source>dev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="91"/>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="93"/>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="34"/>
        <source>%1 questions, %2 answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="81"/>
        <location filename="../ui/training/TrainDialog.cpp" line="35"/>
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchemaEdits</name>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="99"/>
        <source>entity type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="101"/>
        <source>relation type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="103"/>
        <source>QA field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="105"/>
        <source>category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="244"/>
        <source>The key %1 is reserved in the document view (%2); pick another key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaEdits.cpp" line="269"/>
        <source>the key %1 already belongs to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaTemplates</name>
    <message>
        <location filename="../ui/SchemaTemplates.cpp" line="19"/>
        <source>Empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTemplates.cpp" line="20"/>
        <source>Clinical trial eligibility (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTemplates.cpp" line="22"/>
        <source>Biomedical NER (Disease, Chemical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTemplates.cpp" line="24"/>
        <source>Contracts (Party, Date, Obligation, Amount)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/CommandLine.cpp" line="19"/>
        <source>Annotate domain text and train the models that extract it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/CommandLine.cpp" line="23"/>
        <source>Open the bundled demo project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/CommandLine.cpp" line="26"/>
        <source>Open the project read-only (reviewers): no edit is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/CommandLine.cpp" line="31"/>
        <source>A project file (*.quarry) to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::ActiveLearningDialog</name>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="133"/>
        <source>Simulate Active Learning — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="144"/>
        <source>A simulated annotator: the labelled documents of the pool split are taken as unlabelled. Each strategy starts from the same random seed set; a model trains on what is labelled, picks the next batch, and that batch&apos;s gold labels are revealed, round after round up to the budget. Every round is scored on the dev split and recorded as a run. The labels in the pool must be complete: what is not labelled there is taken as not there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="178"/>
        <source>Strategies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="199"/>
        <source>Curves per strategy, each from its own seed set: the band shows their spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="202"/>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="642"/>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="707"/>
        <source>sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="203"/>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="642"/>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="707"/>
        <source>documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="204"/>
        <source>What the annotator labels at a time; sentences for NER only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="207"/>
        <source>The random seed set every curve starts from, as a share of the pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="210"/>
        <source>What each round reveals, as a share of the pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="213"/>
        <source>A curve stops once this share of the pool is labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="217"/>
        <source>Passes over the labelled data in each round (every other option at its default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="223"/>
        <source>as the epochs say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="224"/>
        <source> steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="225"/>
        <source>A round on few labelled units trains at least this many steps (more epochs), so that an early round is not scored on a model that barely trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="230"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="231"/>
        <source> evaluations without gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="233"/>
        <source>A round stops after this many evaluations without a better dev score. A model trained on few units often scores 0 for its first epochs: &apos;never&apos; trains them all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="235"/>
        <source>from the previous round&apos;s model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="237"/>
        <source>Each round goes on training the previous round&apos;s model instead of starting from scratch: faster, though the curve then depends on the order of the batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="246"/>
        <source>The annotator&apos;s pace, for the hours of annotation in the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="249"/>
        <source>T&amp;ask:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="250"/>
        <source>&amp;Pool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="251"/>
        <source>Scored on (&amp;dev):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="252"/>
        <source>See&amp;ds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="253"/>
        <source>&amp;Unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="254"/>
        <source>Seed set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="255"/>
        <source>&amp;Round size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="256"/>
        <source>&amp;Budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="257"/>
        <source>&amp;Epochs per round:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="258"/>
        <source>At least, per round:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="259"/>
        <source>Stop early a&amp;fter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="260"/>
        <source>Warm start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="266"/>
        <source>&amp;Resume Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="268"/>
        <source>Continue this project&apos;s latest cancelled or interrupted simulation, with the options it started with, at the round it stopped in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="270"/>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="273"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="275"/>
        <source>Stop after the step in training; the rounds so far stay recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="280"/>
        <source>Choose the strategies and sizes, then Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="290"/>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="290"/>
        <source>Reaches 95% at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="290"/>
        <source>Reaches 99% at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="291"/>
        <source>Hours to 99%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="291"/>
        <source>Rounds above random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="306"/>
        <source>&amp;Words per hour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="313"/>
        <source>Save C&amp;hart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="404"/>
        <source>%1 — %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="433"/>
        <source>The pool and the dev split are the same: every round would be scored on what it trained on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="439"/>
        <source>Choose a task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="449"/>
        <source>Choose at least one strategy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="488"/>
        <source>No cancelled or interrupted simulation of this project to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="511"/>
        <source>Reading the pool…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="540"/>
        <source>Cancelling: the round in training stops after this step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="570"/>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="572"/>
        <source>predicting the pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="574"/>
        <source>choosing the next batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="576"/>
        <source>scored on dev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="578"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="581"/>
        <source>full data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="582"/>
        <source>%1 seed %2, round %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="583"/>
        <source>%1: %2, %3 of %4 %5 labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="587"/>
        <source> (last round: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="631"/>
        <source>Finished: %n round(s) trained and recorded as runs.</source>
        <translation>
            <numerusform>Finished: %n round trained and recorded as a run.</numerusform>
            <numerusform>Finished: %n rounds trained and recorded as runs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="633"/>
        <source>Cancelled: %n round(s) recorded as runs; the curves so far are shown.</source>
        <translation>
            <numerusform>Cancelled: %n round recorded as a run; the curves so far are shown.</numerusform>
            <numerusform>Cancelled: %n rounds recorded as runs; the curves so far are shown.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="635"/>
        <source>The simulation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="647"/>
        <source>The curves grow as the rounds are scored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="648"/>
        <source>No learning curves yet: Start simulates them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="645"/>
        <source>Learning curves: %1 on %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="657"/>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="675"/>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="683"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="657"/>
        <source>No full-data score to measure by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="658"/>
        <source>not reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="658"/>
        <source>Not within the budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="660"/>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="661"/>
        <source>%1 words labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="671"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="672"/>
        <source>%1 words at %2 words per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="679"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="681"/>
        <source>Above random in every round from round %1 on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="682"/>
        <source>Not above random in every round to the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="684"/>
        <source>The baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="684"/>
        <source>No random curve to compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="692"/>
        <source>Output folder: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="704"/>
        <source>Full data (%1 %2, %3 words): %4 %5; labelling all of it is about %6 hours at %7 words per hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="711"/>
        <source> (mean of %n seeds)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="716"/>
        <source> The full-data model learned nothing: train longer (more epochs, or never stop early).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="722"/>
        <source>No chart to save yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="727"/>
        <source>Save Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="729"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="733"/>
        <source>Cannot write the chart to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ActiveLearningDialog.cpp" line="736"/>
        <source>Chart saved to %1</source>
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
    <name>quarry::ui::AdjudicationDialog</name>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="27"/>
        <source>Whole document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="28"/>
        <source>Characters %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="29"/>
        <source>%1 · agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="30"/>
        <source>%1 · took %2&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="31"/>
        <source>%1 · undecided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="46"/>
        <source>Adjudicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="62"/>
        <source>Windows to adjudicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="83"/>
        <source>Show &amp;agreed windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="86"/>
        <source>Previous (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="87"/>
        <source>Next (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="88"/>
        <source>Edit in Document (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="89"/>
        <source>Finish Document (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="91"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="121"/>
        <source>%1&apos;s role is %2: adjudication is the work of an adjudicator or a manager. On a shared project the server refuses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="152"/>
        <source>Adjudicate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/team/AdjudicationDialog.cpp" line="156"/>
        <source>%n agreed item(s) merged into the gold layer.</source>
        <translation>
            <numerusform>%n agreed item merged into the gold layer.</numerusform>
            <numerusform>%n agreed items merged into the gold layer.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="168"/>
        <source>%1: %2 annotators (%3); %4 window(s) differ, %5 undecided; %6 agreed, merged into %7&apos;s gold layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="177"/>
        <source>Finished by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="225"/>
        <source>No annotator has annotated this document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="226"/>
        <source>Every window agrees: finish the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="233"/>
        <source>The document as a whole: its labels, and the questions answered &quot;none&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="245"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="251"/>
        <source>%1&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="252"/>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="260"/>
        <source>Not in every annotator&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="264"/>
        <source>Take %1&apos;s (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="265"/>
        <source>Take %1&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="285"/>
        <source>There is no annotator %1 here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="310"/>
        <source>Took %1&apos;s version of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AdjudicationDialog.cpp" line="323"/>
        <source>%1 is adjudicated: training reads %2&apos;s gold layer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::AgreementDialog</name>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="75"/>
        <source>Inter-Annotator Agreement — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="95"/>
        <source>Annotators to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="96"/>
        <source>The annotators to compare; everyone who annotated is chosen at first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="108"/>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="109"/>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="110"/>
        <source>Dev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="111"/>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="112"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="117"/>
        <source>Exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="118"/>
        <source>Overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="120"/>
        <source>Exact: a span agrees when the other annotator marked the same start, end and type.
Overlap: when the other marked a span of the same type sharing a character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="124"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="126"/>
        <source>Measure again, with what the annotators have done since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="128"/>
        <source>&amp;Copy as TSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="130"/>
        <source>Copy the pair table, tab-separated, for a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="139"/>
        <source>Measuring agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="143"/>
        <source>&amp;Split:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="144"/>
        <source>Spans &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="151"/>
        <source>&amp;Annotators:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="170"/>
        <source>Agreement of each pair of annotators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="171"/>
        <source>Pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="171"/>
        <location filename="../ui/team/AgreementDialog.cpp" line="234"/>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="171"/>
        <location filename="../ui/team/AgreementDialog.cpp" line="224"/>
        <source>Exact F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="171"/>
        <location filename="../ui/team/AgreementDialog.cpp" line="224"/>
        <source>Overlap F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="172"/>
        <location filename="../ui/team/AgreementDialog.cpp" line="224"/>
        <source>Token κ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="172"/>
        <location filename="../ui/team/AgreementDialog.cpp" line="224"/>
        <source>Relation F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="172"/>
        <source>QA F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="172"/>
        <source>Label κ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="175"/>
        <source>Documents both annotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="176"/>
        <source>Spans with the same start, end and type: 2·both / (one&apos;s + the other&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="177"/>
        <source>Spans that share a character with a span of the same type of the other annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="178"/>
        <source>Cohen&apos;s κ on each word&apos;s type (or none), corrected for chance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="179"/>
        <source>Relations between spans both marked exactly, same head, tail and type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="180"/>
        <source>SQuAD F1 of the answers to the questions both answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="181"/>
        <source>Cohen&apos;s κ on the labels of the documents both labelled, when each gave each exactly one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="196"/>
        <source>Pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="213"/>
        <source>Per type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="222"/>
        <source>Agreement per document of the chosen pair, least first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="224"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="289"/>
        <source>Measuring agreement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="317"/>
        <source>Agreement could not be measured: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="322"/>
        <source>Nobody annotated these documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="323"/>
        <source>Only %1 annotated these documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="325"/>
        <source>Choose at least two annotators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="327"/>
        <source>%1 annotated no document in common.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="328"/>
        <source>Agreement needs at least two annotators who annotated the same documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="339"/>
        <source>all documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="340"/>
        <source>the %1 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="341"/>
        <source>%1 compared on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="395"/>
        <location filename="../ui/team/AgreementDialog.cpp" line="492"/>
        <source>%1 of %2&apos;s %3 spans, %1 of %4&apos;s %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="398"/>
        <source>%1 of %2&apos;s %3 spans overlap one of %4&apos;s, %5 of %4&apos;s %6 overlap one of %2&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="402"/>
        <source>over %1 words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="405"/>
        <source>%1 of %2&apos;s %3 relations, %1 of %4&apos;s %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="409"/>
        <source>%1 relations left out: an argument not marked alike by both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="417"/>
        <source>exact match %1 over %2 questions both answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="421"/>
        <source>over %1 documents both labelled; per category in the heat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="437"/>
        <source>Fleiss&apos; κ: no document was labelled by all %1 annotators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="439"/>
        <source>Fleiss&apos; κ over %1 annotators (documents all labelled: %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="444"/>
        <source>; per category: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="481"/>
        <source>%1, least agreement first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="482"/>
        <source>Ordered by overlap span F1 plus relation F1, then token κ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementDialog.cpp" line="483"/>
        <source>Ordered by exact span F1 plus relation F1, then token κ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::AgreementHeatMap</name>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="42"/>
        <source>Agreement per type and annotator pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="131"/>
        <source>overlap F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="131"/>
        <source>exact F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="133"/>
        <source>relation F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="135"/>
        <source>label κ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="145"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="152"/>
        <source>%1 %2: %3 of %4&apos;s %5 spans overlap one of %6&apos;s, %7 of %6&apos;s %8 overlap one of %4&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="156"/>
        <source>%1 %2: %3 of %4&apos;s %5 spans, %3 of %6&apos;s %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="158"/>
        <source>%1 undefined: neither marked a %2 span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="162"/>
        <source>%1 %2: %3 of %4&apos;s %5 relations, %3 of %6&apos;s %7 (between spans both marked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="165"/>
        <source>%1 undefined: neither related two spans both marked by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="169"/>
        <source>%1 %2 over %3 documents both labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="171"/>
        <source>%1 undefined: the same answer on all %2 documents both labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="174"/>
        <source>%1 undefined: neither gave a document this label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="241"/>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="326"/>
        <source>undefined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="264"/>
        <source>No agreement measured yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/AgreementHeatMap.cpp" line="265"/>
        <source>Neither annotator marked anything to compare by type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::AnnotationListModel</name>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="38"/>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="46"/>
        <source>(no answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="197"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="199"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="201"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="203"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="205"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="207"/>
        <source>Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="209"/>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="218"/>
        <source>span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="220"/>
        <source>relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="222"/>
        <source>answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="232"/>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="234"/>
        <source>accepted suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotationListModel.cpp" line="236"/>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::AnnotationView</name>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="50"/>
        <source>Document annotation view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="51"/>
        <source>Select text and press a type&apos;s hotkey to label it; Tab moves between spans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="572"/>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="576"/>
        <source>No document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="768"/>
        <source>This document is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="777"/>
        <source>This document has no spans yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="62"/>
        <source>Selection snaps to words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="58"/>
        <source>Snap Selection to &amp;Words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="62"/>
        <source>Selection is character-precise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="64"/>
        <source>Show &amp;Type Names on Spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="660"/>
        <source>Suggested relation %1 (confidence %2): A accepts, X rejects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="665"/>
        <source>Suggested %1 (confidence %2): A accepts, X rejects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="838"/>
        <source>Nothing to delete: pick a span with Tab or a click first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="843"/>
        <source>Relation cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="878"/>
        <source>No suggestion in this document: Model ▸ Suggest asks the latest model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="959"/>
        <source>Select some text first, then press %1 to label it %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="981"/>
        <source>Pick the head span first (Tab or a click), then press R.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="985"/>
        <source>The schema has no relation types.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="991"/>
        <source>Relation from %1: pick the tail with Tab or a click, Enter to confirm, Escape to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1008"/>
        <source>Pick a tail span other than the head (Tab or a click), or Escape to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1020"/>
        <source>No relation type in the schema allows a %1 head with a %2 tail (%3 → %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1025"/>
        <source>Relation %1: %2 → %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1031"/>
        <source>Pick the relation type for %1 → %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1033"/>
        <source>Relation type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1049"/>
        <source>The schema has no QA fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1053"/>
        <source>Select the answer text first, then press Q.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1058"/>
        <source>Answer field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationView.cpp" line="1061"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::AnnotationsPanel</name>
    <message>
        <location filename="../ui/AnnotationsPanel.cpp" line="43"/>
        <source>Click or arrows: show in the text · Enter: go to the text · Delete: remove (Ctrl+Z undoes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AnnotationsPanel.cpp" line="91"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AnnotationsPanel.cpp" line="92"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AnnotationsPanel.cpp" line="93"/>
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n answer</numerusform>
            <numerusform>%n answers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/AnnotationsPanel.cpp" line="126"/>
        <source>This window is read-only: nothing can be removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::AnnotatorDialog</name>
    <message>
        <location filename="../ui/AnnotatorDialog.cpp" line="23"/>
        <source>Who Is Annotating?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotatorDialog.cpp" line="24"/>
        <source>Every annotation you make records this name, so reviewers and the agreement figures can tell annotators apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotatorDialog.cpp" line="31"/>
        <source>Use this name only in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AnnotatorDialog.cpp" line="38"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::CategoryPanel</name>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="62"/>
        <source>%1   [Alt+%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="80"/>
        <source>Toggle Category %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="80"/>
        <source>Set Category %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="92"/>
        <source>No category   [Alt+0]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="98"/>
        <source>Clear the Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="115"/>
        <source>The document already has the category %1 (Alt+0: no category).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="124"/>
        <source>The document has no category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="187"/>
        <source>Suggested: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="189"/>
        <source>The model suggests the category %1 with confidence %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="201"/>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CategoryPanel.cpp" line="202"/>
        <source>Reject</source>
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
    <name>quarry::ui::ClearAnswerCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="118"/>
        <source>Clear answer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="130"/>
        <source>The answer to %1 was not recorded before it was cleared.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::ConfusionHeatMap</name>
    <message>
        <location filename="../ui/training/ConfusionHeatMap.cpp" line="33"/>
        <source>gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ConfusionHeatMap.cpp" line="83"/>
        <source>No analysis yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ConfusionHeatMap.cpp" line="89"/>
        <source>predicted →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ConfusionHeatMap.cpp" line="90"/>
        <source>gold ↓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ConfusionHeatMap.cpp" line="156"/>
        <source>gold %1, predicted %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::DocumentFindBar</name>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="25"/>
        <source>Find in this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="31"/>
        <source>F&amp;ind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentFindBar.cpp" line="36"/>
        <location filename="../ui/DocumentFindBar.cpp" line="148"/>
        <source>%1 of %n match(es)</source>
        <translation>
            <numerusform>%1 of %n match</numerusform>
            <numerusform>%1 of %n matches</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="39"/>
        <source>Previous match (Shift+Return, Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="42"/>
        <source>Next match (Return, F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="43"/>
        <source>Match &amp;case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="44"/>
        <source>Whole w&amp;ords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="48"/>
        <source>Label &amp;All as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="50"/>
        <source>Label every match with the type beside it (one step to undo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="53"/>
        <source>Close the find bar (Escape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="146"/>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentFindBar.cpp" line="170"/>
        <source>Label All Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentFindBar.cpp" line="171"/>
        <source>Label %n match(es) of “%1” as %2? One undo (Ctrl+Z) removes them all.</source>
        <translation>
            <numerusform>Label %n match of “%1” as %2? One undo (Ctrl+Z) removes them all.</numerusform>
            <numerusform>Label %n matches of “%1” as %2? One undo (Ctrl+Z) removes them all.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quarry::ui::DocumentListModel</name>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="63"/>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="64"/>
        <source>dev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="65"/>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="68"/>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="73"/>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="74"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="75"/>
        <source>reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="78"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="83"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="84"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="85"/>
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n answer</numerusform>
            <numerusform>%n answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentListModel.cpp" line="86"/>
        <source>%n category(s)</source>
        <translation>
            <numerusform>%n category</numerusform>
            <numerusform>%n categories</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="105"/>
        <source>%1 spans, %2 relations, %3 answers, %4 categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="113"/>
        <source>%1: done %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="114"/>
        <source>%1: not done yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="136"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="137"/>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="138"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="139"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListModel.cpp" line="140"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::DocumentListPanel</name>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="36"/>
        <source>All splits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="40"/>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="46"/>
        <source>Search names and text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="63"/>
        <source>&amp;Split:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="64"/>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="65"/>
        <source>&amp;Annotator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="66"/>
        <source>&amp;Has:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="67"/>
        <source>Fin&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="91"/>
        <source>Move to &amp;Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="118"/>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="121"/>
        <source>Any annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="123"/>
        <source>span %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="125"/>
        <source>relation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="127"/>
        <source>answer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DocumentListPanel.cpp" line="129"/>
        <source>category %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::DocumentSession</name>
    <message>
        <location filename="../ui/DocumentSession.cpp" line="111"/>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentSession.cpp" line="197"/>
        <source>Label %n match(es) as %1</source>
        <translation>
            <numerusform>Label %n match as %1</numerusform>
            <numerusform>Label %n matches as %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DocumentSession.cpp" line="332"/>
        <source>Not on word boundaries: at training time the model learns the nearest whole words instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::DocumentTextPreview</name>
    <message>
        <location filename="../ui/DocumentTextPreview.cpp" line="17"/>
        <source>Pick a document above to see its text as it will be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DocumentTextPreview.cpp" line="54"/>
        <source>… %n more character(s) not shown</source>
        <translation>
            <numerusform>… %n more character not shown</numerusform>
            <numerusform>… %n more characters not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quarry::ui::ErrorAnalysisPanel</name>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="103"/>
        <source>&amp;Analyse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="105"/>
        <source>Predict the run&apos;s dev documents with its best model and list where it errs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="106"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="111"/>
        <source>Export &amp;HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="113"/>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="116"/>
        <source>Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="118"/>
        <source>Compare with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="126"/>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="366"/>
        <source>Choose a training run and press Analyse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="135"/>
        <source>Click a cell to list its errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="152"/>
        <source>Show All Cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="155"/>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="157"/>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="159"/>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="167"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="167"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="167"/>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="180"/>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="401"/>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="167"/>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="180"/>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="401"/>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="167"/>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="167"/>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="200"/>
        <source>&amp;Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="201"/>
        <source>Per &amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="207"/>
        <source>Confusion &amp;Matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="208"/>
        <source>&amp;Kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="263"/>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="269"/>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="302"/>
        <source>%v of %m documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="305"/>
        <source>Predicting the dev documents of run %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="319"/>
        <source>Analysis cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="320"/>
        <source>Cannot analyse run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="372"/>
        <source>Run %1 (%2) on %3: %4 documents; micro P %5, R %6, F1 %7; %8 errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="379"/>
        <source> Against run %1 (F1 %2): %3 fixed, %4 broken, %5 in both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="400"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="400"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="400"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="401"/>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="401"/>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="401"/>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="401"/>
        <source>Correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="402"/>
        <source>F1 of run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="402"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="463"/>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="464"/>
        <source>run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="468"/>
        <source>Errors by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="488"/>
        <source>Every error of run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="490"/>
        <source>Fixed since run %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="492"/>
        <source>Broken since run %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="497"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="502"/>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="519"/>
        <source>gold %1, predicted %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="602"/>
        <source>&lt;p&gt;&lt;b&gt;none&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="635"/>
        <source>Errors of run %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="641"/>
        <source>Export the Error Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="643"/>
        <source>HTML pages (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="650"/>
        <source>Cannot Export the Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="653"/>
        <source>Error report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="660"/>
        <source>Export the Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="662"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="667"/>
        <source>Cannot Export the Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ErrorAnalysisPanel.cpp" line="670"/>
        <source>Errors written to %1, the per-type table to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="38"/>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="44"/>
        <source>archive — the whole project as a Quarry project archive (.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="46"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="51"/>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="52"/>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="53"/>
        <source>Dev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="54"/>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="55"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="57"/>
        <source>As imported (else IOB2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="61"/>
        <source>Indent the JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="64"/>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="65"/>
        <source>&amp;Write to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="66"/>
        <source>&amp;Documents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="67"/>
        <source>&amp;Tag scheme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="70"/>
        <source>Choose a format and where to write it, then press Export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="79"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="139"/>
        <source>Folder to export into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="142"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="143"/>
        <source>%1 files (*.%2);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="152"/>
        <source>Say where to write the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="157"/>
        <source>Replace File?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="158"/>
        <source>%1 exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="168"/>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="186"/>
        <source>Export cancelled: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="193"/>
        <source>Nothing was exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ExportDialog.cpp" line="201"/>
        <source>Wrote the project archive %1 (%n document(s)).</source>
        <translation>
            <numerusform>Wrote the project archive %1 (%n document).</numerusform>
            <numerusform>Wrote the project archive %1 (%n documents).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ExportDialog.cpp" line="203"/>
        <source>Exported %n document(s) as %1 to %2.</source>
        <translation>
            <numerusform>Exported %n document as %1 to %2.</numerusform>
            <numerusform>Exported %n documents as %1 to %2.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="211"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::GoToDialog</name>
    <message>
        <location filename="../ui/GoToDialog.cpp" line="25"/>
        <source>Go To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoToDialog.cpp" line="30"/>
        <source>&amp;Offset (0 to %1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GoToDialog.cpp" line="31"/>
        <source>&amp;Paragraph (1 to %1):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::GuidelineEditor</name>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="33"/>
        <source>What this type is, in a paragraph (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="34"/>
        <source>Text that is this type, one example per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="35"/>
        <source>Text that looks like it but is not, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="36"/>
        <source>Rulings on the hard cases, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="48"/>
        <source>&amp;Definition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="49"/>
        <source>&amp;Positive examples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="50"/>
        <source>&amp;Negative examples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="51"/>
        <source>&amp;Edge cases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="53"/>
        <source>Preview:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="84"/>
        <source>Positive examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="85"/>
        <source>Negative examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="86"/>
        <source>Edge cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GuidelineEditor.cpp" line="87"/>
        <source>No guideline yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::ImportDialog</name>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="36"/>
        <source>Entity type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="37"/>
        <source>Relation type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="38"/>
        <source>QA field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="39"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="46"/>
        <source>Import into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="49"/>
        <source>Choose what to import, then press Preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54"/>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54"/>
        <source>Entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54"/>
        <source>Relations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54"/>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="56"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="56"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="56"/>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="56"/>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="58"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="58"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="58"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="64"/>
        <source>&amp;Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="65"/>
        <source>&amp;Types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="66"/>
        <source>&amp;Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="69"/>
        <source>Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="70"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="94"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="96"/>
        <source>Files (separated by ;) or a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="97"/>
        <source>&amp;Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="98"/>
        <source>F&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="105"/>
        <source>Detect from the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="109"/>
        <source>archive — a Quarry project archive (.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="116"/>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="121"/>
        <source>As in the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="122"/>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="123"/>
        <source>Dev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="124"/>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="125"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="133"/>
        <source>text column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="135"/>
        <source>label column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="137"/>
        <source>separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="141"/>
        <source>-DOCSTART- blocks if the file has them, else one per sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="142"/>
        <source>One document per sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="143"/>
        <source>One document per -DOCSTART- block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="144"/>
        <source>Sentences up to two or more blank lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="145"/>
        <source>Sentences with the same id in a column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="149"/>
        <source>column </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="153"/>
        <source>Add types missing from the schema (otherwise they are problems)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="156"/>
        <source>&amp;Reject: stop at the first problem, import nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="157"/>
        <source>R&amp;epair: fix or drop what is wrong and list every change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="168"/>
        <source>&amp;Input:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="170"/>
        <source>Fo&amp;rmat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="174"/>
        <source>&amp;Tag scheme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="175"/>
        <source>Doc&amp;uments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="176"/>
        <source>&amp;Split:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="177"/>
        <source>CSV/TSV:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="179"/>
        <source>Problems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="251"/>
        <source>Files to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="252"/>
        <source>Annotated text (*.jsonl *.ndjson *.conll *.iob *.bio *.tsv *.csv *.tab *.pubtator *.json *.ann *.txt *.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="258"/>
        <source>Folder to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="274"/>
        <source>detected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="274"/>
        <source>not recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="284"/>
        <source>Press Preview to read the input; nothing is written before Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="293"/>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="298"/>
        <source>Preview cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="318"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="327"/>
        <source>in schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="333"/>
        <source>new: will be added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="353"/>
        <source>&amp;Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="365"/>
        <source>%n document(s) with %1 entities read as %2; %3 types new to the schema.</source>
        <translation>
            <numerusform>%n document with %1 entities read as %2; %3 types new to the schema.</numerusform>
            <numerusform>%n documents with %1 entities read as %2; %3 types new to the schema.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="372"/>
        <source>%n note(s) or repair(s): see Problems.</source>
        <translation>
            <numerusform>%n note or repair: see Problems.</numerusform>
            <numerusform>%n notes or repairs: see Problems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="376"/>
        <source>Nothing can be imported yet: %n problem(s) stop it (in red under Problems). Fix the input, or choose Repair to fix or drop what can be fixed.</source>
        <translation>
            <numerusform>Nothing can be imported yet: %n problem stop it (in red under Problems). Fix the input, or choose Repair to fix or drop what can be fixed.</numerusform>
            <numerusform>Nothing can be imported yet: %n problems stop it (in red under Problems). Fix the input, or choose Repair to fix or drop what can be fixed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="396"/>
        <source>Importing %n document(s)…</source>
        <translation>
            <numerusform>Importing %n document…</numerusform>
            <numerusform>Importing %n documents…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="408"/>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="420"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="448"/>
        <source>Imported %n document(s)</source>
        <translation>
            <numerusform>Imported %n document</numerusform>
            <numerusform>Imported %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="449"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="450"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="451"/>
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n answer</numerusform>
            <numerusform>%n answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="452"/>
        <source>%n category label(s)</source>
        <translation>
            <numerusform>%n category label</numerusform>
            <numerusform>%n category labels</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="476"/>
        <source>The tokens are joined by single spaces (“APC2 , a”): this is the text the project stores and every export writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="478"/>
        <source>The text as the project stores it and every export writes it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::ItemDetailsPanel</name>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="27"/>
        <source>Select a span (Tab or a click), a relation or an answer to see its details and guideline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="49"/>
        <source>Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="49"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="57"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="52"/>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="53"/>
        <source>accepted suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="54"/>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="56"/>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="57"/>
        <source>Guideline version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="59"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="61"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="70"/>
        <source>Span %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="71"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="89"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="77"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="105"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="107"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="78"/>
        <location filename="../ui/ItemDetailsPanel.cpp" line="108"/>
        <source>Offsets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="88"/>
        <source>Relation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="90"/>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="92"/>
        <source>Tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="102"/>
        <source>Answer to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="103"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="105"/>
        <source>the text does not answer this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ItemDetailsPanel.cpp" line="118"/>
        <source>Guideline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::KeyboardSheet</name>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="67"/>
        <source>Anywhere in the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="82"/>
        <source>Document view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="90"/>
        <source>Labels (with a selection: label it; on the current span: change its type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="99"/>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="102"/>
        <source>Type to filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="104"/>
        <source>&amp;Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="109"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KeyboardSheet.cpp" line="109"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::LabelPalette</name>
    <message>
        <location filename="../ui/LabelPalette.cpp" line="41"/>
        <source>%1   [%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LabelPalette.cpp" line="55"/>
        <source>%1 (relation: R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LabelPalette.cpp" line="58"/>
        <source>%1 (question: Q)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::LearningCurveChart</name>
    <message>
        <location filename="../ui/training/LearningCurveChart.cpp" line="44"/>
        <source>documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/LearningCurveChart.cpp" line="44"/>
        <source>sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/LearningCurveChart.cpp" line="57"/>
        <source>labelled, % of the pool&apos;s %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/LearningCurveChart.cpp" line="61"/>
        <source>dev score (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/LearningCurveChart.cpp" line="90"/>
        <source>%1 (min to max over the seeds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/LearningCurveChart.cpp" line="110"/>
        <source>%1% of full data (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::LockConflictDialog</name>
    <message>
        <location filename="../ui/LockConflictDialog.cpp" line="22"/>
        <source>Project Already Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LockConflictDialog.cpp" line="24"/>
        <source>%1 is open for editing elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LockConflictDialog.cpp" line="25"/>
        <source>%1 is open for editing elsewhere (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LockConflictDialog.cpp" line="27"/>
        <source>Two windows editing one project would overwrite each other&apos;s work. Open it read-only to look and review, or cancel and close the other window first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LockConflictDialog.cpp" line="29"/>
        <source>Open &amp;Read-Only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="174"/>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="175"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="176"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="177"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="178"/>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="180"/>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="181"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="182"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="183"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="184"/>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="185"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="186"/>
        <source>Data Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="225"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="229"/>
        <source>Go to the &amp;Annotations List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="235"/>
        <source>Go to the &amp;Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="245"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="246"/>
        <source>&amp;New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="248"/>
        <source>&amp;Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="250"/>
        <source>Open &amp;Shared Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="256"/>
        <source>&amp;Close Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="259"/>
        <source>&amp;Import Documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="261"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="264"/>
        <source>Annotator &amp;Name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="266"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="269"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="270"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="272"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="277"/>
        <source>&amp;Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="278"/>
        <source>&amp;Next Document  (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="280"/>
        <source>&amp;Previous Document  (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="282"/>
        <source>Mark &amp;Done and Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="285"/>
        <source>Move to &amp;Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="292"/>
        <source>&amp;Find Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="297"/>
        <source>&amp;Annotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="300"/>
        <source>F&amp;ind in Document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="302"/>
        <source>Find Ne&amp;xt Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="306"/>
        <source>Find Previous &amp;Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="310"/>
        <source>&amp;Go to Offset or Paragraph…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="314"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="317"/>
        <source>Read-&amp;Only Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="333"/>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="342"/>
        <source>&amp;Next by Active Learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="346"/>
        <source>Simulate Active &amp;Learning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="348"/>
        <source>Analyse &amp;Errors of the Latest Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="352"/>
        <source>No trained model to analyse yet: train one first (Model ▸ Train).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="431"/>
        <source>The document could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityFixes.cpp" line="15"/>
        <source>&quot;%1&quot; is not an entity type of the schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityFixes.cpp" line="17"/>
        <source>The span could not be labelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityFixes.cpp" line="25"/>
        <source>The %1 annotation is no longer there: the document changed since the check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="454"/>
        <source>Edits are now recorded as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="771"/>
        <source>this document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="772"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="773"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="774"/>
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n answer</numerusform>
            <numerusform>%n answers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="783"/>
        <source>%1 — annotator: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="787"/>
        <source>%1 (review mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="819"/>
        <source>Review mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="834"/>
        <source>Review mode: decisions are recorded as %1; everything else is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="866"/>
        <source>Review mode: only the model&apos;s suggestions can be decided (A accepts, X rejects; Model &gt; Review Mode ends it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="891"/>
        <source>%1 marked done and moved from the pool to the train split: the next model trains on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="909"/>
        <source>Moved to the %1 split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="945"/>
        <source>%n span(s) labelled %1; Ctrl+Z removes them all.</source>
        <translation>
            <numerusform>%n span labelled %1; Ctrl+Z removes them all.</numerusform>
            <numerusform>%n spans labelled %1; Ctrl+Z removes them all.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="966"/>
        <source>Next by active learning (score %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="328"/>
        <source>&amp;Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="330"/>
        <source>Edit &amp;Schema and Guidelines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="370"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="371"/>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityFixes.cpp" line="47"/>
        <source>The related mentions are no longer there: the document changed since the check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityFixes.cpp" line="61"/>
        <source>The %1 relation is no longer there: the document changed since the check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityFixes.cpp" line="67"/>
        <source>The %1 relation could not be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityFixes.cpp" line="71"/>
        <source>A document-level relation is fixed in the document itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="466"/>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="466"/>
        <source>Quarry projects (*.quarry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="475"/>
        <source>Open Shared Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="476"/>
        <source>The team&apos;s project on a PostgreSQL server, as a URL:
postgresql://user@host:port/database (the password comes from ~/.pgpass)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="481"/>
        <location filename="../ui/MainWindow.cpp" line="489"/>
        <source>Cannot Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="481"/>
        <source>A shared project&apos;s URL starts with postgresql://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="566"/>
        <source>Open a project to simulate active learning on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="656"/>
        <location filename="../ui/MainWindow.cpp" line="666"/>
        <source>Refreshed from the project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="676"/>
        <source>A teammate edited this document: it shows their changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="766"/>
        <source>%n document(s) listed</source>
        <translation>
            <numerusform>%n document listed</numerusform>
            <numerusform>%n documents listed</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="767"/>
        <source>%1 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="768"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="780"/>
        <source>Quarry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="781"/>
        <location filename="../ui/MainWindow.cpp" line="782"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="785"/>
        <source>%1 (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="819"/>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="868"/>
        <source>This window is read-only: edits are not allowed (View &gt; Read-Only Mode).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="875"/>
        <source>This is the last document in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="876"/>
        <source>This is the first document in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="894"/>
        <source>%1 marked done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="921"/>
        <source>Select some text first, then click %1 to label it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::NewProjectDialog</name>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="37"/>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="39"/>
        <source>e.g. Trial eligibility 2024</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="45"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="54"/>
        <source>&amp;Entities (spans)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="55"/>
        <source>&amp;Relations between entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="56"/>
        <source>&amp;Question answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="57"/>
        <source>Document &amp;classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="64"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="66"/>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="69"/>
        <source>Project file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="70"/>
        <source>Label &amp;schema:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="71"/>
        <source>Tasks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="78"/>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="131"/>
        <source>Enter a name for the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="132"/>
        <source>Choose the folder the project file goes in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="134"/>
        <source>%1 is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="137"/>
        <source>%1 already exists; choose another name or folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="138"/>
        <source>Choose at least one task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="159"/>
        <source>Folder for the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="165"/>
        <source>(enter a name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="168"/>
        <source>%1 entity types, %2 relation types, %3 QA fields, %4 categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/NewProjectDialog.cpp" line="196"/>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::QaPanel</name>
    <message>
        <location filename="../ui/QaPanel.cpp" line="35"/>
        <source>&amp;Use Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="36"/>
        <source>&amp;No Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="37"/>
        <source>Clea&amp;r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="38"/>
        <source>&amp;Accept Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="39"/>
        <source>Re&amp;ject Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="42"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="42"/>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="42"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="49"/>
        <source>Answer the current question with the text selected in the document (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="50"/>
        <source>Record that the document does not answer the current question (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="51"/>
        <source>Remove the answer, or the no-answer mark, of the current question (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="53"/>
        <source>Answer the current question as the model suggests (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="55"/>
        <source>Reject the model&apos;s suggested answer to the current question (X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="122"/>
        <location filename="../ui/QaPanel.cpp" line="135"/>
        <source>✗ no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="124"/>
        <source>Recorded: the text does not answer this (by %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="131"/>
        <source>%1–%2, by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="136"/>
        <source>Suggested: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="138"/>
        <source>The model suggests this answer (confidence %1): Accept Suggestion (A) or Reject Suggestion (X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="144"/>
        <source>— not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="156"/>
        <source>No document is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="158"/>
        <source>The schema asks no questions (QA fields).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="161"/>
        <source>Enter: answer with the selected text · N: no answer · Delete: clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="162"/>
        <source>Enter: answer with the selected text · N: no answer · Delete: clear · A / X: accept / reject the suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="191"/>
        <source>The model suggests no answer to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="206"/>
        <source>This window is read-only: answers cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="222"/>
        <source>Select the answer in the text first, then press Enter here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/QaPanel.cpp" line="241"/>
        <source>%1 has no answer to clear.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::QualityPanel</name>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="53"/>
        <source>Split leakage (near duplicates across splits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="54"/>
        <source>Inconsistent labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="55"/>
        <source>Drift of new documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="58"/>
        <source>The trained model whose training data the unassigned documents are compared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="64"/>
        <source>&amp;Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="66"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="67"/>
        <source>&amp;Re-split…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="69"/>
        <source>Move documents so that every group of near duplicates lies in one split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="73"/>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="115"/>
        <source>Choose a check and press Check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="80"/>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="80"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="80"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="80"/>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="84"/>
        <source>Enter opens the document. Inconsistent labels: R gives the occurrence the most frequent label, Delete removes its annotation, I marks the finding as intended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="126"/>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="151"/>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="158"/>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="165"/>
        <source>Re-split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="152"/>
        <source>Shares of the documents per split (&quot;train=0.8,dev=0.1,test=0.1&quot;), or &quot;current&quot; to keep today&apos;s proportions. Every group of near duplicates ends up in one split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dataquality/QualityPanel.cpp" line="166"/>
        <source>%n document(s) move to another split; %1 groups of near duplicates are kept whole. Models trained before are scored on other documents afterwards. Re-split?</source>
        <translation>
            <numerusform>%n document moves to another split; %1 groups of near duplicates are kept whole. Models trained before are scored on other documents afterwards. Re-split?</numerusform>
            <numerusform>%n documents move to another split; %1 groups of near duplicates are kept whole. Models trained before are scored on other documents afterwards. Re-split?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="184"/>
        <source>Unknown split &quot;%1&quot; (train, dev, test, unassigned).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dataquality/QualityPanel.cpp" line="195"/>
        <source>%n document(s) moved; near duplicates now share a split.</source>
        <translation>
            <numerusform>%n document moved; near duplicates now share a split.</numerusform>
            <numerusform>%n documents moved; near duplicates now share a split.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="212"/>
        <source>Choose a trained model: drift compares new documents with what it trained on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="221"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="285"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="289"/>
        <source>The check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dataquality/QualityPanel.cpp" line="310"/>
        <source> %n marked as intended are hidden.</source>
        <translation>
            <numerusform> %n finding marked as intended is hidden.</numerusform>
            <numerusform> %n findings marked as intended are hidden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="336"/>
        <source>%1: %2 of %3 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="338"/>
        <source>No leakage: no document or sentence of one split repeats another split&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dataquality/QualityPanel.cpp" line="339"/>
        <source>%n pair(s) of near-duplicate documents across splits (%1 exact); %2 sentence(s) in more than one split. Leaked — %3. Re-split… keeps near duplicates in one split.</source>
        <translation>
            <numerusform>%n pair of near-duplicate documents across splits (%1 exact); %2 sentence(s) in more than one split. Leaked — %3. Re-split… keeps near duplicates in one split.</numerusform>
            <numerusform>%n pairs of near-duplicate documents across splits (%1 exact); %2 sentence(s) in more than one split. Leaked — %3. Re-split… keeps near duplicates in one split.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="359"/>
        <source>exact duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="359"/>
        <source>similarity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="360"/>
        <source>%1:%2 ~ %3:%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="368"/>
        <source>Sentences in more than one split (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dataquality/QualityPanel.cpp" line="371"/>
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="385"/>
        <source>%1 entity surfaces, %2 relation argument pairs and %3 repeated texts are labelled more than one way. On an occurrence: R relabels it, Delete removes it, I marks the finding as intended, Enter opens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="396"/>
        <source>%1 &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="401"/>
        <source>disagreement %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="409"/>
        <source>%1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="432"/>
        <source>DRIFT: the unassigned documents differ from the training data; annotate some of those listed below and retrain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="434"/>
        <source>No drift: the unassigned documents look like the training data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="435"/>
        <source>%1 (%2 training, %3 dev, %4 unassigned documents; low confidence: dev %5%, unassigned %6%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="445"/>
        <source> — major drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="445"/>
        <source> — drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="446"/>
        <source>PSI %1 (dev %2, noise %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="447"/>
        <source>the model gives none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="448"/>
        <source>%1: training %2, dev %3, unassigned %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="453"/>
        <source>Annotate next (least like the training data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="457"/>
        <source>score %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="458"/>
        <source>confidence %1, distance %2, unknown words %3%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="542"/>
        <source>This occurrence already carries the most frequent label, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="546"/>
        <source>A document-level relation is fixed in the document: Enter opens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="556"/>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="541"/>
        <source>This occurrence is not annotated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="556"/>
        <source>%1 → removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dataquality/QualityPanel.cpp" line="574"/>
        <source>&quot;%1&quot; is marked as intended: later checks hide it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::QueuePanel</name>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="18"/>
        <source>Entropy (normalised by length)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="19"/>
        <source>Least confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="20"/>
        <source>Margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="21"/>
        <source>Diversity (most uncertain per cluster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="25"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="36"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="36"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="36"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="36"/>
        <source>Why next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="44"/>
        <source>Order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="46"/>
        <source>Batch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="79"/>
        <source>Every predicted document is labelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/QueuePanel.cpp" line="80"/>
        <source>%n document(s) queued.</source>
        <translation>
            <numerusform>%n document queued.</numerusform>
            <numerusform>%n documents queued.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/QueuePanel.cpp" line="82"/>
        <source>No queue yet: Model ▸ Suggest predicts the unlabelled documents. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::RecentProjectsMenu</name>
    <message>
        <location filename="../ui/RecentProjectsMenu.cpp" line="10"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecentProjectsMenu.cpp" line="26"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecentProjectsMenu.cpp" line="30"/>
        <source>(missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecentProjectsMenu.cpp" line="34"/>
        <source>No recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RecentProjectsMenu.cpp" line="36"/>
        <source>&amp;Clear Menu</source>
        <translation type="unfinished"></translation>
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
    <name>quarry::ui::ReviewPanel</name>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="58"/>
        <source>Which predictions to review: entities, relations, answers or categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="71"/>
        <location filename="../ui/training/ReviewPanel.cpp" line="299"/>
        <source>&amp;Derive from Dev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="74"/>
        <source>&amp;Review Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="78"/>
        <source>Review the model&apos;s suggestions: A accepts, X rejects (the docks&apos; buttons for answers and categories), recorded with your name; nothing else can be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="91"/>
        <source>Review band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="92"/>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="93"/>
        <source>Auto-accept band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="94"/>
        <source>All bands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="97"/>
        <source>Band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="97"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="97"/>
        <source>Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="97"/>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="106"/>
        <source>Auto-accept at or above:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="108"/>
        <source>escalate below:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="159"/>
        <source>Entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="160"/>
        <source>Relations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="161"/>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="162"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="220"/>
        <source>No %1 model to derive the thresholds with: train one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="231"/>
        <source>Predicting dev: %1 of %2 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="235"/>
        <source>Loading the latest %1 model to predict dev…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="245"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="259"/>
        <source>Deriving from dev was cancelled: the thresholds are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="272"/>
        <source>Auto-accept from %1: dev precision %2 on %3 of %4 predictions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="277"/>
        <source>No threshold reaches %1% precision on dev (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="280"/>
        <source>Escalate below %1: dev precision %2 above it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="283"/>
        <source>No threshold reaches %1% precision on dev.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="299"/>
        <source>Cancel &amp;Deriving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="300"/>
        <source>Stop deriving the %1 thresholds from dev; they stay as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/ReviewPanel.cpp" line="319"/>
        <source>Undecided suggestions: %1 auto-accept · %2 review · %3 escalate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::RunComparisonDialog</name>
    <message>
        <location filename="../ui/training/RunComparisonDialog.cpp" line="27"/>
        <source>Run %1 and Run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunComparisonDialog.cpp" line="31"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunComparisonDialog.cpp" line="31"/>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunComparisonDialog.cpp" line="31"/>
        <location filename="../ui/training/RunComparisonDialog.cpp" line="32"/>
        <source>Run %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunComparisonDialog.cpp" line="32"/>
        <source>F1 change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunComparisonDialog.cpp" line="57"/>
        <source>Neither run recorded a dev evaluation to compare.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::RunLogDialog</name>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="32"/>
        <source>Log of Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="46"/>
        <source>This run kept no log (it ran before Quarry kept run logs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="50"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="52"/>
        <source>&amp;Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="71"/>
        <source>Save the Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="72"/>
        <source>Logs (*.log *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunLogDialog.cpp" line="76"/>
        <source>Cannot Save the Log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::RunsPanel</name>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="90"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="90"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="90"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="90"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="90"/>
        <source>Trained on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="91"/>
        <source>Dev score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="91"/>
        <source>Annotations since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="91"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="91"/>
        <source>Took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="96"/>
        <source>Co&amp;mpare Two Runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="99"/>
        <source>E&amp;xport Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="103"/>
        <source>A zip with the model folder (Hugging Face&apos;s for transformers) and its model card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="104"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="107"/>
        <source>Continue a cancelled or interrupted training run from its last checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="108"/>
        <source>Analyse &amp;Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="111"/>
        <source>Where the selected training run&apos;s model errs on its dev documents; with two selected, what the newer fixed and broke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="113"/>
        <source>&amp;Drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="116"/>
        <source>Do the unassigned documents still look like what the selected run&apos;s model trained on? (Data Quality dock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="118"/>
        <source>Lo&amp;g…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="121"/>
        <source>What the selected run&apos;s job and the engine said, the reason last when it failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="122"/>
        <source>Sim&amp;ulate Active Learning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="125"/>
        <source>How much would active learning have saved here? A simulated annotator labels the project&apos;s labelled data strategy by strategy, and the learning curves compare them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="128"/>
        <source>Select two runs to compare them per type, or one to export its model or read its log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="232"/>
        <source>Export Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="233"/>
        <source>Model archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="237"/>
        <source>Cannot Export the Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/RunsPanel.cpp" line="248"/>
        <source>Cannot Read the Log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::SchemaEditorDialog</name>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="18"/>
        <source>Schema and guidelines — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="25"/>
        <source>&amp;Entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="26"/>
        <source>&amp;Relations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="27"/>
        <source>&amp;QA fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="28"/>
        <source>&amp;Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="71"/>
        <source>Guideline version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="74"/>
        <source>Guideline text changed: saving makes it version %1, recorded on new annotations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="76"/>
        <source>The project is open read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="90"/>
        <source>Schema not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaEditorDialog.cpp" line="90"/>
        <source>The schema was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::SchemaTypePage</name>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="51"/>
        <source>New %1 name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="52"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="53"/>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="87"/>
        <source>One key that applies this label; it must differ from every other type&apos;s key and from the document view&apos;s own keys (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="94"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="96"/>
        <source>&amp;Colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="99"/>
        <source>&amp;Hotkey:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="101"/>
        <source>Directed (head → tail); unchecked: symmetric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="105"/>
        <source>Head types:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="106"/>
        <source>Tail types:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="107"/>
        <source>None checked: any entity type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="115"/>
        <source>Add &amp;question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="116"/>
        <source>Remove q&amp;uestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="121"/>
        <source>Questions (first = canonical):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="125"/>
        <source>New question?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="134"/>
        <source>A document may have several categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SchemaTypePage.cpp" line="185"/>
        <source>%n annotation(s) in the project</source>
        <translation>
            <numerusform>%n annotation in the project</numerusform>
            <numerusform>%n annotations in the project</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="217"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="241"/>
        <source>Enter a name for the new %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="245"/>
        <location filename="../ui/SchemaTypePage.cpp" line="269"/>
        <source>There already is a %1 named %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="266"/>
        <source>A %1 needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SchemaTypePage.cpp" line="272"/>
        <source>%1 is used by %n annotation(s), which keep their type name; it cannot be renamed.</source>
        <translation>
            <numerusform>%1 is used by %n annotation, which keep their type name; it cannot be renamed.</numerusform>
            <numerusform>%1 is used by %n annotations, which keep their type name; it cannot be renamed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SchemaTypePage.cpp" line="286"/>
        <source>%1 is used by %n annotation(s) in this project. Remove or relabel them first; the %2 stays.</source>
        <translation>
            <numerusform>%1 is used by %n annotation in this project. Remove or relabel them first; the %2 stays.</numerusform>
            <numerusform>%1 is used by %n annotations in this project. Remove or relabel them first; the %2 stays.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="291"/>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="310"/>
        <source>The key %1 already belongs to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SchemaTypePage.cpp" line="332"/>
        <source>Colour of %1</source>
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
<context>
    <name>quarry::ui::SetLabelCommand</name>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="140"/>
        <source>Categorise as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/annotation/AnnotationCommands.cpp" line="140"/>
        <source>Remove category %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::StartWindow</name>
    <message>
        <location filename="../ui/StartWindow.cpp" line="26"/>
        <location filename="../ui/StartWindow.cpp" line="106"/>
        <location filename="../ui/StartWindow.cpp" line="143"/>
        <source>Quarry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="28"/>
        <source>&lt;h2&gt;Quarry&lt;/h2&gt;&lt;p&gt;Annotate domain text and train the models that extract it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="29"/>
        <source>&amp;Recent projects:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="32"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="32"/>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="32"/>
        <source>Last opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="39"/>
        <source>&amp;New project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="40"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="41"/>
        <source>Open &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="42"/>
        <source>Re&amp;move from list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="43"/>
        <source>Remove &amp;missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="44"/>
        <source>Forget the selected project (the file stays where it is)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="45"/>
        <source>Forget every project whose file is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="84"/>
        <source>The file is gone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="107"/>
        <source>%1 is no longer there. Remove it from the list with Delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartWindow.cpp" line="144"/>
        <source>Cannot open the demo project: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::SuggestionController</name>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="49"/>
        <source>&amp;Suggest with the Latest Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="53"/>
        <source>Predict the unassigned documents with the newest model of each task: entities, relations, answers and categories; A accepts, X rejects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="55"/>
        <source>Suggestion &amp;Threshold…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="60"/>
        <source>Suggestion Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="61"/>
        <source>Shift+A accepts every suggestion at or above this confidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="136"/>
        <source>No Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="140"/>
        <source>No NER model yet: run %1 suggests %2 spans in %3 documents that repeat %4 labelled surfaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="165"/>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="170"/>
        <source>Predicting the unassigned documents with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="175"/>
        <source>Suggestions failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/SuggestionController.cpp" line="177"/>
        <source>Run %1 (%2): %3 suggestions in %4 documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/SuggestionController.cpp" line="334"/>
        <source>%n suggestion(s) at or above %1 accepted.</source>
        <translation>
            <numerusform>%n suggestion at or above %1 accepted.</numerusform>
            <numerusform>%n suggestions at or above %1 accepted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quarry::ui::TeamActions</name>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="17"/>
        <source>&amp;Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="18"/>
        <source>&amp;Agreement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="20"/>
        <source>How far the annotators agree: per pair of annotators, per type and per document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="21"/>
        <source>A&amp;djudicate This Document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="24"/>
        <source>Walk the places where the annotators of this document disagree and choose a version for the gold layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="27"/>
        <source>Show &amp;Teammates&apos; Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="30"/>
        <source>On a project with separate layers: show every annotator&apos;s annotations of a document released for adjudication, not only yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="76"/>
        <source>Teammates&apos; layers show once every annotator of the document has finished it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="116"/>
        <source>Open a document to adjudicate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="144"/>
        <source>Edit %1&apos;s gold layer here; back in the adjudication view it shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/team/TeamActions.cpp" line="145"/>
        <source>Set the document&apos;s categories for %1&apos;s gold layer here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::TrainDialog</name>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="51"/>
        <source>Train a Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/TrainDialog.cpp" line="83"/>
        <source>%n dev document(s) (%1 exact)</source>
        <translation>
            <numerusform>%n dev document (%1 exact)</numerusform>
            <numerusform>%n dev documents (%1 exact)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/TrainDialog.cpp" line="85"/>
        <source>%n test document(s) (%1 exact)</source>
        <translation>
            <numerusform>%n test document (%1 exact)</numerusform>
            <numerusform>%n test documents (%1 exact)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="86"/>
        <source>Split leakage: %1 nearly repeat training documents, so scores will look better than they are. The Data Quality dock lists them, and its Re-split… keeps near duplicates in one split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="89"/>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="97"/>
        <source>Fine-tune a Hugging Face model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="100"/>
        <source>A new transformer (random weights) over the folder&apos;s tokenizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="107"/>
        <source>A folder with config.json, the weights and the tokenizer files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="108"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="120"/>
        <source>Reset to &amp;Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="130"/>
        <source>&amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="138"/>
        <source>T&amp;ask:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="145"/>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="147"/>
        <source>Options (hover or read below each for its meaning):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="183"/>
        <source>From scratch: %1 (no checkpoint needed; trains in seconds to minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="187"/>
        <source>Trains on %1 (%2 documents, split &quot;train&quot;); evaluates on %3 (%4 documents, split &quot;dev&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="207"/>
        <source>Model Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="218"/>
        <source>Choose a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="224"/>
        <source> — its head was trained for another task and is replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="297"/>
        <source>The &quot;train&quot; split has nothing to train %1 on: annotate some documents and put them in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainDialog.cpp" line="300"/>
        <source>Choose a model folder that loads, or train from scratch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/TrainDialog.cpp" line="312"/>
        <source>Estimated time: %1, at most %n epochs over %2 words.</source>
        <translation>
            <numerusform>Estimated time: %1, at most %n epoch over %2 words.</numerusform>
            <numerusform>Estimated time: %1, at most %n epochs over %2 words.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quarry::ui::TrainingController</name>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="24"/>
        <source>&amp;Train Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="27"/>
        <source>&amp;Retrain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="30"/>
        <source>Train again with the last settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="31"/>
        <source>&amp;Cancel Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="80"/>
        <source>Cannot Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="94"/>
        <source>Cannot Retrain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="109"/>
        <source>Cannot Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="117"/>
        <source>%1 (resumed run %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="154"/>
        <source>A Model Is Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingController.cpp" line="155"/>
        <source>A model is training. Cancel it? The best model so far is kept and the run is recorded as cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::TrainingPanel</name>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="21"/>
        <source>No model is training. Model ▸ Train… starts one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="31"/>
        <source>&amp;Cancel Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="39"/>
        <source>training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="41"/>
        <source>dev score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="46"/>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="49"/>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="52"/>
        <source>dev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="75"/>
        <source>%1: cancelling after this step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="90"/>
        <source>%1: reading the documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="109"/>
        <source>%1: epoch %2 of %3, step %4 of %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="115"/>
        <source>, about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="116"/>
        <source> · loss %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="119"/>
        <source> · dev %1 %2 (best %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="120"/>
        <source> · evaluating on dev…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="128"/>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="131"/>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="137"/>
        <source>%1 cancelled after %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="137"/>
        <source>%1 finished in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="139"/>
        <source>; best dev score %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="140"/>
        <source>; model in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="143"/>
        <source> (its end could not be recorded: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="145"/>
        <source>No model is training. Model ▸ Retrain repeats the last settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quarry::ui::Workbench</name>
    <message>
        <location filename="../ui/Workbench.cpp" line="61"/>
        <source>Cannot Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Workbench.cpp" line="79"/>
        <location filename="../ui/Workbench.cpp" line="89"/>
        <source>Read-Only Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Workbench.cpp" line="79"/>
        <source>The project is open read-only; nothing can be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Workbench.cpp" line="89"/>
        <source>The project is open read-only; the schema cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
