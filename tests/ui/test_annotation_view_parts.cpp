// The annotation view's pure helpers (span stacking, arc routing) and the undoable annotation
// commands, driven against a fake AnnotationSink.
#include <QUndoStack>
#include <QtTest>

#include "annotation/AnnotationCommands.h"
#include "annotation/ArcRouter.h"
#include "annotation/SpanStacker.h"

using namespace quarry;
using namespace quarry::ui;

namespace {

// An AnnotationSink over a plain Document; refuses duplicate and unknown keys like a store would.
class FakeSink : public AnnotationSink {
 public:
  Document doc;
  QStringList failures;

  bool addEntity(const EntitySpan& e, QString* error) override {
    if (doc.entity(e.key)) return fail(error, QStringLiteral("duplicate entity %1").arg(e.key));
    doc.entities.push_back(e);
    return true;
  }
  bool removeEntity(const QString& key, QString* error) override {
    if (!doc.entity(key)) return fail(error, QStringLiteral("no entity %1").arg(key));
    doc.entities.erase(std::remove_if(doc.entities.begin(), doc.entities.end(),
                                      [&](const EntitySpan& e) { return e.key == key; }),
                       doc.entities.end());
    doc.relations.erase(std::remove_if(doc.relations.begin(), doc.relations.end(),
                                       [&](const Relation& r) { return r.head == key || r.tail == key; }),
                        doc.relations.end());
    return true;
  }
  bool changeEntityType(const QString& key, const QString& type, QString* error) override {
    for (EntitySpan& e : doc.entities)
      if (e.key == key) {
        e.type = type;
        return true;
      }
    return fail(error, QStringLiteral("no entity %1").arg(key));
  }
  bool addRelation(const Relation& r, QString* error) override {
    if (relation(r.key)) return fail(error, QStringLiteral("duplicate relation %1").arg(r.key));
    if (!doc.entity(r.head) || !doc.entity(r.tail)) return fail(error, QStringLiteral("dangling relation"));
    doc.relations.push_back(r);
    return true;
  }
  bool removeRelation(const QString& key, QString* error) override {
    const auto before = doc.relations.size();
    doc.relations.erase(std::remove_if(doc.relations.begin(), doc.relations.end(),
                                       [&](const Relation& r) { return r.key == key; }),
                        doc.relations.end());
    return before != doc.relations.size() ? true : fail(error, QStringLiteral("no relation %1").arg(key));
  }
  bool setAnswer(const QaAnswer& a, QString*) override {
    clearAnswer(a.field, nullptr);
    doc.answers.push_back(a);
    return true;
  }
  bool clearAnswer(const QString& field, QString*) override {
    doc.answers.erase(std::remove_if(doc.answers.begin(), doc.answers.end(),
                                     [&](const QaAnswer& a) { return a.field == field; }),
                      doc.answers.end());
    return true;
  }
  // Single-category, like a schema without multiLabelCategories.
  bool addLabel(const QString& category, QString*) override {
    DocumentLabel l;
    l.category = category;
    doc.labels = {l};
    return true;
  }
  bool removeLabel(const QString& category, QString* error) override {
    const auto before = doc.labels.size();
    doc.labels.erase(std::remove_if(doc.labels.begin(), doc.labels.end(),
                                    [&](const DocumentLabel& l) { return l.category == category; }),
                     doc.labels.end());
    return before != doc.labels.size() ? true : fail(error, QStringLiteral("no label %1").arg(category));
  }
  QStringList labels() const override {
    QStringList out;
    for (const DocumentLabel& l : doc.labels) out << l.category;
    return out;
  }
  std::optional<EntitySpan> entity(const QString& key) const override {
    const EntitySpan* e = doc.entity(key);
    return e ? std::optional<EntitySpan>(*e) : std::nullopt;
  }
  std::optional<Relation> relation(const QString& key) const override {
    for (const Relation& r : doc.relations)
      if (r.key == key) return r;
    return std::nullopt;
  }
  QVector<Relation> relationsOf(const QString& key) const override {
    QVector<Relation> out;
    for (const Relation& r : doc.relations)
      if (r.head == key || r.tail == key) out.push_back(r);
    return out;
  }
  std::optional<QaAnswer> answer(const QString& field) const override {
    for (const QaAnswer& a : doc.answers)
      if (a.field == field) return a;
    return std::nullopt;
  }
  void commandFailed(const QString& what, const QString& error) override { failures.push_back(what + QStringLiteral(": ") + error); }

