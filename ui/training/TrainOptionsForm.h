#pragma once
// Every training option of a task as a form, built from the engine's one declaration
// (train::TrainConfig::options): each row the option's key, an editor for its type (a check box, or a
// field for numbers and words) holding the task's default, and its help line as the tooltip and below
// the field. Options the Train dialog sets itself (task, model, folders) and those of other models
// (a transformer's for a from-scratch model, ...) are left out. Values the user
// changed are marked and kept when the task changes, for the options both tasks share.

#include <map>
#include <string>

#include <QWidget>
#include <nlohmann/json.hpp>

#include "common/Error.h"
#include "train/TrainConfig.h"

class QFormLayout;

namespace quarry::ui {

class TrainOptionsForm : public QWidget {
  Q_OBJECT
 public:
  explicit TrainOptionsForm(QWidget* parent = nullptr);

  // Shows the options of `task` at its defaults, except the values changed so far.
  void setTask(const std::string& task);
  const std::string& task() const { return m_task; }
  // Shows the options of that model only (a transformer: `randomEncoder` when it has no checkpoint).
  void setModel(train::ModelKind kind, bool randomEncoder);
  // Sets the shown options present in `config` (a saved config: the last run's settings).
  void setValues(const nlohmann::json& config);
  // Every option that differs from the task's default, typed as the declaration's default; an error names
  // the key whose text is not a number.
  Result<nlohmann::json> changedValues() const;
  // Puts every option back to the task's default.
  void resetToDefaults();
  // The editor of `key` (a QCheckBox or a QLineEdit); null when the task has no such option.
  QWidget* editor(const QString& key) const;

 Q_SIGNALS:
  void changed();

 private:
  struct Row {
    nlohmann::json defaultValue;
    QWidget* editor = nullptr;
  };
  Result<nlohmann::json> valueOf(const std::string& key, const Row& row) const;
  void show(const std::string& key, const nlohmann::json& value);
  void rebuild();
  void keepChanges();  // the shown options' changes into m_changed, before the rows are rebuilt

  std::string m_task = "ner";
  train::ModelKind m_kind = train::ModelKind::FromScratch;
  bool m_randomEncoder = false;
  QFormLayout* m_layout = nullptr;
  std::map<std::string, Row> m_rows;
  nlohmann::json m_changed = nlohmann::json::object();  // kept across tasks
};

}  // namespace quarry::ui
