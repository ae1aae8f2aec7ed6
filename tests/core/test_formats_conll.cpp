// CoNLL format and the IOB1/IOB2/BIOES tag schemes, on tiny hand-made files.

#include <QTemporaryDir>
#include <QtTest>

#include "FormatTestUtil.h"
#include "corpus/TextOffsets.h"
#include "formats/ConllFormat.h"
#include "formats/TagScheme.h"

using namespace quarry;
using namespace quarry::test;

namespace {

QStringList tags(const char* s) { return QString::fromUtf8(s).split(QLatin1Char(' '), Qt::SkipEmptyParts); }

QString spansText(const QVector<TokenSpan>& spans) {
  QStringList out;
  for (const TokenSpan& s : spans) out << QStringLiteral("%1-%2:%3").arg(s.first).arg(s.end).arg(s.type);
  return out.join(QLatin1Char(' '));
}

QString decode(const char* t, TagScheme scheme, QStringList* problems = nullptr) {
  QVector<TagProblem> p;
  int bad = -1;
  const QString out = spansText(decodeTags(tags(t), scheme, &p, &bad));
  if (problems)
    for (const TagProblem& x : p) *problems << QStringLiteral("%1 %2").arg(x.token).arg(x.message);
  return bad >= 0 ? QStringLiteral("bad %1").arg(bad) : out;
}

}  // namespace

