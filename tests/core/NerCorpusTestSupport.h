#pragma once
// A tiny synthetic NER corpus for training tests: "patients with <disease> were given <drug> ." as CoNLL,
// and a project in `folder` with it imported (train.tsv as the train split, devel.tsv as dev).

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "CliTestSupport.h"

inline QByteArray syntheticNerConll(int sentences, int seed) {
  const QStringList drugs{QStringLiteral("aspirin"), QStringLiteral("metformin"), QStringLiteral("warfarin"),
                          QStringLiteral("insulin")};
  const QStringList diseases{QStringLiteral("asthma"), QStringLiteral("diabetes"), QStringLiteral("gout"),
                             QStringLiteral("migraine")};
  QByteArray out;
  for (int i = 0; i < sentences; ++i) {
    const int k = i * 7 + seed;
    out += "patients\tO\nwith\tO\n" + diseases[k % 4].toUtf8() + "\tB-DISEASE\nwere\tO\ngiven\tO\n" +
           drugs[(k / 4) % 4].toUtf8() + "\tB-DRUG\n.\tO\n\n";
  }
  return out;
}

// Creates `project` with `trainSentences` training and `devSentences` dev sentences; empty on success,
// else what failed.
inline QString makeSyntheticNerProject(const QString& folder, const QString& project, int trainSentences,
                                       int devSentences) {
  const QString names[] = {QStringLiteral("train.tsv"), QStringLiteral("devel.tsv")};
  const int counts[] = {trainSentences, devSentences};
  if (CliRun r = cli({QStringLiteral("init"), project}); r.code != 0) return r.err;
  for (int i = 0; i < 2; ++i) {
    QFile f(QDir(folder).filePath(names[i]));
    if (!f.open(QIODevice::WriteOnly) || f.write(syntheticNerConll(counts[i], 1 + 2 * i)) < 0)
      return f.fileName() + QStringLiteral(": cannot write");
    f.close();
    if (CliRun r = cli({QStringLiteral("import"), project, f.fileName()}); r.code != 0) return r.err;
  }
  return {};
}

// A temporary folder with a synthetic NER project in it (p.quarry), for a test case's fixture.
struct SyntheticNerFolder {
  QTemporaryDir dir;
  QString project;
  // Makes the project; empty on success, else what failed.
  QString make(int trainSentences, int devSentences) {
    if (!dir.isValid()) return QStringLiteral("cannot make a temporary folder");
    project = dir.filePath(QStringLiteral("p.quarry"));
    return makeSyntheticNerProject(dir.path(), project, trainSentences, devSentences);
  }
  QString path(const QString& name) const { return dir.filePath(name); }
};
