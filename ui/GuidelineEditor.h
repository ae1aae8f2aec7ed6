#pragma once
// Edits one type's guideline: definition, positive examples, negative examples and edge cases, all
// Markdown (examples and edge cases one per line), with a live rendered preview beside them.

#include <QWidget>

#include "corpus/Schema.h"

class QPlainTextEdit;
class QTextBrowser;

namespace quarry::ui {

class GuidelineEditor : public QWidget {
  Q_OBJECT
 public:
  explicit GuidelineEditor(QWidget* parent = nullptr);

  // Shows `guideline` of type `typeName` without emitting changed().
  void setGuideline(const QString& typeName, const Guideline& guideline);
  Guideline guideline() const;

  // The Markdown the preview renders: the name as a heading, then each part under its own heading.
  static QString toMarkdown(const QString& typeName, const Guideline& guideline);

  QPlainTextEdit* definitionEdit() const { return m_definition; }
  QPlainTextEdit* positiveEdit() const { return m_positive; }
  QPlainTextEdit* negativeEdit() const { return m_negative; }
  QPlainTextEdit* edgeCasesEdit() const { return m_edgeCases; }
  QTextBrowser* preview() const { return m_preview; }

 Q_SIGNALS:
  void changed();

 private:
  void render();

  QString m_typeName;
  bool m_loading = false;
  QPlainTextEdit* m_definition = nullptr;
  QPlainTextEdit* m_positive = nullptr;
  QPlainTextEdit* m_negative = nullptr;
  QPlainTextEdit* m_edgeCases = nullptr;
  QTextBrowser* m_preview = nullptr;
};

}  // namespace quarry::ui
