#include "formats/PubTatorFormat.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

#include "corpus/TextOffsets.h"
#include "formats/CorpusValidator.h"
#include "formats/ImportProblems.h"
#include "formats/TextFile.h"

namespace quarry {
namespace {

const QString kConcept = QStringLiteral("concept_id");
const QString kExtra = QStringLiteral("extra_columns");
const QString kHeadConcept = QStringLiteral("head_concept");
const QString kTailConcept = QStringLiteral("tail_concept");
const QString kUnlinked = QStringLiteral("unlinked_relations");

struct MentionLine {
  long line = 0;
  int start = 0;
  int end = 0;
  QString text;
  QString type;
  QStringList rest;  // concept id(s) and extra columns
};

struct RelationLine {
  long line = 0;
  QStringList columns;  // type, head concept, tail concept, extras
};

// One document block while it is being read.
struct Block {
  QString pmid;
  long firstLine = 0;
  QString title;
  QString abstract;
  bool hasTitle = false;
  bool hasAbstract = false;
  QVector<MentionLine> mentions;
  QVector<RelationLine> relations;
};

bool conceptMatches(const QString& conceptColumn, const QString& concept) {
  if (conceptColumn == concept) return true;
  const QStringList parts = conceptColumn.split(QLatin1Char('|'));
  return parts.contains(concept);
}

class Reader {
 public:
  Reader(const QString& file, const ImportOptions& options, ImportReport& report)
      : m_file(file), m_problems(options, report) {}

  // Turns a finished block into a Document; false with error() set when the import must stop.
  bool finish(Block& b, Corpus& corpus) {
    Document d;
    d.name = b.pmid;
    d.sourceFile = m_file;
    d.sourceLine = b.firstLine;
    d.text = b.title + QLatin1Char('\n') + b.abstract;
    const QString flat = b.title + QLatin1Char(' ') + b.abstract;  // what PubTator offsets count
    const TextOffsets offsets(flat);
    int ordinal = 0;
    for (const MentionLine& m : b.mentions) {
      ++ordinal;
      int start = m.start, end = m.end;
      const QString found = offsets.slice(flat, start, end);
      const bool inside = start >= 0 && end > start && end <= offsets.codePointCount();
      if (!inside || found != m.text) {
        const QString what =
            inside ? QStringLiteral("mention '%1' does not match the text at %2-%3 ('%4')")
                         .arg(m.text)
                         .arg(m.start)
                         .arg(m.end)
                         .arg(found)
                   : QStringLiteral("mention '%1' has offsets %2-%3 outside the text of %4 code points")
                         .arg(m.text)
                         .arg(m.start)
                         .arg(m.end)
                         .arg(offsets.codePointCount());
        const int at = ImportProblems::nearestOccurrence(
            flat, m.text, qMax(0, offsets.toUtf16(qMax(0, qMin(start, offsets.codePointCount())))));
        if (!m_problems.raise(
                m_file, m.line, what,
                at < 0 ? QStringLiteral("dropped") : QStringLiteral("moved to the nearest occurrence")))
          return false;
        if (at < 0) continue;
        start = offsets.toCodePoint(at);
        end = start + TextOffsets::codePointLength(m.text);
      }
      EntitySpan e;
      e.key = QStringLiteral("T%1").arg(ordinal);
      e.type = m.type;
      e.sourceLine = m.line;
      e.fragments = {Fragment{start, end}};
      if (!m.rest.isEmpty()) e.attributes[kConcept] = m.rest.front();
      if (m.rest.size() > 1) e.attributes[kExtra] = QJsonArray::fromStringList(m.rest.mid(1));
      d.entities.push_back(e);
    }
    QJsonArray unlinked;
    int relationNo = 0;
    for (const RelationLine& r : b.relations) {
      auto firstMention = [&](const QString& concept) -> QString {
        for (const EntitySpan& e : d.entities)
          if (conceptMatches(e.attributes.value(kConcept).toString(), concept)) return e.key;
        return {};
      };
      const QString head = firstMention(r.columns[1]), tail = firstMention(r.columns[2]);
      if (head.isEmpty() || tail.isEmpty()) {
        unlinked.append(QJsonArray::fromStringList(r.columns));
        continue;
      }
      Relation rel;
      rel.key = QStringLiteral("R%1").arg(++relationNo);
      rel.type = r.columns[0];
      rel.sourceLine = r.line;
      rel.head = head;
      rel.tail = tail;
      rel.attributes[kHeadConcept] = r.columns[1];
      rel.attributes[kTailConcept] = r.columns[2];
      if (r.columns.size() > 3) rel.attributes[kExtra] = QJsonArray::fromStringList(r.columns.mid(3));
      d.relations.push_back(rel);
    }
    if (!unlinked.isEmpty()) d.metadata[kUnlinked] = unlinked;
    corpus.documents.push_back(d);
    b = Block{};
    return true;
  }

