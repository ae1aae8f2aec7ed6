#pragma once
// The document categories dock. The schema decides how it looks and acts: single-label categories
// are radio buttons (one category, or "No category"), multi-label ones check boxes. Each category is
// also an action with the shortcut Alt+1 … Alt+9 (in schema order), and "No category" is Alt+0, so a
// document is categorised from the keyboard. A radio shortcut selects its category (pressing it again
// changes nothing and says so); a check box shortcut toggles it.
//
// Below the categories, each category the model suggests for the document shows with its confidence
// ("Suggested: X (0.87)") and Accept and Reject buttons, which ask the owner to decide it.

#include <QWidget>

#include "DockSuggestions.h"
#include "corpus/Schema.h"

class QAbstractButton;
class QAction;
class QButtonGroup;
class QLabel;
class QVBoxLayout;

namespace quarry::ui {

class CategoryPanel : public QWidget {
  Q_OBJECT
 public:
  explicit CategoryPanel(QWidget* parent = nullptr);
  // Rebuilds the buttons and actions; the actions are added to `shortcutHost` (the main window) so
  // their shortcuts work wherever the focus is in it.
  void setSchema(const Schema& schema, QWidget* shortcutHost);
  // Shows the categories of `categories` as chosen, without emitting categoryToggled.
  void setCurrentLabels(const QStringList& categories);
  // The categories the store holds for the document (what the buttons show).
  QStringList currentLabels() const { return m_labels; }
  bool isSingleLabel() const { return !m_multiLabel; }
  // The button of `category` (a QRadioButton or a QCheckBox); nullptr when there is none.
  QAbstractButton* button(const QString& category) const;
  QAbstractButton* noCategoryButton() const { return m_none; }  // single-label only, else nullptr
  const QList<QAction*>& toggleActions() const { return m_actions; }
  // Read-only: the buttons cannot be clicked; the shortcuts still fire, so the owner can say why not.
  void setEditable(bool editable);
  // Review mode: while not editable, the suggestions' Accept and Reject buttons still can be clicked.
  void setDecidingWhileReadOnly(bool on);
  // The model's suggested categories for the document, each with its Accept and Reject buttons (named
  // "acceptCategorySuggestion_<category>" and "rejectCategorySuggestion_<category>").
  void setSuggestions(const QVector<SuggestedCategory>& suggestions);
  const QVector<SuggestedCategory>& suggestions() const { return m_suggestions; }

 Q_SIGNALS:
  // The person asked for `category` to be set (on) or removed (off). The panel keeps showing what the
  // store holds until the owner calls setCurrentLabels().
  void categoryToggled(const QString& category, bool on);
  // A sentence for the status bar (a shortcut that changes nothing).
  void statusMessage(const QString& message);
  // Accept or Reject of the suggested category of prediction row `id`.
  void suggestionAccepted(qint64 id);
  void suggestionRejected(qint64 id);

 private:
  void request(const QString& category, bool on);
  void choose(const QString& category);  // a radio button or its shortcut
  void clearChoice();                    // "No category"
  void showLabels();                     // the buttons brought in line with m_labels
  void updateSuggestionButtons();

  QVBoxLayout* m_layout = nullptr;
  QButtonGroup* m_group = nullptr;
  QList<QAbstractButton*> m_buttons;
  QAbstractButton* m_none = nullptr;
  QList<QAction*> m_actions;
  QStringList m_labels;
  QWidget* m_suggestionBox = nullptr;  // a row per suggested category
  QVector<SuggestedCategory> m_suggestions;
  bool m_multiLabel = false;
  bool m_editable = true;
  bool m_decidingWhileReadOnly = false;
};

}  // namespace quarry::ui
