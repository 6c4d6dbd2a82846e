# `cmake --install`: the sosei binary, the bundled plugins, the SDK headers and the CMake package
# (find_package(Sosei CONFIG) + sosei_add_plugin) so departments build plugins out of tree.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Where the installed sosei looks for its plugins (host/plugin_registry: <exe>/../lib/sosei/plugins).
set(SOSEI_PLUGIN_INSTALL_DIR lib/sosei/plugins)

file(STRINGS ${PROJECT_SOURCE_DIR}/core/include/sosei/sdk.h api_line REGEX "^#define SOSEI_API_VERSION [0-9]+u")
string(REGEX REPLACE "^#define SOSEI_API_VERSION ([0-9]+)u.*" "\\1" SOSEI_API_VERSION_NUMBER "${api_line}")

install(TARGETS sosei RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/sosei DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
set_target_properties(sosei_sdk PROPERTIES EXPORT_NAME sdk)
install(TARGETS sosei_sdk EXPORT SoseiTargets)
install(EXPORT SoseiTargets NAMESPACE Sosei:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Sosei)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/SoseiConfig.cmake.in
  ${PROJECT_BINARY_DIR}/SoseiConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Sosei
  PATH_VARS CMAKE_INSTALL_BINDIR SOSEI_PLUGIN_INSTALL_DIR)
# The SDK is compatible within a major version of sosei; the plugin API version is checked at load.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/SoseiConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/SoseiConfig.cmake ${PROJECT_BINARY_DIR}/SoseiConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/SoseiPlugin.cmake DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Sosei)
install(FILES ${PROJECT_SOURCE_DIR}/docs/plugin-guide.md ${PROJECT_SOURCE_DIR}/docs/plugin-guide.ja.md
  ${PROJECT_SOURCE_DIR}/docs/plugin-abi.md ${PROJECT_SOURCE_DIR}/docs/operations.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR} OPTIONAL)
foreach(plugin ${SOSEI_BUILTIN_PLUGINS})
  if(TARGET sosei_plugin_${plugin})  # a plugin switched off is not installed
    install(TARGETS sosei_plugin_${plugin} LIBRARY DESTINATION ${SOSEI_PLUGIN_INSTALL_DIR})
  endif()
endforeach()
