#include "AppTranslations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace quarry::ui {

QStringList AppTranslations::install(const QLocale& locale) {
  static QPointer<QTranslator> installed[2];
  for (QPointer<QTranslator>& t : installed) {
    if (!t) continue;
    QCoreApplication::removeTranslator(t);
    delete t;
  }
  QStringList loaded;
  const QString qtFolder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
  const QPair<QString, QString> sources[2] = {{QStringLiteral("quarry"), QStringLiteral(":/i18n")},
                                              {QStringLiteral("qtbase"), qtFolder}};
  for (int i = 0; i < 2; ++i) {
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, sources[i].first, QStringLiteral("_"), sources[i].second)) {
      QCoreApplication::installTranslator(translator);
      installed[i] = translator;
      loaded << QFileInfo(translator->filePath()).completeBaseName();
    } else {
      delete translator;
    }
  }
  return loaded;
}

}  // namespace quarry::ui
