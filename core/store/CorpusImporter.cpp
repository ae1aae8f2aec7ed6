#include "store/CorpusImporter.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include "common/Log.h"
#include "corpus/TextOffsets.h"
#include "store/SchemaStore.h"
#include "store/SqlUtil.h"

namespace quarry {
namespace {

const QString kOp = QStringLiteral("import");

// The corpus schema plus every type its annotations use but it does not declare.
Schema schemaWithUsedTypes(const Corpus& corpus) {
  Schema s = corpus.schema;
  for (const Document& d : corpus.documents) {
    for (const EntitySpan& e : d.entities)
      if (!s.entityType(e.type)) s.entityTypes.push_back(EntityType{e.type, {}, {}, {}});
    for (const Relation& r : d.relations)
      if (!s.relationType(r.type)) {
        RelationType t;
        t.name = r.type;
        s.relationTypes.push_back(t);
      }
    for (const QaAnswer& a : d.answers)
      if (!s.qaField(a.field)) {
        QaField f;
        f.name = a.field;
        s.qaFields.push_back(f);
      }
    for (const DocumentLabel& l : d.labels)
      if (!s.category(l.category)) s.categories.push_back(CategoryType{l.category, {}, {}, {}});
  }
  return s;
}

// Prepared inserts, bound positionally for speed.
struct Statements {
  QSqlQuery document, span, fragment, relation, answer, label;
  explicit Statements(const QSqlDatabase& db)
      : document(db), span(db), fragment(db), relation(db), answer(db), label(db) {}
};

const QString kProvColumns = QStringLiteral("annotator_id, origin, guideline_version, created, updated");

void bindAll(QSqlQuery& q, const QVariantList& values) { sql::bind(q, values); }

}  // namespace

Result<ImportSummary> CorpusImporter::import(const Corpus& corpus, const QString& annotator,
                                             const ProgressCallback& progress) {
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(kOp); !s) return s.error();
  auto fail = [&](const QString& message) { return m_c.fail(kOp, message); };
  auto sqlFail = [&](const Status& s) { return m_c.withFile(s.error()); };

  // Schema: a project without types takes the corpus schema as it is, guideline version included;
  // otherwise the corpus only adds the types the project lacks.
  SchemaStore schemaStore(m_c);
  Result<Schema> projectSchema = schemaStore.load();
  if (!projectSchema) return projectSchema.error();
  const Schema incoming = schemaWithUsedTypes(corpus);
  Result<int> saved = 0;
  if (projectSchema->isEmpty()) {
    saved = schemaStore.save(incoming, std::max(projectSchema->guidelineVersion, incoming.guidelineVersion));
  } else {
    Schema merged = *projectSchema;
    merged.mergeFrom(incoming);
    saved = schemaStore.save(merged);
  }
  if (!saved) return saved.error();
  const int guidelineVersion = *saved;
  Result<SchemaTypeIds> types = schemaStore.typeIds();
  if (!types) return types.error();

  QHash<QString, QVariant> annotatorIds;
  auto annotatorOf = [&](const Provenance& p) -> Result<QVariant> {
    const QString& name = p.annotator.isEmpty() ? annotator : p.annotator;
    auto it = annotatorIds.constFind(name);
    if (it != annotatorIds.cend()) return *it;
    Result<QVariant> id = m_c.annotatorId(name);
    if (id) annotatorIds.insert(name, *id);
    return id;
  };
  const qint64 now = sql::nowMs();
  const QString imported = originName(Origin::Imported);
  auto provenance = [&](const Provenance& p, QVariantList& values) -> Status {
    Result<QVariant> id = annotatorOf(p);
    if (!id) return id.error();
    values << *id << imported << (p.guidelineVersion > 0 ? p.guidelineVersion : guidelineVersion)
           << (p.created.isValid() ? p.created.toMSecsSinceEpoch() : now)
           << (p.updated.isValid() ? p.updated.toMSecsSinceEpoch() : now);
    return {};
  };

  QSet<QString> names;
  {
    QSqlQuery q = m_c.query();
    q.setForwardOnly(true);
    if (Status s = sql::run(q, QStringLiteral("SELECT name FROM documents"), {}, kOp); !s) return sqlFail(s);
    while (q.next()) names.insert(q.value(0).toString());
  }

