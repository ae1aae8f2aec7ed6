// bench_team_load: a team editing one project at once. W annotator processes (this program started again
// with --worker) each open the project and, for S seconds, read a random document and add, retype or
// remove one of its spans, with optimistic concurrency on (store/StoreTypes.h ReadVersion). Every
// acknowledged write is written down; afterwards the parent reads the project and checks that each one
// is there (an added span that nobody removed is present, a removed one absent, and its type is one an
// acknowledged write gave), so "nothing lost" is measured, not assumed. Prints edits/s, p50/p99 latency, refused stale writes, errors, lost.
//
//   bench_team_load --project my.quarry|postgresql://... [--workers 10] [--seconds 60] [--documents 20]
//
// The project is made when absent (documents of one sentence). For PostgreSQL, make an empty database
// first (createdb); a local server on a private socket is enough (tests/core/PostgresTestServer.h).

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <random>

#include "store/ProjectLocation.h"
#include "store/ProjectStore.h"

using namespace quarry;

namespace {

const QString kText = QStringLiteral("Aspirin and ibuprofen relieve headache and fever in adults and children.");
const QStringList kTypes{QStringLiteral("DRUG"), QStringLiteral("DISEASE")};

Status makeProject(const QString& location, int documents) {
  if (!ProjectLocation::isDatabaseUrl(location) && QFile::exists(location)) return {};
  auto store = ProjectStore::create(location, QStringLiteral("team load"));
  if (!store) return store.error();
  Corpus corpus;
  for (const QString& t : kTypes) corpus.schema.entityTypes.push_back(EntityType{t, {}, {}, {}});
  for (int i = 0; i < documents; ++i) {
    Document d;
    d.name = QStringLiteral("doc-%1").arg(i);
    d.text = kText;
    corpus.documents.push_back(d);
  }
  Result<ImportSummary> imported = (*store)->importCorpus(corpus, QStringLiteral("importer"));
  if (!imported) return imported.error();
  return {};
}

// One annotator: edits until the time is up; writes its log as JSON.
int worker(const QString& location, int index, double seconds, const QString& out) {
  auto opened = ProjectStore::open(location);
  if (!opened) {
    std::fprintf(stderr, "worker %d: %s\n", index, opened.error().toString().c_str());
    return 1;
  }
  ProjectStore& store = **opened;
  const QString me = QStringLiteral("worker-%1").arg(index);
  const QVector<DocumentSummary> documents = store.listDocuments().value();
  std::mt19937_64 random(1000 + index);
  QJsonArray latencies, acks;
  int stale = 0, errors = 0;
  QElapsedTimer clock;
  clock.start();
  const int length = kText.size();
  while (clock.elapsed() < seconds * 1000) {
    const qint64 doc = documents[int(random() % documents.size())].id;
    Result<StoredDocument> read = store.loadDocument(doc);
    if (!read) {
      ++errors;
      continue;
    }
    const StoredDocument& d = read.value();
    const int action = int(random() % 100);
    QElapsedTimer edit;
    edit.start();
    QJsonObject ack;
    Status outcome;
    if (action < 55 || d.entityIds.isEmpty()) {
      const int start = int(random() % (length - 8));
      EntitySpan span;
      span.type = kTypes[int(random() % 2)];
      span.fragments = {Fragment{start, start + 1 + int(random() % 7)}};
      Result<qint64> id = store.addEntity(doc, span, me);
      outcome = id ? Status{} : Status(id.error());
      if (id) ack = {{QStringLiteral("op"), QStringLiteral("add")}, {QStringLiteral("id"), *id}, {QStringLiteral("type"), span.type}};
    } else {
      const int k = int(random() % d.entityIds.size());
      const EntitySpan& e = d.document.entities[k];
      if (action < 85) {
        const QString type = e.type == kTypes[0] ? kTypes[1] : kTypes[0];
        Result<qint64> id = store.updateEntity(d.entityIds[k], type, e.fragments, me, Origin::Manual, ReadVersion::of(e.provenance));
        outcome = id ? Status{} : Status(id.error());
        if (id) ack = {{QStringLiteral("op"), QStringLiteral("update")}, {QStringLiteral("id"), d.entityIds[k]}, {QStringLiteral("type"), type}};
      } else {
        outcome = store.removeEntity(d.entityIds[k], me, ReadVersion::of(e.provenance));
        if (outcome) ack = {{QStringLiteral("op"), QStringLiteral("remove")}, {QStringLiteral("id"), d.entityIds[k]}};
      }
    }
    const double ms = double(edit.nsecsElapsed()) / 1e6;
    if (outcome) {
      latencies.append(ms);
      acks.append(ack);
    } else if (outcome.error().field == kStaleWriteField) {
      ++stale;
    } else {
      ++errors;
      if (errors <= 3) std::fprintf(stderr, "worker %d: %s\n", index, outcome.error().toString().c_str());
    }
  }
  QFile f(out);
  if (!f.open(QIODevice::WriteOnly)) return 1;
  f.write(QJsonDocument(QJsonObject{{QStringLiteral("latencies"), latencies},
                                    {QStringLiteral("acks"), acks},
                                    {QStringLiteral("stale"), stale},
                                    {QStringLiteral("errors"), errors}})
              .toJson(QJsonDocument::Compact));
  return 0;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QString location, out;
  int workers = 10, documents = 20, index = -1;
  double seconds = 60;
  const QStringList args = app.arguments();
  for (int i = 1; i < args.size(); ++i) {
    auto next = [&] { return i + 1 < args.size() ? args[++i] : QString(); };
    if (args[i] == QLatin1String("--project")) location = next();
    else if (args[i] == QLatin1String("--workers")) workers = next().toInt();
    else if (args[i] == QLatin1String("--seconds")) seconds = next().toDouble();
    else if (args[i] == QLatin1String("--documents")) documents = next().toInt();
    else if (args[i] == QLatin1String("--worker")) index = next().toInt();
    else if (args[i] == QLatin1String("--out")) out = next();
    else {
      std::fprintf(stderr, "unknown option %s\n", qPrintable(args[i]));
      return 2;
    }
  }
  if (location.isEmpty()) {
    std::fprintf(stderr, "usage: bench_team_load --project FILE|URL [--workers 10] [--seconds 60] [--documents 20]\n");
    return 2;
  }
  if (index >= 0) return worker(location, index, seconds, out);

  if (Status s = makeProject(location, documents); !s) {
    std::fprintf(stderr, "%s\n", s.error().toString().c_str());
    return 1;
  }
  QTemporaryDir logs;
  std::vector<std::unique_ptr<QProcess>> processes;
  QElapsedTimer wall;
  wall.start();
  for (int k = 0; k < workers; ++k) {
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p->start(app.applicationFilePath(), {QStringLiteral("--project"), location, QStringLiteral("--worker"), QString::number(k),
                                         QStringLiteral("--seconds"), QString::number(seconds), QStringLiteral("--out"),
                                         logs.filePath(QStringLiteral("w%1.json").arg(k))});
    processes.push_back(std::move(p));
  }
  for (auto& p : processes) p->waitForFinished(int(seconds * 1000) + 120000);
  const double elapsed = double(wall.elapsed()) / 1000.0;

  std::vector<double> latencies;
  int stale = 0, errors = 0, acknowledged = 0;
  // Per span: whether an acknowledged removal came, and the types acknowledged writes gave it.
  struct Writes { bool removed = false; QSet<QString> types; };
  QHash<qint64, Writes> writes;
  for (int k = 0; k < workers; ++k) {
    QFile f(logs.filePath(QStringLiteral("w%1.json").arg(k)));
    if (!f.open(QIODevice::ReadOnly)) {
      std::fprintf(stderr, "worker %d left no log\n", k);
      ++errors;
      continue;
    }
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    for (const QJsonValue& v : o.value(QStringLiteral("latencies")).toArray()) latencies.push_back(v.toDouble());
    stale += o.value(QStringLiteral("stale")).toInt();
    errors += o.value(QStringLiteral("errors")).toInt();
    for (const QJsonValue& v : o.value(QStringLiteral("acks")).toArray()) {
      const QJsonObject a = v.toObject();
      ++acknowledged;
      Writes& w = writes[a.value(QStringLiteral("id")).toInteger()];
      if (a.value(QStringLiteral("op")).toString() == QLatin1String("remove"))
        w.removed = true;
      else
        w.types.insert(a.value(QStringLiteral("type")).toString());
    }
  }
  // What the project holds now.
  auto store = ProjectStore::open(location, OpenMode::ReadOnly);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().toString().c_str());
    return 1;
  }
  QHash<qint64, QString> present;
  const QVector<DocumentSummary> docs = store.value()->listDocuments().value();
  for (const DocumentSummary& d : docs) {
    const StoredDocument s = store.value()->loadDocument(d.id).value();
    for (int i = 0; i < s.entityIds.size(); ++i) present.insert(s.entityIds[i], s.document.entities[i].type);
  }
  // Lost: an acknowledged span that is not there though nobody's removal was acknowledged, a span whose
  // removal was acknowledged that is still there, or a type that no acknowledged write gave. (Which of two
  // acknowledged retypes is last cannot be told from the workers' clocks; that each one was applied to the
  // version it read is what the stale-write check guarantees.)
  int lost = 0;
  for (auto it = writes.cbegin(); it != writes.cend(); ++it) {
    const bool there = present.contains(it.key());
    if (it->removed == there) ++lost;
    else if (there && !it->types.contains(present.value(it.key()))) ++lost;
  }
  QTextStream o(stdout);
  o << "store      " << store.value()->displayPath() << '\n'
    << "workers    " << workers << " processes, " << seconds << " s each, " << docs.size() << " documents\n"
    << "edits      " << acknowledged << " acknowledged, " << QString::number(acknowledged / elapsed, 'f', 1)
    << " edits/s over " << QString::number(elapsed, 'f', 1) << " s\n"
    << "latency    p50 " << QString::number(percentile(latencies, 0.5), 'f', 2) << " ms, p99 "
    << QString::number(percentile(latencies, 0.99), 'f', 2) << " ms\n"
    << "stale      " << stale << " writes refused (a teammate changed the span first)\n"
    << "errors     " << errors << '\n'
    << "lost       " << lost << " of " << writes.size() << " spans written (each acknowledged write checked)\n";
  return lost == 0 && errors == 0 ? 0 : 1;
}
