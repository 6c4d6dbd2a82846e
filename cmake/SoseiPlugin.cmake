# sosei_add_plugin(NAME SOURCES file... [OUTPUT_DIR dir])
# Builds an indicator plugin as a loadable module against the SDK only: hidden visibility (only
# sosei_plugin_entry is exported), no link to the core. Used in-tree and by out-of-tree plugins.
function(sosei_add_plugin name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIR" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "sosei_add_plugin(${name}): SOURCES is required")
  endif()
  set(target sosei_plugin_${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE Sosei::sdk ${ARG_LIBRARIES})
  if(NOT ARG_OUTPUT_DIR)
    if(DEFINED SOSEI_PLUGIN_OUTPUT_DIR)
      set(ARG_OUTPUT_DIR ${SOSEI_PLUGIN_OUTPUT_DIR})
    else()
      set(ARG_OUTPUT_DIR ${CMAKE_CURRENT_BINARY_DIR})
    endif()
  endif()
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${name}
    LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIR}
    CXX_VISIBILITY_PRESET hidden
    C_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  # Refuse undefined symbols at link time: a plugin may only use the SDK and its own libraries.
  if(NOT SOSEI_SANITIZE)
    target_link_options(${target} PRIVATE -Wl,--no-undefined)
  endif()
endfunction()

# sosei_add_plugin_test(NAME SOURCES test.cpp... [LIBRARIES lib...] [TARGET target])
# The unit tests of the plugin NAME (declared with sosei_add_plugin before): an executable (TARGET,
# default NAME_test) of the test sources and the plugin's own sources, linked to the SDK and
# GoogleTest only. The tests run the plugin on sosei/testing.hpp's FakeHost through
# sosei_plugin_entry(); no core is linked. Needs GTest (find_package(GTest)).
function(sosei_add_plugin_test name)
  cmake_parse_arguments(ARG "" "TARGET" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "sosei_add_plugin_test(${name}): SOURCES is required")
  endif()
  if(NOT ARG_TARGET)
    set(ARG_TARGET ${name}_test)
  endif()
  set(plugin sosei_plugin_${name})
  get_target_property(plugin_sources ${plugin} SOURCES)
  get_target_property(plugin_dir ${plugin} SOURCE_DIR)
  get_target_property(plugin_libraries ${plugin} LINK_LIBRARIES)
  set(sources)
  foreach(source ${plugin_sources})
    if(NOT IS_ABSOLUTE "${source}")
      set(source ${plugin_dir}/${source})
    endif()
    list(APPEND sources ${source})
  endforeach()
  add_executable(${ARG_TARGET} ${ARG_SOURCES} ${sources})
  target_include_directories(${ARG_TARGET} PRIVATE ${plugin_dir})
  target_link_libraries(${ARG_TARGET} PRIVATE ${plugin_libraries} ${ARG_LIBRARIES} GTest::gtest GTest::gtest_main)
  include(GoogleTest)
  gtest_discover_tests(${ARG_TARGET} DISCOVERY_MODE PRE_TEST)
endfunction()
