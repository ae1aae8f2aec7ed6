#include "jobs/QualityDocuments.h"

#include <QFileInfo>
#include <map>

#include "jobs/EngineDocuments.h"

namespace quarry::jobs {

Result<QualityDocuments> qualityDocumentsFromStore(ProjectStore& store, const QVector<Split>& splits,
                                                   const QVector<DocumentStatus>& statuses) {
  QualityDocuments out;
  auto schema = store.schema();
  if (!schema) return schema.error();
  out.schema = schema.value();
  const QVector<Split> wanted =
      splits.isEmpty() ? QVector<Split>{Split::Train, Split::Dev, Split::Test, Split::Unassigned} : splits;
  Status read = store.readConsistently([&]() -> Status {
    for (Split split : wanted) {
      auto set = documentsFromStore(store, {split}, statuses);
      if (!set) return set.error();
      for (size_t i = 0; i < set->documents.size(); ++i) {
        out.documents.push_back(std::move(set->documents[i]));
        out.splits.push_back(splitName(split).toStdString());
        out.storeIds << set->storeIds.value(static_cast<int>(i), 0);
      }
    }
    return {};
  });
  if (!read) return read.error();
  return out;
}

Result<QualityDocuments> qualityDocumentsFromFiles(const QStringList& specs, const QString& format) {
  QualityDocuments out;
  for (const QString& spec : specs) {
    const int eq = spec.indexOf(QLatin1Char('='));
    // "NAME=PATH" unless the part before '=' looks like a path (a file named "a=b.txt" stays a path).
    const bool named = eq > 0 && !spec.left(eq).contains(QLatin1Char('/')) && !QFileInfo::exists(spec);
    const QString path = named ? spec.mid(eq + 1) : spec;
    const QString split = named ? spec.left(eq) : QFileInfo(path).completeBaseName();
    auto set = documentsFromFile(path, format);
    if (!set) return set.error();
    for (document::AnnotatedDocument& d : set->documents) {
      out.documents.push_back(std::move(d));
      out.splits.push_back(split.toStdString());
    }
    for (const QString& t : set->entityTypes)
      if (!out.schema.entityType(t)) out.schema.entityTypes.push_back(EntityType{t, {}, {}, {}});
    for (const QString& c : set->categories)
      if (!out.schema.category(c)) out.schema.categories.push_back(CategoryType{c, {}, {}, {}});
  }
  return out;
}

QString guidelineOf(const Schema& schema, const QString& type) {
  const Guideline* g = nullptr;
  if (const EntityType* e = schema.entityType(type)) g = &e->guideline;
  else if (const RelationType* r = schema.relationType(type)) g = &r->guideline;
  else if (const CategoryType* c = schema.category(type)) g = &c->guideline;
  if (!g) return {};
  const QString definition = g->definition.trimmed();
  const int paragraph = definition.indexOf(QStringLiteral("\n\n"));
  return (paragraph < 0 ? definition : definition.left(paragraph)).simplified();
}

Result<int> applySplits(ProjectStore& store, const QualityDocuments& documents, const std::vector<std::string>& newSplits,
                        const QString& annotator) {
  if (documents.storeIds.size() != static_cast<int>(documents.documents.size()) || newSplits.size() != documents.documents.size())
    return Error("the documents were not read from this project", store.path().toStdString());
  QVector<QPair<qint64, Split>> moves;
  for (size_t i = 0; i < newSplits.size(); ++i) {
    if (newSplits[i] == documents.splits[i]) continue;
    Split split;
    if (!parseSplit(QString::fromStdString(newSplits[i]), &split))
      return Error("unknown split \"" + newSplits[i] + "\" (train, dev, test, unassigned)", "", 0, "split");
    moves.push_back({documents.storeIds[static_cast<int>(i)], split});
  }
  if (moves.isEmpty()) return 0;
  if (Status s = store.setDocumentSplits(moves, annotator); !s) return s.error();
  return static_cast<int>(moves.size());
}

Result<std::vector<quality::SplitShare>> parseSplitShares(const QString& text, const QualityDocuments& documents) {
  std::vector<quality::SplitShare> shares;
  if (text.trimmed() == QLatin1String("current")) {
    std::map<std::string, double> counts;
    std::vector<std::string> order;
    for (const std::string& s : documents.splits)
      if (counts[s]++ == 0) order.push_back(s);
    for (const std::string& s : order) shares.push_back({s, counts[s]});
    if (shares.empty()) return Error("there are no documents to re-split");
    return shares;
  }
  for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    const int eq = part.indexOf(QLatin1Char('='));
    bool ok = false;
    const double fraction = eq > 0 ? part.mid(eq + 1).toDouble(&ok) : 0.0;
    if (eq <= 0 || !ok || fraction < 0.0)
      return Error("shares are SPLIT=FRACTION,... (\"train=0.8,dev=0.1,test=0.1\") or \"current\", not \"" +
                   part.toStdString() + "\"");
    shares.push_back({part.left(eq).trimmed().toStdString(), fraction});
  }
  double total = 0.0;
  for (const auto& s : shares) total += s.fraction;
  if (shares.empty() || total <= 0.0) return Error("the shares name no split with a share above 0");
  return shares;
}

TrainingLeakage trainingLeakage(const DocumentSet& train, const DocumentSet& dev, const DocumentSet& test,
                                const quality::LeakageOptions& options) {
  std::vector<std::string_view> texts;
  std::vector<std::string> splits;
  std::vector<const document::AnnotatedDocument*> docs;
  for (const auto& [set, name] : {std::pair{&train, "train"}, {&dev, "dev"}, {&test, "test"}})
    for (const auto& d : set->documents) {
      texts.emplace_back(d.text);
      splits.emplace_back(name);
      docs.push_back(&d);
    }
  quality::LeakageOptions documentsOnly = options;
  documentsOnly.sentences = false;
  quality::LeakageReport report = quality::checkLeakage(texts, splits, documentsOnly);
  TrainingLeakage out;
  std::vector<char> leaked(texts.size(), 0), exact(texts.size(), 0);
  std::vector<quality::SimilarPair> withTrain;
  for (const auto& p : report.crossSplit) {
    // Pairs with a training document (first: documents come in train, dev, test order).
    if (splits[static_cast<size_t>(p.first)] != "train") continue;
    withTrain.push_back(p);
    leaked[static_cast<size_t>(p.second)] = 1;
    if (p.identical) exact[static_cast<size_t>(p.second)] = 1;
  }
  for (size_t i = 0; i < texts.size(); ++i) {
    if (splits[i] == "dev") out.devLeaked += leaked[i], out.devExact += exact[i];
    if (splits[i] == "test") out.testLeaked += leaked[i], out.testExact += exact[i];
  }
  std::stable_sort(withTrain.begin(), withTrain.end(), [](const auto& a, const auto& b) { return a.similarity > b.similarity; });
  for (size_t k = 0; k < withTrain.size() && k < 5; ++k) {
    const auto& p = withTrain[k];
    out.examples << QStringLiteral("%1:%2 ~ train:%3 (%4)")
                        .arg(QString::fromStdString(splits[static_cast<size_t>(p.second)]),
                             QString::fromStdString(docs[static_cast<size_t>(p.second)]->id),
                             QString::fromStdString(docs[static_cast<size_t>(p.first)]->id))
                        .arg(p.similarity, 0, 'f', 2);
  }
  return out;
}

}  // namespace quarry::jobs
