#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include "formats/SquadFormat.h"
#include "test_formats_util.h"

using namespace quarry;
using quarry::test::writeText;

class TestFormatsSquad : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

  // Context "Zoë 😀 lives in Köln. Köln is old." : 😀 is one code point (two UTF-16 units), so
  // "lives" starts at code point 6 but at UTF-16 index 7.
  static QString tinyV2() {
    return QStringLiteral(R"({"version": "v2.0", "data": [
 {"title": "T\u00e9st", "paragraphs": [
  {"context": "Zo\u00eb \ud83d\ude00 lives in K\u00f6ln. K\u00f6ln is old.", "qas": [
    {"id": "q1", "question": "Where does Zo\u00eb live?", "is_impossible": false,
     "answers": [{"text": "K\u00f6ln", "answer_start": 15}, {"text": "in K\u00f6ln", "answer_start": 12}]},
    {"id": "q2", "question": "Who is old?", "is_impossible": true, "answers": [],
     "plausible_answers": [{"text": "Zo\u00eb", "answer_start": 0}]}]},
  {"context": "Second paragraph.", "qas": []}]}]})");
  }

 private Q_SLOTS:
  void readsQuestionsAnswersAndImpossible() {
    writeText(path("v2.json"), tinyV2());
    ImportReport report;
    Result<Corpus> c = SquadFormat().read(path("v2.json"), {}, report);
    QVERIFY2(c.ok(), c.ok() ? "" : c.error().toString().c_str());
    QCOMPARE(c->documents.size(), 2);
    const Document& d = c->documents[0];
    QCOMPARE(d.name, QStringLiteral("T\u00e9st:0"));
    QCOMPARE(c->documents[1].name, QStringLiteral("T\u00e9st:1"));
    QCOMPARE(d.metadata.value(QStringLiteral("title")).toString(), QStringLiteral("T\u00e9st"));
    QCOMPARE(c->documents[1].metadata.value(QStringLiteral("paragraph")).toInt(), 1);
    QCOMPARE(c->schema.qaFields.size(), 2);
    QCOMPARE(c->schema.qaField(QStringLiteral("q1"))->questions,
             QStringList{QStringLiteral("Where does Zo\u00eb live?")});
    QCOMPARE(d.answers.size(), 3);
    QCOMPARE(d.answers[0].start, 15);
    QCOMPARE(d.answers[0].end, 19);
    QCOMPARE(d.answers[1].start, 12);
    QCOMPARE(d.answers[1].questionId, QStringLiteral("q1"));
    QVERIFY(d.answers[2].noAnswer);
    QCOMPARE(d.answers[2].field, QStringLiteral("q2"));
    QCOMPARE(d.answers[2].attributes.value(QStringLiteral("plausible_answers")).toArray().size(), 1);
  }

  void roundTripIsEqual() {
    writeText(path("rt.json"), tinyV2());
    ImportReport report;
    Result<Corpus> a = SquadFormat().read(path("rt.json"), {}, report);
    QVERIFY(a.ok());
    QVERIFY(SquadFormat().write(*a, path("rt-out.json"), {}).ok());
    const QJsonObject written =
        QJsonDocument::fromJson(quarry::test::readText(path("rt-out.json")).toUtf8()).object();
    const QJsonObject original = QJsonDocument::fromJson(tinyV2().toUtf8()).object();
    QCOMPARE(written, original);  // same structure, same keys, version kept
    Result<Corpus> b = SquadFormat().read(path("rt-out.json"), {}, report);
    QVERIFY(b.ok());
    QString why;
    QVERIFY2(a->sameContent(*b, &why), qPrintable(why));
  }

  // "answers" that is not an array is refused naming it, not read as no answers.
  void answersOfTheWrongTypeNamed() {
    QString text = tinyV2();
    text.replace(QStringLiteral(R"("answers": [])"), QStringLiteral(R"("answers": "Zo\u00eb")"));
    writeText(path("type.json"), text);
    ImportReport report;
    Result<Corpus> c = SquadFormat().read(path("type.json"), {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(QString::fromStdString(c.error().field), QStringLiteral("data[0].paragraphs[0].qas[1].answers"));
  }

  void wrongAnswerIsAProblem() {
    QString text = tinyV2();
    text.replace(QStringLiteral(R"("answer_start": 15)"), QStringLiteral(R"("answer_start": 3)"));
    writeText(path("bad.json"), text);
    ImportReport report;
    Result<Corpus> c = SquadFormat().read(path("bad.json"), {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(QString::fromStdString(c.error().file), path("bad.json"));
    QCOMPARE(QString::fromStdString(c.error().field),
             QStringLiteral("data[0].paragraphs[0].qas[0].answers[0]"));
    ImportOptions repair;
    repair.policy = ProblemPolicy::Repair;
    c = SquadFormat().read(path("bad.json"), repair, report);
    QVERIFY(c.ok());
    QCOMPARE(report.warnings.size(), 1);
    QCOMPARE(c->documents[0].answers[0].start, 15);  // nearest "Köln" to code point 3
  }

  void brokenJsonNamesLine() {
    writeText(path("broken.json"),
              QStringLiteral("{\"data\": [\n {\"title\": \"x\",\n  \"paragraphs\": [}\n"));
    ImportReport report;
    Result<Corpus> c = SquadFormat().read(path("broken.json"), {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().line, 3L);
    writeText(path("nocontext.json"),
              QStringLiteral(R"({"data": [{"title": "x", "paragraphs": [{"qas": []}]}]})"));
    c = SquadFormat().read(path("nocontext.json"), {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(QString::fromStdString(c.error().field), QStringLiteral("data[0].paragraphs[0].context"));
  }

  void loneSurrogateEscapesFollowPolicy() {
    writeText(path("surrogate.json"),
              QStringLiteral("{\"data\": [{\"title\": \"x\", \"paragraphs\": [\n"
                             "{\"context\": \"ab\\ud83dcd\", \"qas\": [{\"id\": \"q\", \"question\": \"?\",\n"
                             "\"answers\": [{\"text\": \"cd\", \"answer_start\": 3}]}]}]}]}\n"));
    ImportReport report;
    Result<Corpus> c = SquadFormat().read(path("surrogate.json"), {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(QString::fromStdString(c.error().file), path("surrogate.json"));
    QCOMPARE(c.error().line, 2L);
    QVERIFY(QString::fromStdString(c.error().message)
                .startsWith(QStringLiteral("lone surrogate escape \\ud83d")));
    ImportOptions repair;
    repair.policy = ProblemPolicy::Repair;
    c = SquadFormat().read(path("surrogate.json"), repair, report);
    QVERIFY(c.ok());
    QCOMPARE(c->documents[0].text, QStringLiteral("ab\uFFFDcd"));
    QCOMPARE(c->documents[0].answers[0].start, 3);  // the character kept its place: offsets still hold
    QCOMPARE(report.warnings.size(), 1);
    QVERIFY(report.warnings[0].startsWith(path("surrogate.json") + QStringLiteral(":2: lone surrogate")));
  }

  void realCorpora_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("paragraphs");
    QTest::addColumn<int>("questions");
    QTest::addColumn<int>("answers");
    QTest::newRow("squad-v1.1-dev") << QStringLiteral("squad-v1.1-dev/dev-v1.1.json") << 2067 << 10570
                                    << 34726;
    QTest::newRow("policyqa-dev") << QStringLiteral("policyqa/dev.json") << 574 << 3809 << 6044;
  }
  void realCorpora() {
    QFETCH(QString, file);
    const QString source = quarry::test::dataset(file.toUtf8().constData());
    if (!QFileInfo::exists(source)) QSKIP(qPrintable(QStringLiteral("SKIP: %1 not found").arg(source)));
    ImportReport report;
    Result<Corpus> a = SquadFormat().read(source, {}, report);
    QVERIFY2(a.ok(), a.ok() ? "" : a.error().toString().c_str());
    QVERIFY(report.warnings.isEmpty());
    QTEST(int(a->documents.size()), "paragraphs");
    QTEST(int(a->schema.qaFields.size()), "questions");
    int answers = 0;
    for (const Document& d : a->documents) answers += int(d.answers.size());
    QTEST(answers, "answers");
    const QString out = m_dir.filePath(QFileInfo(source).fileName());
    QVERIFY(SquadFormat().write(*a, out, {}).ok());
    Result<Corpus> b = SquadFormat().read(out, {}, report);
    QVERIFY(b.ok());
    QString why;
    QVERIFY2(a->sameContent(*b, &why), qPrintable(why));
    // The written JSON is the original structure, key for key.
    QFile in(source), again(out);
    QVERIFY(in.open(QIODevice::ReadOnly) && again.open(QIODevice::ReadOnly));
    QVERIFY(QJsonDocument::fromJson(in.readAll()) == QJsonDocument::fromJson(again.readAll()));
  }
};

QTEST_GUILESS_MAIN(TestFormatsSquad)
#include "test_formats_squad.moc"
