// quarry-cli train / evaluate / predict / cv --task qa in-process on SQuAD-format files and on a
// project's splits: the JSON result names the task and SQuAD F1 as the primary metric beside EM and the
// HasAns/NoAns breakdown, the model folder scores what training reported, answers reach JSONL and the
// predictions table (kind "answer"), --help-config lists QA's options. And the jobs layer: a QA field
// that names an entity type asks every document, every span of the type answering it.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include "CliTestSupport.h"
#include "corpus/SchemaJson.h"
#include "jobs/EngineDocuments.h"
#include "store/ProjectStore.h"

namespace {

// Four kinds of words; a context names three of them, a question asks for one kind.
const QStringList kKinds = {QStringLiteral("colour"), QStringLiteral("animal"), QStringLiteral("city"), QStringLiteral("name")};
const QList<QStringList> kKindWords = {
    {QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue"), QStringLiteral("yellow")},
    {QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("horse"), QStringLiteral("bird")},
    {QStringLiteral("oslo"), QStringLiteral("lima"), QStringLiteral("cairo"), QStringLiteral("quito")},
    {QStringLiteral("alice"), QStringLiteral("carol"), QStringLiteral("dave"), QStringLiteral("erin")}};

void writeTokenizer(const QString& folder) {
  QDir().mkpath(folder);
  QFile v(folder + QStringLiteral("/vocab.txt"));
  QVERIFY(v.open(QIODevice::WriteOnly));
  QStringList vocab{QStringLiteral("[PAD]"), QStringLiteral("[UNK]"), QStringLiteral("[CLS]"), QStringLiteral("[SEP]"),
                    QStringLiteral("[MASK]"), QStringLiteral("."), QStringLiteral("?")};
  vocab += kKinds;
  for (const QStringList& words : kKindWords) vocab += words;
  for (const QString& t : vocab) v.write(t.toUtf8() + '\n');
  QFile c(folder + QStringLiteral("/tokenizer_config.json"));
  QVERIFY(c.open(QIODevice::WriteOnly));
  c.write(R"({"tokenizer_class": "BertTokenizer", "do_lower_case": true, "model_max_length": 64})");
}

// SQuAD 2.0 JSON: paragraphs "dog red lima ." (three kinds of word in random order) with a question about a
// kind that is there ("animal ?") and, every other paragraph, one about the kind that is not (is_impossible).
void writeSquad(const QString& path, int count, quint32 seed) {
  QRandomGenerator rng(seed);
  QJsonArray paragraphs;
  for (int i = 0; i < count; ++i) {
    QList<int> kinds = {0, 1, 2, 3};
    for (int k = kinds.size() - 1; k > 0; --k) kinds.swapItemsAt(k, int(rng.bounded(k + 1)));
    QString context;
    QList<QPair<int, QString>> words;
    for (int k = 0; k < 3; ++k) {
      if (k > 0) context += QLatin1Char(' ');
      const QString word = kKindWords[kinds[k]][int(rng.bounded(4))];
      words.append({int(context.size()), word});
      context += word;
    }
    context += QStringLiteral(" .");
    const int asked = int(rng.bounded(3));
    QJsonArray qas{QJsonObject{
        {QStringLiteral("id"), QStringLiteral("s%1-q%2").arg(seed).arg(i)},
        {QStringLiteral("question"), QString(kKinds[kinds[asked]] + QStringLiteral(" ?"))},
        {QStringLiteral("answers"), QJsonArray{QJsonObject{{QStringLiteral("text"), words[asked].second},
                                                           {QStringLiteral("answer_start"), words[asked].first}}}}}};
    if (i % 2 == 1)
      qas.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("s%1-n%2").arg(seed).arg(i)},
                             {QStringLiteral("question"), QString(kKinds[kinds[3]] + QStringLiteral(" ?"))},
                             {QStringLiteral("answers"), QJsonArray{}},
                             {QStringLiteral("is_impossible"), true}});
    paragraphs.append(QJsonObject{{QStringLiteral("context"), context}, {QStringLiteral("qas"), qas}});
  }
  const QJsonObject root{{QStringLiteral("version"), QStringLiteral("v2.0")},
                         {QStringLiteral("data"), QJsonArray{QJsonObject{{QStringLiteral("title"), QStringLiteral("toy-%1").arg(seed)},
                                                                         {QStringLiteral("paragraphs"), paragraphs}}}}};
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

