# cmake -DPROGRAM=<quarry or quarry-cli> -DOUTPUT=<page.1> -DGZIP=<gzip> -P WriteManPage.cmake
# Runs `PROGRAM --man` in the C locale (the page is English whatever the builder's language) and writes
# the page and its gzip -9n copy (no name or time inside: the same sources give the same bytes).
set(ENV{LC_ALL} C.UTF-8)
set(ENV{LANGUAGE} "")
get_filename_component(dir ${OUTPUT} DIRECTORY)
file(MAKE_DIRECTORY ${dir})
execute_process(COMMAND ${PROGRAM} --man OUTPUT_FILE ${OUTPUT} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} --man failed (${rc}): ${err}")
endif()
execute_process(COMMAND ${GZIP} -9nc ${OUTPUT} OUTPUT_FILE ${OUTPUT}.gz RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip ${OUTPUT} failed (${rc})")
endif()
