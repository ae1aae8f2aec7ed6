#include "train/MetricReport.h"

namespace quarry::train {

nlohmann::json MetricReport::toJson() const {
  nlohmann::json j = details.is_object() ? details : nlohmann::json{{"report", details}};
  j["primary_metric"] = primaryName;
  j["primary"] = primary;
  return j;
}

}  // namespace quarry::train