 private:
  static bool fail(QString* error, const QString& message) {
    if (error) *error = message;
    return false;
  }
};

EntitySpan entity(const QString& key, const QString& type, int start, int end) {
  EntitySpan e;
  e.key = key;
  e.type = type;
  e.fragments = {Fragment{start, end}};
  return e;
}

Relation relation(const QString& key, const QString& type, const QString& head, const QString& tail) {
  Relation r;
  r.key = key;
  r.type = type;
  r.head = head;
  r.tail = tail;
  return r;
}

}  // namespace

class TestAnnotationViewParts : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void stackerNestsAndSeparates() {
    // [0,20) encloses [5,10) which encloses [6,8); [12,15) overlaps nothing but [0,20); [20,25) touches.
    const QVector<StackInterval> in = {{5, 10}, {0, 20}, {6, 8}, {12, 15}, {20, 25}};
    int lanes = 0;
    const QVector<int> out = SpanStacker::assign(in, &lanes);
    QCOMPARE(out, (QVector<int>{1, 0, 2, 1, 0}));
    QCOMPARE(lanes, 3);
    QCOMPARE(SpanStacker::assign({}, &lanes), QVector<int>());
    QCOMPARE(lanes, 0);
  }

  void routerStacksOverlappingArcs() {
    // Two short arcs side by side share lane 0; one spanning both goes above; a far one reuses 0.
    const QVector<ArcInterval> in = {{0, 100}, {0, 40}, {60, 100}, {200, 260}, {30, 70}};
    int lanes = 0;
    const QVector<int> out = ArcRouter::assign(in, 4, &lanes);
    QCOMPARE(out[1], 0);
    QCOMPARE(out[2], 0);
    QCOMPARE(out[3], 0);
    QCOMPARE(out[4], 1);  // overlaps both short arcs
    QCOMPARE(out[0], 2);  // widest, over everything
    QCOMPARE(lanes, 3);
  }

  void addEntityDoUndoRedo() {
    FakeSink sink;
    QUndoStack stack;
    stack.push(new AddEntityCommand(&sink, entity(QStringLiteral("T1"), QStringLiteral("DRUG"), 2, 9)));
    QCOMPARE(sink.doc.entities.size(), 1);
    QCOMPARE(stack.count(), 1);
    stack.undo();
    QCOMPARE(sink.doc.entities.size(), 0);
    stack.redo();
    QCOMPARE(sink.doc.entities.size(), 1);
    QCOMPARE(sink.doc.entities[0].fragments[0], (Fragment{2, 9}));
    QVERIFY(sink.failures.isEmpty());
  }

  void failedCommandIsDropped() {
    FakeSink sink;
    sink.doc.entities.push_back(entity(QStringLiteral("T1"), QStringLiteral("DRUG"), 2, 9));
    QUndoStack stack;
    auto* cmd = new AddEntityCommand(&sink, entity(QStringLiteral("T1"), QStringLiteral("DISEASE"), 0, 1));
    stack.push(cmd);  // deleted by the stack: obsolete after a failed first redo
    QCOMPARE(stack.count(), 0);
    QCOMPARE(sink.doc.entities.size(), 1);
    QCOMPARE(sink.failures.size(), 1);
    QVERIFY2(sink.failures[0].contains(QLatin1String("duplicate entity T1")), qPrintable(sink.failures[0]));
  }

  void removeEntityRestoresItsRelations() {
    FakeSink sink;
    sink.doc.entities = {entity(QStringLiteral("T1"), QStringLiteral("DRUG"), 2, 9),
                         entity(QStringLiteral("T2"), QStringLiteral("DISEASE"), 24, 32)};
    sink.doc.relations = {relation(QStringLiteral("R1"), QStringLiteral("TREATS"), QStringLiteral("T1"), QStringLiteral("T2"))};
    QUndoStack stack;
    stack.push(new RemoveEntityCommand(&sink, QStringLiteral("T2")));
    QCOMPARE(sink.doc.entities.size(), 1);
    QCOMPARE(sink.doc.relations.size(), 0);
    stack.undo();
    QCOMPARE(sink.doc.entities.size(), 2);
    QCOMPARE(sink.doc.relations.size(), 1);
    QCOMPARE(sink.doc.relations[0].tail, QStringLiteral("T2"));
    stack.redo();
    QCOMPARE(sink.doc.entities.size(), 1);
    QCOMPARE(sink.doc.relations.size(), 0);
  }

  void labelReplacesAndUndoRestores() {
    FakeSink sink;
    QUndoStack stack;
    stack.push(new SetLabelCommand(&sink, QStringLiteral("fair"), true));
    QCOMPARE(sink.labels(), QStringList{QStringLiteral("fair")});
    stack.push(new SetLabelCommand(&sink, QStringLiteral("unfair"), true));
    QCOMPARE(sink.labels(), QStringList{QStringLiteral("unfair")});
    stack.undo();
    QCOMPARE(sink.labels(), QStringList{QStringLiteral("fair")});
    stack.push(new SetLabelCommand(&sink, QStringLiteral("fair"), false));
    QVERIFY(sink.labels().isEmpty());
    stack.undo();
    QCOMPARE(sink.labels(), QStringList{QStringLiteral("fair")});
    stack.undo();
    QVERIFY(sink.labels().isEmpty());
    stack.push(new SetLabelCommand(&sink, QStringLiteral("fair"), false));  // not there: refused, dropped
    QCOMPARE(stack.count(), 0);
    QCOMPARE(sink.failures.size(), 1);
  }

  void changeTypeDoUndoRedo() {
    FakeSink sink;
    sink.doc.entities = {entity(QStringLiteral("T1"), QStringLiteral("DRUG"), 2, 9)};
    QUndoStack stack;
    stack.push(new ChangeEntityTypeCommand(&sink, QStringLiteral("T1"), QStringLiteral("DISEASE")));
    QCOMPARE(sink.doc.entities[0].type, QStringLiteral("DISEASE"));
    stack.undo();
    QCOMPARE(sink.doc.entities[0].type, QStringLiteral("DRUG"));
    stack.redo();
    QCOMPARE(sink.doc.entities[0].type, QStringLiteral("DISEASE"));
  }

  void relationsDoUndoRedo() {
    FakeSink sink;
    sink.doc.entities = {entity(QStringLiteral("T1"), QStringLiteral("DRUG"), 2, 9),
                         entity(QStringLiteral("T2"), QStringLiteral("DISEASE"), 24, 32)};
    QUndoStack stack;
    stack.push(new AddRelationCommand(&sink, relation(QStringLiteral("R1"), QStringLiteral("TREATS"),
                                                      QStringLiteral("T1"), QStringLiteral("T2"))));
    QCOMPARE(sink.doc.relations.size(), 1);
    stack.push(new RemoveRelationCommand(&sink, QStringLiteral("R1")));
    QCOMPARE(sink.doc.relations.size(), 0);
    stack.undo();
    QCOMPARE(sink.doc.relations.size(), 1);
    QCOMPARE(sink.doc.relations[0].type, QStringLiteral("TREATS"));
    stack.undo();
    QCOMPARE(sink.doc.relations.size(), 0);
    stack.redo();
    stack.redo();
    QCOMPARE(sink.doc.relations.size(), 0);
    QCOMPARE(stack.index(), 2);
  }

  void setAnswerRestoresPrevious() {
    FakeSink sink;
    QaAnswer first;
    first.field = QStringLiteral("dose");
    first.start = 2;
    first.end = 9;
    QaAnswer second = first;
    second.start = 24;
    second.end = 32;
    QUndoStack stack;
    stack.push(new SetAnswerCommand(&sink, first));
    stack.push(new SetAnswerCommand(&sink, second));
    QCOMPARE(sink.doc.answers.size(), 1);
    QCOMPARE(sink.doc.answers[0].start, 24);
    stack.undo();
    QCOMPARE(sink.doc.answers.size(), 1);
    QCOMPARE(sink.doc.answers[0].start, 2);
    stack.undo();
    QCOMPARE(sink.doc.answers.size(), 0);
    stack.redo();
    stack.redo();
    QCOMPARE(sink.doc.answers[0].end, 32);
  }
};

QTEST_GUILESS_MAIN(TestAnnotationViewParts)
#include "test_annotation_view_parts.moc"
