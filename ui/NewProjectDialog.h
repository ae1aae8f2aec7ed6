#pragma once
// New project: a name, the folder the *.quarry file goes in, the tasks to annotate and a label schema
// from a template. Problems (no name, a file already there) show inline and keep Create disabled;
// Create makes the file with ProjectStore::create and writes the schema, or leaves nothing behind.

#include <QDialog>

#include "SchemaTemplates.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace quarry::ui {

class NewProjectDialog : public QDialog {
  Q_OBJECT
 public:
  explicit NewProjectDialog(QWidget* parent = nullptr);

  // The file Create makes: <folder>/<name>.quarry (characters a file name cannot hold become "_").
  QString projectPath() const;
  // The project made by Create; empty until then.
  QString createdPath() const { return m_created; }
  // What stops Create now, in words; empty when nothing does.
  QString problem() const;
  ProjectTasks tasks() const;
  // The chosen template restricted to the chosen tasks.
  Result<Schema> chosenSchema() const;

  QLineEdit* nameEdit() const { return m_name; }
  QLineEdit* folderEdit() const { return m_folder; }
  QComboBox* templateBox() const { return m_template; }
  QCheckBox* entitiesBox() const { return m_entities; }
  QCheckBox* relationsBox() const { return m_relations; }
  QCheckBox* qaBox() const { return m_qa; }
  QCheckBox* classificationBox() const { return m_classification; }
  QPushButton* createButton() const { return m_create; }
  QLabel* problemLabel() const { return m_problem; }

 public Q_SLOTS:
  void accept() override;

 private:
  void templateChosen();
  void browseFolder();
  void validate();

  QLineEdit* m_name = nullptr;
  QLineEdit* m_folder = nullptr;
  QLabel* m_file = nullptr;
  QComboBox* m_template = nullptr;
  QCheckBox* m_entities = nullptr;
  QCheckBox* m_relations = nullptr;
  QCheckBox* m_qa = nullptr;
  QCheckBox* m_classification = nullptr;
  QLabel* m_summary = nullptr;
  QLabel* m_problem = nullptr;
  QPushButton* m_create = nullptr;
  QString m_created;
};

}  // namespace quarry::ui
