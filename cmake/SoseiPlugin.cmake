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
