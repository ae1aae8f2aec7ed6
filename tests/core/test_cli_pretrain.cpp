// quarry-cli pretrain in-process: a tiny random BERT pretrained (masked LM) on a project's documents and a
// folder of text files with a WordPiece vocabulary trained on that text first, the run recorded in the
// project, the folder taken as the base model of a classifier and continued (domain-adaptive pretraining);
// and the refusals: nothing to pretrain, no corpus, a foreign task, dev splits that overlap the text.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include "CliTestSupport.h"
#include "TaskCorpusTestSupport.h"
#include "jobs/BaseModelCheck.h"

namespace jobs = quarry::jobs;

namespace {

using task_corpus::writeTopicDocs;

// `count` documents of two or three short lines each, one empty line between documents.
void writeTextCorpus(const QString& path, int count, quint32 seed) {
  QRandomGenerator rng(seed);
  const QStringList words = {QStringLiteral("the"),     QStringLiteral("patient"), QStringLiteral("court"),
                             QStringLiteral("ruled"),   QStringLiteral("tumour"),  QStringLiteral("cells"),
                             QStringLiteral("grew"),    QStringLiteral("appeal"),  QStringLiteral("dismissed"),
                             QStringLiteral("protein"), QStringLiteral("binds"),   QStringLiteral("receptor")};
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  for (int d = 0; d < count; ++d) {
    const int lines = 2 + int(rng.bounded(2));
    for (int l = 0; l < lines; ++l) {
      QStringList sentence;
      for (int w = 0; w < 8; ++w) sentence << words[int(rng.bounded(words.size()))];
      f.write((sentence.join(QLatin1Char(' ')) + QStringLiteral(" .\n")).toUtf8());
    }
    f.write("\n");
  }
}

const QStringList kTinyShape =
    task_corpus::kTinyEncoder + QStringList{QStringLiteral("--set"), QStringLiteral("dev_fraction=0.1")};

}  // namespace

