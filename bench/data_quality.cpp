// bench_data_quality: the data quality checks (core/quality) on the shared corpora, with their declared
// splits, and the leakage check's speed on 100,000 real documents. One table per check.
//   bench_data_quality [--examples N] [--scale N] [--threshold J] [--ner-model DIR]
//
// SPLITS (declared here, the same as the training benches use; no official test split is read):
//   squad (squad-v1.1-dev/dev-v1.1.json): paragraphs; articles in file order, position % 5 == 4 -> eval,
//     else train (bench_qa_train's split).
//   claudette-unfair-tos-en: sentences; the 40 documents sorted by name, position % 5 == 0 -> test, == 1 ->
//     dev, else train (bench_classify_train's split): a standard clause repeated by two services leaks.
//   ncbi-disease: train.tsv / devel.tsv sentences (CoNLL).
//   bc5cdr-pubtator: CDR_TrainingSet / CDR_DevelopmentSet abstracts (PubTator, with CID relations).
//   hallmarks-of-cancer: abstracts sorted by PMID, position % 10 == 0 -> test, == 1 -> dev, else train.
//   scale: the first N paragraphs (lines) of unlabelled-biomedical (PMC), position % 10 == 0 -> test, == 1 ->
//     dev, else train.
// Consistency: NCBI-disease train and BC5CDR train, counts and the top findings.
// Drift (with --ner-model, a NER model trained on NCBI-disease train): training = NCBI-disease train, dev =
//   devel.tsv sentences at even positions; incoming = those at odd positions (must not be flagged), and
//   bc5cdr-iob devel.tsv sentences (another corpus: must be flagged).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ClassificationCorpora.h"
#include "ConllCorpus.h"
#include "common/ProcessMemory.h"
#include "eval/SpanContext.h"
#include "jobs/DriftJob.h"
#include "jobs/EngineDocuments.h"
#include "quality/LabelConsistency.h"
#include "quality/LeakageCheck.h"
#include "text/TextCorpusReader.h"

namespace fs = std::filesystem;
using quarry::document::AnnotatedDocument;
namespace quality = quarry::quality;

namespace {

struct SplitCorpus {
  std::vector<AnnotatedDocument> documents;
  std::vector<std::string> splits;
  void add(AnnotatedDocument d, const std::string& split) {
    documents.push_back(std::move(d));
    splits.push_back(split);
  }
};

SplitCorpus readSquad(const fs::path& file) {
  SplitCorpus c;
  const nlohmann::json root = nlohmann::json::parse(bench::readAll(file));
  size_t article = 0;
  for (const auto& a : root.at("data")) {
    size_t p = 0;
    for (const auto& paragraph : a.at("paragraphs"))
      c.add({a.value("title", "") + ":" + std::to_string(p++), paragraph.at("context").get<std::string>()},
            article % 5 == 4 ? "eval" : "train");
    ++article;
  }
  return c;
}

// bench_classify_train's corpora and splits, as one list with split names.
SplitCorpus flattened(const bench::Splits& splits) {
  SplitCorpus c;
  for (const auto& [documents, split] : {std::pair{&splits.train, "train"}, {&splits.dev, "dev"}, {&splits.test, "test"}})
    for (const auto& d : *documents) c.add(d, split);
  return c;
}

bool addFile(SplitCorpus& c, const fs::path& path, const std::string& split, const QString& format = {}) {
  auto set = quarry::jobs::documentsFromFile(QString::fromStdString(path.string()), format);
  if (!set) {
    std::fprintf(stderr, "%s\n", set.error().toString().c_str());
    return false;
  }
  for (auto& d : set->documents) c.add(std::move(d), split);
  return true;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void leakageRow(const std::string& name, const SplitCorpus& c, double threshold, int examples) {
  std::vector<std::string_view> texts;
  for (const auto& d : c.documents) texts.emplace_back(d.text);
  quality::LeakageOptions options;
  options.near.threshold = threshold;
  const auto start = std::chrono::steady_clock::now();
  const quality::LeakageReport r = quality::checkLeakage(texts, c.splits, options);
  const double seconds = secondsSince(start);
  int64_t exact = 0;
  for (const auto& p : r.crossSplit) exact += p.identical ? 1 : 0;
  std::string perSplit;
  for (const auto& s : r.splits)
    perSplit += (perSplit.empty() ? "" : "; ") + s.split + " " + std::to_string(s.leakedDocuments) + "/" +
                std::to_string(s.compared) + " docs, " + std::to_string(s.leakedSentences) + "/" +
                std::to_string(s.sentences) + " sents";
  std::printf("| %s | %zu | %zu (%lld exact) | %lld | %zu | %zu | %s | %.2f s |\n", name.c_str(), c.documents.size(),
              r.crossSplit.size(), static_cast<long long>(exact), static_cast<long long>(r.withinSplitPairs), r.groups.size(),
              r.sentences.size(), perSplit.c_str(), seconds);
  std::vector<quality::SimilarPair> pairs = r.crossSplit;
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.similarity > b.similarity; });
  for (int k = 0; k < examples && k < static_cast<int>(pairs.size()); ++k) {
    const auto& p = pairs[static_cast<size_t>(k)];
    std::printf("    pair %.3f %s %s ~ %s %s: \"%s\"\n", p.similarity, c.splits[p.first].c_str(), c.documents[p.first].id.c_str(),
                c.splits[p.second].c_str(), c.documents[p.second].id.c_str(),
                c.documents[p.first].text.substr(0, 110).c_str());
  }
  for (int k = 0; k < examples && k < static_cast<int>(r.sentences.size()); ++k) {
    const auto& s = r.sentences[static_cast<size_t>(k)];
    std::set<std::string> splits;
    for (const auto& o : s.occurrences) splits.insert(c.splits[static_cast<size_t>(o.document)]);
    std::string where;
    for (const auto& x : splits) where += (where.empty() ? "" : "+") + x;
    std::printf("    sentence x%zu (%s): \"%s\"\n", s.occurrences.size(), where.c_str(), s.text.substr(0, 140).c_str());
  }
}

