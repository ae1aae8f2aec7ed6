// Imports BC5CDR train (PubTator) and prints the figures to compare: seconds, documents per second,
// peak resident memory (VmHWM). Usage: bench_import_pubtator [file.PubTator.txt]
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <QElapsedTimer>
#include <QFileInfo>

#include "formats/PubTatorFormat.h"

namespace {

std::string peakRss() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return line.substr(6);
  return " unknown";
}

}  // namespace

int main(int argc, char** argv) {
  QString file;
  if (argc > 1) {
    file = QString::fromLocal8Bit(argv[1]);
  } else {
    const char* shared = std::getenv("QUARRY_SHARED_DIR");
    const QString root =
        shared && *shared ? QString::fromLocal8Bit(shared) : QStringLiteral(QUARRY_SOURCE_DIR "/../shared");
    file = root + QStringLiteral("/datasets/bc5cdr-pubtator/CDR_TrainingSet.PubTator.txt");
  }
  if (!QFileInfo::exists(file)) {
    std::printf("SKIP: %s not found\n", qPrintable(file));
    return 77;
  }
  std::printf("before import: peak RSS%s\n", peakRss().c_str());
  QElapsedTimer timer;
  timer.start();
  quarry::ImportReport report;
  quarry::Result<quarry::Corpus> corpus = quarry::PubTatorFormat().read(file, {}, report);
  const double seconds = double(timer.nsecsElapsed()) / 1e9;
  if (!corpus) {
    std::printf("import failed: %s\n", corpus.error().toString().c_str());
    return 1;
  }
  int entities = 0;
  for (const quarry::Document& d : corpus->documents) entities += int(d.entities.size());
  std::printf("file: %s\ndocuments: %d  mentions: %d\nimport: %.3f s  (%.0f documents/s)\npeak RSS%s\n",
              qPrintable(file), int(corpus->documents.size()), entities, seconds,
              double(corpus->documents.size()) / seconds, peakRss().c_str());
  return 0;
}
