#pragma once
// One tab of the schema editor: the types of one kind (entity types, relation types, QA fields or
// categories) with add, rename and remove, colour, hotkey, the kind's own settings (relation
// argument types, QA question phrasings, single or multi-label categories) and the guideline.
//
// Works on the dialog's copy of the schema. A type that annotations use is neither removed nor
// renamed (the store matches types by name and keeps annotations' types); the user is told how many
// annotations use it. A hotkey another type already has, or one the document view reserves, is refused.

#include <QMap>
#include <QWidget>

#include "SchemaEdits.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace quarry::ui {

class GuidelineEditor;

class SchemaTypePage : public QWidget {
  Q_OBJECT
 public:
  // `usage`: annotations per type, keyed like ProjectStats::annotationCounts.
  SchemaTypePage(SchemaKind kind, Schema* schema, const QMap<QString, int>& usage, QWidget* parent = nullptr);

  SchemaKind kind() const { return m_kind; }
  // Re-reads the type list and the current type (after another page changed entity types).
  void refresh();
  void selectType(const QString& name);

  // Each returns false and shows why in problemLabel() when refused.
  bool addType(const QString& name);
  bool renameCurrent(const QString& name);
  bool removeCurrent();  // a type in use: a message with the count, and it stays
  bool setHotkey(const QString& key);
  void setColour(const QString& colour);
  void addQuestion(const QString& question);

  QListWidget* typeList() const { return m_list; }
  QLineEdit* newNameEdit() const { return m_newName; }
  QPushButton* addButton() const { return m_add; }
  QPushButton* removeButton() const { return m_remove; }
  QLineEdit* nameEdit() const { return m_name; }
  QPushButton* colourButton() const { return m_colour; }
  QLineEdit* hotkeyEdit() const { return m_hotkey; }
  QLabel* problemLabel() const { return m_problem; }
  QCheckBox* directedBox() const { return m_directed; }
  QListWidget* headList() const { return m_head; }
  QListWidget* tailList() const { return m_tail; }
  QListWidget* questionList() const { return m_questions; }
  GuidelineEditor* guidelineEditor() const { return m_guideline; }

 Q_SIGNALS:
  void typesChanged();  // a type was added, renamed or removed
  void edited();        // anything in the schema changed

 private:
  QWidget* buildDetails();
  void showCurrent();
  int current() const;
  int usageOf(const QString& name) const;
  void chooseColour();
  void argumentsEdited();
  void questionsEdited();
  void say(const QString& problem);

  SchemaKind m_kind;
  Schema* m_schema;
  QMap<QString, int> m_usage;
  bool m_loading = false;

  QListWidget* m_list = nullptr;
  QLineEdit* m_newName = nullptr;
  QPushButton* m_add = nullptr;
  QPushButton* m_remove = nullptr;
  QWidget* m_details = nullptr;
  QLineEdit* m_name = nullptr;
  QPushButton* m_colour = nullptr;
  QLineEdit* m_hotkey = nullptr;
  QLabel* m_problem = nullptr;
  QCheckBox* m_directed = nullptr;
  QListWidget* m_head = nullptr;
  QListWidget* m_tail = nullptr;
  QListWidget* m_questions = nullptr;
  QCheckBox* m_multiLabel = nullptr;
  GuidelineEditor* m_guideline = nullptr;
};

}  // namespace quarry::ui
