#include "ItemDetailsPanel.h"

#include <QLocale>

#include "GuidelineText.h"

namespace quarry::ui {
namespace {

QString row(const QString& label, const QString& value) {
  return QStringLiteral("<tr><td><i>%1</i></td><td>%2</td></tr>").arg(label.toHtmlEscaped(), value);
}

}  // namespace

ItemDetailsPanel::ItemDetailsPanel(QWidget* parent) : QTextBrowser(parent) {
  setObjectName(QStringLiteral("itemDetails"));
  setOpenLinks(false);
  clearItem();
}

void ItemDetailsPanel::clearItem() {
  m_kind = Kind::None;
  m_key.clear();
  showHtml(
      QStringLiteral("<p><i>%1</i></p>")
          .arg(tr("Select a span (Tab or a click), a relation or an answer to see its details and guideline.")
                   .toHtmlEscaped()));
}

void ItemDetailsPanel::showHtml(const QString& html) {
  // The same item shown again (an edit elsewhere, the caret moving on it) is left as it is.
  if (html == m_html) return;
  m_html = html;
  setHtml(html);
}

QString ItemDetailsPanel::excerpt(const Document& document, int start, int end) const {
  if (document.text.constData() != m_text.constData() || document.text.size() != m_text.size()) {
    m_text = document.text;
    m_offsets = TextOffsets(m_text);
  }
  const QString text = m_offsets.slice(m_text, start, end);
  return QStringLiteral("“%1”").arg(text.toHtmlEscaped());
}

QString ItemDetailsPanel::provenanceHtml(const Provenance& p) const {
  QString out;
  out += row(tr("Annotator"), p.annotator.isEmpty() ? tr("unknown") : p.annotator.toHtmlEscaped());
  QString origin;
  switch (p.origin) {
    case Origin::Manual: origin = tr("manual"); break;
    case Origin::AcceptedSuggestion: origin = tr("accepted suggestion"); break;
    case Origin::Imported: origin = tr("imported"); break;
  }
  out += row(tr("Origin"), origin);
  out += row(tr("Guideline version"), p.guidelineVersion > 0 ? QString::number(p.guidelineVersion) : tr("unknown"));
  if (p.created.isValid())
    out += row(tr("Created"), QLocale().toString(p.created.toLocalTime(), QLocale::ShortFormat).toHtmlEscaped());
  if (p.updated.isValid() && p.updated != p.created)
    out += row(tr("Updated"), QLocale().toString(p.updated.toLocalTime(), QLocale::ShortFormat).toHtmlEscaped());
  return out;
}

void ItemDetailsPanel::showItem(const Document& document, const Schema& schema, Kind kind, const QString& key) {
  QString title, rows, guideline;
  if (kind == Kind::Entity) {
    const EntitySpan* e = document.entity(key);
    if (!e) return clearItem();
    title = tr("Span %1").arg(key);
    rows += row(tr("Type"), QStringLiteral("<b>%1</b>").arg(e->type.toHtmlEscaped()));
    QStringList pieces, offsets;
    for (const Fragment& f : e->fragments) {
      pieces << excerpt(document, f.start, f.end);
      offsets << QStringLiteral("%1–%2").arg(f.start).arg(f.end);
    }
    rows += row(tr("Text"), pieces.join(QStringLiteral(" … ")));
    rows += row(tr("Offsets"), offsets.join(QStringLiteral(", ")));
    rows += provenanceHtml(e->provenance);
    if (const EntityType* t = schema.entityType(e->type)) guideline = guidelineTooltip(t->name, t->guideline);
  } else if (kind == Kind::Relation) {
    const Relation* r = nullptr;
    for (const Relation& x : document.relations)
      if (x.key == key) r = &x;
    if (!r) return clearItem();
    const EntitySpan* head = document.entity(r->head);
    const EntitySpan* tail = document.entity(r->tail);
    title = tr("Relation %1").arg(key);
    rows += row(tr("Type"), QStringLiteral("<b>%1</b>").arg(r->type.toHtmlEscaped()));
    if (head) rows += row(tr("Head"), QStringLiteral("%1 %2 ").arg(head->key, head->type.toHtmlEscaped()) +
                                          excerpt(document, head->start(), head->end()));
    if (tail) rows += row(tr("Tail"), QStringLiteral("%1 %2 ").arg(tail->key, tail->type.toHtmlEscaped()) +
                                          excerpt(document, tail->start(), tail->end()));
    rows += provenanceHtml(r->provenance);
    if (const RelationType* t = schema.relationType(r->type)) guideline = guidelineTooltip(t->name, t->guideline);
  } else if (kind == Kind::Answer) {
    const QaAnswer* a = nullptr;
    for (const QaAnswer& x : document.answers)
      if (x.field == key) a = &x;
    if (!a) return clearItem();
    const QaField* field = schema.qaField(a->field);
    title = tr("Answer to %1").arg(a->field);
    if (field && !field->questions.isEmpty()) rows += row(tr("Question"), field->questions.front().toHtmlEscaped());
    if (a->noAnswer) {
      rows += row(tr("Text"), tr("the text does not answer this"));
    } else {
      rows += row(tr("Text"), excerpt(document, a->start, a->end));
      rows += row(tr("Offsets"), QStringLiteral("%1–%2").arg(a->start).arg(a->end));
    }
    rows += provenanceHtml(a->provenance);
    if (field) guideline = guidelineTooltip(field->name, field->guideline);
  } else {
    return clearItem();
  }
  m_kind = kind;
  m_key = key;
  QString html = QStringLiteral("<h3>%1</h3><table cellspacing=\"4\">%2</table>").arg(title.toHtmlEscaped(), rows);
  if (!guideline.isEmpty()) html += QStringLiteral("<hr/><p><i>%1</i></p>%2").arg(tr("Guideline").toHtmlEscaped(), guideline);
  showHtml(html);
}

}  // namespace quarry::ui
