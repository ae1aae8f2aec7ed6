#include "jobs/TrainingEstimate.h"

#include <algorithm>
#include <cmath>

#include "jobs/TrainingSnapshot.h"

namespace quarry::jobs {
namespace {

qint64 wordsOf(const DocumentSet& set) {
  qint64 words = 0;
  for (const document::AnnotatedDocument& d : set.documents) words += countWords(d.text);
  return words;
}

// The model a run trained, as the config names it, and its base folder: runs that agree on both train at
// comparable speed.
QString modelOf(const QJsonObject& config) {
  return config.value(QStringLiteral("model")).toString() + QLatin1Char('|') +
         config.value(QStringLiteral("model_folder")).toString();
}

QString modelOf(const train::TrainConfig& config) {
  return QString::fromLatin1(train::modelKindName(config.kind, config.task)) + QLatin1Char('|') +
         QString::fromStdString(config.modelFolder);
}

// Rough words per second of wall time on two CPU cores, training and evaluation together. A transformer's
// rate falls with the multiply-adds per token: about 6 per non-embedding weight (forward and backward)
// at some 10 GFLOP/s of useful work.
double defaultRate(const train::TrainConfig& config, double baseParameters) {
  if (config.kind == train::ModelKind::Transformer) {
    double weights = baseParameters;
    if (weights <= 0) {
      const double h = double(config.randomHidden), i = double(config.randomIntermediate);
      weights = double(config.randomLayers) * (4 * h * h + 2 * h * i);
    }
    return std::max(1.0, 1e10 / (6 * std::max(weights, 1e5)));
  }
  if (config.task == "classify") return 30000;
  if (config.task == "qa") return 1000;
  return 3000;  // BiLSTM-CRF, relation CNN
}

}  // namespace

QString formatDuration(double seconds) {
  if (!(seconds >= 0)) return QStringLiteral("?");
  if (seconds < 60) return QStringLiteral("%1 s").arg(std::max(1, int(std::lround(seconds))));
  const qint64 minutes = qint64(std::lround(seconds / 60));
  if (minutes < 60) return QStringLiteral("%1 min").arg(minutes);
  return QStringLiteral("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QString TrainingEstimate::text() const {
  const QString when = QStringLiteral("about ") + formatDuration(seconds);
  if (measuredRun > 0) return when + QStringLiteral(" (rate measured in run %1)").arg(measuredRun);
  return when + QStringLiteral(" (a rough rate: no earlier run of this model)");
}

TrainingEstimate estimateTraining(const DocumentSet& train, const DocumentSet& dev,
                                  const train::TrainConfig& config, const QVector<ModelRun>& pastRuns,
                                  double baseParameters) {
  TrainingEstimate e;
  e.trainWords = wordsOf(train);
  e.devWords = wordsOf(dev);
  const QString model = modelOf(config);
  for (auto run = pastRuns.crbegin(); run != pastRuns.crend(); ++run) {
    if (run->status != RunStatus::Finished || run->task != QString::fromStdString(config.task)) continue;
    if (modelOf(run->config) != model) continue;
    const double seconds = run->metrics.value(QStringLiteral("seconds")).toDouble();
    const double epochs = run->metrics.value(QStringLiteral("epochs_completed")).toDouble();
    const double words =
        run->data.value(QStringLiteral("train")).toObject().value(QStringLiteral("words")).toDouble();
    if (seconds <= 0 || epochs <= 0 || words <= 0) continue;
    e.wordsPerSecond = words * epochs / seconds;
    e.measuredRun = run->id;
    break;
  }
  if (e.wordsPerSecond <= 0) e.wordsPerSecond = defaultRate(config, baseParameters);
  // A run without a measured rate also reads dev once an epoch: about a third of a training pass per word.
  const double perEpoch =
      (double(e.trainWords) + (e.measuredRun ? 0.0 : double(e.devWords) / 3)) / e.wordsPerSecond;
  e.seconds = perEpoch * std::max(1, config.epochs);
  if (config.timeLimitSeconds > 0) e.seconds = std::min(e.seconds, config.timeLimitSeconds);
  return e;
}

}  // namespace quarry::jobs