class TestFormatsConll : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  ConllFormat m_format;

  QString file(const QString& name, const QByteArray& content) {
    return writeFile(m_dir.filePath(name), content);
  }

 private Q_SLOTS:
  // A NUL (or any control character) inside a tag's type is refused naming the line; a repair drops it.
  void controlCharacterInATypeRefused() {
    const QString path = file(QStringLiteral("nul.conll"), QByteArray("aspirin\tB-DR\0UG\nhelps\tO\n\n", 25));
    ImportReport report;
    Result<Corpus> c = m_format.read(path, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().line, 1L);
    QVERIFY2(QString::fromStdString(c.error().message).contains(QLatin1String("DR\\u0000UG")),
             c.error().toString().c_str());
    ImportOptions repair;
    repair.policy = ProblemPolicy::Repair;
    c = m_format.read(path, repair, report);
    QVERIFY(c.ok());
    QVERIFY(c->documents.front().entities.isEmpty());
  }

  void decodeIob2() {
    QStringList problems;
    QCOMPARE(decode("B-X I-X O B-Y B-Y I-Y", TagScheme::Iob2, &problems),
             QStringLiteral("0-2:X 3-4:Y 4-6:Y"));
    QVERIFY(problems.isEmpty());
    QCOMPARE(decode("O I-Disease I-Disease", TagScheme::Iob2, &problems), QStringLiteral("1-3:Disease"));
    QCOMPARE(problems, QStringList{QStringLiteral("1 I-Disease follows O")});
    problems.clear();
    QCOMPARE(decode("B-X I-Y", TagScheme::Iob2, &problems), QStringLiteral("0-1:X 1-2:Y"));
    QCOMPARE(problems, QStringList{QStringLiteral("1 I-Y follows B-X")});
    problems.clear();
    decode("I-X", TagScheme::Iob2, &problems);
    QCOMPARE(problems, QStringList{QStringLiteral("0 I-X starts the sentence")});
    QCOMPARE(decode("O S-X", TagScheme::Iob2), QStringLiteral("bad 1"));
    QCOMPARE(decode("O Disease", TagScheme::Iob2), QStringLiteral("bad 1"));
  }

  void decodeIob1() {
    QStringList problems;
    QCOMPARE(decode("I-X I-X B-X O I-Y I-X", TagScheme::Iob1, &problems),
             QStringLiteral("0-2:X 2-3:X 4-5:Y 5-6:X"));
    QVERIFY(problems.isEmpty());
  }

  void decodeBioes() {
    QStringList problems;
    QCOMPARE(decode("S-X B-Y I-Y E-Y O S-X", TagScheme::Bioes, &problems),
             QStringLiteral("0-1:X 1-4:Y 5-6:X"));
    QVERIFY(problems.isEmpty());
    QCOMPARE(decode("O E-X", TagScheme::Bioes, &problems), QStringLiteral("1-2:X"));
    QCOMPARE(problems, QStringList{QStringLiteral("1 E-X follows O")});
    problems.clear();
    QCOMPARE(decode("B-X O", TagScheme::Bioes, &problems), QStringLiteral("0-1:X"));
    QCOMPARE(problems, QStringList{QStringLiteral("1 B-X is not closed by E-X before O")});
    problems.clear();
    QCOMPARE(decode("B-X I-X", TagScheme::Bioes, &problems), QStringLiteral("0-2:X"));
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems[0].contains(QStringLiteral("at the end of the sentence")));
  }

  void detect() {
    QCOMPARE(detectTagScheme({tags("B-X I-X O"), tags("O B-Y")}), TagScheme::Iob2);
    QCOMPARE(detectTagScheme({tags("B-X I-X O"), tags("O I-Y")}), TagScheme::Iob1);
    QCOMPARE(detectTagScheme({tags("B-X I-X O"), tags("O S-Y")}), TagScheme::Bioes);
    QCOMPARE(detectTagScheme({tags("B-X E-X")}), TagScheme::Bioes);
    QCOMPARE(detectTagScheme({tags("B-X I-Y")}), TagScheme::Iob1);  // I-Y starts an entity
  }

  void encodeEachScheme() {
    const QVector<TokenSpan> spans{
        {0, 2, QStringLiteral("X")}, {2, 3, QStringLiteral("X")}, {4, 7, QStringLiteral("Y")}};
    QCOMPARE(encodeTags(spans, 8, TagScheme::Iob2), tags("B-X I-X B-X O B-Y I-Y I-Y O"));
    QCOMPARE(encodeTags(spans, 8, TagScheme::Iob1), tags("I-X I-X B-X O I-Y I-Y I-Y O"));
    QCOMPARE(encodeTags(spans, 8, TagScheme::Bioes), tags("B-X E-X S-X O B-Y I-Y E-Y O"));
    for (TagScheme s : {TagScheme::Iob1, TagScheme::Iob2, TagScheme::Bioes}) {
      QVector<TagProblem> problems;
      int bad = -1;
      QCOMPARE(decodeTags(encodeTags(spans, 8, s), s, &problems, &bad), spans);
      QVERIFY(problems.isEmpty());
    }
  }

  void readsUnicodeOffsetsInCodePoints() {
    // "😀" is 2 UTF-16 units but 1 code point; "é" written as e + U+0301 is 2 code points.
    const QString path =
        file(QStringLiteral("uni.conll"),
             "\xF0\x9F\x98\x80\tO\ncafe\xCC\x81\tB-Place\nnoir\tI-Place\n.\tO\n\nx\tB-Y\n\n");
    ImportReport report;
    Result<Corpus> c = m_format.read(path, {}, report);
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QCOMPARE(c->documents.size(), 2);
    const Document& d = c->documents[0];
    QCOMPARE(d.name, QStringLiteral("uni-1"));
    QCOMPARE(d.text, QString::fromUtf8("\xF0\x9F\x98\x80 cafe\xCC\x81 noir ."));
    QCOMPARE(d.entities.size(), 1);
    QCOMPARE(d.entities[0].type, QStringLiteral("Place"));
    QCOMPARE(d.entities[0].start(), 2);  // after "😀 " = 2 code points (3 UTF-16 units)
    QCOMPARE(d.entities[0].end(), 12);   // "cafe\u0301 noir" = 10 code points
    QCOMPARE(TextOffsets(d.text).slice(d.text, 2, 12), QString::fromUtf8("cafe\xCC\x81 noir"));
    QCOMPARE(d.metadata.value(QStringLiteral("conll")).toObject().value(QStringLiteral("scheme")).toString(),
             QStringLiteral("iob2"));
    QCOMPARE(report.documents, 2);
    // Round trip: same bytes, same corpus.
    const QString out = m_dir.filePath(QStringLiteral("out/uni.conll"));
    QVERIFY(m_format.write(c.value(), out, {}).ok());
    QCOMPARE(readBytes(out), readBytes(path));
    ImportReport r2;
    Result<Corpus> again = m_format.read(out, {}, r2);
    QVERIFY(again.ok());
    QString why;
    QVERIFY2(again->sameContent(c.value(), &why), qPrintable(why));
  }

  void docstartBlocksRoundTrip() {
    const QByteArray content =
        "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n"
        "-DOCSTART- -X- -X- O\n\nBlackburn NNP B-NP B-PER\n\n";
    const QString path = file(QStringLiteral("train.txt"), content);
    ImportReport report;
    Result<Corpus> c = m_format.read(path, {}, report);
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QCOMPARE(c->documents.size(), 2);
    QCOMPARE(c->documents[0].text, QStringLiteral("EU rejects\nPeter"));
    QCOMPARE(c->documents[0].split, Split::Train);  // from the file name
    QCOMPARE(c->documents[0].entities.size(), 2);
    QCOMPARE(c->documents[0].entities[1].start(), 11);
    QCOMPARE(report.warnings.size(), 1);  // middle columns dropped
    const QString out = m_dir.filePath(QStringLiteral("out/train.txt"));
    QVERIFY(m_format.write(c.value(), out, {}).ok());
    QCOMPARE(readBytes(out), QByteArray("-DOCSTART- -X- -X- O\n\nEU B-ORG\nrejects O\n\nPeter B-PER\n\n"
                                        "-DOCSTART- -X- -X- O\n\nBlackburn B-PER\n\n"));
    Result<Corpus> again = m_format.read(out, {}, report);
    QVERIFY(again.ok());
    QString why;
    QVERIFY2(again->sameContent(c.value(), &why), qPrintable(why));
  }

  void groupsSentencesIntoDocuments() {
    // Three sentences; two blank lines after the second; a -DOCSTART- before the first.
    const QString path = file(QStringLiteral("grouped.tsv"),
                              "-DOCSTART-\tO\n\nAPC2\tB-Gene\n,\tO\na\tO\n\nWnt\tB-Gene\n\n\n"
                              "Type\tB-Disease\n2\tI-Disease\n\n");
    auto read = [&](const QString& groupBy, ImportReport* report = nullptr) {
      ImportOptions o;
      o.conllGroupBy = groupBy;
      ImportReport local;
      return m_format.read(path, o, report ? *report : local);
    };
    // Default and docstart: the one -DOCSTART- block holds every sentence.
    for (const QString& g : {QString(), QStringLiteral("docstart")}) {
      Result<Corpus> c = read(g);
      QVERIFY2(c.ok(), qPrintable(failText(c)));
      QCOMPARE(c->documents.size(), 1);
      QCOMPARE(c->documents[0].text, QStringLiteral("APC2 , a\nWnt\nType 2"));
      QCOMPARE(c->documents[0].entities.size(), 3);
      QCOMPARE(c->documents[0].entities[2].start(), 13);
    }
    Result<Corpus> sentences = read(QStringLiteral("sentence"));
    QVERIFY2(sentences.ok(), qPrintable(failText(sentences)));
    QCOMPARE(sentences->documents.size(), 3);
    QCOMPARE(sentences->documents[2].name, QStringLiteral("grouped-3"));
    QVERIFY(!sentences->documents[0]
                 .metadata.value(QStringLiteral("conll"))
                 .toObject()
                 .contains(QStringLiteral("docstart")));
    Result<Corpus> blank = read(QStringLiteral("blank"));
    QVERIFY2(blank.ok(), qPrintable(failText(blank)));
    QCOMPARE(blank->documents.size(), 2);
    QCOMPARE(blank->documents[0].text, QStringLiteral("APC2 , a\nWnt"));
    QCOMPARE(blank->documents[1].text, QStringLiteral("Type 2"));
    QCOMPARE(blank->documents[1].entities.size(), 1);
    QCOMPARE(blank->documents[1].entities[0].start(), 0);

    // Without -DOCSTART-, grouping by it makes one document and says so.
    const QString plain = file(QStringLiteral("plain.tsv"), "a\tO\n\nb\tB-X\n\n");
    ImportOptions o;
    o.conllGroupBy = QStringLiteral("docstart");
    ImportReport report;
    Result<Corpus> one = m_format.read(plain, o, report);
    QVERIFY2(one.ok(), qPrintable(failText(one)));
    QCOMPARE(one->documents.size(), 1);
    QCOMPARE(one->documents[0].text, QStringLiteral("a\nb"));
    QCOMPARE(report.warnings.size(), 1);
    QVERIFY(report.warnings[0].contains(QLatin1String("one document")));
    // The exported file keeps the grouping: -DOCSTART- blocks that read back as the same documents.
    const QString out = m_dir.filePath(QStringLiteral("out/blank.tsv"));
    QVERIFY(m_format.write(blank.value(), out, {}).ok());
    Result<Corpus> again = m_format.read(out, {}, report);
    QVERIFY(again.ok());
    QCOMPARE(again->documents.size(), 2);
    QCOMPARE(again->documents[0].text, blank->documents[0].text);
  }

  void groupsByIdColumn() {
    const QString path = file(QStringLiteral("ids.tsv"),
                              "APC2\tpm1\tB-Gene\n,\tpm1\tO\n\nWnt\tpm2\tB-Gene\n\nType\tpm1\tB-Disease\n\n");
    ImportOptions o;
    o.conllGroupBy = QStringLiteral("column:2");
    ImportReport report;
    Result<Corpus> c = m_format.read(path, o, report);
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QVERIFY2(report.warnings.isEmpty(), qPrintable(report.warnings.join(QLatin1Char('\n'))));
    QCOMPARE(c->documents.size(), 2);
    QCOMPARE(c->documents[0].name, QStringLiteral("ids-pm1"));
    QCOMPARE(c->documents[0].text, QStringLiteral("APC2 ,\nType"));
    QCOMPARE(c->documents[0].entities.size(), 2);
    QCOMPARE(c->documents[1].name, QStringLiteral("ids-pm2"));
    QCOMPARE(c->documents[1]
                 .metadata.value(QStringLiteral("conll"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             QStringLiteral("pm2"));

    // An id that changes inside a sentence: refused naming the line, or kept with the first id.
    const QString mixed = file(QStringLiteral("mixed.tsv"), "a\tpm1\tO\nb\tpm2\tB-X\n\n");
    report = {};
    Result<Corpus> refused = m_format.read(mixed, o, report);
    QVERIFY(!refused.ok());
    QVERIFY2(errorText(refused.error()).contains(QLatin1String("mixed.tsv:2")),
             qPrintable(errorText(refused.error())));
    o.policy = ProblemPolicy::Repair;
    Result<Corpus> repaired = m_format.read(mixed, o, report);
    QVERIFY(repaired.ok());
    QCOMPARE(repaired->documents.size(), 1);
    QCOMPARE(report.warnings.size(), 1);

    // The id column must lie between the token and the tag.
    o.conllGroupBy = QStringLiteral("column:3");
    Result<Corpus> tagColumn = m_format.read(path, o, report);
    QVERIFY(!tagColumn.ok());
    QVERIFY(errorText(tagColumn.error()).contains(QLatin1String("no column 3")));
    for (const char* bad : {"column:1", "column:x", "paragraph"}) {
      o.conllGroupBy = QString::fromLatin1(bad);
      Result<Corpus> r = m_format.read(path, o, report);
      QVERIFY2(!r.ok(), bad);
      QVERIFY(errorText(r.error()).contains(QLatin1String("conllGroupBy")));
    }
    QCOMPARE(ConllGrouping::parse(QStringLiteral("column:4"))->toString(), QStringLiteral("column:4"));
  }

  void brokenSequenceRejectNamesLine() {
    const QString path = file(QStringLiteral("broken.tsv"), "a\tO\nb\tB-Disease\n\nc\tO\nd\tI-Disease\n\n");
    ImportReport report;
    ImportOptions options;
    options.tagScheme = QStringLiteral("iob2");
    Result<Corpus> c = m_format.read(path, options, report);
    QVERIFY(!c.ok());
    QCOMPARE(errorText(c.error()), path + QStringLiteral(":5: I-Disease follows O"));
    options.policy = ProblemPolicy::Repair;
    c = m_format.read(path, options, report);
    QVERIFY(c.ok());
    QCOMPARE(c->documents[1].entities.size(), 1);
    QCOMPARE(c->documents[1].entities[0].start(), 2);
    QCOMPARE(report.warnings.size(), 1);
    QVERIFY(report.warnings[0].startsWith(path + QStringLiteral(":5: I-Disease follows O")));
  }

  void detectedIob1IsNotAProblem() {
    const QString path = file(QStringLiteral("iob1.tsv"), "a\tO\nb\tI-X\nc\tI-X\nd\tB-X\n\n");
    ImportReport report;
    Result<Corpus> c = m_format.read(path, {}, report);
    QVERIFY(c.ok());
    QCOMPARE(c->documents[0].entities.size(), 2);
    const QString out = m_dir.filePath(QStringLiteral("out/iob1.tsv"));
    QVERIFY(m_format.write(c.value(), out, {}).ok());
    QCOMPARE(readBytes(out), readBytes(path));
    ExportOptions bioes;
    bioes.tagScheme = QStringLiteral("bioes");
    QVERIFY(m_format.write(c.value(), out, bioes).ok());
    QCOMPARE(readBytes(out), QByteArray("a\tO\nb\tB-X\nc\tE-X\nd\tS-X\n\n"));
  }

  void malformedLines() {
    ImportReport report;
    const QString noTag = file(QStringLiteral("notag.tsv"), "a\tO\nlonely\n");
    Result<Corpus> c = m_format.read(noTag, {}, report);
    QVERIFY(!c.ok());
    QVERIFY2(errorText(c.error()).startsWith(noTag + QStringLiteral(":2: ")),
             qPrintable(errorText(c.error())));
    const QString badTag = file(QStringLiteral("badtag.tsv"), "a\tO\n\nb\tDisease\n");
    c = m_format.read(badTag, {}, report);
    QVERIFY(!c.ok());
    QVERIFY2(errorText(c.error()).startsWith(badTag + QStringLiteral(":3: 'Disease'")),
             qPrintable(errorText(c.error())));
    const QString badUtf8 = file(QStringLiteral("bad8.tsv"), "a\tO\nb\xFF\tO\n");
    c = m_format.read(badUtf8, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(errorText(c.error()), badUtf8 + QStringLiteral(":2: invalid UTF-8 at byte offset 5"));
    ImportOptions unknown;
    unknown.tagScheme = QStringLiteral("bilou");
    c = m_format.read(noTag, unknown, report);
    QVERIFY(!c.ok());
  }

  void spaceSeparatedKeepsSeparator() {
    const QString path = file(QStringLiteral("spaces.conll"), "a O\nb S-X\n\n");
    ImportReport report;
    Result<Corpus> c = m_format.read(path, {}, report);
    QVERIFY(c.ok());
    const QString out = m_dir.filePath(QStringLiteral("out/spaces.conll"));
    QVERIFY(m_format.write(c.value(), out, {}).ok());
    QCOMPARE(readBytes(out), readBytes(path));
  }

  void exportRefusesWhatCoNllCannotHold() {
    Corpus c;
    Document d;
    d.name = QStringLiteral("doc1");
    d.text = QStringLiteral("Aspirin causes headaches");
    EntitySpan e;
    e.key = QStringLiteral("T1");
    e.type = QStringLiteral("Drug");
    e.fragments = {Fragment{0, 4}};  // "Aspi": not a token boundary
    d.entities << e;
    c.documents << d;
    const QString out = m_dir.filePath(QStringLiteral("refused.conll"));
    Status s = m_format.write(c, out, {});
    QVERIFY(!s.ok());
    QVERIFY2(errorText(s.error()).contains(QStringLiteral("document 'doc1': entity T1 (Drug, 0-4 'Aspi')")),
             qPrintable(errorText(s.error())));
    QVERIFY(!QFileInfo::exists(out));
    // Overlapping entities.
    c.documents[0].entities[0].fragments = {Fragment{0, 14}};
    EntitySpan inner = e;
    inner.key = QStringLiteral("T2");
    inner.fragments = {Fragment{8, 14}};
    c.documents[0].entities << inner;
    s = m_format.write(c, out, {});
    QVERIFY(!s.ok());
    QVERIFY(errorText(s.error()).contains(QStringLiteral("overlaps entity T1")));
    // Discontinuous.
    c.documents[0].entities.removeLast();
    c.documents[0].entities[0].fragments = {Fragment{0, 7}, Fragment{15, 24}};
    s = m_format.write(c, out, {});
    QVERIFY(!s.ok());
    QVERIFY(errorText(s.error()).contains(QStringLiteral("discontinuous")));
    // A multi-sentence document from elsewhere gets a -DOCSTART- so that it stays one document.
    c.documents[0].text = QStringLiteral("Aspirin  helps.\nReally");
    c.documents[0].entities[0].fragments = {Fragment{0, 7}};
    QVERIFY(m_format.write(c, out, {}).ok());
    QCOMPARE(readBytes(out), QByteArray("-DOCSTART-\tO\n\nAspirin\tB-Drug\nhelps.\tO\n\nReally\tO\n\n"));
  }
};

QTEST_GUILESS_MAIN(TestFormatsConll)
#include "test_formats_conll.moc"