  Statements st(m_c.db());
  const QString ret = m_c.dialect().returningId();
  const std::pair<QSqlQuery*, QString> prepared[] = {
      {&st.document,
       QStringLiteral("INSERT INTO documents (name, text, source_file, metadata, split, status, "
                      "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") +
           ret},
      {&st.span, QStringLiteral("INSERT INTO entity_spans (document_id, key, type_id, start_cp, end_cp, "
                                "attributes, ") +
                     kProvColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") + ret},
      {&st.fragment,
       QStringLiteral("INSERT INTO span_fragments (span_id, ordinal, start_cp, end_cp) VALUES (?, ?, ?, ?)")},
      {&st.relation,
       QStringLiteral("INSERT INTO relations (document_id, key, type_id, head_id, tail_id, attributes, ") +
           kProvColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")},
      {&st.answer,
       QStringLiteral("INSERT INTO qa_answers (document_id, field_id, question_id, no_answer, start_cp, "
                      "end_cp, attributes, ") +
           kProvColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")},
      {&st.label, QStringLiteral("INSERT INTO document_labels (document_id, category_id, ") + kProvColumns +
                      QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?)")},
  };
  for (const auto& [query, statement] : prepared)
    if (Status s = sql::prepare(*query, statement, kOp); !s) return sqlFail(s);

  ImportSummary summary;
  const int total = corpus.documents.size();
  const int step = std::max(1, total / 200);
  const QVariant nullInt{QMetaType(QMetaType::Int)};  // braces: Clang reads parentheses as a declaration
  for (int i = 0; i < total; ++i) {
    if (progress && i % step == 0 && !progress(i, total)) return fail(QStringLiteral("cancelled"));
    const Document& d = corpus.documents[i];
    const QString where = QStringLiteral("document '%1': ").arg(d.name);
    if (names.contains(d.name))
      return fail(QStringLiteral("a document named '%1' is already in the project").arg(d.name));
    names.insert(d.name);
    bindAll(st.document, {d.name, d.text, d.sourceFile, sql::toJsonText(d.metadata), splitName(d.split),
                          statusName(d.status), now, now});
    if (Status s = sql::exec(st.document, kOp + QLatin1Char(' ') + where); !s) return sqlFail(s);
    const qint64 docId = m_c.dialect().insertedId(st.document);
    const int length = TextOffsets::codePointLength(d.text);

    QHash<QString, qint64> spanIds;
    for (const EntitySpan& e : d.entities) {
      if (e.fragments.isEmpty())
        return fail(where + QStringLiteral("entity '%1' has no fragments").arg(e.key));
      for (const Fragment& f : e.fragments)
        if (f.start < 0 || f.end < f.start || f.end > length)
          return fail(where +
                      QStringLiteral("entity '%1' fragment %2-%3 lies outside the text (%4 code points)")
                          .arg(e.key)
                          .arg(f.start)
                          .arg(f.end)
                          .arg(length));
      if (!e.key.isEmpty() && spanIds.contains(e.key))
        return fail(where + QStringLiteral("entity key '%1' is used twice").arg(e.key));
      QVariantList values{docId,     e.key,   types->entity.value(e.type),
                          e.start(), e.end(), sql::toJsonText(e.attributes)};
      if (Status s = provenance(e.provenance, values); !s) return s.error();
      bindAll(st.span, values);
      if (Status s = sql::exec(st.span, kOp + QLatin1Char(' ') + where); !s) return sqlFail(s);
      const qint64 spanId = m_c.dialect().insertedId(st.span);
      if (!e.key.isEmpty()) spanIds.insert(e.key, spanId);
      if (e.isDiscontinuous())
        for (int k = 0; k < e.fragments.size(); ++k) {
          bindAll(st.fragment, {spanId, k, e.fragments[k].start, e.fragments[k].end});
          if (Status s = sql::exec(st.fragment, kOp + QLatin1Char(' ') + where); !s) return sqlFail(s);
        }
      ++summary.entities;
    }
    for (const Relation& r : d.relations) {
      const auto head = spanIds.constFind(r.head), tail = spanIds.constFind(r.tail);
      if (head == spanIds.cend() || tail == spanIds.cend())
        return fail(where + QStringLiteral("relation '%1' refers to unknown entity '%2'")
                                .arg(r.key, head == spanIds.cend() ? r.head : r.tail));
      QVariantList values{docId, r.key, types->relation.value(r.type),
                          *head, *tail, sql::toJsonText(r.attributes)};
      if (Status s = provenance(r.provenance, values); !s) return s.error();
      bindAll(st.relation, values);
      if (Status s = sql::exec(st.relation, kOp + QLatin1Char(' ') + where); !s) return sqlFail(s);
      ++summary.relations;
    }
    for (const QaAnswer& a : d.answers) {
      if (!a.noAnswer && (a.start < 0 || a.end < a.start || a.end > length))
        return fail(where + QStringLiteral("answer %1-%2 for '%3' lies outside the text (%4 code points)")
                                .arg(a.start)
                                .arg(a.end)
                                .arg(a.field)
                                .arg(length));
      QVariantList values{docId,
                          types->qaField.value(a.field),
                          a.questionId,
                          a.noAnswer,
                          a.noAnswer ? nullInt : QVariant(a.start),
                          a.noAnswer ? nullInt : QVariant(a.end),
                          sql::toJsonText(a.attributes)};
      if (Status s = provenance(a.provenance, values); !s) return s.error();
      bindAll(st.answer, values);
      if (Status s = sql::exec(st.answer, kOp + QLatin1Char(' ') + where); !s) return sqlFail(s);
      ++summary.answers;
    }
    QSet<QString> categories;
    for (const DocumentLabel& l : d.labels) {
      if (categories.contains(l.category))
        return fail(where + QStringLiteral("category '%1' is given twice").arg(l.category));
      categories.insert(l.category);
      QVariantList values{docId, types->category.value(l.category)};
      if (Status s = provenance(l.provenance, values); !s) return s.error();
      bindAll(st.label, values);
      if (Status s = sql::exec(st.label, kOp + QLatin1Char(' ') + where); !s) return sqlFail(s);
      ++summary.labels;
    }
    ++summary.documents;
  }
  if (progress && !progress(total, total)) return fail(QStringLiteral("cancelled"));
  if (Status s = tx.commit(kOp); !s) return s.error();
  log::get("store")->info("imported {} documents, {} entities, {} relations, {} answers, {} labels",
                          summary.documents, summary.entities, summary.relations, summary.answers,
                          summary.labels);
  return summary;
}

}  // namespace quarry
