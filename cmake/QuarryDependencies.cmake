# Every dependency comes from Debian packages (scripts/install-deps.sh installs them), except LibTorch
# on a GPU node, which CMAKE_PREFIX_PATH points at.
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)
find_package(Torch REQUIRED)
find_package(spdlog REQUIRED)
find_package(nlohmann_json 3.9 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
# core/text reads .txt.gz corpora (TextCorpusReader).
find_package(ZLIB REQUIRED)
# Only core/text/shim links libsentencepiece (its bundled protobuf clashes with LibTorch's: see
# core/text/shim/SentencePieceShim.h); without it Quarry builds and refuses SentencePiece models.
pkg_check_modules(SENTENCEPIECE IMPORTED_TARGET sentencepiece)

# Torch's config adds its flags to a global variable; wrap it in one imported target instead.
add_library(quarry_torch INTERFACE)
target_link_libraries(quarry_torch INTERFACE ${TORCH_LIBRARIES})
target_include_directories(quarry_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
if(TORCH_CXX_FLAGS)
  separate_arguments(_quarry_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
  target_compile_options(quarry_torch INTERFACE ${_quarry_torch_flags})
endif()
# ATen's at::parallel_for is a header template whose `#pragma omp parallel` compiles into the caller:
# without OpenMP flags every parallel_for of the engine's own kernels (GEMM blocks, attention's heads,
# dropout, AdamW, the CRF) silently ran on one thread. LibTorch's own OpenMP runtime (libgomp) is the
# one linked.
find_package(OpenMP COMPONENTS CXX)
if(OpenMP_CXX_FOUND)
  target_link_libraries(quarry_torch INTERFACE OpenMP::OpenMP_CXX)
endif()

if(NOT QUARRY_ENGINE_ONLY)
  set(CMAKE_AUTOMOC ON)
  find_package(Qt6 6.4 REQUIRED COMPONENTS Core Sql Widgets Charts Svg Test LinguistTools)
  find_package(QuaZip-Qt6 REQUIRED)
endif()