  Result<Corpus> read(const QByteArray& bytes, const ProgressCallback& progress) {
    Corpus corpus;
    Block b;
    Result<QString> decoded = decodeUtf8(bytes, m_file, &m_problems);
    if (!decoded) return decoded.error();
    const QString& all = decoded.value();
    long lineNo = 0;
    qsizetype pos = 0;
    while (pos <= all.size()) {
      qsizetype nl = all.indexOf(QLatin1Char('\n'), pos);
      if (nl < 0) nl = all.size();
      QString line = all.mid(pos, nl - pos);
      pos = nl + 1;
      ++lineNo;
      if (line.endsWith(QLatin1Char('\r'))) line.chop(1);
      if (line.isEmpty()) {
        if (!b.pmid.isEmpty() && !finish(b, corpus)) return m_problems.error();
        if (progress && !progress(pos, all.size())) return Error("import cancelled", m_file.toStdString());
        continue;
      }
      const int bar = int(line.indexOf(QLatin1Char('|')));
      const int tab = int(line.indexOf(QLatin1Char('\t')));
      if (bar > 0 && (tab < 0 || bar < tab) && line.size() >= bar + 3 &&
          line.at(bar + 2) == QLatin1Char('|') &&
          (line.at(bar + 1) == QLatin1Char('t') || line.at(bar + 1) == QLatin1Char('a'))) {
        const QString pmid = line.left(bar);
        const bool isTitle = line.at(bar + 1) == QLatin1Char('t');
        // A new title (or a new PMID) without a blank line before it starts the next document.
        if (!b.pmid.isEmpty() && (pmid != b.pmid || (isTitle && b.hasTitle)) && !finish(b, corpus))
          return m_problems.error();
        if (b.pmid.isEmpty()) {
          b.pmid = pmid;
          b.firstLine = lineNo;
        }
        const QString content = line.mid(bar + 3);
        if (isTitle) {
          b.title = content;
          b.hasTitle = true;
        } else {
          if (b.hasAbstract)
            return ImportProblems::lineError(m_file, lineNo,
                                             QStringLiteral("second abstract line for PMID %1").arg(pmid));
          b.abstract = content;
          b.hasAbstract = true;
        }
        continue;
      }
      if (tab <= 0)
        return ImportProblems::lineError(
            m_file, lineNo,
            QStringLiteral("not a PubTator line (expected PMID|t|, PMID|a| or tab-separated columns)"));
      const QStringList cols = line.split(QLatin1Char('\t'));
      if (b.pmid.isEmpty())
        return ImportProblems::lineError(
            m_file, lineNo, QStringLiteral("annotation line before the title line of its document"));
      if (cols[0] != b.pmid)
        return ImportProblems::lineError(
            m_file, lineNo,
            QStringLiteral("PMID %1 inside the block of PMID %2 (missing blank line?)").arg(cols[0], b.pmid));
      bool startOk = false, endOk = false;
      const int start = cols.size() > 2 ? cols[1].toInt(&startOk) : 0;
      const int end = cols.size() > 2 ? cols[2].toInt(&endOk) : 0;
      if (startOk && endOk) {
        if (cols.size() < 5)
          return ImportProblems::lineError(
              m_file, lineNo,
              QStringLiteral("mention line needs at least 5 columns (PMID, start, end, text, type), found %1")
                  .arg(cols.size()));
        b.mentions.push_back(MentionLine{lineNo, start, end, cols[3], cols[4], cols.mid(5)});
      } else if (startOk != endOk) {
        return ImportProblems::lineError(
            m_file, lineNo,
            QStringLiteral("mention offsets must be whole numbers ('%1', '%2')").arg(cols[1], cols.value(2)));
      } else {
        if (cols.size() < 4)
          return ImportProblems::lineError(
              m_file, lineNo,
              QStringLiteral("relation line needs 4 columns (PMID, type, concept, concept), found %1")
                  .arg(cols.size()));
        b.relations.push_back(RelationLine{lineNo, cols.mid(1)});
      }
    }
    if (!b.pmid.isEmpty() && !finish(b, corpus)) return m_problems.error();
    return corpus;
  }