QStringList trainOptions(const QString& tokenizer) {
  return {QStringLiteral("--random-encoder"), tokenizer,
          QStringLiteral("--set"), QStringLiteral("random_layers=1"),
          QStringLiteral("--set"), QStringLiteral("random_hidden=64"),
          QStringLiteral("--set"), QStringLiteral("random_intermediate=128"),
          QStringLiteral("--set"), QStringLiteral("max_length=32"),
          QStringLiteral("--set"), QStringLiteral("stride=8"),
          QStringLiteral("--set"), QStringLiteral("max_answer_length=4"),
          QStringLiteral("--set"), QStringLiteral("learning_rate=0.002"),
          QStringLiteral("--set"), QStringLiteral("batch_size=16"),
          QStringLiteral("--set"), QStringLiteral("schedule=constant"),
          QStringLiteral("--set"), QStringLiteral("seed=3")};
}

// A project whose schema has QA fields and a document nobody annotated: with no --question, the document is
// asked every phrasing of every field (that of the field answered by an entity type too, as in training), the
// answers stored under question ids naming the field.
void predictsFieldsOfUnannotatedDocuments(const QTemporaryDir& dir, const QString& model) {
  const QString schemaFile = dir.filePath(QStringLiteral("fields.json")), note = dir.filePath(QStringLiteral("note.txt"));
  QFile schema(schemaFile);
  QVERIFY(schema.open(QIODevice::WriteOnly));
  schema.write(R"({"entity_types": [{"name": "PLACE"}],
                   "qa_fields": [{"name": "where", "questions": ["city ?"]},
                                 {"name": "who", "questions": ["name ?", "which name ?"]},
                                 {"name": "place", "questions": ["city ?"], "entity_type": "PLACE"}]})");
  schema.close();
  QFile n(note);
  QVERIFY(n.open(QIODevice::WriteOnly));
  n.write("dave red lima .\n");
  n.close();
  const QString project = dir.filePath(QStringLiteral("fields.quarry"));
  QCOMPARE(cli({QStringLiteral("init"), project, QStringLiteral("--schema"), schemaFile}).code, 0);
  CliRun i = cli({QStringLiteral("import"), project, note});
  QVERIFY2(i.code == 0, qPrintable(i.err));
  CliRun p = cli({QStringLiteral("predict"), model, QStringLiteral("--project"), project});
  QVERIFY2(p.code == 0 && p.out.contains(QStringLiteral("4 questions in 1 documents")), qPrintable(p.out + p.err));
  auto store = quarry::ProjectStore::open(project, quarry::OpenMode::ReadOnly);
  QVERIFY(store.ok());
  const qint64 document = store.value()->listDocuments({})->front().id;
  auto rows = store.value()->predictionsForDocument(document);
  QVERIFY(rows.ok());
  QMap<QString, QString> fieldOf;  // question id -> field
  for (const auto& r : rows.value()) {
    if (r.kind == QLatin1String("uncertainty")) continue;  // one per document
    QCOMPARE(r.kind, QStringLiteral("answer"));
    fieldOf.insert(r.payload.value(QStringLiteral("question_id")).toString(), r.payload.value(QStringLiteral("field")).toString());
  }
  QCOMPARE(fieldOf, (QMap<QString, QString>{{QStringLiteral("where"), QStringLiteral("where")},
                                           {QStringLiteral("who#0"), QStringLiteral("who")},
                                           {QStringLiteral("who#1"), QStringLiteral("who")},
                                           {QStringLiteral("place"), QStringLiteral("place")}}));
  store.value().reset();
  // --question still decides what is asked.
  CliRun asked = cli({QStringLiteral("predict"), model, QStringLiteral("--project"), project, QStringLiteral("--no-store"),
                      QStringLiteral("--question"), QStringLiteral("city ?")});
  QVERIFY2(asked.code == 0 && asked.out.contains(QStringLiteral("1 questions in 1 documents")), qPrintable(asked.out + asked.err));
}

}  // namespace

