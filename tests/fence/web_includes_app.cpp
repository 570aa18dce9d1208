// The fence's control: with the same include roots, a use case's header compiles, so the fence's
// failure is the store header's absence and nothing else.
#include "app/plans.hpp"
