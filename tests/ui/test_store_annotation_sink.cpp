// Undoable edits from the annotation view reach the store as they happen, survive reopening the
// project, and undo/redo take them out and put them back.
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "StoreAnnotationSink.h"
#include "annotation/AnnotationCommands.h"

using namespace quarry;

class TestStoreAnnotationSink : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void editsAreSavedAndUndoable() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.quarry"));
    qint64 documentId = 0;
    {
      auto store = ProjectStore::create(path, QStringLiteral("p"));
      QVERIFY(store.ok());
      Schema schema;
      schema.entityTypes = {EntityType{QStringLiteral("DRUG"), {}, {}, {}}, EntityType{QStringLiteral("DISEASE"), {}, {}, {}}};
      RelationType treats;
      treats.name = QStringLiteral("TREATS");
      treats.headTypes = {QStringLiteral("DRUG")};
      treats.tailTypes = {QStringLiteral("DISEASE")};
      schema.relationTypes = {treats};
      QaField field;
      field.name = QStringLiteral("drug");
      schema.qaFields = {field};
      schema.categories = {CategoryType{QStringLiteral("drugs"), {}, {}, {}},
                           CategoryType{QStringLiteral("other"), {}, {}, {}}};
      QVERIFY(store.value()->setSchema(schema).ok());
      Corpus corpus;
      Document d;
      d.name = QStringLiteral("d1");
      d.text = QStringLiteral("😀 Aspirin treats headache.");
      corpus.documents = {d};
      QVERIFY(store.value()->importCorpus(corpus, QStringLiteral("import")).ok());
      documentId = store.value()->listDocuments().value().front().id;

      ui::StoreAnnotationSink sink(store.value().get(), documentId, QStringLiteral("alice"));
      QUndoStack undo;
      EntitySpan drug;
      drug.key = sink.nextKey(QStringLiteral("T"));
      drug.type = QStringLiteral("DRUG");
      drug.fragments = {Fragment{2, 9}};
      undo.push(new ui::AddEntityCommand(&sink, drug));
      EntitySpan disease;
      disease.key = sink.nextKey(QStringLiteral("T"));
      disease.type = QStringLiteral("DISEASE");
      disease.fragments = {Fragment{17, 25}};
      undo.push(new ui::AddEntityCommand(&sink, disease));
      QCOMPARE(disease.key, QStringLiteral("T2"));
      Relation rel;
      rel.key = sink.nextKey(QStringLiteral("R"));
      rel.type = QStringLiteral("TREATS");
      rel.head = drug.key;
      rel.tail = disease.key;
      undo.push(new ui::AddRelationCommand(&sink, rel));
      QaAnswer answer;
      answer.field = QStringLiteral("drug");
      answer.start = 2;
      answer.end = 9;
      undo.push(new ui::SetAnswerCommand(&sink, answer));
      QCOMPARE(undo.count(), 4);

      // A relation the schema forbids (DISEASE -> DRUG) is refused and not kept on the stack.
      Relation wrong = rel;
      wrong.key = sink.nextKey(QStringLiteral("R"));
      wrong.head = disease.key;
      wrong.tail = drug.key;
      undo.push(new ui::AddRelationCommand(&sink, wrong));
      QCOMPARE(undo.count(), 4);
      QCOMPARE(sink.document().relations.size(), 1);

      // Removing the drug takes its relation; undo brings both back.
      undo.push(new ui::RemoveEntityCommand(&sink, drug.key));
      QCOMPARE(sink.document().entities.size(), 1);
      QCOMPARE(sink.document().relations.size(), 0);
      undo.undo();
      QCOMPARE(sink.document().entities.size(), 2);
      QCOMPARE(sink.document().relations.size(), 1);
      undo.undo();  // the answer
      QCOMPARE(sink.document().answers.size(), 0);
      undo.redo();
      QCOMPARE(sink.document().answers.size(), 1);

      // One category per document: "other" replaces "drugs", undo puts "drugs" back.
      undo.push(new ui::SetLabelCommand(&sink, QStringLiteral("drugs"), true));
      undo.push(new ui::SetLabelCommand(&sink, QStringLiteral("other"), true));
      QCOMPARE(sink.labels(), QStringList{QStringLiteral("other")});
      undo.undo();
      QCOMPARE(sink.labels(), QStringList{QStringLiteral("drugs")});
    }
    // Reopen: everything is there, recorded under the annotator.
    auto reopened = ProjectStore::open(path);
    QVERIFY(reopened.ok());
    Result<StoredDocument> doc = reopened.value()->loadDocument(documentId);
    QVERIFY(doc.ok());
    QCOMPARE(doc->document.entities.size(), 2);
    QCOMPARE(doc->document.relations.size(), 1);
    QCOMPARE(doc->document.answers.size(), 1);
    QCOMPARE(doc->document.labels.size(), 1);
    QCOMPARE(doc->document.labels.front().category, QStringLiteral("drugs"));
    QCOMPARE(doc->document.entities.front().provenance.annotator, QStringLiteral("alice"));
    QCOMPARE(doc->document.entities.front().provenance.origin, Origin::Manual);
  }
};

QTEST_GUILESS_MAIN(TestStoreAnnotationSink)
#include "test_store_annotation_sink.moc"
