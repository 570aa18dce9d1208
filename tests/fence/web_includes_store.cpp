// Compiled with the include roots of kronobarn_web, this must fail: the web layer reaches storage
// only through app's use cases (tests/CMakeLists.txt, test fence.web_cannot_include_store).
#include "store/store.hpp"
