# kronobarn_include_root(<target> <folder under src/>)
#
# Gives <target> an include root of its own in the build tree in which only src/<folder> exists,
# reachable as "<folder>/…". A library then sees the headers of itself and of the libraries it
# links, never the whole of src/: the layer rule of docs/architecture.md is a compile error, not a
# convention (tests/fence/ proves it for web → store).
function(kronobarn_include_root target folder)
    set(root "${CMAKE_BINARY_DIR}/include_roots/${target}")
    get_filename_component(parent "${root}/${folder}" DIRECTORY)
    file(MAKE_DIRECTORY "${parent}")
    file(CREATE_LINK "${CMAKE_SOURCE_DIR}/src/${folder}" "${root}/${folder}" SYMBOLIC)
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "INTERFACE_LIBRARY")
        target_include_directories(${target} INTERFACE "${root}")
    else()
        target_include_directories(${target} PUBLIC "${root}")
    endif()
endfunction()
