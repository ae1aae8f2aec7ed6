// Agreement between a project's annotators (jobs/AnnotatorAgreement, quarry-cli agreement): each annotator's
// layer from the provenance of the store's rows, a document one of them only touched counts as "found
// nothing", the refusals. On a project file, and (test_agreement_project_postgresql) on PostgreSQL.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "CliTestSupport.h"
#include "StoreTestBackend.h"
#include "store/ProjectStore.h"
#include "test_store_data.h"

using quarry::Corpus;
using quarry::Document;
using quarry::DocumentStatus;
using quarry::ProjectStore;
using quarry::test::plainCorpus;
using quarry::test::span;
using quarry::test::StoreTestBackend;

class TestAgreementProject : public QObject {
  Q_OBJECT

 public:
  StoreTestBackend& backend() { return m_backend; }

 private:
  QTemporaryDir m_dir;
  StoreTestBackend m_backend;

  // Three documents; anna and ben annotate them apart (d2: anna only marks it done, having found nothing).
  QString doubleAnnotated() {
    const QString location = m_backend.freshLocation(m_dir);
    auto store = ProjectStore::create(location, QStringLiteral("double"));
    if (!store) qFatal("%s", store.error().toString().c_str());
    Corpus corpus = plainCorpus(QStringLiteral("d"), 3);
    for (Document& d : corpus.documents) d.entities.clear();
    if (!(*store)->importCorpus(corpus, QStringLiteral("importer")).ok()) qFatal("import failed");
    ProjectStore& s = **store;
    if (!s.setSeparateLayers(true).ok()) qFatal("setSeparateLayers failed");
    const auto docs = s.listDocuments().value();
    const QString anna = QStringLiteral("anna"), ben = QStringLiteral("ben");
    auto must = [](bool ok) {
      if (!ok) qFatal("setting up the layers failed");
    };
    must(s.addEntity(docs[0].id, span({}, QStringLiteral("DRUG"), {{5, 12}}), anna).ok());
    must(s.addEntity(docs[0].id, span({}, QStringLiteral("DRUG"), {{5, 12}}), ben).ok());
    must(s.addEntity(docs[1].id, span({}, QStringLiteral("DRUG"), {{5, 12}}), anna).ok());
    must(s.addEntity(docs[1].id, span({}, QStringLiteral("DISEASE"), {{5, 12}}), ben).ok());
    must(s.setDocumentStatus(docs[2].id, DocumentStatus::Done, anna).ok());
    must(s.addEntity(docs[2].id, span({}, QStringLiteral("DRUG"), {{5, 12}}), ben).ok());
    must(s.addLabel(docs[0].id, QStringLiteral("fair"), anna).ok());
    must(s.addLabel(docs[0].id, QStringLiteral("fair"), ben).ok());
    must(s.addLabel(docs[1].id, QStringLiteral("unfair"), anna).ok());
    must(s.addLabel(docs[1].id, QStringLiteral("fair"), ben).ok());
    return location;
  }

 private Q_SLOTS:
  void layersFromProvenance() {
    const QString project = doubleAnnotated();
    const CliRun run = ::cli({QStringLiteral("agreement"), project, QStringLiteral("--json")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("annotators")).toArray().size(), 2);
    const QJsonObject pair = json.value(QStringLiteral("pairs")).toArray().at(0).toObject();
    QCOMPARE(pair.value(QStringLiteral("a")).toString(), QStringLiteral("anna"));
    QCOMPARE(pair.value(QStringLiteral("b")).toString(), QStringLiteral("ben"));
    QCOMPARE(pair.value(QStringLiteral("documents")).toInt(), 3);  // d2 counts: anna found nothing there
    const QJsonObject exact = pair.value(QStringLiteral("span_exact")).toObject();
    QCOMPARE(exact.value(QStringLiteral("a")).toInt(), 2);
    QCOMPARE(exact.value(QStringLiteral("b")).toInt(), 3);
    QCOMPARE(exact.value(QStringLiteral("both")).toInt(), 1);
    QCOMPARE(exact.value(QStringLiteral("f1")).toDouble(), 0.4);
    // Labels on d0 and d1: po 1/2, pe 1/2 -> 0.
    QCOMPARE(pair.value(QStringLiteral("labelled_documents")).toInt(), 2);
    QCOMPARE(pair.value(QStringLiteral("label_kappa")).toDouble(), 0.0);

    const CliRun table = ::cli({QStringLiteral("agreement"), project, QStringLiteral("--documents")});
    QVERIFY2(table.code == 0, qPrintable(table.err));
    QVERIFY2(table.out.contains(QStringLiteral("anna vs ben")), qPrintable(table.out));
    QVERIFY2(table.out.contains(QStringLiteral("0.4000")), qPrintable(table.out));
    const int worst = table.out.indexOf(QStringLiteral("d-1")), best = table.out.indexOf(QStringLiteral("d-0"));
    QVERIFY2(worst > 0 && best > worst, qPrintable(table.out));  // least agreement first
  }