 private:
  QString m_file;
  ImportProblems m_problems;
};

QString column(QString s) {
  s.replace(QLatin1Char('\t'), QLatin1Char(' '));
  s.replace(QLatin1Char('\n'), QLatin1Char(' '));
  return s;
}

Error writeError(const QString& path, const QString& what) {
  return Error(what.toStdString(), path.toStdString());
}

}  // namespace

QString PubTatorFormat::description() const {
  return QCoreApplication::translate(
      "quarry::Format", "PubTator: titles, abstracts, mentions with concept ids, document-level relations");
}

Result<Corpus> PubTatorFormat::read(const QString& path, const ImportOptions& options,
                                    ImportReport& report) const {
  Result<QByteArray> bytes = readInputBytes(path);
  if (!bytes) return bytes.error();
  ImportReport local = report;
  Reader reader(path, options, local);
  Result<Corpus> corpus = reader.read(bytes.value(), options.progress);
  if (!corpus) return corpus.error();
  if (Status s = validateCorpus(*corpus, options, local, path); !s) return s.error();
  report = local;
  return corpus;
}

Status PubTatorFormat::write(const Corpus& corpus, const QString& path, const ExportOptions& options) const {
  QString out;
  qint64 done = 0;
  for (const Document& d : corpus.documents) {
    if (!options.split.isEmpty() && splitName(d.split) != options.split) continue;
    const QString pmid = d.name;
    if (pmid.isEmpty() || pmid.contains(QLatin1Char('|')) || pmid.contains(QLatin1Char('\t')) ||
        pmid.contains(QLatin1Char('\n')))
      return writeError(
          path, QStringLiteral("document name '%1' cannot be a PMID (no '|', tabs or newlines)").arg(pmid));
    const int nl = int(d.text.indexOf(QLatin1Char('\n')));
    const QString title = nl < 0 ? d.text : d.text.left(nl);
    QString abstract = nl < 0 ? QString() : d.text.mid(nl + 1);
    abstract.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QString flat = title + QLatin1Char(' ') + abstract;
    const TextOffsets offsets(flat);
    out += pmid + QStringLiteral("|t|") + title + QLatin1Char('\n');
    out += pmid + QStringLiteral("|a|") + abstract + QLatin1Char('\n');
    for (const EntitySpan& e : d.entities) {
      QStringList cols{pmid, QString::number(e.start()), QString::number(e.end()),
                       column(offsets.slice(flat, e.start(), e.end())), e.type};
      if (e.attributes.contains(kConcept)) cols << e.attributes.value(kConcept).toString();
      for (const QJsonValue& v : e.attributes.value(kExtra).toArray()) cols << v.toString();
      out += cols.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    for (const Relation& r : d.relations) {
      QString head = r.attributes.value(kHeadConcept).toString();
      QString tail = r.attributes.value(kTailConcept).toString();
      const EntitySpan* h = d.entity(r.head);
      const EntitySpan* t = d.entity(r.tail);
      if (head.isEmpty() && h) head = h->attributes.value(kConcept).toString();
      if (tail.isEmpty() && t) tail = t->attributes.value(kConcept).toString();
      if (head.isEmpty() || tail.isEmpty())
        return writeError(path, QStringLiteral("document %1: relation %2 links entities without a "
                                               "concept_id; PubTator relations need concept ids")
                                    .arg(d.name, r.key));
      QStringList cols{pmid, r.type, head, tail};
      for (const QJsonValue& v : r.attributes.value(kExtra).toArray()) cols << v.toString();
      out += cols.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    for (const QJsonValue& v : d.metadata.value(kUnlinked).toArray()) {
      QStringList cols{pmid};
      for (const QJsonValue& c : v.toArray()) cols << c.toString();
      out += cols.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    out += QLatin1Char('\n');
    if (options.progress && !options.progress(++done, corpus.documents.size()))
      return writeError(path, QStringLiteral("export cancelled"));
  }
  return writeUtf8File(path, out);
}

}  // namespace quarry
