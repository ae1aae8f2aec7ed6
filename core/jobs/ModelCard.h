#pragma once
// A trained model's card, in the Hugging Face style: README.md (YAML front matter with library_name,
// tags and, for transformer folders, pipeline_tag; then what the model is, what it learned from, how well
// it did on dev and how to load it) and quarry_card.json with the same facts for programs. Written into
// model archives (jobs/ModelArchive.h).

#include <QJsonObject>
#include <QString>

#include "store/StoreTypes.h"

namespace quarry::jobs {

// What a card is made from.
struct ModelCardInput {
  ModelRun run;                // the training run (task, config, data snapshot, metrics, dates)
  QString projectName;         // the project it was trained in
  QString modelFolder;         // the run's best/ folder: its kind (transformer or not) and labels
  QString archiveFolder;       // the folder name the model has in the archive ("ner-run-12")
  int lineageDocuments = 0;    // documents the run recorded reading (store/AnnotationVersions.h)
  int lineageAnnotations = 0;  // annotations the run recorded reading
};

class ModelCard {
 public:
  explicit ModelCard(const ModelCardInput& input);

  // quarry_card.json: {"format_version", "name", "run_id", "project", "task", "model_kind", "transformer",
  // "base_model", "pipeline_tag", "labels", "data", "lineage", "dev_metrics", "config", "started",
  // "finished", "quarry_version", "folder"}.
  const QJsonObject& json() const { return m_facts; }
  // README.md: the same facts for people.
  QString markdown() const;

  static constexpr int kFormatVersion = 1;  // quarry_card.json "format_version"

 private:
  QJsonObject m_facts;
};

}  // namespace quarry::jobs