class TestCliPretrain : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void projectAndCorpusFromScratch() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    const QString docs = dir.filePath(QStringLiteral("docs.jsonl"));
    writeTopicDocs(docs, 40, 1, QStringLiteral("train"));
    if (QTest::currentTestFailed()) return;
    CliRun imported = cli({QStringLiteral("import"), project, docs});
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    QDir(dir.path()).mkpath(QStringLiteral("corpus/more"));
    writeTextCorpus(dir.filePath(QStringLiteral("corpus/a.txt")), 30, 2);
    writeTextCorpus(dir.filePath(QStringLiteral("corpus/more/b.txt")), 30, 3);
    if (QTest::currentTestFailed()) return;

    const QString out = dir.filePath(QStringLiteral("encoder"));
    CliRun p = cli(QStringList{QStringLiteral("pretrain"), QStringLiteral("--project"), project,
                               QStringLiteral("--corpus"), dir.filePath(QStringLiteral("corpus")),
                               QStringLiteral("--vocab-size"), QStringLiteral("200"), QStringLiteral("--output"),
                               out, QStringLiteral("--set"), QStringLiteral("epochs=3"), QStringLiteral("--json")} +
                   kTinyShape);
    QVERIFY2(p.code == 0, qPrintable(p.err));
    const QJsonObject result = QJsonDocument::fromJson(p.out.toUtf8()).object();
    QCOMPARE(result.value(QStringLiteral("task")).toString(), QStringLiteral("mlm"));
    const QJsonObject data = result.value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("train_documents")).toInt(), 40);   // every project document
    QCOMPARE(data.value(QStringLiteral("documents_read")).toInt(), 100);  // and the corpus's 60
    QVERIFY(data.value(QStringLiteral("dev_documents_read")).toInt() > 0);
    QCOMPARE(data.value(QStringLiteral("vocab_size")).toInt(), 200);
    const QJsonArray history = result.value(QStringLiteral("history")).toArray();
    QCOMPARE(history.size(), 3);
    QVERIFY2(history.last().toObject().value(QStringLiteral("dev_loss")).toDouble() <
                 history.first().toObject().value(QStringLiteral("dev_loss")).toDouble(),
             qPrintable(p.out));

    // An ordinary BertForMaskedLM folder carrying the trained vocabulary.
    QFile config(out + QStringLiteral("/best/config.json"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    const QJsonObject hf = QJsonDocument::fromJson(config.readAll()).object();
    QCOMPARE(hf.value(QStringLiteral("architectures")).toArray().first().toString(), QStringLiteral("BertForMaskedLM"));
    QFile vocab(out + QStringLiteral("/best/vocab.txt"));
    QVERIFY(vocab.open(QIODevice::ReadOnly));
    const int tokens = int(vocab.readAll().count('\n'));
    QVERIFY2(tokens > 50 && tokens <= 200, qPrintable(QString::number(tokens)));
    QCOMPARE(hf.value(QStringLiteral("vocab_size")).toInt(), tokens);
    QVERIFY(QFile::exists(out + QStringLiteral("/vocabulary/vocab.txt")));

    // Recorded in the project as a pretraining run, with its log.
    CliRun runs = cli({QStringLiteral("runs"), QStringLiteral("--project"), project, QStringLiteral("--json")});
    QVERIFY2(runs.code == 0, qPrintable(runs.err));
    const QJsonArray rows = QJsonDocument::fromJson(runs.out.toUtf8()).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].toObject().value(QStringLiteral("task")).toString(), QStringLiteral("mlm"));
    QVERIFY2(rows[0].toObject().value(QStringLiteral("name")).toString().startsWith(QStringLiteral("Pretraining")),
             qPrintable(runs.out));

    // The folder is a base model: a classifier fine-tunes it.
    const QString trainFile = dir.filePath(QStringLiteral("train.jsonl")), devFile = dir.filePath(QStringLiteral("dev.jsonl"));
    writeTopicDocs(trainFile, 30, 4, QStringLiteral("train"));
    writeTopicDocs(devFile, 10, 5, QStringLiteral("dev"));
    CliRun c = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("classify"), QStringLiteral("--model"),
                    out + QStringLiteral("/best"), QStringLiteral("--train"), trainFile, QStringLiteral("--dev"), devFile,
                    QStringLiteral("--output"), dir.filePath(QStringLiteral("classifier")), QStringLiteral("--set"),
                    QStringLiteral("epochs=1"), QStringLiteral("--set"), QStringLiteral("max_length=32"),
                    QStringLiteral("--set"), QStringLiteral("stride=8")});
    QVERIFY2(c.code == 0, qPrintable(c.err));
    auto base = jobs::checkBaseModel(out + QStringLiteral("/best"));
    QVERIFY2(base.ok(), base ? "" : base.error().toString().c_str());
    QCOMPARE(base->layers, 1);
    QCOMPARE(base->quarryTask, QStringLiteral("mlm"));

    // LoRA on the pretrained encoder, end to end: best/ is merged, best/adapter is PEFT's layout, and the
    // adapter folder checks as its base with the adapter.
    const QString lora = dir.filePath(QStringLiteral("lora"));
    CliRun l = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("classify"), QStringLiteral("--model"),
                    out + QStringLiteral("/best"), QStringLiteral("--train"), trainFile, QStringLiteral("--dev"), devFile,
                    QStringLiteral("--output"), lora, QStringLiteral("--set"), QStringLiteral("epochs=1"),
                    QStringLiteral("--set"), QStringLiteral("max_length=32"), QStringLiteral("--set"),
                    QStringLiteral("stride=8"), QStringLiteral("--set"), QStringLiteral("lora_rank=4"),
                    QStringLiteral("--json")});
    QVERIFY2(l.code == 0, qPrintable(l.err));
    const QJsonObject loraResult = QJsonDocument::fromJson(l.out.toUtf8()).object();
    QVERIFY2(loraResult.value(QStringLiteral("trainable_parameters")).toInteger() <
                 loraResult.value(QStringLiteral("total_parameters")).toInteger() / 2,
             qPrintable(l.out));
    QFile adapterConfig(lora + QStringLiteral("/best/adapter/adapter_config.json"));
    QVERIFY(adapterConfig.open(QIODevice::ReadOnly));
    const QJsonObject peft = QJsonDocument::fromJson(adapterConfig.readAll()).object();
    QCOMPARE(peft.value(QStringLiteral("peft_type")).toString(), QStringLiteral("LORA"));
    QCOMPARE(peft.value(QStringLiteral("r")).toInt(), 4);
    auto adapter = jobs::checkBaseModel(lora + QStringLiteral("/best/adapter"));
    QVERIFY2(adapter.ok(), adapter ? "" : adapter.error().toString().c_str());
    QCOMPARE(adapter->loraRank, 4);
    QCOMPARE(adapter->layers, 1);
    QVERIFY2(adapter->summary().contains(QStringLiteral("LoRA adapter of rank 4")), qPrintable(adapter->summary()));

    // Prefix tuning on the pretrained encoder: best/adapter is PEFT's PREFIX_TUNING layout, the adapter
    // folder checks as its base with the prefix, and evaluate reloads best/ with its prefix.
    const QString prefixed = dir.filePath(QStringLiteral("prefix"));
    CliRun pt = cli({QStringLiteral("train"),
                     QStringLiteral("--task"),
                     QStringLiteral("classify"),
                     QStringLiteral("--model"),
                     out + QStringLiteral("/best"),
                     QStringLiteral("--train"),
                     trainFile,
                     QStringLiteral("--dev"),
                     devFile,
                     QStringLiteral("--output"),
                     prefixed,
                     QStringLiteral("--set"),
                     QStringLiteral("epochs=1"),
                     QStringLiteral("--set"),
                     QStringLiteral("max_length=32"),
                     QStringLiteral("--set"),
                     QStringLiteral("stride=8"),
                     QStringLiteral("--set"),
                     QStringLiteral("prefix_length=4"),
                     QStringLiteral("--json")});
    QVERIFY2(pt.code == 0, qPrintable(pt.err));
    const QJsonObject prefixResult = QJsonDocument::fromJson(pt.out.toUtf8()).object();
    QVERIFY2(prefixResult.value(QStringLiteral("trainable_parameters")).toInteger() <
                 prefixResult.value(QStringLiteral("total_parameters")).toInteger() / 2,
             qPrintable(pt.out));
    QFile prefixConfig(prefixed + QStringLiteral("/best/adapter/adapter_config.json"));
    QVERIFY(prefixConfig.open(QIODevice::ReadOnly));
    const QJsonObject prefixPeft = QJsonDocument::fromJson(prefixConfig.readAll()).object();
    QCOMPARE(prefixPeft.value(QStringLiteral("peft_type")).toString(), QStringLiteral("PREFIX_TUNING"));
    QCOMPARE(prefixPeft.value(QStringLiteral("num_virtual_tokens")).toInt(), 4);
    auto prefixAdapter = jobs::checkBaseModel(prefixed + QStringLiteral("/best/adapter"));
    QVERIFY2(prefixAdapter.ok(), prefixAdapter ? "" : prefixAdapter.error().toString().c_str());
    QVERIFY2(prefixAdapter->summary().contains(QStringLiteral("prefix-tuning adapter of 4 positions")),
             qPrintable(prefixAdapter->summary()));
    CliRun evaluated = cli({QStringLiteral("evaluate"), prefixed + QStringLiteral("/best"),
                            QStringLiteral("--data"), devFile, QStringLiteral("--json")});
    QVERIFY2(evaluated.code == 0, qPrintable(evaluated.err));
    CliRun refusedPrefix =
        cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("classify"),
             QStringLiteral("--model"), out + QStringLiteral("/best"), QStringLiteral("--train"), trainFile,
             QStringLiteral("--output"), dir.filePath(QStringLiteral("both")), QStringLiteral("--set"),
             QStringLiteral("prefix_length=4"), QStringLiteral("--set"), QStringLiteral("lora_rank=4")});
    QVERIFY2(refusedPrefix.code != 0 && refusedPrefix.err.contains(QStringLiteral("prefix_length")),
             qPrintable(refusedPrefix.err));

    // Domain-adaptive: the folder's pretraining continued on the text files alone.
    CliRun more = cli({QStringLiteral("pretrain"), QStringLiteral("--model"), out + QStringLiteral("/best"),
                       QStringLiteral("--corpus"), dir.filePath(QStringLiteral("corpus/a.txt")), QStringLiteral("--output"),
                       dir.filePath(QStringLiteral("continued")), QStringLiteral("--set"), QStringLiteral("max_steps=4"),
                       QStringLiteral("--set"), QStringLiteral("max_length=32")});
    QVERIFY2(more.code == 0, qPrintable(more.err));
    QVERIFY2(more.out.contains(QStringLiteral("perplexity")), qPrintable(more.out));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("continued/best/model.safetensors"))));
  }

  // ELECTRA-style replaced-token detection from the command line: an ElectraForPreTraining folder with its
  // generator inside, which a classifier takes as its base model.
  void electraFromScratch() {
    QTemporaryDir dir;
    writeTextCorpus(dir.filePath(QStringLiteral("a.txt")), 60, 6);
    if (QTest::currentTestFailed()) return;
    const QString out = dir.filePath(QStringLiteral("electra"));
    CliRun p =
        cli(QStringList{QStringLiteral("pretrain"), QStringLiteral("--corpus"),
                        dir.filePath(QStringLiteral("a.txt")), QStringLiteral("--vocab-size"),
                        QStringLiteral("200"), QStringLiteral("--objective"), QStringLiteral("electra"),
                        QStringLiteral("--output"), out, QStringLiteral("--set"), QStringLiteral("epochs=2"),
                        QStringLiteral("--json")} +
            kTinyShape);
    QVERIFY2(p.code == 0, qPrintable(p.err));
    const QJsonObject result = QJsonDocument::fromJson(p.out.toUtf8()).object();
    QCOMPARE(result.value(QStringLiteral("data")).toObject().value(QStringLiteral("objective")).toString(),
             QStringLiteral("electra"));
    const QJsonObject last = result.value(QStringLiteral("history")).toArray().last().toObject();
    QVERIFY2(last.contains(QStringLiteral("dev_generator_loss")) &&
                 last.contains(QStringLiteral("dev_replaced_recall")),
             qPrintable(p.out));
    QVERIFY2(result.value(QStringLiteral("model")).toString().contains(QStringLiteral("discriminator")),
             qPrintable(p.out));
    QFile config(out + QStringLiteral("/best/config.json"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(config.readAll())
                 .object()
                 .value(QStringLiteral("architectures"))
                 .toArray()
                 .first()
                 .toString(),
             QStringLiteral("ElectraForPreTraining"));
    QVERIFY(QFile::exists(out + QStringLiteral("/best/generator/model.safetensors")));

    const QString trainFile = dir.filePath(QStringLiteral("train.jsonl")),
                  devFile = dir.filePath(QStringLiteral("dev.jsonl"));
    writeTopicDocs(trainFile, 20, 4, QStringLiteral("train"));
    writeTopicDocs(devFile, 8, 5, QStringLiteral("dev"));
    CliRun c = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("classify"),
                    QStringLiteral("--model"), out + QStringLiteral("/best"), QStringLiteral("--train"),
                    trainFile, QStringLiteral("--dev"), devFile, QStringLiteral("--output"),
                    dir.filePath(QStringLiteral("classifier")), QStringLiteral("--set"),
                    QStringLiteral("epochs=1"), QStringLiteral("--set"), QStringLiteral("max_length=32"),
                    QStringLiteral("--set"), QStringLiteral("stride=8")});
    QVERIFY2(c.code == 0, qPrintable(c.err));
    QFile classifier(dir.filePath(QStringLiteral("classifier/best/config.json")));
    QVERIFY(classifier.open(QIODevice::ReadOnly));
    QCOMPARE(
        QJsonDocument::fromJson(classifier.readAll()).object().value(QStringLiteral("model_type")).toString(),
        QStringLiteral("electra"));

    CliRun bad = cli({QStringLiteral("pretrain"), QStringLiteral("--corpus"),
                      dir.filePath(QStringLiteral("a.txt")), QStringLiteral("--vocab-size"),
                      QStringLiteral("200"), QStringLiteral("--objective"), QStringLiteral("gan")});
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("mlm or electra")), qPrintable(bad.err));
  }

  void refusals() {
    QTemporaryDir dir;
    writeTextCorpus(dir.filePath(QStringLiteral("a.txt")), 5, 1);
    if (QTest::currentTestFailed()) return;
    const QString corpus = dir.filePath(QStringLiteral("a.txt"));
    // Nothing says what to pretrain.
    CliRun none = cli({QStringLiteral("pretrain"), QStringLiteral("--corpus"), corpus});
    QCOMPARE(none.code, 2);
    QVERIFY2(none.err.contains(QStringLiteral("--vocab-size")), qPrintable(none.err));
    // No text.
    CliRun noText = cli({QStringLiteral("pretrain"), QStringLiteral("--vocab-size"), QStringLiteral("500")});
    QCOMPARE(noText.code, 1);
    QVERIFY2(noText.err.contains(QStringLiteral("--corpus")), qPrintable(noText.err));
    // A corpus path that is not there: named.
    const QString missing = dir.filePath(QStringLiteral("nowhere"));
    CliRun gone = cli({QStringLiteral("pretrain"), QStringLiteral("--corpus"), missing, QStringLiteral("--vocab-size"),
                       QStringLiteral("500")});
    QCOMPARE(gone.code, 1);
    QVERIFY2(gone.err.contains(missing), qPrintable(gone.err));
    // A folder without text files: named.
    QDir(dir.path()).mkpath(QStringLiteral("empty"));
    CliRun empty = cli({QStringLiteral("pretrain"), QStringLiteral("--corpus"), dir.filePath(QStringLiteral("empty")),
                        QStringLiteral("--vocab-size"), QStringLiteral("500"), QStringLiteral("--output"),
                        dir.filePath(QStringLiteral("out"))});
    QCOMPARE(empty.code, 1);
    QVERIFY2(empty.err.contains(dir.filePath(QStringLiteral("empty"))), qPrintable(empty.err));
    // Another task.
    CliRun ner = cli({QStringLiteral("pretrain"), QStringLiteral("--corpus"), corpus, QStringLiteral("--vocab-size"),
                      QStringLiteral("500"), QStringLiteral("--set"), QStringLiteral("task=ner")});
    QCOMPARE(ner.code, 1);
    QVERIFY2(ner.err.contains(QStringLiteral("task")), qPrintable(ner.err));
    // Two model choices; a vocabulary size out of range.
    CliRun two = cli({QStringLiteral("pretrain"), QStringLiteral("--corpus"), corpus, QStringLiteral("--vocab-size"),
                      QStringLiteral("500"), QStringLiteral("--model"), dir.path()});
    QCOMPARE(two.code, 2);
    CliRun tiny = cli({QStringLiteral("pretrain"), QStringLiteral("--corpus"), corpus, QStringLiteral("--vocab-size"),
                       QStringLiteral("5")});
    QCOMPARE(tiny.code, 2);
    // Dev splits that are also pretrained on.
    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    CliRun overlap = cli({QStringLiteral("pretrain"), QStringLiteral("--project"), project, QStringLiteral("--vocab-size"),
                          QStringLiteral("500"), QStringLiteral("--split"), QStringLiteral("train,dev"),
                          QStringLiteral("--dev-split"), QStringLiteral("dev")});
    QCOMPARE(overlap.code, 2);
    QVERIFY2(overlap.err.contains(QStringLiteral("dev")), qPrintable(overlap.err));
    // --help-config lists the pretraining options.
    CliRun help = cli({QStringLiteral("pretrain"), QStringLiteral("--help-config")});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.contains(QStringLiteral("mlm_probability")) &&
            help.out.contains(QStringLiteral("vocab_size")) &&
            help.out.contains(QStringLiteral("whole_word_mask")) &&
            help.out.contains(QStringLiteral("pretrain_objective")) &&
            help.out.contains(QStringLiteral("electra_generator_size")));
  }
};

QTEST_GUILESS_MAIN(TestCliPretrain)
#include "test_cli_pretrain.moc"