void consistencyRow(const std::string& name, const SplitCorpus& c, int examples) {
  const auto start = std::chrono::steady_clock::now();
  const quality::ConsistencyReport r = quality::checkConsistency(c.documents);
  const double seconds = secondsSince(start);
  int64_t typeOnly = 0;
  for (const auto& f : r.entities) typeOnly += f.labelledTypes().size() > 1 ? 1 : 0;
  std::printf("| %s | %zu | %lld | %zu (%lld type conflicts) | %lld | %zu | %lld | %zu | %.2f s |\n", name.c_str(),
              c.documents.size(), static_cast<long long>(r.surfacesCompared), r.entities.size(),
              static_cast<long long>(typeOnly), static_cast<long long>(r.pairsCompared), r.relations.size(),
              static_cast<long long>(r.textsCompared), r.categories.size(), seconds);
  auto show = [&](const std::vector<quality::ConsistencyFinding>& findings, const char* what) {
    for (int k = 0; k < examples && k < static_cast<int>(findings.size()); ++k) {
      const auto& f = findings[static_cast<size_t>(k)];
      std::string labels;
      for (const auto& [l, n] : f.labels) labels += (labels.empty() ? "" : ", ") + l + " " + std::to_string(n);
      // One occurrence of the minority label in context.
      std::string context;
      for (const auto& o : f.occurrences)
        if (o.label != f.labels.front().first) {
          // Both arguments when they are close, else the head alone.
          const bool both = o.tailStart >= 0 && std::max(o.end, o.tailEnd) - std::min(o.start, o.tailStart) <= 120;
          const int32_t s = both ? std::min(o.start, o.tailStart) : o.start;
          const int32_t e = both ? std::max(o.end, o.tailEnd) : o.end;
          context = c.documents[static_cast<size_t>(o.document)].id + ": " +
                    quarry::eval::spanContext(c.documents[static_cast<size_t>(o.document)].text, s, e, 35);
          break;
        }
      std::printf("    %s \"%s\": %s — e.g. %s\n", what, f.key.c_str(), labels.c_str(), context.c_str());
    }
  };
  show(r.entities, "entity");
  show(r.relations, "relation");
  show(r.categories, "text");
}

}  // namespace

