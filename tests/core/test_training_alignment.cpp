// The workbench asks the NER engine which spans it cannot train as annotated.
#include <QtTest>

#include "jobs/TrainingAlignment.h"

using namespace quarry;

class TestTrainingAlignment : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void reportsSpansInsideWords() {
    Document d;
    d.name = QStringLiteral("d1");
    d.text = QStringLiteral("BRCA1mutations cause breast cancer in Zürich.");
    EntitySpan inside{QStringLiteral("T1"), QStringLiteral("GENE"), {{0, 5}}, {}, {}};        // "BRCA1" inside a word
    EntitySpan split{QStringLiteral("T3"), QStringLiteral("DISEASE"), {{21, 27}, {28, 34}}, {}, {}};
    d.entities = {inside, split};
    const QHash<QString, QString> r = jobs::misalignedEntities(d);
    QVERIFY2(r.contains(QStringLiteral("T1")), "a span ending inside a word is reported");
    QVERIFY2(r.value(QStringLiteral("T1")).contains(QStringLiteral("BRCA1mutations")), qPrintable(r.value(QStringLiteral("T1"))));
    QVERIFY2(r.contains(QStringLiteral("T3")), "a discontinuous span is reported");
  }
  void cleanDocumentHasNothing() {
    Document d;
    d.name = QStringLiteral("d2");
    d.text = QStringLiteral("Aspirin treats headache.");
    d.entities = {EntitySpan{QStringLiteral("T1"), QStringLiteral("DRUG"), {{0, 7}}, {}, {}}};
    QVERIFY(jobs::misalignedEntities(d).isEmpty());
  }
};

QTEST_GUILESS_MAIN(TestTrainingAlignment)
#include "test_training_alignment.moc"
