#include "AnnotatorSettings.h"
#include "store/ProjectLocation.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>

namespace quarry::ui {
namespace {

const QString kGlobal = QStringLiteral("annotator");

QString projectKey(const QString& projectPath) {
  const QByteArray hash =
      QCryptographicHash::hash(ProjectLocation::identity(projectPath).toUtf8(), QCryptographicHash::Sha1);
  return QStringLiteral("projectAnnotator/") + QString::fromLatin1(hash.toHex().left(16));
}

}  // namespace

QString AnnotatorSettings::global() { return QSettings().value(kGlobal).toString().trimmed(); }

void AnnotatorSettings::setGlobal(const QString& name) { QSettings().setValue(kGlobal, name.trimmed()); }

QString AnnotatorSettings::forProject(const QString& projectPath) {
  if (projectPath.isEmpty()) return {};
  return QSettings().value(projectKey(projectPath)).toString().trimmed();
}

void AnnotatorSettings::setForProject(const QString& projectPath, const QString& name) {
  if (projectPath.isEmpty()) return;
  QSettings settings;
  if (name.trimmed().isEmpty())
    settings.remove(projectKey(projectPath));
  else
    settings.setValue(projectKey(projectPath), name.trimmed());
}

QString AnnotatorSettings::effective(const QString& projectPath) {
  QString name = forProject(projectPath);
  if (name.isEmpty()) name = global();
  return name.isEmpty() ? loginName() : name;
}

QString AnnotatorSettings::loginName() {
  const QString name = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")).trimmed();
  return name.isEmpty() ? QStringLiteral("annotator") : name;
}

}  // namespace quarry::ui
