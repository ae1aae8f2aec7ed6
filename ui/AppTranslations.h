#pragma once
// The program's translations: Quarry's own (compiled into quarry_ui under :/i18n) and Qt's (qtbase,
// from Qt's translations folder, so the buttons Qt draws, such as Cancel and Yes, speak the same
// language as the rest of the window).

#include <QLocale>
#include <QStringList>

namespace quarry::ui {

class AppTranslations {
 public:
  // Replaces the translators a previous call installed with those for `locale`; returns the files it
  // loaded ("quarry_de", "qtbase_de"). English loads quarry_en, which holds the singular plural forms.
  static QStringList install(const QLocale& locale);
};

}  // namespace quarry::ui
