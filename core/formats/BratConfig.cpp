#include "formats/BratConfig.h"

#include <functional>

#include <QRegularExpression>
#include <QSet>

#include "formats/TextFile.h"

namespace quarry {
namespace {

struct EntityNode {
  QString name;
  bool abstract = false;
  int depth = 0;
  QStringList children;
};

// Leading whitespace depth of a hierarchy line (a tab or any run of spaces counts as one level per char).
int indentOf(const QString& line) {
  int n = 0;
  while (n < line.size() && (line.at(n) == QLatin1Char('\t') || line.at(n) == QLatin1Char(' '))) ++n;
  return n;
}

}  // namespace

Result<Schema> BratConfig::read(const QString& path, QStringList* warnings, ImportProblems* problems) {
  Result<QString> text = readUtf8File(path, problems);
  if (!text) return text.error();
  return parse(*text, path, warnings);
}

Schema BratConfig::parse(const QString& text, const QString& file, QStringList* warnings) {
  Schema schema;
  auto warn = [&](long line, const QString& what) {
    if (warnings) *warnings << QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(what);
  };
  QString section;
  QVector<EntityNode> entities;
  QVector<int> stack;  // indices into `entities` of the open hierarchy levels
  QMap<QString, QStringList> macros;
  struct RelLine {
    long line;
    QString name;
    QString args;
  };
  QVector<RelLine> relationLines;
  QStringList events, attributes;
  const QStringList lines = text.split(QLatin1Char('\n'));
  for (int i = 0; i < lines.size(); ++i) {
    const long lineNo = i + 1;
    QString raw = lines[i];
    if (raw.endsWith(QLatin1Char('\r'))) raw.chop(1);
    const QString line = raw.trimmed();
    if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) continue;
    if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
      section = line.mid(1, line.size() - 2).trimmed().toLower();
      if (section != QLatin1String("entities") && section != QLatin1String("relations") &&
          section != QLatin1String("events") && section != QLatin1String("attributes"))
        warn(lineNo, QStringLiteral("section [%1] is not kept").arg(section));
      continue;
    }
    if (line.startsWith(QLatin1Char('<')) && line.contains(QLatin1Char('='))) {  // <MACRO>=A|B
      const int eq = int(line.indexOf(QLatin1Char('=')));
      macros[line.left(eq).trimmed()] =
          line.mid(eq + 1).trimmed().split(QLatin1Char('|'), Qt::SkipEmptyParts);
      continue;
    }
    if (section == QLatin1String("entities")) {
      if (QRegularExpression(QStringLiteral("^-+$")).match(line).hasMatch()) continue;  // separator
      EntityNode n;
      n.depth = indentOf(raw);
      n.name = line.section(QRegularExpression(QStringLiteral("\\s")), 0, 0);
      n.abstract = n.name.startsWith(QLatin1Char('!'));
      if (n.abstract) n.name = n.name.mid(1);
      while (!stack.isEmpty() && entities[stack.back()].depth >= n.depth) stack.pop_back();
      if (!stack.isEmpty()) {
        entities[stack.back()].children << n.name;
        if (entities[stack.back()].children.size() == 1 && stack.size() == 1)
          warn(lineNo,
               QStringLiteral("entity hierarchy under '%1' is flattened").arg(entities[stack.back()].name));
      }
      if (n.abstract)
        warn(lineNo, QStringLiteral("abstract entity type '%1' is not kept (its subtypes are)").arg(n.name));
      entities.push_back(n);
      stack.push_back(int(entities.size()) - 1);
    } else if (section == QLatin1String("relations")) {
      const int ws = int(line.indexOf(QRegularExpression(QStringLiteral("\\s"))));
      const QString name = ws < 0 ? line : line.left(ws);
      if (name == QLatin1String("ENTITY-NESTING") || name == QLatin1String("<OVERLAP>")) {
        warn(lineNo, QStringLiteral("overlap rule '%1' is not kept").arg(line.simplified()));
        continue;
      }
      relationLines.push_back(RelLine{lineNo, name.startsWith(QLatin1Char('!')) ? name.mid(1) : name,
                                      ws < 0 ? QString() : line.mid(ws + 1)});
    } else if (section == QLatin1String("events")) {
      events << line.section(QRegularExpression(QStringLiteral("\\s")), 0, 0);
    } else if (section == QLatin1String("attributes")) {
      attributes << line.section(QRegularExpression(QStringLiteral("\\s")), 0, 0);
    }
  }
  if (!events.isEmpty())
    warn(0,
         QStringLiteral("event types are not kept in the schema: %1").arg(events.join(QStringLiteral(", "))));
  if (!attributes.isEmpty())
    warn(0, QStringLiteral("attribute types are not kept in the schema (values stay on the annotations): %1")
                .arg(attributes.join(QStringLiteral(", "))));

  QSet<QString> seen;
  for (const EntityNode& n : entities)
    if (!n.abstract && !seen.contains(n.name)) {
      seen.insert(n.name);
      schema.entityTypes.push_back(EntityType{n.name, {}, {}, {}});
    }
  // A type name in an argument stands for itself and every type below it; macros expand first.
  std::function<QStringList(const QString&)> expand = [&](const QString& t) -> QStringList {
    if (macros.contains(t)) {
      QStringList out;
      for (const QString& m : macros.value(t)) out += expand(m);
      return out;
    }
    QStringList out;
    for (const EntityNode& n : entities)
      if (n.name == t) {
        if (!n.abstract) out << n.name;
        for (const QString& c : n.children) out += expand(c);
      }
    if (out.isEmpty() && !t.startsWith(QLatin1Char('<'))) out << t;
    return out;
  };
  for (const RelLine& r : relationLines) {
    RelationType t;
    t.name = r.name;
    bool any1 = false, any2 = false;
    for (const QString& part : r.args.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
      const QString p = part.trimmed();
      const int colon = int(p.indexOf(QLatin1Char(':')));
      const QString key = p.left(colon), value = p.mid(colon + 1);
      if (key == QLatin1String("<REL-TYPE>")) {
        if (value.contains(QLatin1String("symmetric"))) t.directed = false;
        continue;
      }
      QStringList types;
      bool any = false;
      for (const QString& v : value.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        if (v == QLatin1String("<ANY>") || v == QLatin1String("<ENTITY>"))
          any = true;
        else
          types += expand(v);
      }
      if (key == QLatin1String("Arg1")) {
        t.headTypes += types;
        any1 = any1 || any;
      } else if (key == QLatin1String("Arg2")) {
        t.tailTypes += types;
        any2 = any2 || any;
      } else
        warn(r.line, QStringLiteral("relation '%1': argument '%2' is not kept").arg(r.name, key));
    }
    if (any1) t.headTypes.clear();
    if (any2) t.tailTypes.clear();
    t.headTypes.removeDuplicates();
    t.tailTypes.removeDuplicates();
    for (const QString& a : t.headTypes + t.tailTypes)
      if (!schema.entityType(a)) schema.entityTypes.push_back(EntityType{a, {}, {}, {}});
    bool merged = false;
    for (RelationType& known : schema.relationTypes)
      if (known.name == t.name) {  // the same relation on several lines: the union of its arguments
        if (!known.headTypes.isEmpty()) known.headTypes += t.headTypes;
        if (!known.tailTypes.isEmpty()) known.tailTypes += t.tailTypes;
        known.headTypes.removeDuplicates();
        known.tailTypes.removeDuplicates();
        merged = true;
      }
    if (!merged) schema.relationTypes.push_back(t);
  }
  return schema;
}