int main(int argc, char** argv) {
  int examples = 10;
  std::string nerModel;
  size_t scale = 100000;
  double threshold = 0.8;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--examples") examples = std::stoi(v);
    else if (a == "--scale") scale = std::stoul(v);
    else if (a == "--threshold") threshold = std::stod(v);
    else if (a == "--ner-model") nerModel = v;
  }
  const fs::path shared = fs::path(bench::sharedDir()) / "datasets";
  if (!fs::exists(shared)) {
    std::printf("SKIP: %s not found (set QUARRY_SHARED_DIR)\n", shared.string().c_str());
    return 77;
  }

  std::printf("## Leakage (Jaccard >= %.2f of 5-word shingles; documents and sentences of 6+ words)\n", threshold);
  std::printf("| corpus | documents | pairs across splits | pairs inside | groups | sentences across | leaked per split | time |\n");
  std::printf("|---|---|---|---|---|---|---|---|\n");
  leakageRow("squad-v1.1-dev paragraphs", readSquad(shared / "squad-v1.1-dev" / "dev-v1.1.json"), threshold, examples);
  leakageRow("claudette sentences", flattened(bench::readClaudette(shared / "claudette-unfair-tos-en")), threshold, examples);
  leakageRow("hallmarks abstracts", flattened(bench::readHallmarks(shared / "hallmarks-of-cancer")), threshold, examples);
  SplitCorpus ncbi, bc5cdr;
  if (!addFile(ncbi, shared / "ncbi-disease" / "train.tsv", "train") || !addFile(ncbi, shared / "ncbi-disease" / "devel.tsv", "dev"))
    return 1;
  leakageRow("ncbi-disease sentences", ncbi, threshold, examples);
  const QString pubtator = QStringLiteral("pubtator");
  if (!addFile(bc5cdr, shared / "bc5cdr-pubtator" / "CDR_TrainingSet.PubTator.txt", "train", pubtator) ||
      !addFile(bc5cdr, shared / "bc5cdr-pubtator" / "CDR_DevelopmentSet.PubTator.txt", "dev", pubtator))
    return 1;
  leakageRow("bc5cdr abstracts", bc5cdr, threshold, examples);

  std::printf("\n## Consistency (train splits)\n");
  std::printf("| corpus | documents | surfaces | inconsistent surfaces | pairs compared | inconsistent pairs | "
              "repeated texts | inconsistent texts | time |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|\n");
  SplitCorpus ncbiTrain, bc5cdrTrain;
  for (size_t i = 0; i < ncbi.documents.size(); ++i)
    if (ncbi.splits[i] == "train") ncbiTrain.add(ncbi.documents[i], "train");
  for (size_t i = 0; i < bc5cdr.documents.size(); ++i)
    if (bc5cdr.splits[i] == "train") bc5cdrTrain.add(bc5cdr.documents[i], "train");
  consistencyRow("ncbi-disease train", ncbiTrain, examples);
  consistencyRow("bc5cdr train", bc5cdrTrain, examples);
  SplitCorpus claudette = flattened(bench::readClaudette(shared / "claudette-unfair-tos-en")), claudetteTrain;
  for (size_t i = 0; i < claudette.documents.size(); ++i)
    if (claudette.splits[i] == "train") claudetteTrain.add(claudette.documents[i], "train");
  consistencyRow("claudette train (categories)", claudetteTrain, examples);

  if (!nerModel.empty()) {
    std::printf("\n## Drift of the NER model %s\n", nerModel.c_str());
    auto read = [](const fs::path& path) {
      auto set = quarry::jobs::documentsFromFile(QString::fromStdString(path.string()), {});
      if (!set) std::fprintf(stderr, "%s\n", set.error().toString().c_str());
      return set ? set.value() : quarry::jobs::DocumentSet{};
    };
    const quarry::jobs::DocumentSet training = read(shared / "ncbi-disease" / "train.tsv");
    const quarry::jobs::DocumentSet devel = read(shared / "ncbi-disease" / "devel.tsv");
    quarry::jobs::DocumentSet dev = devel, heldOut = devel;
    dev.documents.clear();
    heldOut.documents.clear();
    for (size_t i = 0; i < devel.documents.size(); ++i) (i % 2 ? heldOut : dev).documents.push_back(devel.documents[i]);
    std::printf("| incoming | documents | drift | length PSI | unknown PSI (rate dev -> incoming) | labels PSI (per doc) | "
                "confidence PSI | embedding PSI | low confidence | time |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (const auto& [name, incoming] : {std::pair<std::string, quarry::jobs::DocumentSet>{"ncbi-disease devel, odd", heldOut},
                                         {"bc5cdr-iob devel", read(shared / "bc5cdr-iob" / "devel.tsv")}}) {
      quarry::jobs::DriftSpec spec;
      spec.modelFolder = QString::fromStdString(nerModel);
      spec.training = training;
      spec.dev = dev;
      spec.incoming = incoming;
      spec.threads = 2;
      quarry::jobs::DriftJob job;
      const auto start = std::chrono::steady_clock::now();
      auto report = job.run(spec);
      if (!report) {
        std::fprintf(stderr, "%s\n", report.error().toString().c_str());
        return 1;
      }
      std::map<std::string, quarry::quality::FeatureDrift> f;
      for (const auto& x : report->features) f[x.feature] = x;
      auto psi = [&](const char* k) {
        const auto& x = f[k];
        if (!x.available) return std::string("-");
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.3f%s", x.incomingPsi, x.flagged ? (x.major ? " (major)" : " (flag)") : "");
        return std::string(buf);
      };
      std::printf("| %s | %zu | %s | %s | %s (%.3f -> %.3f) | %s (%.2f -> %.2f) | %s | %s | %.1f%% (dev %.1f%%) | %.1f s |\n",
                  name.c_str(), incoming.documents.size(), report->drift ? "**flagged**" : "no", psi("length").c_str(),
                  psi("unknown").c_str(), f["unknown"].dev, f["unknown"].incoming, psi("labels").c_str(), f["labels"].dev,
                  f["labels"].incoming, psi("confidence").c_str(), psi("embedding").c_str(),
                  100.0 * report->lowConfidenceIncoming, 100.0 * report->lowConfidenceDev, secondsSince(start));
    }
  }

  if (scale > 0) {
    std::printf("\n## Leakage at scale: %zu paragraphs of unlabelled-biomedical, 80/10/10\n", scale);
    std::vector<std::string> paragraphs;
    paragraphs.reserve(scale);
    const auto readStart = std::chrono::steady_clock::now();
    quarry::text::TextCorpusReader reader;
    const auto status = reader.read(shared / "unlabelled-biomedical", [&](const quarry::text::TextDocument& d) {
      size_t from = 0;
      while (from < d.text.size() && paragraphs.size() < scale) {
        const size_t at = d.text.find('\n', from);
        paragraphs.emplace_back(d.text.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
        if (at == std::string_view::npos) break;
        from = at + 1;
      }
      return paragraphs.size() < scale;
    });
    if (!status) {
      std::fprintf(stderr, "%s\n", status.error().toString().c_str());
      return 1;
    }
    const double readSeconds = secondsSince(readStart);
    std::vector<std::string_view> texts;
    std::vector<std::string> splits;
    size_t bytes = 0;
    for (size_t i = 0; i < paragraphs.size(); ++i) {
      texts.emplace_back(paragraphs[i]);
      splits.push_back(i % 10 == 0 ? "test" : i % 10 == 1 ? "dev" : "train");
      bytes += paragraphs[i].size();
    }
    for (bool sentences : {false, true}) {
      quality::LeakageOptions options;
      options.near.threshold = threshold;
      options.sentences = sentences;
      const auto start = std::chrono::steady_clock::now();
      const quality::LeakageReport r = quality::checkLeakage(texts, splits, options);
      const double seconds = secondsSince(start);
      std::printf("%zu documents (%.1f MB, read in %.1f s)%s: %.1f s, %.0f documents/s; %lld candidates, %zu pairs across "
                  "splits, %lld inside, %zu sentences across; peak RSS %.0f MiB\n",
                  texts.size(), bytes / 1e6, readSeconds, sentences ? " with sentences" : ", documents only", seconds,
                  texts.size() / seconds, static_cast<long long>(r.candidates), r.crossSplit.size(),
                  static_cast<long long>(r.withinSplitPairs), r.sentences.size(), quarry::peakResidentMiB());
    }
  }
  return 0;
}
