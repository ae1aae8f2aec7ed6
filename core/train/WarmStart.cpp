#include "train/WarmStart.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <ATen/Functions.h>
#include <torch/csrc/autograd/grad_mode.h>

#include "train/KeyedRows.h"

namespace quarry::train {
namespace {

// Every parameter and buffer of `module` by its dotted name.
std::map<std::string, at::Tensor> namedTensors(torch::nn::Module& module) {
  std::map<std::string, at::Tensor> out;
  for (const auto& p : module.named_parameters(true)) out.emplace(p.key(), p.value());
  for (const auto& b : module.named_buffers(true)) out.emplace(b.key(), b.value());
  return out;
}

}  // namespace

Result<WarmStartReport> warmStart(TrainingTask& task, TaskModel& model, const std::string& folder) {
  auto loaded = task.loadModel(folder);
  if (!loaded) {
    Error e = loaded.error();
    if (e.field.empty()) e.field = "warm_start_folder";
    return e;
  }
  const std::map<std::string, at::Tensor> source = namedTensors(loaded.value()->module());
  const auto* sourceKeys = dynamic_cast<const KeyedRows*>(loaded.value().get());
  const auto* targetKeys = dynamic_cast<const KeyedRows*>(&model);
  WarmStartReport report;
  torch::NoGradGuard noGrad;
  for (auto& [name, target] : namedTensors(model.module())) {
    auto it = source.find(name);
    // A table whose rows are named in both models: each row from the earlier model's row of that name.
    if (it != source.end() && sourceKeys && targetKeys && target.dim() >= 1 &&
        it->second.scalar_type() == target.scalar_type() &&
        it->second.sizes().slice(1).equals(target.sizes().slice(1))) {
      const std::vector<std::string> from = sourceKeys->rowKeys(name), to = targetKeys->rowKeys(name);
      if (!from.empty() && int64_t(from.size()) == it->second.size(0) &&
          int64_t(to.size()) == target.size(0)) {
        std::unordered_map<std::string, int64_t> rowOf;
        for (size_t r = 0; r < from.size(); ++r) rowOf.emplace(from[r], int64_t(r));
        std::vector<int64_t> targetRows, sourceRows;
        for (size_t r = 0; r < to.size(); ++r)
          if (auto found = rowOf.find(to[r]); found != rowOf.end()) {
            targetRows.push_back(int64_t(r));
            sourceRows.push_back(found->second);
          }
        if (!targetRows.empty()) {
          auto index = [](const std::vector<int64_t>& rows) {
            return at::from_blob(const_cast<int64_t*>(rows.data()), {int64_t(rows.size())}, at::kLong)
                .clone();
          };
          target.index_copy_(
              0, index(targetRows).to(target.device()),
              it->second.index_select(0, index(sourceRows).to(it->second.device())).to(target.device()));
          ++report.copiedTensors;
          report.copiedElements +=
              int64_t(targetRows.size()) * (target.numel() / std::max<int64_t>(1, target.size(0)));
          report.byName.push_back({name, int64_t(targetRows.size()), target.size(0)});
          continue;
        }
      }
    }
    if (it == source.end() || !it->second.sizes().equals(target.sizes()) ||
        it->second.scalar_type() != target.scalar_type()) {
      report.kept.push_back(name);
      continue;
    }
    target.copy_(it->second);
    ++report.copiedTensors;
    report.copiedElements += target.numel();
  }
  if (report.copiedTensors == 0)
    return Error("nothing in this model has the shape of the model being trained: it cannot warm-start it", folder,
                 0, "warm_start_folder");
  return report;
}

}  // namespace quarry::train