class TestCliQa : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void fromFiles() {
    QTemporaryDir dir;
    const QString tokenizer = dir.filePath(QStringLiteral("tok"));
    writeTokenizer(tokenizer);
    const QString trainFile = dir.filePath(QStringLiteral("train.json")), devFile = dir.filePath(QStringLiteral("dev.json"));
    writeSquad(trainFile, 240, 1);
    writeSquad(devFile, 40, 2);
    const QString out = dir.filePath(QStringLiteral("model"));
    CliRun t = cli(QStringList{QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("qa"), QStringLiteral("--train"),
                               trainFile, QStringLiteral("--dev"), devFile, QStringLiteral("--format"), QStringLiteral("squad"),
                               QStringLiteral("--output"), out, QStringLiteral("--set"), QStringLiteral("epochs=25"),
                               QStringLiteral("--json")} +
                   trainOptions(tokenizer));
    QVERIFY2(t.code == 0, qPrintable(t.err));
    const QJsonObject result = QJsonDocument::fromJson(t.out.toUtf8()).object();
    QCOMPARE(result.value(QStringLiteral("task")).toString(), QStringLiteral("qa"));
    const QJsonObject metrics = result.value(QStringLiteral("metrics")).toObject();
    QCOMPARE(metrics.value(QStringLiteral("primary_metric")).toString(), QStringLiteral("f1"));
    const double f1 = metrics.value(QStringLiteral("primary")).toDouble();
    QCOMPARE(f1, metrics.value(QStringLiteral("f1")).toDouble());
    // Always "no answer" scores 1/3 here, the first word of the context about 2/9.
    QVERIFY2(f1 > 0.7, qPrintable(t.out));
    QVERIFY(metrics.contains(QStringLiteral("exact")) && metrics.value(QStringLiteral("HasAns_total")).toInt() == 40 &&
            metrics.value(QStringLiteral("NoAns_total")).toInt() == 20 && metrics.contains(QStringLiteral("retrieval_recall")));
    QVERIFY(QFile::exists(out + QStringLiteral("/best/quarry_task.json")) && QFile::exists(out + QStringLiteral("/best/config.json")));

