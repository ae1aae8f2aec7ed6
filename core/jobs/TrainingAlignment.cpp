#include "jobs/TrainingAlignment.h"

#include <QCoreApplication>

#include "train/ner/NerDataBuilder.h"

namespace quarry::jobs {

QHash<QString, QString> misalignedEntities(const Document& document) {
  QHash<QString, QString> out;
  document::AnnotatedDocument d;
  d.id = document.name.toStdString();
  d.text = document.text.toStdString();
  for (const EntitySpan& e : document.entities) {
    if (e.fragments.isEmpty()) continue;
    d.entities.push_back({e.start(), e.end(), e.type.toStdString()});
    if (e.isDiscontinuous())
      out.insert(e.key, QCoreApplication::translate("quarry::jobs", "discontinuous: trained as the span covering its fragments"));
  }
  if (d.entities.empty()) return out;
  const train::NerData data = train::buildNerData({d}, {}, train::NerDataOptions{});
  for (const train::MisalignedSpan& m : data.misaligned)
    for (const EntitySpan& e : document.entities)
      if (e.start() == m.mention.start && e.end() == m.mention.end && e.type.toStdString() == m.mention.type)
        out.insert(e.key, QString::fromStdString(m.reason));
  return out;
}

}  // namespace quarry::jobs
