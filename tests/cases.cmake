# Python case files (tests/cases/<area>/<name>.py) run through build/monty by run_cases,
# compared with the output CPython 3.13 recorded (tests/record_cases.py).
add_executable(run_cases ${CMAKE_CURRENT_SOURCE_DIR}/run_cases.c)
target_compile_options(run_cases PRIVATE ${MONTY_WARNINGS})
target_link_libraries(run_cases PRIVATE PkgConfig::CJSON)
set_target_properties(run_cases PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})

# The runner's own verdicts (PASS/FAIL/XFAIL/XPASS, markers) against a fake monty.
add_test(NAME run_cases_selftest
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/run_cases_selftest.sh $<TARGET_FILE:run_cases>)

# One CTest test per area (cases/<area>/), so that `ctest -j` runs them in parallel and its
# summary shows which areas fail; `build/run_cases` alone runs everything.
# In a sanitizer build, markers `# xfail: asan: ...` (failing only there) are strict.
set(MONTY_CASES_FLAGS "")
if(MONTY_SANITIZE)
  set(MONTY_CASES_FLAGS --sanitizer)
endif()
if(TARGET monty)
  file(GLOB case_areas LIST_DIRECTORIES true ${CMAKE_CURRENT_SOURCE_DIR}/cases/*)
  foreach(area_dir ${case_areas})
    if(IS_DIRECTORY ${area_dir})
      get_filename_component(area ${area_dir} NAME)
      add_test(NAME cases_${area}
               COMMAND run_cases --monty $<TARGET_FILE:monty>
                       --cases ${CMAKE_CURRENT_SOURCE_DIR}/cases -k "${area}/*"
                       ${MONTY_CASES_FLAGS})
      set_tests_properties(cases_${area} PROPERTIES TIMEOUT 900 LABELS cases)
    endif()
  endforeach()
endif()

# The recorded files must stay what CPython 3.13 prints; checked only where it is installed.
set(MONTY_CPYTHON313 /root/.pyenv/versions/3.13.0/bin/python3)
if(EXISTS ${MONTY_CPYTHON313})
  add_test(NAME cases_recorded
           COMMAND ${MONTY_CPYTHON313} ${CMAKE_CURRENT_SOURCE_DIR}/record_cases.py --verify)
  set_tests_properties(cases_recorded PROPERTIES TIMEOUT 900)
endif()
