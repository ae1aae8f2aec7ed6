#include "formats/ConllFormat.h"

#include <algorithm>
#include <utility>

#include <QFileInfo>
#include <QHash>
#include <QJsonObject>

#include "corpus/TextOffsets.h"
#include "formats/CorpusValidator.h"
#include "formats/ImportProblems.h"
#include "formats/TagScheme.h"
#include "formats/TextFile.h"

namespace quarry {
namespace {

struct Sentence {
  QStringList tokens;
  QStringList tags;
  QVector<int> lines;        // 1-based line of each token
  int blankLinesBefore = 0;  // blank lines between this sentence and the line before it
  QString groupId;           // ConllGrouping::Column: the id of its first token
};

struct Block {
  QString docstart;  // the raw -DOCSTART- line; empty for sentences before any
  QVector<Sentence> sentences;
  long line = 0;  // 1-based line of the -DOCSTART- line; 0 without one

  // The line the block's document starts at: its -DOCSTART- line, else its first token's.
  long firstLine() const {
    return line > 0 ? line : sentences.isEmpty() ? 0 : long(sentences.front().lines.front());
  }
};

bool isSpace(QChar c) { return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r'); }

// Token offsets (code points) of one line of text: runs of non-space characters.
struct LineTokens {
  QVector<int> starts, ends;
};

QVector<LineTokens> tokenize(const QString& text) {
  QVector<LineTokens> lines(1);
  int cp = 0;
  int tokenStart = -1;
  for (int i = 0; i <= text.size(); ++i) {
    const bool atEnd = i == text.size();
    const QChar c = atEnd ? QChar() : text.at(i);
    const bool boundary = atEnd || isSpace(c) || c == QLatin1Char('\n');
    if (boundary && tokenStart >= 0) {
      lines.back().starts << tokenStart;
      lines.back().ends << cp;
      tokenStart = -1;
    }
    if (atEnd) break;
    if (c == QLatin1Char('\n'))
      lines.push_back({});
    else if (!boundary && tokenStart < 0)
      tokenStart = cp;
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) ++i;
    ++cp;
  }
  return lines;
}

// The document id of a token line under ConllGrouping::Column; checks the sentence agrees on it.
Status readGroupId(const QString& path, long lineNo, const QStringList& cols, int column,
                   const ImportOptions& options, ImportReport& report, Sentence& current) {
  if (cols.size() < column + 1)
    return lineError(path, lineNo,
                     QStringLiteral("no column %1 (the document id) before the tag column").arg(column),
                     QStringLiteral("conllGroupBy"));
  const QString id = cols[column - 1].trimmed();
  if (current.tokens.isEmpty()) {
    current.groupId = id;
  } else if (id != current.groupId) {
    const QString message = QStringLiteral("document id '%1' differs from '%2' of the sentence's first token")
                                .arg(id, current.groupId);
    if (options.policy == ProblemPolicy::Reject) return lineError(path, lineNo, message);
    report.warnings << QStringLiteral("%1:%2: %3 (the sentence stays in '%4')")
                           .arg(path)
                           .arg(lineNo)
                           .arg(message, current.groupId);
  }
  return {};
}

Result<QVector<Block>> parseLines(const QString& path, const QString& text, const ImportOptions& options,
                                  const ConllGrouping& grouping, ImportReport& report, QString* separator) {
  QVector<Block> blocks(1);
  Sentence current;
  int blankRun = 0;
  auto endSentence = [&]() {
    if (!current.tokens.isEmpty()) blocks.back().sentences.push_back(current);
    current = Sentence();
  };
  const bool byColumn = grouping.mode == ConllGrouping::Mode::Column;
  int extraColumns = 0;
  bool sawTab = false, sawSpace = false;
  const TextLines lines = splitLines(text);
  for (int n = 0; n < lines.lines.size(); ++n) {
    if (!reportProgress(options.progress, n, lines.lines.size()))
      return Error("import cancelled", path.toStdString());
    const QString& line = lines.lines[n];
    const long lineNo = n + 1;
    if (line.trimmed().isEmpty()) {
      endSentence();
      ++blankRun;
      continue;
    }
    const int blanks = std::exchange(blankRun, 0);
    if (line.startsWith(QLatin1String("-DOCSTART-"))) {
      endSentence();
      if (blocks.size() == 1 && blocks.back().sentences.isEmpty() && blocks.back().docstart.isEmpty()) {
        blocks.back().docstart = line;
        blocks.back().line = lineNo;
      } else {
        blocks.push_back(Block{line, {}, lineNo});
      }
      continue;
    }
    QStringList cols;
    if (line.contains(QLatin1Char('\t'))) {
      cols = line.split(QLatin1Char('\t'));
      sawTab = true;
    } else {
      cols = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
      sawSpace = true;
    }
    if (cols.size() < 2)
      return lineError(path, lineNo,
                       QStringLiteral("expected a token and a tag separated by a tab or a space"));
    const QString token = cols.first();
    const QString tag = cols.last().trimmed();
    if (token.isEmpty() || token.contains(QLatin1Char(' ')))
      return lineError(path, lineNo, QStringLiteral("the token '%1' is empty or holds a space").arg(token));
    if (byColumn) {
      if (Status s = readGroupId(path, lineNo, cols, grouping.column, options, report, current); !s)
        return s.error();
    }
    if (cols.size() > (byColumn ? 3 : 2)) ++extraColumns;
    if (current.tokens.isEmpty()) current.blankLinesBefore = blanks;
    current.tokens << token;
    current.tags << tag;
    current.lines << int(lineNo);
  }
  endSentence();
  if (extraColumns > 0)
    report.warnings << QStringLiteral(
                           "%1: %2 lines have more than two columns; only the first (token) and the "
                           "last (tag) are kept")
                           .arg(path)
                           .arg(extraColumns);
  *separator = (sawSpace && !sawTab) ? QStringLiteral(" ") : QStringLiteral("\t");
  return blocks;
}

Result<TagScheme> chooseScheme(const QString& asked, const QVector<Block>& blocks) {
  TagScheme scheme = TagScheme::Iob2;
  if (!asked.isEmpty()) {
    if (!parseTagScheme(asked, &scheme))
      return Error(QStringLiteral("unknown tag scheme '%1' (iob1, iob2, bioes)").arg(asked).toStdString(), {},
                   0, "tagScheme");
    return scheme;
  }
  QVector<QStringList> all;
  for (const Block& b : blocks)
    for (const Sentence& s : b.sentences) all << s.tags;
  return detectTagScheme(all);
}

}  // namespace

Result<ConllGrouping> ConllGrouping::parse(const QString& text) {
  const QString t = text.trimmed().toLower();
  ConllGrouping g;
  if (t.isEmpty() || t == QLatin1String("auto")) return g;
  if (t == QLatin1String("sentence"))
    g.mode = Mode::Sentence;
  else if (t == QLatin1String("docstart"))
    g.mode = Mode::DocStart;
  else if (t == QLatin1String("blank"))
    g.mode = Mode::BlankLines;
  else if (t.startsWith(QLatin1String("column:"))) {
    bool ok = false;
    g.mode = Mode::Column;
    g.column = t.mid(7).toInt(&ok);
    if (!ok || g.column < 2)
      return Error(QStringLiteral("'%1': the id column is a number from 2 up (column 1 holds the tokens)")
                       .arg(text)
                       .toStdString(),
                   {}, 0, "conllGroupBy");
  } else {
    return Error(QStringLiteral("'%1' is not a grouping (sentence, docstart, blank or column:N)")
                     .arg(text)
                     .toStdString(),
                 {}, 0, "conllGroupBy");
  }
  return g;
}

QString ConllGrouping::toString() const {
  switch (mode) {
    case Mode::Auto:
      return {};
    case Mode::Sentence:
      return QStringLiteral("sentence");
    case Mode::DocStart:
      return QStringLiteral("docstart");
    case Mode::BlankLines:
      return QStringLiteral("blank");
    case Mode::Column:
      return QStringLiteral("column:%1").arg(column);
  }
  return {};
}

QString ConllFormat::description() const {
  return QStringLiteral(
      "CoNLL token-per-line NER (token, tag in IOB1/IOB2/BIOES; blank line between sentences)");
}

QStringList ConllFormat::extensions() const {
  return {QStringLiteral("conll"), QStringLiteral("iob"), QStringLiteral("bio"), QStringLiteral("tsv")};
}

Result<Corpus> ConllFormat::read(const QString& path, const ImportOptions& options,
                                 ImportReport& report) const {
  ImportReport local;
  ImportProblems utf8(options, local);
  Result<QString> text = readUtf8File(path, &utf8);
  if (!text) return text.error();
  Result<ConllGrouping> grouping = ConllGrouping::parse(options.conllGroupBy);
  if (!grouping) return grouping.error();
  const ConllGrouping::Mode mode = grouping->mode;
  QString separator;
  Result<QVector<Block>> parsed =
      parseLines(path, text.value(), options, grouping.value(), local, &separator);
  if (!parsed) return parsed.error();
  QVector<Block>& blocks = parsed.value();
  Result<TagScheme> scheme = chooseScheme(options.tagScheme, blocks);
  if (!scheme) return scheme.error();

  const bool hasDocstart = !blocks.front().docstart.isEmpty() || blocks.size() > 1;
  // Whether each -DOCSTART- block, and a sentence after a run of blank lines, starts a document.
  const bool blockStarts = mode == ConllGrouping::Mode::DocStart || mode == ConllGrouping::Mode::BlankLines ||
                           (mode == ConllGrouping::Mode::Auto && hasDocstart);
  const bool eachSentence =
      mode == ConllGrouping::Mode::Sentence || (mode == ConllGrouping::Mode::Auto && !hasDocstart);
  const QFileInfo info(path);
  Split split = Split::Unassigned;
  parseSplit(info.completeBaseName(), &split);
  QJsonObject conll{{QStringLiteral("scheme"), tagSchemeName(scheme.value())}};
  if (separator != QLatin1String("\t")) conll.insert(QStringLiteral("separator"), separator);

  Corpus corpus;
  QHash<QString, int> documentOfId;
  auto newDocument = [&](const QString& docstart, const QString& id, long line) {
    Document d;
    d.name = QStringLiteral("%1-%2").arg(info.completeBaseName(),
                                         id.isEmpty() ? QString::number(corpus.documents.size() + 1) : id);
    d.sourceFile = path;
    d.sourceLine = line;
    d.split = split;
    QJsonObject meta = conll;
    if (!docstart.isEmpty() && mode != ConllGrouping::Mode::Sentence)
      meta.insert(QStringLiteral("docstart"), docstart);
    if (!id.isEmpty()) meta.insert(QStringLiteral("id"), id);
    d.metadata.insert(QStringLiteral("conll"), meta);
    corpus.documents.push_back(d);
    return int(corpus.documents.size()) - 1;
  };
  int current = -1;
  bool blankRunSplit = false;
  for (const Block& block : blocks) {
    if (blockStarts) {
      if (block.docstart.isEmpty() && block.sentences.isEmpty()) continue;
      current = newDocument(block.docstart, {}, block.firstLine());
    }
    for (int k = 0; k < block.sentences.size(); ++k) {
      const Sentence& sentence = block.sentences[k];
      if (eachSentence) {
        current = newDocument({}, {}, sentence.lines.front());
      } else if (mode == ConllGrouping::Mode::Column) {
        auto found = documentOfId.constFind(sentence.groupId);
        current = found != documentOfId.cend() ? found.value()
                                               : newDocument({}, sentence.groupId, sentence.lines.front());
        documentOfId.insert(sentence.groupId, current);
      } else if (mode == ConllGrouping::Mode::BlankLines && k > 0 && sentence.blankLinesBefore >= 2) {
        current = newDocument({}, {}, sentence.lines.front());
        blankRunSplit = true;
      }
      Document& d = corpus.documents[current];
      if (!d.text.isEmpty()) d.text += QLatin1Char('\n');
      int offset = TextOffsets::codePointLength(d.text);
      QVector<int> starts, ends;
      for (int t = 0; t < sentence.tokens.size(); ++t) {
        if (t > 0) {
          d.text += QLatin1Char(' ');
          ++offset;
        }
        starts << offset;
        offset += TextOffsets::codePointLength(sentence.tokens[t]);
        ends << offset;
        d.text += sentence.tokens[t];
      }
      QVector<TagProblem> problems;
      int bad = -1;
      const QVector<TokenSpan> spans = decodeTags(sentence.tags, scheme.value(), &problems, &bad);
      if (bad >= 0)
        return lineError(path, sentence.lines[bad],
                         QStringLiteral("'%1' is not a %2 tag")
                             .arg(sentence.tags[bad], tagSchemeName(scheme.value()).toUpper()));
      for (const TagProblem& p : problems) {
        if (options.policy == ProblemPolicy::Reject)
          return lineError(path, sentence.lines[p.token], p.message);
        local.warnings << QStringLiteral("%1:%2: %3 (%4)")
                              .arg(path)
                              .arg(sentence.lines[p.token])
                              .arg(p.message, p.repair);
      }
      for (const TokenSpan& s : spans) {
        EntitySpan e;
        e.key = QStringLiteral("T%1").arg(d.entities.size() + 1);
        e.type = s.type;
        e.fragments = {Fragment{starts[s.first], ends[s.end - 1]}};
        e.sourceLine = sentence.lines[s.first];
        d.entities.push_back(e);
      }
    }
  }
  if (mode == ConllGrouping::Mode::DocStart && !hasDocstart)
    local.warnings << QStringLiteral("%1: no -DOCSTART- line: the whole file is one document").arg(path);
  if (mode == ConllGrouping::Mode::BlankLines && !hasDocstart && !blankRunSplit)
    local.warnings
        << QStringLiteral("%1: no run of two or more blank lines: the whole file is one document").arg(path);
  if (Status s = validateCorpus(corpus, options, local, path); !s) return s.error();
  report.warnings << local.warnings;
  report.documents = local.documents;
  return corpus;
}

Status ConllFormat::write(const Corpus& corpus, const QString& path, const ExportOptions& options) const {
  Result<QVector<const Document*>> selected = documentsToExport(corpus, options);
  if (!selected) return selected.error();
  const QVector<const Document*>& docs = selected.value();
  const QJsonObject firstMeta =
      docs.isEmpty() ? QJsonObject() : docs.front()->metadata.value(QStringLiteral("conll")).toObject();
  TagScheme scheme = TagScheme::Iob2;
  const QString asked =
      options.tagScheme.isEmpty() ? firstMeta.value(QStringLiteral("scheme")).toString() : options.tagScheme;
  if (!asked.isEmpty() && !parseTagScheme(asked, &scheme))
    return Error(QStringLiteral("unknown tag scheme '%1' (iob1, iob2, bioes)").arg(asked).toStdString(), {},
                 0, "tagScheme");
  QString separator = firstMeta.value(QStringLiteral("separator")).toString();
  if (separator.isEmpty()) separator = QStringLiteral("\t");

  bool docstarts = false;
  for (const Document* d : docs)
    if (d->metadata.value(QStringLiteral("conll")).toObject().contains(QStringLiteral("docstart")) ||
        d->text.trimmed().contains(QLatin1Char('\n')))
      docstarts = true;

  QString out;
  for (int k = 0; k < docs.size(); ++k) {
    const Document& d = *docs[k];
    if (!reportProgress(options.progress, k, docs.size()))
      return Error("export cancelled", path.toStdString());
    const QVector<LineTokens> lines = tokenize(d.text);
    const TextOffsets offsets(d.text);
    auto fail = [&](const EntitySpan& e, const QString& why) {
      return Error(QStringLiteral("document '%1': entity %2 (%3, %4-%5 '%6') %7")
                       .arg(d.name, e.key, e.type)
                       .arg(e.start())
                       .arg(e.end())
                       .arg(offsets.slice(d.text, e.start(), e.end()), why)
                       .toStdString(),
                   path.toStdString());
    };
    QVector<QVector<TokenSpan>> spans(lines.size());
    QVector<const EntitySpan*> sorted;
    for (const EntitySpan& e : d.entities) sorted << &e;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const EntitySpan* a, const EntitySpan* b) { return a->start() < b->start(); });
    for (int i = 0; i < sorted.size(); ++i) {
      const EntitySpan& e = *sorted[i];
      if (e.isDiscontinuous()) return fail(e, QStringLiteral("is discontinuous; CoNLL cannot hold it"));
      if (e.type.contains(QLatin1Char(' ')) || e.type.contains(QLatin1Char('\t')))
        return fail(e, QStringLiteral("has a type with a space; CoNLL tags cannot hold it"));
      if (i > 0 && e.start() < sorted[i - 1]->end())
        return fail(e, QStringLiteral("overlaps entity %1; CoNLL cannot hold nested or overlapping entities")
                           .arg(sorted[i - 1]->key));
      bool placed = false;
      for (int l = 0; l < lines.size() && !placed; ++l) {
        const int first = int(lines[l].starts.indexOf(e.start()));
        if (first < 0) continue;
        const int last = int(lines[l].ends.indexOf(e.end()));
        if (last < first) break;
        spans[l].push_back(TokenSpan{first, last + 1, e.type});
        placed = true;
      }
      if (!placed)
        return fail(e, QStringLiteral("does not start and end on token boundaries within one line"));
    }
    if (docstarts) {
      QString line =
          d.metadata.value(QStringLiteral("conll")).toObject().value(QStringLiteral("docstart")).toString();
      if (line.isEmpty()) line = QStringLiteral("-DOCSTART-") + separator + QStringLiteral("O");
      out += line + QStringLiteral("\n\n");
    }
    for (int l = 0; l < lines.size(); ++l) {
      const LineTokens& lt = lines[l];
      if (lt.starts.isEmpty()) continue;
      const QStringList tags = encodeTags(spans[l], int(lt.starts.size()), scheme);
      for (int t = 0; t < lt.starts.size(); ++t)
        out += offsets.slice(d.text, lt.starts[t], lt.ends[t]) + separator + tags[t] + QLatin1Char('\n');
      out += QLatin1Char('\n');
    }
  }
  return writeUtf8File(path, out);
}

}  // namespace quarry
