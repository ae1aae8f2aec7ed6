# Each engine target exposes only its own include folder: quarry_include_root(quarry_eval eval PUBLIC)
# makes "${build}/include-roots/eval/eval" a link to core/eval and puts "${build}/include-roots/eval" on
# the target's include path. A target therefore sees "eval/..." and the folders of the targets it links,
# nothing else: an include that runs the wrong way (core/eval including "train/...") fails to compile.
function(quarry_include_root target folder scope)
  set(root "${CMAKE_BINARY_DIR}/include-roots/${folder}")
  file(MAKE_DIRECTORY "${root}")
  if(NOT EXISTS "${root}/${folder}")
    file(CREATE_LINK "${PROJECT_SOURCE_DIR}/core/${folder}" "${root}/${folder}" SYMBOLIC)
  endif()
  target_include_directories(${target} ${scope} "${root}")
endfunction()
