#include "dataquality/QualityFixes.h"

#include <QCoreApplication>

#include "DocumentSession.h"
#include "dataquality/QualityPanel.h"

namespace quarry::ui {

QString applyFixToSession(DocumentSession& session, const QualityFix& fix) {
  const Document& d = session.document();
  const QString none = QStringLiteral("none");
  if (fix.kind == QLatin1String("entity")) {
    if (fix.from == none) {
      if (!session.schema().entityType(fix.to)) return QCoreApplication::translate("quarry::ui::MainWindow", "\"%1\" is not an entity type of the schema.").arg(fix.to);
      return session.labelRanges(fix.to, {{fix.start, fix.end}}) == 1 ? QString()
                                                                         : QCoreApplication::translate("quarry::ui::MainWindow", "The span could not be labelled.");
    }
    for (const EntitySpan& e : d.entities)
      if (e.type == fix.from && !e.isDiscontinuous() && e.start() == fix.start && e.end() == fix.end) {
        if (fix.to == none) session.removeEntity(e.key);
        else session.changeEntityType(e.key, fix.to);
        return {};
      }
    return QCoreApplication::translate("quarry::ui::MainWindow", "The %1 annotation is no longer there: the document changed since the check.").arg(fix.from);
  }
  if (fix.kind == QLatin1String("category")) {
    auto labelsOf = [&](const QString& set) {
      return set == none ? QStringList() : set.split(QStringLiteral(" + "), Qt::SkipEmptyParts);
    };
    const QStringList from = labelsOf(fix.from), to = labelsOf(fix.to);
    for (const QString& c : from)
      if (!to.contains(c)) session.setCategory(c, false);
    for (const QString& c : to)
      if (!from.contains(c)) session.setCategory(c, true);
    return {};
  }
  if (fix.kind == QLatin1String("relation") && fix.tailStart >= 0) {
    // The mentions at both places (any type), and the relation's direction from its label.
    auto entityAt = [&](int start, int end) -> QString {
      for (const EntitySpan& e : d.entities)
        if (!e.isDiscontinuous() && e.start() == start && e.end() == end) return e.key;
      return {};
    };
    const QString first = entityAt(fix.start, fix.end), second = entityAt(fix.tailStart, fix.tailEnd);
    if (first.isEmpty() || second.isEmpty())
      return QCoreApplication::translate("quarry::ui::MainWindow", "The related mentions are no longer there: the document changed since the check.");
    const QString reversed = QStringLiteral(" (reversed)");
    auto parse = [&](const QString& label, QString* type, QString* head, QString* tail) {
      const bool back = label.endsWith(reversed);
      *type = back ? label.chopped(reversed.size()) : label;
      *head = back ? second : first;
      *tail = back ? first : second;
    };
    if (fix.from != none) {
      QString type, head, tail;
      parse(fix.from, &type, &head, &tail);
      QString key;
      for (const Relation& r : d.relations)
        if (r.type == type && r.head == head && r.tail == tail) key = r.key;
      if (key.isEmpty()) return QCoreApplication::translate("quarry::ui::MainWindow", "The %1 relation is no longer there: the document changed since the check.").arg(type);
      session.removeRelation(key);
    }
    if (fix.to != none) {
      QString type, head, tail;
      parse(fix.to, &type, &head, &tail);
      if (session.addRelation(type, head, tail).isEmpty()) return QCoreApplication::translate("quarry::ui::MainWindow", "The %1 relation could not be added.").arg(type);
    }
    return {};
  }
  return QCoreApplication::translate("quarry::ui::MainWindow", "A document-level relation is fixed in the document itself.");
}

}  // namespace quarry::ui
