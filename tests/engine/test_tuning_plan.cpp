// The hyper-parameter search's engine side (train/tune): search-space specs parsed and refused with the
// spec named, draws that are a function of (seed, index) and cover their range, the successive-halving
// plan's rungs and promotions, the random plan, and tuning.json round trips and refusals.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "EngineCheck.h"
#include "train/tune/TuningPlan.h"

namespace fs = std::filesystem;
using namespace quarry::train;

namespace {

void checkParsing() {
  auto space = SearchSpace::parse({"learning_rate=log:1e-5:1e-2", "dropout=uniform:0:0.3", "epochs=int:2:5",
                                   "batch_size=choice:8,16,32", "schedule=choice:linear,cosine"});
  EXPECT(space.ok(), space ? "five dimensions parse" : space.error().message);
  if (!space) return;
  EXPECT(space->dimensions().size() == 5 && space->dimensions()[0].kind == SearchDimension::Kind::LogUniform &&
             space->dimensions()[3].choices.size() == 3 && space->dimensions()[3].choices[1] == 16 &&
             space->dimensions()[4].choices[1] == "cosine",
         "kinds and choice values (numbers stay numbers, words strings)");
  for (const auto& [spec, why] : std::vector<std::pair<std::string, std::string>>{
           {"learning_rate", "no kind"},
           {"learning_rat=log:1e-5:1e-3", "not an option"},
           {"learning_rate=log:0:1e-3", "log bound 0"},
           {"learning_rate=log:1e-3:1e-5", "bounds out of order"},
           {"epochs=int:1.5:3", "int bounds not whole"},
           {"dropout=gauss:0:1", "unknown kind"},
           {"dropout=uniform:0", "one bound"},
           {"dropout=uniform:x:1", "not a number"},
           {"batch_size=choice:", "no values"},
           {"batch_size=choice:8,,16", "an empty value"},
           {"task=choice:ner,qa", "the task is not searched"}}) {
    auto bad = SearchSpace::parse({spec});
    EXPECT(!bad.ok() && bad.error().message.find(spec.substr(0, spec.find('='))) != std::string::npos,
           "refused, naming the spec: " + why + " (" + (bad ? "accepted" : bad.error().message) + ")");
  }
  auto twice = SearchSpace::parse({"dropout=uniform:0:0.1", "dropout=uniform:0:0.2"});
  EXPECT(!twice.ok(), "a key searched twice is refused");

  // Extremes a config refuses are found before any trial trains.
  auto tooLarge = SearchSpace::parse({"dropout=uniform:0.5:1.5"});
  TrainConfig base = TrainConfig::defaultsFor("ner");
  EXPECT(tooLarge.ok() && !tooLarge->check(base).ok() && tooLarge->check(base).error().field == "dropout",
         "dropout up to 1.5: the check names dropout");
  EXPECT(space->check(base).ok(), "the five dimensions fit the ner defaults");

  // JSON round trip.
  auto back = SearchSpace::fromJson(space->toJson(), "tuning.json");
  EXPECT(back.ok() && back->toJson() == space->toJson() && back->sample(7, 3) == space->sample(7, 3),
         "the space round-trips through JSON and draws the same");
}

void checkDraws() {
  auto space = SearchSpace::parse({"learning_rate=log:1e-5:1e-1", "epochs=int:1:4", "batch_size=choice:8,16,32"});
  if (!space) return;
  std::vector<double> u;
  std::vector<int> epochs(5, 0), batches(33, 0);
  for (uint64_t i = 0; i < 400; ++i) {
    const auto v = space->sample(42, i);
    EXPECT(v == space->sample(42, i), "a draw is a function of (seed, index)");
    const double lr = v["learning_rate"].get<double>();
    EXPECT(lr >= 1e-5 && lr <= 1e-1, "within the bounds");
    u.push_back(std::log(lr / 1e-5) / std::log(1e4));
    epochs[static_cast<size_t>(v["epochs"].get<int>())]++;
    batches[static_cast<size_t>(v["batch_size"].get<int>())]++;
  }
  std::sort(u.begin(), u.end());
  double mean = 0;
  for (double x : u) mean += x / static_cast<double>(u.size());
  std::printf("log-uniform draws: min %.3f, median %.3f, max %.3f, mean %.3f\n", u.front(), u[u.size() / 2],
              u.back(), mean);
  EXPECT(u.front() < 0.02 && u.back() > 0.98 && std::fabs(mean - 0.5) < 0.06,
         "log-uniform draws cover the decades evenly");
  for (int e = 1; e <= 4; ++e) EXPECT(epochs[static_cast<size_t>(e)] > 70, "every integer is drawn about equally");
  EXPECT(epochs[0] == 0, "no integer outside the bounds");
  for (int b : {8, 16, 32}) EXPECT(batches[static_cast<size_t>(b)] > 100, "every choice is drawn about equally");
  EXPECT(space->sample(43, 0) != space->sample(42, 0), "another seed draws otherwise");
}

// Finishes `t` with `score` as a trained trial would.
void finish(TuningTrial& t, double score) {
  t.status = TuningTrial::Status::Finished;
  t.score = score;
  t.metric = "micro_f1";
}

void checkHalving() {
  auto space = SearchSpace::parse({"learning_rate=log:1e-4:1e-2"});
  TrainConfig base = TrainConfig::defaultsFor("ner");
  base.epochs = 9;
  TuningOptions options;
  options.strategy = "halving";
  options.trials = 9;
  options.eta = 3;
  options.minEpochs = 1;
  auto created = TuningPlan::create(options, space.value(), base);
  EXPECT(created.ok(), "a halving plan");
  if (!created) return;
  TuningPlan plan = std::move(created.value());
  // Rung 0: nine draws of one epoch; trial k scores k / 10 but draw 4 fails.
  for (int k = 1; k <= 9; ++k) {
    TuningTrial* t = plan.next();
    EXPECT(t && t->id == k && t->rung == 0 && t->epochs == 1 && t->draw == k - 1, "rung 0, trial by trial");
    if (!t) return;
    EXPECT(plan.next() == t, "an unfinished trial is handed out again");
    if (k == 5) {
      t->status = TuningTrial::Status::Failed;
      t->error = "out of memory";
    } else {
      finish(*t, k / 10.0);
    }
  }
  // Rung 1: the best 9/3 = 3 draws (trials 9, 8, 7 = draws 8, 7, 6) for three epochs.
  std::vector<int64_t> draws;
  for (int k = 0; k < 3; ++k) {
    TuningTrial* t = plan.next();
    EXPECT(t && t->rung == 1 && t->epochs == 3, "rung 1: three epochs");
    if (!t) return;
    EXPECT(t->values == plan.trials()[static_cast<size_t>(t->draw)].values, "a promoted trial keeps its values");
    draws.push_back(t->draw);
    finish(*t, t->draw == 6 ? 0.95 : 0.5);  // draw 6 is best once trained longer
  }
  EXPECT((draws == std::vector<int64_t>{8, 7, 6}), "the best three of rung 0 are promoted, best first");
  // Rung 2: one draw (6) for nine epochs, then the search is complete.
  TuningTrial* last = plan.next();
  EXPECT(last && last->rung == 2 && last->epochs == 9 && last->draw == 6, "rung 2: the best one, nine epochs");
  if (!last) return;
  finish(*last, 0.97);
  EXPECT(plan.next() == nullptr && plan.complete(), "complete after the rung that keeps one");
  const auto ranked = plan.ranked();
  EXPECT(ranked.size() == 12 && ranked.front()->id == last->id, "ranked: the final trial first");
  auto config = plan.configOf(*last);
  EXPECT(config.ok() && config->epochs == 9 &&
             std::fabs(config->learningRate - last->values["learning_rate"].get<double>()) < 1e-15,
         "a trial's config is the base with its values and epochs");

  // tuning.json round trip, and refusals.
  const fs::path dir = fs::temp_directory_path() / ("quarry-test-tuning-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string file = (dir / "tuning.json").string();
  EXPECT(plan.save(file).ok(), "saved");
  auto loaded = TuningPlan::load(file);
  EXPECT(loaded.ok() && loaded->toJson() == plan.toJson(), "loaded back as it was");
  std::ofstream(dir / "broken.json") << "{\"version\": 1, \"options\": {\"strategy\": \"grid\"}}";
  auto broken = TuningPlan::load((dir / "broken.json").string());
  EXPECT(!broken.ok() && broken.error().field == "strategy" && broken.error().file == (dir / "broken.json").string(),
         "an unknown strategy names the file and field");
  std::ofstream(dir / "future.json") << "{\"version\": 9}";
  auto future = TuningPlan::load((dir / "future.json").string());
  EXPECT(!future.ok() && future.error().field == "version", "another version is refused");
  fs::remove_all(dir);

  TuningOptions tooLong = options;
  tooLong.minEpochs = 10;
  EXPECT(!TuningPlan::create(tooLong, space.value(), base).ok(), "min_epochs above epochs is refused");
  EXPECT(!TuningPlan::create(options, SearchSpace(), base).ok(), "an empty space is refused");
}

void checkRandom() {
  auto space = SearchSpace::parse({"dropout=uniform:0:0.5"});
  TuningOptions options;
  options.trials = 3;
  TrainConfig base = TrainConfig::defaultsFor("classify");
  auto plan = TuningPlan::create(options, space.value(), base);
  if (!plan) return;
  for (int k = 0; k < 3; ++k) {
    TuningTrial* t = plan->next();
    EXPECT(t && t->epochs == base.epochs && t->draw == k, "random: the base's epochs, draw by draw");
    if (t) finish(*t, 0.1 * k);
  }
  EXPECT(plan->next() == nullptr && plan->complete(), "random: complete after its trials");
  // A cancelled trial trains again when the search resumes.
  auto again = TuningPlan::create(options, space.value(), base);
  TuningTrial* first = again->next();
  first->status = TuningTrial::Status::Cancelled;
  EXPECT(again->next() == first, "a cancelled trial is handed out again");
}

}  // namespace

int main() {
  checkParsing();
  checkDraws();
  checkHalving();
  checkRandom();
  std::printf("%s\n", quarry::test::g_failures ? "FAILED" : "all passed");
  return quarry::test::g_failures ? 1 : 0;
}
