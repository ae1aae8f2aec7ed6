#include "GoToDialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

#include "corpus/TextOffsets.h"

namespace quarry::ui {

QVector<int> GoToDialog::paragraphStarts(const QString& text) {
  QVector<int> starts{0};
  const TextOffsets offsets(text);
  for (qsizetype i = text.indexOf(QLatin1Char('\n')); i >= 0; i = text.indexOf(QLatin1Char('\n'), i + 1))
    starts.push_back(offsets.toCodePoint(int(i + 1)));
  return starts;
}

GoToDialog::GoToDialog(const QString& text, int caret, QWidget* parent)
    : QDialog(parent), m_paragraphs(paragraphStarts(text)) {
  setObjectName(QStringLiteral("goToDialog"));
  setWindowTitle(tr("Go To"));
  const int length = TextOffsets::codePointLength(text);
  const int paragraph =
      int(std::upper_bound(m_paragraphs.cbegin(), m_paragraphs.cend(), caret) - m_paragraphs.cbegin());

  m_byOffset = new QRadioButton(tr("&Offset (0 to %1):").arg(length), this);
  m_byParagraph = new QRadioButton(tr("&Paragraph (1 to %1):").arg(m_paragraphs.size()), this);
  m_offset = new QSpinBox(this);
  m_offset->setObjectName(QStringLiteral("goToOffset"));
  m_offset->setRange(0, length);
  m_offset->setValue(std::clamp(caret, 0, length));
  m_paragraph = new QSpinBox(this);
  m_paragraph->setObjectName(QStringLiteral("goToParagraph"));
  m_paragraph->setRange(1, int(m_paragraphs.size()));
  m_paragraph->setValue(std::max(1, paragraph));
  m_byOffset->setChecked(true);
  m_paragraph->setEnabled(false);
  connect(m_byOffset, &QRadioButton::toggled, this, [this](bool byOffset) {
    m_offset->setEnabled(byOffset);
    m_paragraph->setEnabled(!byOffset);
    (byOffset ? m_offset : m_paragraph)->setFocus();
    (byOffset ? m_offset : m_paragraph)->selectAll();
  });

  auto* grid = new QGridLayout;
  grid->addWidget(m_byOffset, 0, 0);
  grid->addWidget(m_offset, 0, 1);
  grid->addWidget(m_byParagraph, 1, 0);
  grid->addWidget(m_paragraph, 1, 1);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(grid);
  layout->addWidget(buttons);
  m_offset->setFocus();
  m_offset->selectAll();
}

int GoToDialog::offset() const {
  if (m_byOffset->isChecked()) return m_offset->value();
  return m_paragraphs.value(m_paragraph->value() - 1, 0);
}

}  // namespace quarry::ui
