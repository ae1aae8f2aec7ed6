#pragma once
// Tiny corpora for the store tests: every kind of annotation, discontinuous spans, emoji text.

#include <QTemporaryDir>
#include <QTest>

#include "corpus/Corpus.h"

// `r` is evaluated once: a write checked this way happens once.
#define QUARRY_VERIFY_OK(r)                                                                   \
  do {                                                                                        \
    const auto& quarryCheckedResult = (r);                                                    \
    QVERIFY2(quarryCheckedResult.ok(),                                                        \
             quarryCheckedResult.ok() ? "" : quarryCheckedResult.error().toString().c_str()); \
  } while (false)

namespace quarry::test {

inline Guideline guideline(const QString& definition) {
  Guideline g;
  g.definition = definition;
  g.positiveExamples = QStringList{QStringLiteral("aspirin"), QStringLiteral("ibuprofen")};
  g.negativeExamples = QStringList{QStringLiteral("tablet")};
  g.edgeCases = QStringList{QStringLiteral("brand names count")};
  return g;
}

inline Schema storeTestSchema() {
  Schema s;
  s.entityTypes = {EntityType{QStringLiteral("DRUG"), QStringLiteral("#ff0000"), QStringLiteral("d"),
                              guideline(QStringLiteral("A medicine."))},
                   EntityType{QStringLiteral("DISEASE"), QStringLiteral("#00ff00"), QStringLiteral("s"), {}},
                   EntityType{QStringLiteral("SYMPTOM"), {}, {}, {}}};
  RelationType treats;
  treats.name = QStringLiteral("TREATS");
  treats.headTypes = QStringList{QStringLiteral("DRUG")};
  treats.tailTypes = QStringList{QStringLiteral("DISEASE"), QStringLiteral("SYMPTOM")};
  treats.guideline = guideline(QStringLiteral("Drug treats a condition."));
  RelationType cooccurs;
  cooccurs.name = QStringLiteral("COOCCURS");
  cooccurs.directed = false;
  s.relationTypes = {treats, cooccurs};
  QaField date;
  date.name = QStringLiteral("effective_date");
  date.questions =
      QStringList{QStringLiteral("When does it take effect?"), QStringLiteral("Effective date?")};
  QaField termination;
  termination.name = QStringLiteral("termination");
  termination.questions = QStringList{QStringLiteral("How can it be terminated?")};
  s.qaFields = {date, termination};
  s.categories = {
      CategoryType{QStringLiteral("fair"), QStringLiteral("#0000ff"), QStringLiteral("f"), {}},
      CategoryType{QStringLiteral("unfair"), {}, {}, guideline(QStringLiteral("Bad for the consumer."))}};
  s.multiLabelCategories = true;
  s.guidelineVersion = 3;
  return s;
}

inline EntitySpan span(const QString& key, const QString& type, QVector<Fragment> fragments) {
  EntitySpan e;
  e.key = key;
  e.type = type;
  e.fragments = std::move(fragments);
  return e;
}

inline Relation relation(const QString& key, const QString& type, const QString& head, const QString& tail) {
  Relation r;
  r.key = key;
  r.type = type;
  r.head = head;
  r.tail = tail;
  return r;
}

// Three documents: entities with a discontinuous span and relations over emoji text; QA answers with
// a no-answer, labels and metadata; an empty one.
inline Corpus storeTestCorpus() {
  Corpus c;
  c.schema = storeTestSchema();
  Document d1;
  d1.name = QStringLiteral("doc-1");
  // Code points: "Aspirin " 0-8, pill 8, "treats" 10-16, "headache" 17-25, face 26, "and" 28-31, "fever"
  // 32-37.
  d1.text = QStringLiteral("Aspirin 💊 treats headache 🤕 and fever.");
  d1.sourceFile = QStringLiteral("/data/doc-1.txt");
  d1.split = Split::Train;
  d1.entities = {span(QStringLiteral("T1"), QStringLiteral("DRUG"), {{0, 7}}),
                 span(QStringLiteral("T2"), QStringLiteral("DISEASE"), {{17, 25}}),
                 span(QStringLiteral("T3"), QStringLiteral("SYMPTOM"), {{17, 25}, {32, 37}})};
  d1.entities[0].attributes.insert(QStringLiteral("cui"), QStringLiteral("C0004057"));
  d1.relations = {
      relation(QStringLiteral("R1"), QStringLiteral("TREATS"), QStringLiteral("T1"), QStringLiteral("T2")),
      relation(QStringLiteral("R2"), QStringLiteral("TREATS"), QStringLiteral("T1"), QStringLiteral("T3"))};
  d1.relations[1].attributes.insert(QStringLiteral("negated"), true);

  Document d2;
  d2.name = QStringLiteral("contract-2 ü");
  d2.text = QStringLiteral("The agreement is effective from 1 January 2020. 🎉");
  d2.metadata.insert(QStringLiteral("pmid"), QStringLiteral("123"));
  d2.metadata.insert(QStringLiteral("pages"), 3);
  d2.split = Split::Test;
  d2.status = DocumentStatus::Done;
  QaAnswer a;
  a.field = QStringLiteral("effective_date");
  a.questionId = QStringLiteral("q1");
  a.start = 32;
  a.end = 46;
  QaAnswer none;
  none.field = QStringLiteral("termination");
  none.questionId = QStringLiteral("q2");
  none.noAnswer = true;
  d2.answers = {a, none};
  DocumentLabel fair, unfair;
  fair.category = QStringLiteral("fair");
  unfair.category = QStringLiteral("unfair");
  d2.labels = {unfair, fair};

  Document d3;
  d3.name = QStringLiteral("empty");
  d3.split = Split::Dev;
  c.documents = {d1, d2, d3};
  return c;
}

// `n` plain documents "<prefix>-<i>" with one DRUG span each.
inline Corpus plainCorpus(const QString& prefix, int n) {
  Corpus c;
  c.schema = storeTestSchema();
  for (int i = 0; i < n; ++i) {
    Document d;
    d.name = QStringLiteral("%1-%2").arg(prefix).arg(i);
    d.text = QStringLiteral("Take aspirin daily.");
    d.entities = {span(QStringLiteral("T1"), QStringLiteral("DRUG"), {{5, 12}})};
    c.documents.push_back(d);
  }
  return c;
}

}  // namespace quarry::test