  // Single-label categories with separate layers: each annotator's choice replaces only their own, and two
  // may choose the same; with one shared layer, a choice replaces whoever's label was there.
  void labelsStayInTheirLayer() {
    const QString location = m_backend.freshLocation(m_dir);
    auto created = ProjectStore::create(location, QStringLiteral("labels"));
    QVERIFY(created.ok());
    ProjectStore& s = **created;
    Corpus corpus = plainCorpus(QStringLiteral("d"), 1);
    corpus.schema.multiLabelCategories = false;
    QVERIFY(s.importCorpus(corpus, QStringLiteral("importer")).ok());
    const qint64 doc = s.listDocuments()->at(0).id;
    QVERIFY(!s.info()->separateLayers);
    QVERIFY(s.addLabel(doc, QStringLiteral("fair"), QStringLiteral("anna")).ok());
    QVERIFY(s.addLabel(doc, QStringLiteral("unfair"), QStringLiteral("ben")).ok());
    QCOMPARE(s.loadDocument(doc)->document.labels.size(), 1);  // shared: ben's replaced anna's
    QVERIFY(s.setSeparateLayers(true).ok());
    QVERIFY(s.info()->separateLayers);
    QVERIFY(s.addLabel(doc, QStringLiteral("unfair"), QStringLiteral("anna")).ok());
    QVERIFY(s.addLabel(doc, QStringLiteral("fair"), QStringLiteral("anna")).ok());  // replaces anna's own
    auto labels = s.loadDocument(doc)->document.labels;
    QCOMPARE(labels.size(), 2);
    QVERIFY(s.addLabel(doc, QStringLiteral("fair"), QStringLiteral("ben")).ok());   // the same category
    labels = s.loadDocument(doc)->document.labels;
    QCOMPARE(labels.size(), 2);
    QStringList who;
    for (const auto& l : labels) who << l.provenance.annotator + QLatin1Char(':') + l.category;
    who.sort();
    QCOMPARE(who, (QStringList{QStringLiteral("anna:fair"), QStringLiteral("ben:fair")}));
  }

  void refusals() {
    const QString project = doubleAnnotated();
    CliRun one = ::cli({QStringLiteral("agreement"), project, QStringLiteral("--annotators"), QStringLiteral("anna")});
    QCOMPARE(one.code, 1);
    QVERIFY2(one.err.contains(QStringLiteral("needs two annotators")), qPrintable(one.err));
    CliRun unknown = ::cli({QStringLiteral("agreement"), project, QStringLiteral("--annotators"), QStringLiteral("anna,zoe")});
    QCOMPARE(unknown.code, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("'zoe' annotated none")), qPrintable(unknown.err));
    QVERIFY2(unknown.err.contains(QStringLiteral("anna, ben")), qPrintable(unknown.err));
    CliRun devOnly = ::cli({QStringLiteral("agreement"), project, QStringLiteral("--splits"), QStringLiteral("dev")});
    QCOMPARE(devOnly.code, 1);  // every document is unassigned
    QVERIFY2(devOnly.err.contains(QStringLiteral("annotators here: none")), qPrintable(devOnly.err));
  }
};

QUARRY_STORE_TEST_MAIN(TestAgreementProject)
#include "test_agreement_project.moc"
