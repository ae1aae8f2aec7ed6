#pragma once
// Knowledge distillation: a fine-tuned teacher's predictions on the training data (and on unlabelled
// documents) as soft targets for the student, beside the gold loss, as Hinton et al. (2015) do:
//
//   loss = (1 - alpha) * gold + alpha * T^2 * KL(p_T || q_T)
//
// p_T the teacher's probabilities softened by the temperature T (p^(1/T), renormalised: softmax(z / T)
// for a teacher with logits z), q_T = softmax(student logits / T); multi-label classes each a two-way
// distribution (sigmoid). The T^2 keeps the soft term's gradients on the gold term's scale. Items without
// gold (the unlabelled documents) learn from the teacher alone.
//
// The teacher and student may differ in everything but the task and the label set: another encoder, fewer
// or narrower layers, another tokenizer, the BiLSTM-CRF or the n-gram classifier. Their outputs meet at the
// task's unit of prediction (a word for NER, a document for classification), so the teacher is run once,
// before training, and its probabilities are mapped onto the student's classes by name.

#include <cstdint>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "common/Error.h"
#include "train/TaskModel.h"
#include "train/TrainConfig.h"

namespace quarry::train {

struct TeacherTargets {
  std::string teacherFolder;
  double temperature = 2.0;
  double alpha = 0.5;
  bool multiLabel = false;  // classes are independent (sigmoid) rather than one softmax
  int64_t classes = 0;      // the student's
  // Per unit (NER: a training sentence, its words' rows one after another; classification: a training
  // document, one row) the teacher's probabilities over the student's classes, `classes` floats a row.
  std::vector<std::vector<float>> units;
  // Per unit: 1 when it carries no gold annotation (an unlabelled document's), so the gold loss skips it.
  std::vector<uint8_t> unlabelled;

  bool active() const { return !units.empty(); }
};

// T^2 * KL(p_T || q_T) averaged over the rows: logits [N,C] (the student's, with gradient), teacher [N,C]
// probabilities (at temperature 1). Multi-label: each of the C classes a binary distribution, averaged
// over N x C. N = 0 gives a zero that keeps the graph.
at::Tensor distillationLoss(const at::Tensor& logits, const at::Tensor& teacher, double temperature,
                            bool multiLabel);

// (1 - alpha) * gold + alpha * soft; an undefined gold (no gold row in the batch) counts as 0.
at::Tensor blendWithTeacher(const at::Tensor& gold, const at::Tensor& soft, double alpha);

// Rows of the teacher's probabilities as a tensor [rows.size(), classes] on `device`.
at::Tensor teacherRows(const TeacherTargets& teacher, const std::vector<const float*>& rows, const at::Device& device);

// For each of the student's class names, the teacher's class of the same name; an Error naming the first
// student class the teacher lacks (whose probability it could not give), or a teacher class the student
// lacks that the teacher predicts (its probability would have nowhere to go).
Result<std::vector<int32_t>> mapTeacherClasses(const std::vector<std::string>& teacherClasses,
                                               const std::vector<std::string>& studentClasses,
                                               const std::string& teacherFolder);

// `loaded`'s error as the teacher's: "the teacher cannot be loaded: ...", the field teacher_folder when it
// names none.
Error teacherLoadError(Error loaded);

// The teacher settings of `config` (teacher_folder, distill_temperature, distill_alpha) into `targets`, its
// units still empty; unlabelled documents without a teacher are refused (field "unlabelled").
Status setUpTeacher(const TrainConfig& config, bool hasUnlabelled, TeacherTargets& targets);

// Where `model`'s parameters are (the CPU for a model without any).
c10::Device deviceOf(TaskModel& model);

// One teacher row (over its classes) as a row over the student's classes (`map` from mapTeacherClasses).
void appendMappedRow(const float* teacherRow, const std::vector<int32_t>& map, std::vector<float>& out);

}  // namespace quarry::train
