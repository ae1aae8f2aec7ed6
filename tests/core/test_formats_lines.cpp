#include <QtTest>
class Stub : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(Stub)
#include "test_formats_lines.moc"
