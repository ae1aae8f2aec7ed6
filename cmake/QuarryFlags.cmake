# One INTERFACE target carries the language level, warnings and defines every Quarry target uses.
add_library(quarry_build_flags INTERFACE)
add_library(Quarry::BuildFlags ALIAS quarry_build_flags)
target_compile_features(quarry_build_flags INTERFACE cxx_std_17)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(quarry_build_flags INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic>)
# QT_NO_KEYWORDS: Qt's `slots` macro breaks LibTorch headers; write Q_SIGNALS / Q_SLOTS / Q_EMIT.
target_compile_definitions(quarry_build_flags INTERFACE
  QT_NO_KEYWORDS
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_CAST_FROM_BYTEARRAY
  QT_STRICT_ITERATORS
  QT_USE_QSTRINGBUILDER
  QT_NO_FOREACH
  QUARRY_VERSION="${PROJECT_VERSION}")

# Engine targets: LibTorch's own headers are noisy under -Wpedantic; keep our warnings, silence theirs
# by treating them as system headers (find_package(Torch) already marks them SYSTEM where it can).
