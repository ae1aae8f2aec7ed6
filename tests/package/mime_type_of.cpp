// mime_type_of FILE: prints the MIME type that Qt's QMimeDatabase (shared-mime-info, as file managers read
// it) gives FILE, by name and content, then " < " and its direct parents: test_debian_package points
// XDG_DATA_DIRS at a database built from the package's XML.
#include <cstdio>

#include <QCoreApplication>
#include <QMimeDatabase>

int main(int argc, char* argv[]) {
  QCoreApplication app(argc, argv);
  if (argc != 2) {
    std::fprintf(stderr, "usage: mime_type_of FILE\n");
    return 2;
  }
  const QMimeType type = QMimeDatabase().mimeTypeForFile(QString::fromLocal8Bit(argv[1]));
  QString line = type.name();
  if (!type.parentMimeTypes().isEmpty()) line += QLatin1String(" < ") + type.parentMimeTypes().join(u' ');
  std::printf("%s\n", line.toLocal8Bit().constData());
  return type.isValid() ? 0 : 1;
}
