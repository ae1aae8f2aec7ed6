#pragma once
// Document > Go to Offset or Paragraph (Ctrl+G): a character offset (code points from 0, as Quarry
// stores them) or a paragraph number (from 1); the owner moves the caret there.

#include <QDialog>
#include <QVector>

class QRadioButton;
class QSpinBox;

namespace quarry::ui {

class GoToDialog : public QDialog {
  Q_OBJECT
 public:
  // `text`: the document; `caret`: the caret's offset, the dialog's starting point.
  GoToDialog(const QString& text, int caret, QWidget* parent = nullptr);

  // The code point offset chosen (a paragraph's start for a paragraph number).
  int offset() const;
  // Code point offsets where each paragraph (text between newlines) starts.
  static QVector<int> paragraphStarts(const QString& text);

  QRadioButton* offsetButton() const { return m_byOffset; }
  QRadioButton* paragraphButton() const { return m_byParagraph; }
  QSpinBox* offsetBox() const { return m_offset; }
  QSpinBox* paragraphBox() const { return m_paragraph; }

 private:
  QVector<int> m_paragraphs;
  QRadioButton* m_byOffset = nullptr;
  QRadioButton* m_byParagraph = nullptr;
  QSpinBox* m_offset = nullptr;
  QSpinBox* m_paragraph = nullptr;
};

}  // namespace quarry::ui
