# Every dependency comes from Debian packages (scripts/install-deps.sh installs them), except LibTorch
# on a GPU node, which CMAKE_PREFIX_PATH points at.
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)
find_package(Torch REQUIRED)
find_package(spdlog REQUIRED)
find_package(nlohmann_json 3.9 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(SENTENCEPIECE IMPORTED_TARGET sentencepiece)
# Debian's libsentencepiece exports its own copy of protobuf-lite (3.14); LibTorch loads libprotobuf
# (3.21). In one process whichever loads first serves both: with sentencepiece first, libprotobuf's
# static initialisers crash before main(). Targets that bring LibTorch and the tokenizers together link
# this target FIRST, so libprotobuf loads first: the program starts and WordPiece/BPE tokenizers work,
# but a SentencePiece tokenizer then aborts (version check) in such a program. Programs without LibTorch
# are unaffected.
add_library(quarry_protobuf_first INTERFACE)
find_library(QUARRY_PROTOBUF_LIBRARY NAMES protobuf)
if(QUARRY_PROTOBUF_LIBRARY AND SENTENCEPIECE_FOUND)
  target_link_libraries(quarry_protobuf_first INTERFACE "-Wl,--no-as-needed" ${QUARRY_PROTOBUF_LIBRARY} "-Wl,--as-needed")
endif()

# Torch's config adds its flags to a global variable; wrap it in one imported target instead.
add_library(quarry_torch INTERFACE)
target_link_libraries(quarry_torch INTERFACE ${TORCH_LIBRARIES})
target_include_directories(quarry_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
if(TORCH_CXX_FLAGS)
  separate_arguments(_quarry_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
  target_compile_options(quarry_torch INTERFACE ${_quarry_torch_flags})
endif()

if(NOT QUARRY_ENGINE_ONLY)
  set(CMAKE_AUTOMOC ON)
  find_package(Qt6 6.4 REQUIRED COMPONENTS Core Sql Widgets Charts Svg Test LinguistTools)
  find_package(QuaZip-Qt6 REQUIRED)
endif()
