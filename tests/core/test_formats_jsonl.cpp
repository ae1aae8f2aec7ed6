// JSONL (spaCy / Prodigy shape) on tiny hand-made files, the schema sidecar and the demo project.

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include "FormatTestUtil.h"
#include "corpus/SchemaJson.h"
#include "formats/JsonlFormat.h"

using namespace quarry;
using namespace quarry::test;

class TestFormatsJsonl : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  JsonlFormat m_format;

  QString file(const QString& name, const QByteArray& content) {
    return writeFile(m_dir.filePath(name), content);
  }

  // Reads a file whose second line is `line` under both policies; each must fail on line 2. The errors
  // are appended to `errors`; returns the file's path.
  QString readSecondLineUnderBothPolicies(const QString& name, const QByteArray& line, QVector<Error>& errors) {
    const QString path = file(name, "{\"text\": \"fine\"}\n" + line + "\n");
    for (ProblemPolicy policy : {ProblemPolicy::Reject, ProblemPolicy::Repair}) {
      ImportOptions options;
      options.policy = policy;
      ImportReport report;
      Result<Corpus> c = m_format.read(path, options, report);
      if (c.ok() || c.error().line != 2) {
        QTest::qFail(qPrintable(QStringLiteral("not refused on line 2: ") + QString::fromUtf8(line)), __FILE__,
                     __LINE__);
        return path;
      }
      errors << c.error();
    }
    return path;
  }

  void roundTrip(const Corpus& c, const QString& name) {
    const QString out = m_dir.filePath(QStringLiteral("out/") + name);
    const Status s = m_format.write(c, out, {});
    QVERIFY2(s.ok(), qPrintable(failText(s)));
    ImportReport report;
    Result<Corpus> back = m_format.read(out, {}, report);
    QVERIFY2(back.ok(), qPrintable(failText(back)));
    QString why;
    QVERIFY2(back->sameContent(c, &why), qPrintable(why));
  }

 private Q_SLOTS:
  // An endless device is refused after kMaxStreamBytes instead of filling the memory; a folder at once.
  void endlessStreamAndFolderRefused() {
    ImportReport report;
    Result<Corpus> zero = m_format.read(QStringLiteral("/dev/zero"), {}, report);
    QVERIFY(!zero.ok());
    QVERIFY2(QString::fromStdString(zero.error().toString()).contains(QLatin1String("/dev/zero")) &&
                 QString::fromStdString(zero.error().message).contains(QLatin1String("256 MiB")),
             zero.error().toString().c_str());
    QTemporaryDir dir;
    Result<Corpus> folder = m_format.read(dir.path(), {}, report);
    QVERIFY(!folder.ok());
    QVERIFY2(QString::fromStdString(folder.error().message).contains(QLatin1String("folder")),
             folder.error().toString().c_str());
  }

  void readsEverything() {
    // "😀" counts one code point (two UTF-16 units), as Python's string indices.
    const QByteArray line1 =
        R"({"text":"😀 Aspirin treats pain.","spans":[{"start":2,"end":9,"label":"DRUG","text":"Aspirin","token_start":1},)"
        R"({"start":17,"end":21,"label":"SYMPTOM","id":"S9"}],)"
        R"("relations":[{"head_span":{"start":2,"end":9,"label":"DRUG"},"child_span":{"start":17,"end":21,"label":"SYMPTOM"},"label":"TREATS","head":1,"child":3}],)"
        R"("answers":[{"field":"drug","start":2,"end":9,"id":"q1"},{"field":"dose","no_answer":true}],)"
        R"("cats":{"MEDICAL":1.0,"SPORT":0.0},"meta":{"name":"d1","split":"dev","pmid":"123"},"_task_hash":42})";
    const QByteArray line3 =
        R"({"text":"Two parts","spans":[{"start":0,"end":9,"label":"X","fragments":[[0,3],[4,9]]}],)"
        R"("relations":[{"head":"T1","child":"T1","label":"SELF"}]})";
    const QString path = file(QStringLiteral("docs.jsonl"), line1 + "\n\n" + line3 + "\n");
    ImportReport report;
    Result<Corpus> c = m_format.read(path, {}, report);
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QCOMPARE(c->documents.size(), 2);
    const Document& d = c->documents[0];
    QCOMPARE(d.name, QStringLiteral("d1"));
    QCOMPARE(d.split, Split::Dev);
    QCOMPARE(d.entities.size(), 2);
    QCOMPARE(d.entities[0].key, QStringLiteral("T1"));
    QCOMPARE(d.entities[0].start(), 2);
    QCOMPARE(d.entities[0].attributes.value(QStringLiteral("token_start")).toInt(), 1);
    QCOMPARE(d.entities[1].key, QStringLiteral("S9"));
    QCOMPARE(d.relations.size(), 1);
    QCOMPARE(d.relations[0].head, QStringLiteral("T1"));
    QCOMPARE(d.relations[0].tail, QStringLiteral("S9"));
    QCOMPARE(d.answers.size(), 2);
    QCOMPARE(d.answers[0].questionId, QStringLiteral("q1"));
    QVERIFY(d.answers[1].noAnswer);
    QCOMPARE(d.labels.size(), 1);
    QCOMPARE(d.labels[0].category, QStringLiteral("MEDICAL"));
    QCOMPARE(d.metadata.value(QStringLiteral("pmid")).toString(), QStringLiteral("123"));
    QCOMPARE(
        d.metadata.value(QStringLiteral("_jsonl")).toObject().value(QStringLiteral("_task_hash")).toInt(),
        42);
    const Document& d2 = c->documents[1];
    QCOMPARE(d2.name, QStringLiteral("docs-3"));
    QCOMPARE(d2.entities[0].fragments.size(), 2);
    QCOMPARE(d2.relations[0].head, QStringLiteral("T1"));
    QVERIFY(c->schema.entityType(QStringLiteral("SYMPTOM")));
    roundTrip(c.value(), QStringLiteral("docs.jsonl"));
  }

  // A field of the wrong type is refused naming the line and the field, under either policy: reading
  // past it would drop its annotations silently.
  void wrongTypesNameTheField_data() {
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("field");
    QTest::newRow("spans as a string")
        << QByteArray(R"({"text": "Aspirin", "spans": "0-7 DRUG"})") << "spans";
    QTest::newRow("spans as an object")
        << QByteArray(R"({"text": "Aspirin", "spans": {"start": 0}})") << "spans";
    QTest::newRow("cats as an array") << QByteArray(R"({"text": "Aspirin", "cats": [1, 2]})") << "cats";
    QTest::newRow("a category as a string")
        << QByteArray(R"({"text": "Aspirin", "cats": {"pos": "yes"}})") << "cats.pos";
    QTest::newRow("meta as an array") << QByteArray(R"({"text": "Aspirin", "meta": []})") << "meta";
    QTest::newRow("meta.name as a number")
        << QByteArray(R"({"text": "Aspirin", "meta": {"name": 5}})") << "meta.name";
    QTest::newRow("a relation as a string")
        << QByteArray(R"({"text": "Aspirin", "relations": ["T1 T2"]})") << "relations[0]";
    QTest::newRow("answers as an object") << QByteArray(R"({"text": "Aspirin", "answers": {}})") << "answers";
  }

  void wrongTypesNameTheField() {
    QFETCH(QByteArray, line);
    QFETCH(QString, field);
    QVector<Error> errors;
    readSecondLineUnderBothPolicies(QStringLiteral("types.jsonl"), line, errors);
    for (const Error& e : errors) QCOMPARE(QString::fromStdString(e.field), field);
  }

  void malformedLineNamesFileAndLine() {
    const QString path = file(QStringLiteral("bad.jsonl"), "{\"text\":\"a\"}\n\n{\"text\": \"b\",}\n");
    ImportReport report;
    Result<Corpus> c = m_format.read(path, {}, report);
    QVERIFY(!c.ok());
    QVERIFY2(errorText(c.error()).startsWith(path + QStringLiteral(":3: invalid JSON")),
             qPrintable(errorText(c.error())));
    const QString noText = file(QStringLiteral("notext.jsonl"), "{\"spans\":[]}\n");
    c = m_format.read(noText, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(errorText(c.error()), noText + QStringLiteral(":1: text: missing or not a string"));
    const QString badSpan = file(QStringLiteral("badspan.jsonl"),
                                 R"({"text":"abc","spans":[{"start":"0","end":1,"label":"X"}]})");
    c = m_format.read(badSpan, {}, report);
    QVERIFY(!c.ok());
    QVERIFY(errorText(c.error()).startsWith(badSpan + QStringLiteral(":1: spans[0]: ")));
  }

  // QJsonDocument reads each of these without a word, changing the text or dropping a value; all are
  // invalid JSON (RFC 8259) and are refused under both policies, naming the file and line.
  void laxJsonIsRefused_data() {
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("why");
    QTest::newRow("unknown escape") << QByteArray(R"({"text": "a\qb"})") << "forbidden character after backslash";
    QTest::newRow("raw control byte") << QByteArray("{\"text\": \"a\x01" "b\"}") << "control character U+0001";
    QTest::newRow("raw tab") << QByteArray("{\"text\": \"a\tb\"}") << "control character U+0009";
    QTest::newRow("number 1.") << QByteArray(R"({"text": "ab", "meta": {"n": 1.}})") << "invalid number";
    QTest::newRow("number .5") << QByteArray(R"({"text": "ab", "meta": {"n": .5}})") << "invalid literal";
    QTest::newRow("key twice") << QByteArray(R"({"text": "ab", "text": "cd"})")
                               << "the key \"text\" appears twice in one object";
    QTest::newRow("too deep") << QByteArray("{\"text\": \"ab\", \"meta\": {\"n\": " + QByteArray(200, '[') +
                                            QByteArray(200, ']') + "}}")
                              << "nested more than 128 levels deep";
  }

  void laxJsonIsRefused() {
    QFETCH(QByteArray, line);
    QFETCH(QString, why);
    QVector<Error> errors;
    const QString path = readSecondLineUnderBothPolicies(QStringLiteral("lax.jsonl"), line, errors);
    for (const Error& e : errors) {
      QVERIFY2(errorText(e).startsWith(path + QStringLiteral(":2: invalid JSON at byte ")), qPrintable(errorText(e)));
      QVERIFY2(errorText(e).contains(why), qPrintable(errorText(e)));
    }
  }

  void mismatchedSpanTextFollowsPolicy() {
    const QString path = file(QStringLiteral("mismatch.jsonl"),
                              "{\"text\":\"ok\"}\n{\"text\":\"abc "
                              "def\",\"spans\":[{\"start\":0,\"end\":3,\"label\":\"X\",\"text\":\"abd\"},"
                              "{\"start\":4,\"end\":99,\"label\":\"X\"}]}\n");
    ImportReport report;
    Result<Corpus> c = m_format.read(path, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(errorText(c.error()),
             path + QStringLiteral(":2: spans[0]: the text at 0-3 is 'abc', not 'abd'"));
    ImportOptions repair;
    repair.policy = ProblemPolicy::Repair;
    c = m_format.read(path, repair, report);
    QVERIFY(c.ok());
    QCOMPARE(c->documents[1].entities.size(), 0);
    QCOMPARE(report.warnings.size(), 2);
    QVERIFY(report.warnings[1].startsWith(path + QStringLiteral(":2: spans[1]: offsets 4-99")));
  }

  void schemaSidecar() {
    Schema schema;
    EntityType drug;
    drug.name = QStringLiteral("DRUG");
    drug.colour = QStringLiteral("#ff0000");
    drug.guideline.definition = QStringLiteral("A medicine.");
    schema.entityTypes << drug;
    const QString path = file(QStringLiteral("side/docs.jsonl"),
                              R"({"text":"Aspirin","spans":[{"start":0,"end":7,"label":"DRUG"}]})");
    file(QStringLiteral("side/docs.jsonl.schema.json"), QJsonDocument(schemaToJson(schema)).toJson());
    ImportReport report;
    ImportOptions strict;
    strict.allowNewTypes = false;
    Result<Corpus> c = m_format.read(path, strict, report);
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QCOMPARE(c->schema, schema);
    const QString out = m_dir.filePath(QStringLiteral("out/side.jsonl"));
    QVERIFY(m_format.write(c.value(), out, {}).ok());
    QVERIFY(QFileInfo::exists(out + QStringLiteral(".schema.json")));
    roundTrip(c.value(), QStringLiteral("side.jsonl"));
    // Without the sidecar and with new types refused, DRUG is outside the schema.
    const QString bare = file(QStringLiteral("bare/docs.jsonl"), readBytes(path));
    c = m_format.read(bare, strict, report);
    QVERIFY(!c.ok());
  }

  void exportOnlyOneSplit() {
    const QString path = file(
        QStringLiteral("splits.jsonl"),
        "{\"text\":\"a\",\"meta\":{\"split\":\"train\"}}\n{\"text\":\"b\",\"meta\":{\"split\":\"test\"}}\n");
    ImportReport report;
    Result<Corpus> c = m_format.read(path, {}, report);
    QVERIFY(c.ok());
    ExportOptions options;
    options.split = QStringLiteral("test");
    const QString out = m_dir.filePath(QStringLiteral("out/test.jsonl"));
    QVERIFY(m_format.write(c.value(), out, options).ok());
    Result<Corpus> back = m_format.read(out, {}, report);
    QVERIFY(back.ok());
    QCOMPARE(back->documents.size(), 1);
    QCOMPARE(back->documents[0].text, QStringLiteral("b"));
    QCOMPARE(back->documents[0].name, QStringLiteral("splits-2"));
  }

  void loneSurrogateEscapesFollowPolicy() {
    // A high surrogate escape followed by text, one at the end, a low one alone; a proper pair and an
    // escaped backslash (the six characters \ud83d, no escape) stay as they are.
    const QString path = file(QStringLiteral("surrogates.jsonl"),
                              "{\"text\":\"ab\\ud83dcd\",\"meta\":{\"name\":\"a\"}}\n"
                              "{\"text\":\"end\\ud83d\",\"meta\":{\"name\":\"b\"}}\n"
                              "{\"text\":\"x\\udc63y\",\"meta\":{\"name\":\"c\"}}\n"
                              "{\"text\":\"ok \\ud83d\\udc63 \\\\ud83d\",\"meta\":{\"name\":\"d\"}}\n");
    ImportReport report;
    Result<Corpus> c = m_format.read(path, {}, report);
    QVERIFY(!c.ok());
    QVERIFY2(errorText(c.error()).startsWith(path + QStringLiteral(":1: lone surrogate escape \\ud83d")),
             qPrintable(errorText(c.error())));
    ImportOptions repair;
    repair.policy = ProblemPolicy::Repair;
    ImportReport repaired;
    c = m_format.read(path, repair, repaired);
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QCOMPARE(c->documents[0].text, QStringLiteral("ab\uFFFDcd"));
    QCOMPARE(c->documents[1].text, QStringLiteral("end\uFFFD"));
    QCOMPARE(c->documents[2].text, QStringLiteral("x\uFFFDy"));
    QCOMPARE(c->documents[3].text, QStringLiteral("ok \U0001F463 \\ud83d"));
    QCOMPARE(repaired.warnings.size(), 3);
    for (int i = 0; i < 3; ++i)
      QVERIFY2(
          repaired.warnings[i].startsWith(path + QStringLiteral(":%1: lone surrogate escape").arg(i + 1)) &&
              repaired.warnings[i].endsWith(QLatin1String("(replaced with U+FFFD)")),
          qPrintable(repaired.warnings[i]));
  }

  void loneSurrogateInTheSchemaSidecar() {
    const QString path = file(QStringLiteral("sidecar-surrogate/docs.jsonl"), "{\"text\":\"a\"}\n");
    file(QStringLiteral("sidecar-surrogate/docs.jsonl.schema.json"),
         "{\n\"entity_types\": [{\"name\": \"DRUG\",\n \"guideline\": {\"definition\": \"A \\udc00 "
         "drug\"}}]}\n");
    ImportReport report;
    Result<Corpus> c = m_format.read(path, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(QString::fromStdString(c.error().file), path + QStringLiteral(".schema.json"));
    QCOMPARE(c.error().line, 3L);
    ImportOptions repair;
    repair.policy = ProblemPolicy::Repair;
    c = m_format.read(path, repair, report);
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QCOMPARE(c->schema.entityType(QStringLiteral("DRUG"))->guideline.definition,
             QStringLiteral("A \uFFFD drug"));
    QVERIFY(report.warnings.join(QLatin1Char('\n'))
                .contains(path + QStringLiteral(".schema.json:3: lone surrogate")));
  }

  void validatorProblemsNameTheLine() {
    const QString dup = file(QStringLiteral("dup.jsonl"),
                             "{\"text\":\"a\",\"meta\":{\"name\":\"x\"}}\n{\"text\":\"b\"}\n"
                             "{\"text\":\"c\",\"meta\":{\"name\":\"x\"}}\n");
    ImportReport report;
    Result<Corpus> c = m_format.read(dup, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(errorText(c.error()), dup + QStringLiteral(":3: duplicate document name 'x' (first at ") + dup +
                                       QStringLiteral(":1)"));
    const QString outside = file(QStringLiteral("outside.jsonl"),
                                 "{\"text\":\"a\"}\n{\"text\":\"Aspirin\",\"spans\":[{\"start\":0,\"end\":7,"
                                 "\"label\":\"DRUG\"}],\"meta\":{\"name\":\"y\"}}\n");
    ImportOptions strict;
    strict.allowNewTypes = false;
    c = m_format.read(outside, strict, report);
    QVERIFY(!c.ok());
    QCOMPARE(errorText(c.error()), outside + QStringLiteral(":2: document 'y': entity T1 has type 'DRUG', "
                                                            "which is not in the schema"));
  }

  void demoProject() {
    const QString demo = QString::fromLocal8Bit(qgetenv("QUARRY_SOURCE_DIR")) +
                         QStringLiteral("/resources/demo/documents.jsonl");
    if (!QFileInfo::exists(demo)) QSKIP("SKIP: resources/demo/documents.jsonl not found in this checkout");
    ImportReport report;
    Result<Corpus> c = m_format.read(demo, {}, report);
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QVERIFY(!c->documents.isEmpty());
    QVERIFY(!c->schema.isEmpty());
    QVERIFY2(report.warnings.isEmpty(), qPrintable(report.warnings.join(QLatin1Char('\n'))));
    roundTrip(c.value(), QStringLiteral("documents.jsonl"));
  }
};

QTEST_GUILESS_MAIN(TestFormatsJsonl)
#include "test_formats_jsonl.moc"
