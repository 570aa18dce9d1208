// Compiled with the include roots of kronobarn_domain, this must fail: the domain sees only itself
// and common/ (tests/CMakeLists.txt, test fence.domain_cannot_include_app).
#include "app/plans.hpp"
