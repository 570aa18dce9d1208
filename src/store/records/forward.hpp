// The store's handles by name only. A use case's header takes a Store& or UnitOfWork& without
// showing its callers the storage interface: the web layer cannot open a transaction because it
// cannot see how (the include roots in cmake/IncludeRoots.cmake enforce it).
#pragma once

namespace kronobarn::store {

class Store;
class UnitOfWork;
class DurableAuditLog;

}  // namespace kronobarn::store
