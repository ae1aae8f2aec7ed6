#pragma once
// Tiny generated corpora for the classification and relation tests: JSONL documents about one of three
// topics (spaCy's "cats"), and SemEval-2010 Task 8 records of causes and effects.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QtTest>

namespace task_corpus {

// --set options of a tiny random encoder (1 layer of 32, 2 heads, windows of 32, batches of 8).
const QStringList kTinyEncoder = {QStringLiteral("--set"), QStringLiteral("random_layers=1"),
                                  QStringLiteral("--set"), QStringLiteral("random_hidden=32"),
                                  QStringLiteral("--set"), QStringLiteral("random_heads=2"),
                                  QStringLiteral("--set"), QStringLiteral("random_intermediate=64"),
                                  QStringLiteral("--set"), QStringLiteral("max_length=32"),
                                  QStringLiteral("--set"), QStringLiteral("batch_size=8")};

const QStringList kTopics = {QStringLiteral("sports"), QStringLiteral("finance"), QStringLiteral("health")};
const QList<QStringList> kWords = {
    {QStringLiteral("goal"), QStringLiteral("match"), QStringLiteral("team"), QStringLiteral("league")},
    {QStringLiteral("bank"), QStringLiteral("stock"), QStringLiteral("market"), QStringLiteral("loan")},
    {QStringLiteral("doctor"), QStringLiteral("clinic"), QStringLiteral("vaccine"), QStringLiteral("nurse")}};
const QStringList kFiller = {QStringLiteral("the"),   QStringLiteral("report"), QStringLiteral("says"),
                             QStringLiteral("today"), QStringLiteral("new"),    QStringLiteral("of")};

// JSONL lines with "cats" (one topic each) and meta.split.
inline void writeTopicDocs(const QString& path, int count, quint64 seed, const QString& split) {
  QRandomGenerator rng(static_cast<quint32>(seed));
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  for (int i = 0; i < count; ++i) {
    const int topic = int(rng.bounded(3));
    QStringList words;
    for (int w = 0; w < 10; ++w)
      words << (w % 3 == 1 ? kWords[topic][int(rng.bounded(4))] : kFiller[int(rng.bounded(6))]);
    QJsonObject cats;
    for (int t = 0; t < 3; ++t) cats.insert(kTopics[t], t == topic);
    const QJsonObject line{{QStringLiteral("text"), words.join(QLatin1Char(' '))},
                           {QStringLiteral("cats"), cats},
                           {QStringLiteral("meta"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("%1-%2").arg(split).arg(i)},
                                        {QStringLiteral("split"), split}}}};
    f.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
  }
}

const QStringList kCauses = {QStringLiteral("smoke"), QStringLiteral("virus"), QStringLiteral("storm"),
                             QStringLiteral("heat")};
const QStringList kEffects = {QStringLiteral("cough"), QStringLiteral("fever"), QStringLiteral("damage"),
                              QStringLiteral("drought")};

// SemEval records: "<e1>smoke</e1> causes <e2>cough</e2> ." Cause-Effect(e1,e2), "<e1>cough</e1> is caused by
// <e2>smoke</e2> ." Cause-Effect(e2,e1), "<e1>smoke</e1> near <e2>cough</e2> ." Other.
inline void writeSemEval(const QString& path, int count, quint32 seed, int firstId) {
  QRandomGenerator rng(seed);
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  for (int i = 0; i < count; ++i) {
    const QString c = kCauses[int(rng.bounded(4))], e = kEffects[int(rng.bounded(4))];
    QString sentence, label;
    switch (rng.bounded(3)) {
      case 0:
        sentence = QStringLiteral("The <e1>%1</e1> causes <e2>%2</e2> today.").arg(c, e);
        label = QStringLiteral("Cause-Effect(e1,e2)");
        break;
      case 1:
        sentence = QStringLiteral("The <e1>%1</e1> is caused by <e2>%2</e2> today.").arg(e, c);
        label = QStringLiteral("Cause-Effect(e2,e1)");
        break;
      default:
        sentence = QStringLiteral("The <e1>%1</e1> was near <e2>%2</e2> today.").arg(c, e);
        label = QStringLiteral("Other");
    }
    f.write(QStringLiteral("%1\t\"%2\"\r\n%3\r\nComment:\r\n\r\n")
                .arg(firstId + i)
                .arg(sentence, label)
                .toUtf8());
  }
}

}  // namespace task_corpus
