#include "jobs/AnnotatorAgreement.h"

#include <QSet>

#include "jobs/EngineDocuments.h"
#include "store/ProjectLocation.h"
#include "store/ProjectStore.h"

namespace quarry::jobs {

std::vector<std::vector<document::AnnotatedDocument>> annotatorLayers(
    const Corpus& corpus, const QStringList& annotators, const QHash<QString, QSet<QString>>& touched) {
  std::vector<std::vector<document::AnnotatedDocument>> layers;
  for (const QString& annotator : annotators) {
    Corpus layer;
    layer.schema = corpus.schema;
    const QSet<QString> documents = touched.value(annotator);
    for (const Document& d : corpus.documents)
      if (documents.contains(d.name)) layer.documents.push_back(d.layerOf(annotator));
    layers.push_back(documentsFromCorpus(layer).documents);
  }
  return layers;
}

Result<AgreementOutcome> measureProjectAgreement(const AgreementSpec& spec) {
  if (!ProjectLocation::mayExist(spec.projectPath)) return Error("no such project", spec.projectPath.toStdString());
  auto store = ProjectStore::open(spec.projectPath, OpenMode::ReadOnly);
  if (!store) return store.error();
  Corpus corpus;
  QHash<QString, QSet<QString>> touched;
  if (Status s = store.value()->readConsistently([&]() -> Status {
        CorpusFilter filter;
        filter.splits = spec.splits;
        Result<Corpus> read = store.value()->loadCorpus(filter);
        if (!read) return read.error();
        corpus = std::move(read.value());
        Result<QHash<QString, QSet<QString>>> who = store.value()->annotatorDocuments();
        if (!who) return who.error();
        touched = std::move(who.value());
        return {};
      });
      !s)
    return s.error();
  QSet<QString> inFilter;
  for (const Document& d : corpus.documents) inFilter.insert(d.name);
  QStringList present;
  for (auto it = touched.cbegin(); it != touched.cend(); ++it)
    if (it.value().intersects(inFilter)) present << it.key();
  present.sort();
  AgreementOutcome outcome;
  outcome.annotators = spec.annotators.isEmpty() ? present : spec.annotators;
  const auto refuse = [&](const std::string& why) {
    return Error(why + "; annotators here: " +
                     (present.isEmpty() ? std::string("none") : present.join(QStringLiteral(", ")).toStdString()),
                 store.value()->displayPath().toStdString(), 0, "annotators");
  };
  for (const QString& name : outcome.annotators)
    if (!present.contains(name)) return refuse("'" + name.toStdString() + "' annotated none of these documents");
  if (outcome.annotators.size() < 2) return refuse("agreement needs two annotators of the same documents");
  outcome.report = eval::measureAgreement(toStdStrings(outcome.annotators),
                                          annotatorLayers(corpus, outcome.annotators, touched));
  return outcome;
}

}  // namespace quarry::jobs