QString BratConfig::toText(const Schema& schema, const QMap<QString, QStringList>& attributeValues) {
  QString out = QStringLiteral("# Written by Quarry\n\n[entities]\n\n");
  for (const EntityType& t : schema.entityTypes) out += t.name + QLatin1Char('\n');
  out += QStringLiteral("\n[relations]\n\n");
  auto args = [](const QStringList& types) {
    return types.isEmpty() ? QStringLiteral("<ANY>") : types.join(QLatin1Char('|'));
  };
  for (const RelationType& t : schema.relationTypes) {
    out += QStringLiteral("%1\tArg1:%2, Arg2:%3").arg(t.name, args(t.headTypes), args(t.tailTypes));
    if (!t.directed) out += QStringLiteral(", <REL-TYPE>:symmetric-transitive");
    out += QLatin1Char('\n');
  }
  out += QStringLiteral("\n[events]\n\n[attributes]\n\n");
  for (auto it = attributeValues.cbegin(); it != attributeValues.cend(); ++it) {
    out += it.key() + QStringLiteral("\tArg:<ANY>");
    if (!it.value().isEmpty()) out += QStringLiteral(", Value:") + it.value().join(QLatin1Char('|'));
    out += QLatin1Char('\n');
  }
  return out;
}

}  // namespace quarry
