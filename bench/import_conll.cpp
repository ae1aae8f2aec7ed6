// Imports the NCBI-disease and BC5CDR-IOB training files (CoNLL) and prints, for each, the seconds
// taken, sentences/tokens per second and the peak resident memory so far (VmHWM).
// The figure to compare: seconds per file. Usage: bench_import_conll [datasets folder]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include "formats/ConllFormat.h"

namespace {

std::string peakRss() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return " " + line.substr(line.find_first_not_of(" \t", 6));
  return " unknown";
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QString datasets =
      argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString::fromLocal8Bit(qgetenv("QUARRY_SHARED_DIR"));
  if (argc <= 1)
    datasets =
        datasets.isEmpty() ? QStringLiteral("../shared/datasets") : datasets + QStringLiteral("/datasets");
  std::printf("baseline peak RSS:%s\n", peakRss().c_str());
  const quarry::ConllFormat format;
  int status = 0;
  for (const char* rel : {"ncbi-disease/train.tsv", "bc5cdr-iob/train.tsv"}) {
    const QString path = QDir(datasets).filePath(QString::fromLatin1(rel));
    if (!QFileInfo::exists(path)) {
      std::printf("%s: SKIP (not found at %s)\n", rel, qPrintable(path));
      continue;
    }
    quarry::ImportReport report;
    const auto start = std::chrono::steady_clock::now();
    quarry::Result<quarry::Corpus> corpus = format.read(path, {}, report);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!corpus) {
      std::printf("%s: FAILED %s\n", rel, corpus.error().toString().c_str());
      status = 1;
      continue;
    }
    qint64 tokens = 0;
    for (const quarry::Document& d : corpus->documents) tokens += d.text.count(QLatin1Char(' ')) + 1;
    std::printf("%s: %.3f s, %lld sentences (%.0f/s), %lld tokens (%.0f/s), %.1f MB file, peak RSS:%s\n", rel,
                seconds, static_cast<long long>(corpus->documents.size()), corpus->documents.size() / seconds,
                static_cast<long long>(tokens), tokens / seconds, QFileInfo(path).size() / 1e6,
                peakRss().c_str());
  }
  return status;
}
