// Knowledge distillation on the shared trainer (train/Distillation.h): the soft loss against its
// definition (T^2 KL of the softened distributions, softmax and multi-label) and its gradient; a teacher's
// classes mapped onto the student's by name; then end to end, for NER and classification, a student given
// a handful of labelled documents and many unlabelled ones that the teacher labels, which must score well
// above the same student on the handful alone and agree with its teacher; across architectures (BiLSTM-CRF
// teacher -> transformer student, transformer teacher -> n-gram student); and the refusals.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include <ATen/TensorOperators.h>
#include <ATen/ops/exp.h>
#include <ATen/ops/log_softmax.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/sigmoid.h>
#include <ATen/ops/softmax.h>
#include <ATen/ops/zeros.h>
#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "TopicDocuments.h"
#include "TrainInFolder.h"
#include "model/kernels/CpuThreads.h"
#include "train/Distillation.h"
#include "train/TaskFactory.h"

namespace fs = std::filesystem;
using namespace quarry::train;
namespace model = quarry::model;
namespace document = quarry::document;
using quarry::test::kTopicWords;

namespace {

bool near(double a, double b, double tolerance) { return std::fabs(a - b) <= tolerance * std::max(1.0, std::fabs(b)); }

void checkLoss() {
  at::manual_seed(3);
  const at::Tensor teacherLogits = at::randn({5, 4});
  const at::Tensor p = at::softmax(teacherLogits, -1);
  EXPECT(distillationLoss(teacherLogits, p, 2.0, false).item<double>() < 1e-6,
         "a student with the teacher's logits has no soft loss");
  const at::Tensor student = at::randn({5, 4}).requires_grad_(true);
  const double t = 3.0;
  at::Tensor loss = distillationLoss(student, p, t, false);
  // By hand: p_T = softmax(z / T), q_T = softmax(s / T), T^2 * mean_rows sum p_T (log p_T - log q_T).
  const at::Tensor logPT = at::log_softmax(teacherLogits / t, -1), logQT = at::log_softmax(student.detach() / t, -1);
  const double expected = ((at::exp(logPT) * (logPT - logQT)).sum(-1).mean() * (t * t)).item<double>();
  EXPECT(near(loss.item<double>(), expected, 1e-4), "the soft loss is T^2 KL(p_T || q_T), the teacher softened as softmax(z/T)");
  loss.backward();
  // d/ds of T^2 KL = T (q_T - p_T) / N.
  const at::Tensor gradient = (at::softmax(student.detach() / t, -1) - at::exp(logPT)) * (t / 5.0);
  EXPECT((student.grad() - gradient).abs().max().item<double>() < 1e-5, "its gradient is T (q_T - p_T) / N");

  // Multi-label: each class its own two-way distribution.
  const at::Tensor multiTeacher = at::randn({3, 2});
  const at::Tensor multiStudent = at::randn({3, 2});
  const at::Tensor pT = at::sigmoid(multiTeacher / t), qT = at::sigmoid(multiStudent / t);
  const double binary = ((pT * (pT.log() - qT.log()) + (1 - pT) * ((1 - pT).log() - (1 - qT).log())).mean() * (t * t))
                            .item<double>();
  EXPECT(near(distillationLoss(multiStudent, at::sigmoid(multiTeacher), t, true).item<double>(), binary, 1e-4),
         "multi-label: the mean binary KL of sigmoid(z/T) and sigmoid(s/T), times T^2");
  const at::Tensor none = at::zeros({0, 4}).requires_grad_(true);
  EXPECT(distillationLoss(none, at::zeros({0, 4}), 2.0, false).item<double>() == 0, "no rows: zero");
  EXPECT(near(blendWithTeacher(at::ones({}) * 2.0, at::ones({}) * 4.0, 0.25).item<double>(), 2.5, 1e-12) &&
             near(blendWithTeacher(at::Tensor(), at::ones({}) * 4.0, 0.25).item<double>(), 1.0, 1e-12),
         "(1 - alpha) gold + alpha soft; without gold rows the soft term alone");

  auto mapped = mapTeacherClasses({"O", "B-X", "I-X"}, {"O", "I-X", "B-X"}, "teacher");
  EXPECT(mapped.ok() && mapped.value() == std::vector<int32_t>({0, 2, 1}), "classes are matched by name");
  auto missing = mapTeacherClasses({"O", "B-X"}, {"O", "B-X", "I-X"}, "teacher");
  EXPECT(!missing && missing.error().message.find("\"I-X\"") != std::string::npos && missing.error().field == "teacher_folder",
         "a student class the teacher lacks is named");
  auto extra = mapTeacherClasses({"O", "B-X", "B-Y"}, {"O", "B-X"}, "teacher");
  EXPECT(!extra && extra.error().message.find("\"B-Y\"") != std::string::npos, "a teacher class the student lacks is named");
}

// NER documents: "the <topic word> ..." sentences where sports words are SPORT and finance words FINANCE.
std::vector<document::AnnotatedDocument> nerDocs(int count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<document::AnnotatedDocument> docs;
  const char* types[] = {"SPORT", "FINANCE", nullptr};
  for (int i = 0; i < count; ++i) {
    document::AnnotatedDocument d;
    d.id = "ner-" + std::to_string(seed) + "-" + std::to_string(i);
    for (int w = 0; w < 8; ++w) {
      if (!d.text.empty()) d.text += ' ';
      const size_t topic = rng() % 3;
      const bool entity = w % 2 == 1;
      const std::string& word = entity ? kTopicWords[topic][rng() % kTopicWords[topic].size()]
                                       : quarry::test::kFiller[rng() % quarry::test::kFiller.size()];
      const auto start = static_cast<int32_t>(d.text.size());
      d.text += word;
      if (entity && types[topic]) d.entities.push_back({start, static_cast<int32_t>(d.text.size()), types[topic]});
    }
    d.text += " .";
    docs.push_back(std::move(d));
  }
  return docs;
}

TrainConfig bilstm() {
  TrainConfig c;
  c.task = "ner";
  c.kind = ModelKind::FromScratch;
  c.wordDim = 16;
  c.charDim = 8;
  c.charFilters = 8;
  c.lstmHidden = 16;
  c.dropout = 0.1;
  c.epochs = 10;
  c.batchSize = 8;
  c.learningRate = 1e-2;
  c.patience = 0;
  c.threads = 1;
  return c;
}

double score(const quarry::Result<TrainResult>& r) { return r ? r->bestDevScore : -1; }

void checkNer(const fs::path& root) {
  const auto labelled = nerDocs(80, 1), dev = nerDocs(40, 2), few = nerDocs(3, 3), unlabelledDocs = nerDocs(80, 4);
  auto teacher = quarry::test::train(bilstm(), root / "ner-teacher", labelled, dev);
  EXPECT(teacher.ok() && teacher->bestDevScore > 0.9, "the BiLSTM-CRF teacher learns the entities");
  if (!teacher) return;

  auto alone = quarry::test::train(bilstm(), root / "ner-alone", few, dev);
  TrainRequest distilled;
  distilled.config = bilstm();
  distilled.config.teacherFolder = teacher->bestFolder;
  distilled.config.distillAlpha = 0.8;
  distilled.train = few;
  distilled.dev = dev;
  distilled.unlabelled = unlabelledDocs;
  distilled.outputFolder = (root / "ner-distilled").string();
  auto student = runTraining(distilled);
  std::printf("ner: teacher %.3f, student on 3 documents %.3f, the same with the teacher on 80 unlabelled %.3f\n",
              score(teacher), score(alone), score(student));
  EXPECT(student.ok(), "the distilled BiLSTM-CRF trains: " + (student ? std::string() : student.error().toString()));
  EXPECT(score(student) > score(alone) + 0.15 && score(student) > 0.8,
         "the teacher's labels on unlabelled documents lift the student well above its 3 documents alone");
  if (student) {
    EXPECT(student->data["unlabelled_documents"] == 80 && student->data["teacher_folder"] == teacher->bestFolder,
           "the run record names the teacher and the unlabelled documents");
    EXPECT(student->history.size() == 10 && std::isfinite(student->history.back()["train_loss"].get<double>()),
           "every epoch's loss is finite");
  }

  // Across architectures: the BiLSTM-CRF teaches a small random transformer (word-level vocabulary).
  TrainRequest transformer = distilled;
  transformer.config.kind = ModelKind::Transformer;
  transformer.config.tokenizerFolder = quarry::test::writeTopicTokenizer(root / "tokenizer");
  transformer.config.randomLayers = 1;
  transformer.config.randomHidden = 32;
  transformer.config.randomHeads = 2;
  transformer.config.randomIntermediate = 64;
  transformer.config.maxLength = 32;
  transformer.config.stride = 8;
  transformer.config.learningRate = 5e-3;
  transformer.outputFolder = (root / "ner-transformer").string();
  auto crossed = runTraining(transformer);
  std::printf("ner: transformer student of the BiLSTM-CRF teacher %.3f\n", score(crossed));
  EXPECT(crossed.ok() && score(crossed) > 0.8, "a transformer student learns from a BiLSTM-CRF teacher");

  // Refusals.
  TrainRequest noTeacher = distilled;
  noTeacher.config.teacherFolder.clear();
  auto refused = runTraining(noTeacher);
  EXPECT(!refused && refused.error().field == "unlabelled", "unlabelled documents without a teacher are refused");
  TrainRequest missing = distilled;
  missing.config.teacherFolder = (root / "nowhere").string();
  auto unreadable = runTraining(missing);
  EXPECT(!unreadable && unreadable.error().message.find("the teacher cannot be loaded") != std::string::npos,
         "a teacher folder that is not a model says so: " + (unreadable ? std::string() : unreadable.error().toString()));
  TrainRequest otherTypes = distilled;
  otherTypes.labels = {"SPORT", "FINANCE", "HEALTH"};  // a type the teacher never learnt
  otherTypes.outputFolder = (root / "ner-other").string();
  auto mismatched = runTraining(otherTypes);
  EXPECT(!mismatched && mismatched.error().message.find("HEALTH") != std::string::npos,
         "a student type the teacher cannot predict is refused, naming it");
}

void checkClassify(const fs::path& root) {
  using quarry::test::makeTopicDocs;
  const auto labelled = makeTopicDocs(90, 11), dev = makeTopicDocs(45, 12), few = makeTopicDocs(3, 13),
             unlabelledDocs = makeTopicDocs(120, 14);
  TrainConfig teacherConfig;
  teacherConfig.task = "classify";
  teacherConfig.kind = ModelKind::Transformer;
  teacherConfig.modelFolder = quarry::test::writeTopicBaseFolder(root / "base", 2);
  teacherConfig.maxLength = 16;
  teacherConfig.stride = 4;
  teacherConfig.batchSize = 8;
  teacherConfig.epochs = 6;
  teacherConfig.patience = 0;
  teacherConfig.learningRate = 5e-3;
  teacherConfig.threads = 1;
  auto teacher = quarry::test::train(teacherConfig, root / "classify-teacher", labelled, dev);
  EXPECT(teacher.ok() && teacher->bestDevScore > 0.9, "the transformer teacher learns the topics");
  if (!teacher) return;

  TrainConfig student = TrainConfig::defaultsFor("classify");
  student.task = "classify";
  student.kind = ModelKind::FromScratch;
  student.epochs = 10;
  student.patience = 0;
  student.threads = 1;
  TrainRequest aloneRequest;
  aloneRequest.config = student;
  aloneRequest.train = few;
  aloneRequest.dev = dev;
  aloneRequest.labels = quarry::test::kTopics;
  aloneRequest.outputFolder = (root / "classify-alone").string();
  auto alone = runTraining(aloneRequest);
  TrainRequest distilled;
  distilled.config = student;
  distilled.config.teacherFolder = teacher->bestFolder;
  distilled.config.distillAlpha = 0.8;
  distilled.train = few;
  distilled.dev = dev;
  distilled.unlabelled = unlabelledDocs;
  distilled.outputFolder = (root / "classify-distilled").string();
  auto learned = runTraining(distilled);
  std::printf("classify: transformer teacher %.3f, n-gram student on 3 documents %.3f, with the teacher on 120 unlabelled %.3f\n",
              score(teacher), score(alone), score(learned));
  EXPECT(learned.ok(), "the distilled n-gram classifier trains: " + (learned ? std::string() : learned.error().toString()));
  EXPECT(score(learned) > score(alone) + 0.15 && score(learned) > 0.85,
         "the transformer's labels lift the n-gram student well above its 3 documents alone");
  if (learned) {
    EXPECT(learned->data["train_documents"] == 3 && learned->data["unlabelled_documents"] == 120,
           "the record keeps labelled and unlabelled documents apart");
    EXPECT(learned->data["labels"].size() == 3,
           "the student learns every label the teacher knows, not only those its 3 documents show");
  }

  // A multi-label student cannot learn from a single-label teacher.
  TrainRequest multi = distilled;
  multi.config.multiLabel = "yes";
  multi.outputFolder = (root / "classify-multi").string();
  auto refused = runTraining(multi);
  EXPECT(!refused && refused.error().field == "teacher_folder", "a multi-label student of a single-label teacher is refused");
  // A teacher of another task.
  TrainRequest wrongTask = distilled;
  wrongTask.config.teacherFolder = (root / "ner-teacher" / "best").string();
  auto foreign = runTraining(wrongTask);
  EXPECT(!foreign && foreign.error().message.find("the teacher cannot be loaded") != std::string::npos,
         "an NER model as a classifier's teacher is refused");
}

}  // namespace

int main() {
  model::CpuThreadOptions threads;
  threads.intraOpThreads = 1;
  model::configureCpuThreads(threads);
  checkLoss();
  const fs::path root = fs::temp_directory_path() / ("quarry-distillation-" + std::to_string(getpid()));
  fs::remove_all(root);
  checkNer(root);
  checkClassify(root);
  fs::remove_all(root);
  if (quarry::test::g_failures == 0) std::printf("PASS: distillation\n");
  return quarry::test::g_failures == 0 ? 0 : 1;
}
