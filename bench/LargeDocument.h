#pragma once
// The large document the annotation benches work on: ~targetChars code points of words in paragraphs of
// 300 to 1,200 characters, with spans on word boundaries (mostly one or two words, some enclosing the
// previous span, a few discontinuous) and relations between nearby spans. The same seed gives the same
// document.

#include <QRandomGenerator>
#include <QStringList>
#include <algorithm>

#include "corpus/Document.h"
#include "corpus/Schema.h"

namespace bench {

// Five entity types with the hotkeys 1-5, a directed and an undirected relation type, and two
// categories (one per document).
inline quarry::Schema largeDocumentSchema() {
  using namespace quarry;
  Schema s;
  const char* names[] = {"DRUG", "DISEASE", "GENE", "CHEMICAL", "SPECIES"};
  for (int i = 0; i < 5; ++i) {
    EntityType t;
    t.name = QLatin1String(names[i]);
    t.hotkey = QString::number(i + 1);
    s.entityTypes.push_back(t);
  }
  RelationType treats;
  treats.name = QStringLiteral("TREATS");
  RelationType assoc;
  assoc.name = QStringLiteral("ASSOCIATED_WITH");
  assoc.directed = false;
  s.relationTypes = {treats, assoc};
  s.categories = {CategoryType{QStringLiteral("relevant"), {}, {}, {}},
                  CategoryType{QStringLiteral("other"), {}, {}, {}}};
  return s;
}

// Word boundaries of a generated document, in code points.
struct Word {
  int start, end;
};

inline quarry::Document largeDocument(int targetChars, int spanCount, int relationCount,
                                      QVector<Word>* wordsOut = nullptr) {
  using namespace quarry;
  QRandomGenerator rng(42);
  const QStringList vocabulary = QStringLiteral(
      "the of patients with treatment was were in and a to for cells protein expression after dose "
      "aspirin ibuprofen headache migraine receptor kinase inhibitor clinical trial mice rats tumour "
      "significantly increased decreased observed therapy response gene mutation pathway levels "
      "caf\u00e9 na\u00efve \U0001F48A")
                                     .split(QLatin1Char(' '));
  const Schema schema = largeDocumentSchema();
  Document d;
  d.name = QStringLiteral("bench");
  QString text;
  text.reserve(targetChars + 1000);
  QVector<Word> words;
  int cp = 0;
  int paragraphLength = 0;
  while (cp < targetChars) {
    const QString& w = vocabulary[int(rng.bounded(int(vocabulary.size())))];
    const int len = int(w.size()) - (w.size() == 2 && w.at(0).isHighSurrogate() ? 1 : 0);
    words.push_back({cp, cp + len});
    text += w;
    cp += len;
    paragraphLength += len + 1;
    if (paragraphLength > 300 + int(rng.bounded(900))) {
      text += QLatin1Char('\n');
      paragraphLength = 0;
    } else {
      text += QLatin1Char(' ');
    }
    ++cp;
  }
  d.text = text;
  for (int i = 0; i < spanCount; ++i) {
    const int w = int(rng.bounded(int(words.size()) - 4));
    EntitySpan e;
    e.key = QStringLiteral("T%1").arg(i + 1);
    e.type = schema.entityTypes[int(rng.bounded(5))].name;
    const int kind = int(rng.bounded(20));
    if (kind == 0) e.fragments = {{words[w].start, words[w].end}, {words[w + 2].start, words[w + 3].end}};
    else if (kind < 3) e.fragments = {{words[w].start, words[w + 3].end}};
    else e.fragments = {{words[w].start, words[w + int(rng.bounded(2))].end}};
    d.entities.push_back(e);
  }
  std::sort(d.entities.begin(), d.entities.end(),
            [](const EntitySpan& a, const EntitySpan& b) { return a.start() < b.start(); });
  for (int i = 0; i < relationCount; ++i) {
    const int h = int(rng.bounded(int(d.entities.size()) - 6));
    Relation r;
    r.key = QStringLiteral("R%1").arg(i + 1);
    r.type = i % 3 ? QStringLiteral("TREATS") : QStringLiteral("ASSOCIATED_WITH");
    r.head = d.entities[h].key;
    r.tail = d.entities[h + 1 + int(rng.bounded(5))].key;
    d.relations.push_back(r);
  }
  if (wordsOut) *wordsOut = words;
  return d;
}

}  // namespace bench
