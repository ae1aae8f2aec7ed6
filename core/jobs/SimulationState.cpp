#include "jobs/SimulationState.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace quarry::jobs {
namespace {

using suggest::CurvePoint;

constexpr int kStateVersion = 1;

QJsonObject pointJson(const CurvePoint& p) {
  return QJsonObject{{QStringLiteral("round"), p.round},
                     {QStringLiteral("labelled_units"), qint64(p.labelledUnits)},
                     {QStringLiteral("labelled_share"), p.labelledShare},
                     {QStringLiteral("labelled_tokens"), qint64(p.labelledTokens)},
                     {QStringLiteral("score"), p.score}};
}

// "full": the mean score (what older readers read as the full-data score) and each seed's model.
QJsonObject fullJson(const SimulationState& s) {
  QJsonArray seeds;
  for (const FullModel& f : s.full)
    seeds.append(QJsonObject{{QStringLiteral("seed"), qint64(f.seed)},
                             {QStringLiteral("score"), f.score},
                             {QStringLiteral("model"), f.model}});
  return QJsonObject{{QStringLiteral("done"), !s.full.empty()},
                     {QStringLiteral("score"), s.fullScore()},
                     {QStringLiteral("model"), s.full.empty() ? QString() : s.full.front().model},
                     {QStringLiteral("seeds"), seeds}};
}

}  // namespace

double meanFullScore(const std::vector<FullModel>& full) {
  if (full.empty()) return -1;
  double sum = 0;
  for (const FullModel& f : full) sum += f.score;
  return sum / double(full.size());
}

std::vector<double> fullScoresBySeed(std::vector<FullModel> full) {
  std::sort(full.begin(), full.end(), [](const FullModel& a, const FullModel& b) { return a.seed < b.seed; });
  std::vector<double> out;
  for (const FullModel& f : full) out.push_back(f.score);
  return out;
}

const FullModel* SimulationState::fullOf(uint64_t seed) const {
  for (const FullModel& f : full)
    if (f.seed == seed) return &f;
  return nullptr;
}

bool SimulationState::unfinished() const {
  const int seeds = spec.value(QStringLiteral("seeds")).toInt();
  const int expected = spec.value(QStringLiteral("strategies")).toArray().size() * seeds;
  int done = 0;
  for (const CurveState& c : curves) done += c.done ? 1 : 0;
  if (spec.value(QStringLiteral("train_full")).toBool()) {
    const auto first = static_cast<uint64_t>(spec.value(QStringLiteral("first_seed")).toInteger(1));
    for (int k = 0; k < seeds; ++k)
      if (!fullOf(first + static_cast<uint64_t>(k))) return true;
  }
  return done < expected;
}

QJsonObject simulationStateJson(const SimulationState& s) {
  QJsonArray curves;
  for (const CurveState& c : s.curves) {
    QJsonArray points, labelled;
    for (const CurvePoint& p : c.points) points.append(pointJson(p));
    for (int32_t u : c.labelled) labelled.append(u);
    curves.append(QJsonObject{{QStringLiteral("strategy"), QString::fromStdString(c.strategy)},
                              {QStringLiteral("seed"), qint64(c.seed)},
                              {QStringLiteral("points"), points},
                              {QStringLiteral("labelled"), labelled},
                              {QStringLiteral("next_round"), c.nextRound},
                              {QStringLiteral("needs_batch"), c.needsBatch},
                              {QStringLiteral("done"), c.done},
                              {QStringLiteral("model"), c.model}});
  }
  return QJsonObject{{QStringLiteral("version"), kStateVersion},
                     {QStringLiteral("fingerprint"), s.fingerprint},
                     {QStringLiteral("spec"), s.spec},
                     {QStringLiteral("full"), fullJson(s)},
                     {QStringLiteral("metric"), QString::fromStdString(s.metric)},
                     {QStringLiteral("curves"), curves}};
}

Result<SimulationState> readSimulationState(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return Error("cannot read the simulation's state", path.toStdString());
  QJsonParseError parseError;
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
  if (doc.isNull() || !doc.isObject())
    return Error("not a simulation state: " + parseError.errorString().toStdString(), path.toStdString());
  const QJsonObject o = doc.object();
  if (o.value(QStringLiteral("version")).toInt() != kStateVersion)
    return Error("a simulation state of another version", path.toStdString(), 0, "version");
  SimulationState s;
  s.fingerprint = o.value(QStringLiteral("fingerprint")).toObject();
  s.spec = o.value(QStringLiteral("spec")).toObject();
  const QJsonObject full = o.value(QStringLiteral("full")).toObject();
  if (full.contains(QStringLiteral("seeds"))) {
    for (const QJsonValue& v : full.value(QStringLiteral("seeds")).toArray()) {
      const QJsonObject f = v.toObject();
      s.full.push_back({static_cast<uint64_t>(f.value(QStringLiteral("seed")).toInteger()),
                        f.value(QStringLiteral("score")).toDouble(-1),
                        f.value(QStringLiteral("model")).toString()});
    }
  } else if (full.value(QStringLiteral("done")).toBool()) {
    // A state written before full-data models were trained per seed: its one model had the first seed.
    s.full.push_back({static_cast<uint64_t>(s.spec.value(QStringLiteral("first_seed")).toInteger(1)),
                      full.value(QStringLiteral("score")).toDouble(-1),
                      full.value(QStringLiteral("model")).toString()});
  }
  s.metric = o.value(QStringLiteral("metric")).toString().toStdString();
  for (const QJsonValue& v : o.value(QStringLiteral("curves")).toArray()) {
    const QJsonObject c = v.toObject();
    CurveState curve;
    curve.strategy = c.value(QStringLiteral("strategy")).toString().toStdString();
    curve.seed = static_cast<uint64_t>(c.value(QStringLiteral("seed")).toInteger());
    for (const QJsonValue& pv : c.value(QStringLiteral("points")).toArray()) {
      const QJsonObject p = pv.toObject();
      CurvePoint point;
      point.round = p.value(QStringLiteral("round")).toInt();
      point.labelledUnits = p.value(QStringLiteral("labelled_units")).toInteger();
      point.labelledShare = p.value(QStringLiteral("labelled_share")).toDouble();
      point.labelledTokens = p.value(QStringLiteral("labelled_tokens")).toInteger();
      point.score = p.value(QStringLiteral("score")).toDouble();
      curve.points.push_back(point);
    }
    for (const QJsonValue& u : c.value(QStringLiteral("labelled")).toArray())
      curve.labelled.push_back(u.toInt());
    curve.nextRound = c.value(QStringLiteral("next_round")).toInt();
    curve.needsBatch = c.value(QStringLiteral("needs_batch")).toBool();
    curve.done = c.value(QStringLiteral("done")).toBool();
    curve.model = c.value(QStringLiteral("model")).toString();
    s.curves.push_back(std::move(curve));
  }
  return s;
}

}  // namespace quarry::jobs