    CliRun e = cli({QStringLiteral("evaluate"), out + QStringLiteral("/best"), QStringLiteral("--data"), devFile,
                    QStringLiteral("--format"), QStringLiteral("squad"), QStringLiteral("--json"), QStringLiteral("--errors"),
                    QStringLiteral("2")});
    QVERIFY2(e.code == 0, qPrintable(e.err));
    const QJsonObject eval = QJsonDocument::fromJson(e.out.toUtf8()).object();
    QCOMPARE(eval.value(QStringLiteral("task")).toString(), QStringLiteral("qa"));
    QCOMPARE(eval.value(QStringLiteral("questions")).toInt(), 60);
    QVERIFY(qAbs(eval.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("primary")).toDouble() - f1) < 1e-9);
    CliRun table = cli({QStringLiteral("evaluate"), out + QStringLiteral("/best"), QStringLiteral("--data"), devFile,
                        QStringLiteral("--format"), QStringLiteral("squad")});
    QVERIFY2(table.code == 0 && table.out.contains(QStringLiteral("HasAns")) && table.out.contains(QStringLiteral("NoAns")) &&
                 table.out.contains(QStringLiteral("retrieval recall")),
             qPrintable(table.out));

    const QString note = dir.filePath(QStringLiteral("note.txt")), jsonl = dir.filePath(QStringLiteral("pred.jsonl"));
    QFile n(note);
    QVERIFY(n.open(QIODevice::WriteOnly));
    n.write("dave red lima .\n");
    n.close();
    CliRun p = cli({QStringLiteral("predict"), out + QStringLiteral("/best"), note, QStringLiteral("--question"),
                    QStringLiteral("city ?"), QStringLiteral("--question"), QStringLiteral("name ?"),
                    QStringLiteral("--output"), jsonl});
    QVERIFY2(p.code == 0, qPrintable(p.err));
    QFile lines(jsonl);
    QVERIFY(lines.open(QIODevice::ReadOnly));
    const QJsonObject line = QJsonDocument::fromJson(lines.readLine()).object();
    const QJsonArray answers = line.value(QStringLiteral("answers")).toArray();
    QCOMPARE(answers.size(), 2);
    QCOMPARE(answers[0].toObject().value(QStringLiteral("question")).toString(), QStringLiteral("city ?"));
    QCOMPARE(answers[0].toObject().value(QStringLiteral("text")).toString(), QStringLiteral("lima"));
    QCOMPARE(answers[0].toObject().value(QStringLiteral("start")).toInt(), 9);
    QCOMPARE(answers[1].toObject().value(QStringLiteral("text")).toString(), QStringLiteral("dave"));
    QVERIFY(answers[0].toObject().value(QStringLiteral("confidence")).toDouble() > 0);
    CliRun noQuestion = cli({QStringLiteral("predict"), out + QStringLiteral("/best"), note, QStringLiteral("--output"), jsonl});
    QVERIFY2(noQuestion.code != 0 && noQuestion.err.contains(QStringLiteral("--question")), qPrintable(noQuestion.err));

    CliRun cv = cli(QStringList{QStringLiteral("cv"), QStringLiteral("--task"), QStringLiteral("qa"), QStringLiteral("--data"),
                                devFile, QStringLiteral("--format"), QStringLiteral("squad"), QStringLiteral("--folds"),
                                QStringLiteral("2"), QStringLiteral("--output"), dir.filePath(QStringLiteral("cv")),
                                QStringLiteral("--set"), QStringLiteral("epochs=1"), QStringLiteral("--set"),
                                QStringLiteral("tokenizer_folder=") + tokenizer, QStringLiteral("--set"),
                                QStringLiteral("max_length=32"), QStringLiteral("--set"), QStringLiteral("stride=8"),
                                QStringLiteral("--set"), QStringLiteral("random_layers=1"), QStringLiteral("--set"),
                                QStringLiteral("random_hidden=32"), QStringLiteral("--set"), QStringLiteral("random_intermediate=64"),
                                QStringLiteral("--json")});
    QVERIFY2(cv.code == 0, qPrintable(cv.err));
    const QJsonObject cvj = QJsonDocument::fromJson(cv.out.toUtf8()).object();
    QCOMPARE(cvj.value(QStringLiteral("task")).toString(), QStringLiteral("qa"));
    QCOMPARE(cvj.value(QStringLiteral("folds")).toArray().size(), 2);
    QVERIFY(cvj.value(QStringLiteral("metrics")).toObject().contains(QStringLiteral("primary")));

    CliRun help = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("qa"), QStringLiteral("--help-config")});
    QVERIFY(help.code == 0);
    for (const char* key : {"max_length = 384", "stride = 128", "max_answer_length", "top_k_windows", "no_answer",
                            "null_threshold", "multi_span_threshold"})
      QVERIFY2(help.out.contains(QLatin1String(key)), key);
    QVERIFY(help.out.contains(QStringLiteral("QA:")) && !help.out.contains(QStringLiteral("ngram_dim")) &&
            help.out.contains(QStringLiteral("lstm_hidden = 128")) && !help.out.contains(QStringLiteral("char_filters")));
    CliRun all = cli({QStringLiteral("train"), QStringLiteral("--help-config")});
    QVERIFY(all.out.contains(QStringLiteral("[qa only]")));
    // No checkpoint: the from-scratch reader trains, evaluates and answers from the same commands.
    const QString reader = dir.filePath(QStringLiteral("reader"));
    CliRun scratch = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("qa"), QStringLiteral("--from-scratch"),
                          QStringLiteral("--train"), trainFile, QStringLiteral("--dev"), devFile, QStringLiteral("--format"),
                          QStringLiteral("squad"), QStringLiteral("--output"), reader, QStringLiteral("--set"),
                          QStringLiteral("word_dim=32"), QStringLiteral("--set"), QStringLiteral("lstm_hidden=32"),
                          QStringLiteral("--set"), QStringLiteral("epochs=12"), QStringLiteral("--set"),
                          QStringLiteral("max_length=24"), QStringLiteral("--set"), QStringLiteral("stride=4"),
                          QStringLiteral("--set"), QStringLiteral("batch_size=16"),
                          QStringLiteral("--set"), QStringLiteral("schedule=constant"), QStringLiteral("--set"),
                          QStringLiteral("seed=5"), QStringLiteral("--json")});
    QVERIFY2(scratch.code == 0, qPrintable(scratch.err));
    const QJsonObject scratchResult = QJsonDocument::fromJson(scratch.out.toUtf8()).object();
    QVERIFY2(scratchResult.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("primary")).toDouble() > 0.7,
             qPrintable(scratch.out));
    QVERIFY2(scratchResult.value(QStringLiteral("model")).toString().contains(QStringLiteral("bilstm-reader")), qPrintable(scratch.out));
    CliRun readerAnswers = cli({QStringLiteral("predict"), reader + QStringLiteral("/best"), note, QStringLiteral("--question"),
                                QStringLiteral("city ?"), QStringLiteral("--output"), jsonl});
    QVERIFY2(readerAnswers.code == 0, qPrintable(readerAnswers.err));
    QFile readerLines(jsonl);
    QVERIFY(readerLines.open(QIODevice::ReadOnly));
    const QJsonArray readerAnswer = QJsonDocument::fromJson(readerLines.readLine()).object().value(QStringLiteral("answers")).toArray();
    QVERIFY(readerAnswer.size() == 1 && readerAnswer[0].toObject().value(QStringLiteral("text")).toString() == QStringLiteral("lima"));
  }

  void fromProject() {
    QTemporaryDir dir;
    const QString tokenizer = dir.filePath(QStringLiteral("tok"));
    writeTokenizer(tokenizer);
    const QString trainFile = dir.filePath(QStringLiteral("train.json")), devFile = dir.filePath(QStringLiteral("dev.json"));
    writeSquad(trainFile, 60, 3);
    writeSquad(devFile, 10, 4);
    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    CliRun i1 = cli({QStringLiteral("import"), project, trainFile, QStringLiteral("--split"), QStringLiteral("train")});
    QVERIFY2(i1.code == 0, qPrintable(i1.err));
    CliRun i2 = cli({QStringLiteral("import"), project, devFile, QStringLiteral("--split"), QStringLiteral("dev")});
    QVERIFY2(i2.code == 0, qPrintable(i2.err));
    const QString out = dir.filePath(QStringLiteral("model"));
    CliRun t = cli(QStringList{QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("qa"), QStringLiteral("--project"),
                               project, QStringLiteral("--output"), out, QStringLiteral("--set"), QStringLiteral("epochs=2"),
                               QStringLiteral("--json")} +
                   trainOptions(tokenizer));
    QVERIFY2(t.code == 0, qPrintable(t.err));
    auto store = quarry::ProjectStore::open(project, quarry::OpenMode::ReadOnly);
    QVERIFY(store.ok());
    auto runs = store.value()->listRuns();
    QVERIFY(runs.ok() && runs->size() == 1);
    QVERIFY2(runs->front().name.startsWith(QStringLiteral("QA")), qPrintable(runs->front().name));
    QCOMPARE(runs->front().metrics.value(QStringLiteral("task")).toString(), QStringLiteral("qa"));
    QCOMPARE(runs->front().metrics.value(QStringLiteral("data")).toObject().value(QStringLiteral("dev_questions")).toInt(), 15);
    store.value().reset();

    CliRun p = cli({QStringLiteral("predict"), out + QStringLiteral("/best"), QStringLiteral("--project"), project,
                    QStringLiteral("--split"), QStringLiteral("dev")});
    QVERIFY2(p.code == 0 && p.out.contains(QStringLiteral("15 questions in 10 documents")), qPrintable(p.out + p.err));
    auto reopened = quarry::ProjectStore::open(project, quarry::OpenMode::ReadOnly);
    auto list = reopened.value()->listDocuments({});
    QVERIFY(list.ok());
    int rows = 0;
    for (const auto& d : list.value()) {
      auto predictions = reopened.value()->predictionsForDocument(d.id);
      QVERIFY(predictions.ok());
      for (const auto& r : predictions.value()) {
        if (r.kind == QLatin1String("uncertainty")) continue;  // one per document
        QCOMPARE(r.kind, QStringLiteral("answer"));
        QVERIFY(r.payload.contains(QStringLiteral("question_id")));
        QVERIFY(r.payload.value(QStringLiteral("no_answer")).toBool() ||
                (r.payload.contains(QStringLiteral("start")) && r.payload.contains(QStringLiteral("text"))));
        QVERIFY(r.confidence >= 0 && r.confidence <= 1);
        ++rows;
      }
    }
    QCOMPARE(rows, 15);  // one answer per question (multi_span_threshold 0)
    reopened.value().reset();
    predictsFieldsOfUnannotatedDocuments(dir, out + QStringLiteral("/best"));
  }


  void entityTypeFields() {
    // The schema's QA field "who_treats" is answered by the entity type Doctor (two phrasings).
    const QJsonObject schemaJson{
        {QStringLiteral("entity_types"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Doctor")}},
                                                    QJsonObject{{QStringLiteral("name"), QStringLiteral("Drug")}}}},
        {QStringLiteral("qa_fields"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("who_treats")},
                                {QStringLiteral("questions"), QJsonArray{QStringLiteral("Who treats?"), QStringLiteral("Which doctor?")}},
                                {QStringLiteral("entity_type"), QStringLiteral("Doctor")}}}}};
    auto schema = quarry::schemaFromJson(schemaJson, QStringLiteral("schema.json"));
    QVERIFY2(schema.ok(), schema.ok() ? "" : schema.error().message.c_str());
    QCOMPARE(schema->qaFields.front().entityType, QStringLiteral("Doctor"));
    auto again = quarry::schemaFromJson(quarry::schemaToJson(schema.value()), QStringLiteral("again"));
    QVERIFY(again.ok() && again.value() == schema.value());  // entity_type round-trips
    QJsonObject wrong = schemaJson;
    wrong[QStringLiteral("qa_fields")] = QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("f")},
                                                                {QStringLiteral("entity_type"), QStringLiteral("Nurse")}}};
    auto refused = quarry::schemaFromJson(wrong, QStringLiteral("schema.json"));
    QVERIFY(!refused.ok() && refused.error().field == "qa_fields[0].entity_type");

    quarry::Corpus corpus;
    corpus.schema = schema.value();
    auto span = [](const QString& key, int start, int end, const QString& type) {
      quarry::EntitySpan e;
      e.key = key;
      e.type = type;
      e.fragments = {{start, end}};
      return e;
    };
    quarry::Document withDoctors;
    withDoctors.name = QStringLiteral("a");
    withDoctors.text = QStringLiteral("Dr Ng and Dr Ruiz gave aspirin.");
    withDoctors.entities = {span(QStringLiteral("T2"), 10, 17, QStringLiteral("Doctor")),
                            span(QStringLiteral("T1"), 0, 5, QStringLiteral("Doctor")),
                            span(QStringLiteral("T3"), 23, 30, QStringLiteral("Drug"))};
    quarry::Document without;
    without.name = QStringLiteral("b");
    without.text = QStringLiteral("Aspirin was given.");
    without.entities = {span(QStringLiteral("T1"), 0, 7, QStringLiteral("Drug"))};
    corpus.documents = {withDoctors, without};
    const quarry::jobs::DocumentSet set = quarry::jobs::documentsFromCorpus(corpus);
    QCOMPARE(set.documents.size(), size_t(2));
    const auto& a = set.documents[0].questions;
    QCOMPARE(a.size(), size_t(2));  // one per phrasing
    QCOMPARE(QString::fromStdString(a[0].id), QStringLiteral("who_treats#0"));
    QCOMPARE(QString::fromStdString(a[1].question), QStringLiteral("Which doctor?"));
    QCOMPARE(QString::fromStdString(a[0].field), QStringLiteral("who_treats"));
    QCOMPARE(a[0].answers.size(), size_t(2));  // both doctors, in text order; the drug is no answer
    QVERIFY(a[0].answers[0].start == 0 && a[0].answers[0].end == 5 && a[0].answers[1].start == 10 && a[0].answers[1].end == 17);
    const auto& b = set.documents[1].questions;
    QVERIFY(b.size() == 2 && b[0].answers.empty() && b[1].answers.empty());  // no doctor: unanswerable

    // The same from a project: the store keeps the field's entity type, so training finds the same questions.
    QTemporaryDir dir;
    auto store = quarry::ProjectStore::create(dir.filePath(QStringLiteral("p.quarry")), QStringLiteral("p"));
    QVERIFY(store.ok());
    QVERIFY(store.value()->importCorpus(corpus, QStringLiteral("t")).ok());
    auto stored = quarry::jobs::documentsFromStore(*store.value(), {});
    QVERIFY(stored.ok());
    QCOMPARE(stored->documents.size(), size_t(2));
    for (size_t d = 0; d < 2; ++d) {
      const auto& want = set.documents[d].questions;
      const auto& got = stored->documents[d].questions;
      QCOMPARE(got.size(), want.size());
      for (size_t q = 0; q < want.size(); ++q) {
        QCOMPARE(got[q].id, want[q].id);
        QCOMPARE(got[q].question, want[q].question);
        QVERIFY(got[q].answers == want[q].answers);
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestCliQa)
#include "test_cli_qa.moc"
