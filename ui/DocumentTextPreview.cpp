#include "DocumentTextPreview.h"

#include <algorithm>

#include "corpus/TextOffsets.h"

namespace quarry::ui {

DocumentTextPreview::DocumentTextPreview(QWidget* parent) : QTextBrowser(parent) {
  setObjectName(QStringLiteral("documentTextPreview"));
  setOpenLinks(false);
  clearDocument();
}

void DocumentTextPreview::clearDocument() {
  setHtml(QStringLiteral("<p><i>%1</i></p>")
              .arg(tr("Pick a document above to see its text as it will be stored.").toHtmlEscaped()));
}

void DocumentTextPreview::showDocument(const Document& document, const QString& note) {
  // Marks open and close at UTF-16 positions; entities may nest, so they are kept as events.
  const TextOffsets offsets(document.text);
  struct Mark {
    int at;
    bool open;
  };
  QVector<Mark> marks;
  for (const EntitySpan& e : document.entities)
    for (const Fragment& f : e.fragments) {
      marks.push_back({offsets.toUtf16(f.start), true});
      marks.push_back({offsets.toUtf16(f.end), false});
    }
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    return a.at != b.at ? a.at < b.at : (!a.open && b.open);  // closes before opens at one place
  });
  const int shown = std::min<int>(int(document.text.size()), kMaxCharacters);
  QString html = QStringLiteral("<p style=\"white-space: pre-wrap\">");
  int at = 0;
  auto text = [&](int from, int to) {
    html += document.text.mid(from, to - from)
                .toHtmlEscaped()
                .replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
  };
  for (const Mark& m : marks) {
    if (m.at < 0 || m.at > shown) continue;
    text(at, m.at);
    at = m.at;
    html += m.open ? QStringLiteral("<span style=\"background-color:#fde68a\">") : QStringLiteral("</span>");
  }
  text(at, shown);
  html += QStringLiteral("</p>");
  if (shown < document.text.size())
    html += QStringLiteral("<p><i>%1</i></p>")
                .arg(tr("… %n more character(s) not shown", nullptr, int(document.text.size()) - shown)
                         .toHtmlEscaped());
  const QString header =
      note.isEmpty() ? QString() : QStringLiteral("<p><i>%1</i></p>").arg(note.toHtmlEscaped());
  setHtml(header + html);
}

}  // namespace quarry::ui
