#include "jobs/NerDocuments.h"

#include <QFileInfo>
#include <QJsonObject>

#include "corpus/TextOffsets.h"
#include "formats/FormatRegistry.h"

namespace quarry::jobs {

namespace {

document::AnnotatedDocument toNerDocument(const Document& d, int* discontinuous) {
  document::AnnotatedDocument out;
  out.id = d.name.toStdString();
  out.text = d.text.toStdString();
  for (const EntitySpan& e : d.entities) {
    if (e.fragments.isEmpty()) continue;
    if (e.isDiscontinuous()) ++*discontinuous;
    out.entities.push_back({e.start(), e.end(), e.type.toStdString()});
  }
  return out;
}

}  // namespace

std::vector<std::string> toStdStrings(const QStringList& list) {
  std::vector<std::string> out;
  for (const QString& s : list) out.push_back(s.toStdString());
  return out;
}

NerDocumentSet nerDocumentsFromCorpus(const Corpus& corpus, const QVector<Split>& splits) {
  NerDocumentSet set;
  for (const EntityType& t : corpus.schema.entityTypes) set.entityTypes << t.name;
  for (const Document& d : corpus.documents)
    if (splits.isEmpty() || splits.contains(d.split)) set.documents.push_back(toNerDocument(d, &set.discontinuous));
  return set;
}

Result<NerDocumentSet> nerDocumentsFromStore(ProjectStore& store, const QVector<Split>& splits,
                                             const QVector<DocumentStatus>& statuses) {
  DocumentListFilter listFilter;
  listFilter.splits = splits;
  listFilter.statuses = statuses;
  auto list = store.listDocuments(listFilter);
  if (!list) return list.error();
  CorpusFilter filter;
  filter.splits = splits;
  filter.statuses = statuses;
  filter.provenance = false;
  auto corpus = store.loadCorpus(filter);
  if (!corpus) return corpus.error();
  NerDocumentSet set = nerDocumentsFromCorpus(corpus.value());
  // loadCorpus and listDocuments return the same documents; ids are matched by name.
  QHash<QString, qint64> ids;
  for (const DocumentSummary& s : list.value()) ids.insert(s.name, s.id);
  for (const document::AnnotatedDocument& d : set.documents) set.storeIds << ids.value(QString::fromStdString(d.id), 0);
  return set;
}

Result<NerDocumentSet> nerDocumentsFromFile(const QString& path, const QString& format, const QString& tagScheme) {
  if (!QFileInfo::exists(path)) return Error("no such file or folder", path.toStdString());
  const FormatRegistry& registry = FormatRegistry::instance();
  const Format* f = format.isEmpty() ? registry.guess(path) : registry.byName(format);
  if (!f)
    return Error(format.isEmpty() ? "cannot tell the format; name it with --format (" + registry.names().join(QStringLiteral(", ")).toStdString() + ")"
                                  : "unknown format \"" + format.toStdString() + "\"",
                 path.toStdString(), 0, "format");
  ImportOptions options;
  options.tagScheme = tagScheme;
  ImportReport report;
  auto corpus = f->read(path, options, report);
  if (!corpus) return corpus.error();
  corpus->addMissingTypesToSchema();
  return nerDocumentsFromCorpus(corpus.value());
}

QVector<Prediction> entityPredictions(qint64 runId, qint64 documentId, const document::AnnotatedDocument& document,
                                      const std::vector<document::PredictedEntity>& predicted) {
  QVector<Prediction> out;
  const QString text = QString::fromStdString(document.text);
  const TextOffsets offsets(text);
  for (const document::PredictedEntity& e : predicted) {
    Prediction p;
    p.runId = runId;
    p.documentId = documentId;
    p.kind = QStringLiteral("entity");
    p.payload = QJsonObject{{QStringLiteral("type"), QString::fromStdString(e.type)},
                            {QStringLiteral("start"), e.start},
                            {QStringLiteral("end"), e.end},
                            {QStringLiteral("text"), offsets.slice(text, e.start, e.end)}};
    p.confidence = e.confidence;
    out << p;
  }
  return out;
}

}  // namespace quarry::jobs
