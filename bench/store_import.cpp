// Bulk import into a project file: the figure to compare is documents per second.
// usage: bench_store_import [documents=100000]

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <cstdio>

#include "common/ProcessMemory.h"
#include "store/ProjectStore.h"

using namespace quarry;

namespace {

EntitySpan span(const QString& key, const QString& type, int start, int end) {
  EntitySpan e;
  e.key = key;
  e.type = type;
  e.fragments = {Fragment{start, end}};
  return e;
}

// Short synthetic abstracts: three spans and one relation each.
Corpus syntheticCorpus(int n) {
  Corpus c;
  c.schema.entityTypes = {EntityType{QStringLiteral("DRUG"), {}, {}, {}},
                          EntityType{QStringLiteral("DISEASE"), {}, {}, {}}};
  RelationType treats;
  treats.name = QStringLiteral("TREATS");
  c.schema.relationTypes = {treats};
  const Split splits[] = {Split::Train, Split::Train, Split::Train, Split::Dev, Split::Test};
  c.documents.reserve(n);
  for (int i = 0; i < n; ++i) {
    Document d;
    d.name = QStringLiteral("doc-%1").arg(i);
    // "Patient <i> took aspirin for migraine and ibuprofen for fever."
    const QString id = QString::number(i);
    d.text = QStringLiteral("Patient ") + id +
             QStringLiteral(" took aspirin for migraine and ibuprofen for fever.");
    const int o = 8 + id.size();  // code points before " took"
    d.entities = {span(QStringLiteral("T1"), QStringLiteral("DRUG"), o + 6, o + 13),
                  span(QStringLiteral("T2"), QStringLiteral("DISEASE"), o + 18, o + 26),
                  span(QStringLiteral("T3"), QStringLiteral("DRUG"), o + 31, o + 40)};
    Relation r;
    r.key = QStringLiteral("R1");
    r.type = QStringLiteral("TREATS");
    r.head = QStringLiteral("T1");
    r.tail = QStringLiteral("T2");
    d.relations = {r};
    d.split = splits[i % 5];
    c.documents.push_back(std::move(d));
  }
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
  if (n <= 0) {
    std::fprintf(stderr, "usage: bench_store_import [documents=100000]\n");
    return 2;
  }
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("bench.quarry"));
  const Corpus corpus = syntheticCorpus(n);
  auto store = ProjectStore::create(path, QStringLiteral("bench"));
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().toString().c_str());
    return 1;
  }

  QElapsedTimer t;
  t.start();
  auto summary = (*store)->importCorpus(corpus, QStringLiteral("bench"));
  const double importSeconds = t.nsecsElapsed() / 1e9;
  if (!summary) {
    std::fprintf(stderr, "%s\n", summary.error().toString().c_str());
    return 1;
  }
  std::printf("import: %d documents, %d entities, %d relations in %.2f s = %.0f documents/s\n",
              summary->documents, summary->entities, summary->relations, importSeconds,
              summary->documents / importSeconds);
  std::printf("file + WAL: %.1f MiB, peak RSS after import: %.0f MiB\n",
              (QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) / 1048576.0,
              quarry::peakResidentMiB());

  t.restart();
  auto stats = (*store)->stats();
  std::printf("stats(): %.3f s (%d documents, %d entities)\n", t.nsecsElapsed() / 1e9,
              stats ? stats->documents : -1, stats ? stats->entities : -1);
  t.restart();
  auto list = (*store)->listDocuments();
  std::printf("listDocuments(): %.3f s (%lld rows)\n", t.nsecsElapsed() / 1e9,
              list ? qlonglong(list->size()) : -1LL);
  DocumentListFilter search;
  search.search = QStringLiteral("patient 4242 ");
  t.restart();
  auto found = (*store)->listDocuments(search);
  std::printf("listDocuments(search): %.3f s (%lld rows)\n", t.nsecsElapsed() / 1e9,
              found ? qlonglong(found->size()) : -1LL);
  t.restart();
  auto loaded = (*store)->loadCorpus();
  const double loadSeconds = t.nsecsElapsed() / 1e9;
  if (!loaded) {
    std::fprintf(stderr, "%s\n", loaded.error().toString().c_str());
    return 1;
  }
  std::printf("loadCorpus(): %.2f s = %.0f documents/s\n", loadSeconds,
              loaded->documents.size() / loadSeconds);
  QString why;
  const bool same = loaded->sameContent(corpus, &why);
  std::printf("round trip: %s%s\n", same ? "same content" : "DIFFERENT: ", same ? "" : qPrintable(why));
  std::printf("peak RSS: %.0f MiB\n", quarry::peakResidentMiB());
  return same ? 0 : 1;
}
