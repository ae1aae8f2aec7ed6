# Sanitizer and fuzzing builds. Both apply to every target of the build, so that the code a test reaches
# is instrumented wherever it lives.
#   cmake -B build-asan -DQUARRY_SANITIZE=address,undefined          (GCC or Clang)
#   CXX=clang++ cmake -B build-fuzz -DQUARRY_FUZZ=ON                 (libFuzzer: Clang only)
set(QUARRY_SANITIZE "" CACHE STRING "Comma-separated -fsanitize= list for every target (e.g. address,undefined)")
option(QUARRY_FUZZ "Build the libFuzzer harnesses in tests/fuzz (needs Clang); implies address,undefined" OFF)

if(QUARRY_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "QUARRY_FUZZ needs Clang (libFuzzer): configure with CXX=clang++")
  endif()
  if(NOT QUARRY_SANITIZE)
    set(QUARRY_SANITIZE "address,undefined" CACHE STRING "" FORCE)
  endif()
  # Every library is built with coverage instrumentation; only the fuzz_* programs link libFuzzer's main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(QUARRY_SANITIZE)
  add_compile_options(-fsanitize=${QUARRY_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${QUARRY_SANITIZE})
  # LibTorch and Qt are not instrumented: container-overflow annotations from our own std::vector code
  # crossing into theirs give false reports, and leaks at exit belong to their static singletons.
  set(QUARRY_SANITIZER_TEST_ENV
      "ASAN_OPTIONS=detect_leaks=0:detect_container_overflow=0:abort_on_error=1:allocator_may_return_null=1"
      "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
  message(STATUS "Quarry: sanitizers ${QUARRY_SANITIZE}")
endif()
