// The storage interface: a Store hands out units of work (one database transaction each), and a
// unit of work exposes one repository per aggregate. app/ use cases run load → decide → persist +
// audit inside one unit of work, so an operation and its audit row commit together or not at all.
// Implementations: sqlite/ (embedded default) and, later, postgres/. Every method returns
// kUnavailable when the database is busy or gone, kInternal for anything unexpected.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/audit_event.hpp"
#include "domain/child.hpp"
#include "domain/login_throttle.hpp"
#include "domain/organisation.hpp"
#include "domain/user_account.hpp"
#include "store/durable_audit_log.hpp"
#include "store/emergency_repository.hpp"
#include "store/family_repositories.hpp"
#include "store/plan_repositories.hpp"
#include "store/praxis_repositories.hpp"
#include "store/records/identity_records.hpp"

namespace kronobarn::store {

using domain::ChildId;
using domain::OrganisationId;
using domain::UnitId;
using domain::UserId;

class LogReviewRepository;
class StatisticsRepository;
class OutboxRepository;

class OrganisationRepository {
  public:
    virtual ~OrganisationRepository() = default;
    // kConflict ("error.conflict") when another organisation has the same name or code.
    virtual Result<OrganisationId> Insert(const domain::Organisation& organisation) = 0;
    // Name, code and whether it is active (the kind never changes); kConflict as for Insert.
    virtual Status Update(const domain::Organisation& organisation) = 0;
    virtual Result<std::optional<domain::Organisation>> Find(OrganisationId id) = 0;
    // By its code ("0780"); nothing when no organisation has it.
    virtual Result<std::optional<domain::Organisation>> FindByCode(std::string_view code) = 0;
    // kConflict on its field when another unit of the organisation has the external id
    // ("unit.external_id_taken") or the name ("unit.name_taken").
    virtual Result<UnitId> InsertUnit(const domain::Unit& unit) = 0;
    // Name, area, external id, contact and the active days; the organisation and kind never change.
    // kConflict as for InsertUnit.
    virtual Status UpdateUnit(const domain::Unit& unit) = 0;
    // What ties the unit to children and staff now: what must be handed over before it can close.
    virtual Result<UnitObligations> ObligationsOf(UnitId unit) = 0;
    // Moves what ties `from` to children and staff to `into` (holders from `now` on, open plans,
    // waiting signals, staff roles) and says what moved; the caller closes `from`.
    virtual Result<UnitMerge> MergeInto(UnitId from, UnitId into, Timestamp now) = 0;
    // Consents given and in force on `today` that name the unit.
    virtual Result<std::int64_t> ConsentsNaming(UnitId unit, Date today) = 0;
    virtual Result<std::vector<domain::Organisation>> List() = 0;
    virtual Result<std::vector<domain::Unit>> ListUnits() = 0;
    virtual Result<std::optional<domain::Unit>> FindUnit(UnitId id) = 0;
    // Open units of one kind, optionally only those serving one area (municipality).
    virtual Result<std::vector<domain::Unit>> ListUnitsOfKind(domain::UnitKind kind,
                                                              std::optional<std::string> area) = 0;
    // Open units serving `area` and those serving the whole county (area ""), by organisation and name.
    virtual Result<std::vector<domain::Unit>> ListUnitsServing(const std::string& area) = 0;
    // Every municipality some unit serves, sorted.
    virtual Result<std::vector<std::string>> ListAreas() = 0;
};

class UserRepository {
  public:
    virtual ~UserRepository() = default;
    // kConflict ("user.username_taken") when the username exists.
    virtual Result<UserId> Insert(const domain::UserAccount& user, std::string_view password_hash) = 0;
    virtual Result<std::optional<UserCredentials>> FindByUsername(std::string_view username) = 0;
    virtual Result<std::optional<domain::UserAccount>> Find(UserId id) = 0;
    virtual Result<std::vector<domain::UserAccount>> List() = 0;
    // Everyone with a role in one of the organisation's units, with all their roles (in active
    // organisations), by id; family accounts never.
    virtual Result<std::vector<domain::UserAccount>> ListStaffOf(OrganisationId organisation) = 0;
    virtual Status SetDisabled(UserId id, bool disabled) = 0;
    virtual Status SetPasswordHash(UserId id, std::string_view password_hash) = 0;
    // kConflict ("user.username_taken") when the username exists.
    virtual Status SetUsername(UserId id, std::string_view username) = 0;
    virtual Status SetPreferredLanguage(UserId id, std::string_view lang) = 0;
    // Name and how to reach the person. kNotFound when there is no such account.
    virtual Status SetProfile(UserId id, std::string_view display_name, std::string_view email,
                              std::string_view phone) = 0;
    // The organisation's own ids for its staff (import files, SCIM), by external id.
    virtual Result<std::vector<std::pair<std::string, UserId>>> StaffExternalIds(OrganisationId organisation) = 0;
    // The one the organisation keys `id` by, if any.
    virtual Result<std::optional<std::string>> StaffExternalIdOf(OrganisationId organisation, UserId id) = 0;
    // kConflict when the organisation already uses the external id or already keys the person.
    virtual Status AddStaffExternalId(OrganisationId organisation, std::string_view external_id, UserId id) = 0;
    // kConflict "staff.role_exists" when the person already holds the role in the unit.
    // The assignment's unit, role and period (its organisation and kind are the unit's).
    virtual Status AddRole(UserId id, const domain::RoleAssignment& assignment) = 0;
    // kNotFound when the person does not hold the role in the unit.
    virtual Status RemoveRole(UserId id, UnitId unit, domain::Role role) = 0;
};

class SessionRepository {
  public:
    virtual ~SessionRepository() = default;
    virtual Status Insert(const SessionRecord& session) = 0;
    // Every request asks this, so it is one statement for staff (a second for family links).
    // The session with its account; the account's roles are those held on `today` (a role outside
    // its period, in a closed unit or a deactivated organisation is left out).
    virtual Result<std::optional<SessionWithUser>> FindWithUser(std::string_view token_hash, Date today) = 0;
    virtual Status Touch(std::string_view token_hash, Timestamp last_seen_at) = 0;
    virtual Status Delete(std::string_view token_hash) = 0;
    // Every session of the person, and every sign-in of theirs waiting for its second step.
    virtual Status DeleteAllOf(UserId user_id) = 0;

    // A sign-in that passed the password and waits for the code (or for enrolment). A table of
    // its own: FindWithUser never sees it, so a half-done sign-in opens no page. Steps begun before
    // `forget_before` (abandoned ones) are deleted first.
    virtual Status InsertLoginStep(const LoginStepRecord& step, Timestamp forget_before) = 0;
    virtual Result<std::optional<LoginStepRecord>> FindLoginStep(std::string_view token_hash) = 0;
    virtual Status DeleteLoginStep(std::string_view token_hash) = 0;

    // Sign-ins sent to an identity provider. Inserting one forgets those older than `forget_before`.
    virtual Status InsertSsoRequest(const SsoRequestRecord& request, Timestamp forget_before) = 0;
    // The request with this state, deleted in the same statement: a state works once.
    virtual Result<std::optional<SsoRequestRecord>> TakeSsoRequest(std::string_view state_hash) = 0;
};

// A person's authenticator app (TOTP secret) and recovery codes.
class SecondFactorRepository {
  public:
    virtual ~SecondFactorRepository() = default;
    virtual Result<std::optional<SecondFactorRecord>> Find(UserId user_id) = 0;
    // A new secret being set up (replaces an earlier unconfirmed or confirmed one, and its codes).
    virtual Status SaveUnconfirmed(UserId user_id, std::string_view secret) = 0;
    // kFailedPrecondition when there is nothing unconfirmed to confirm (a second tab finished first).
    virtual Status Confirm(UserId user_id, Timestamp at, std::int64_t step) = 0;
    // Marks `step` used; false when it (or a later step) was used already: a code works once,
    // also when two app servers receive it at the same moment.
    virtual Result<bool> UseStep(UserId user_id, std::int64_t step) = 0;
    virtual Status ReplaceRecoveryCodes(UserId user_id, const std::vector<std::string>& code_hashes) = 0;
    // False when no unused code has that hash.
    virtual Result<bool> UseRecoveryCode(UserId user_id, std::string_view code_hash, Timestamp at) = 0;
    // The person sets up again on their next sign-in (an administrator's reset of a lost phone).
    virtual Status Remove(UserId user_id) = 0;
    // Who among an organisation's staff has an app set up.
    virtual Result<std::vector<UserId>> UsersWithAppIn(OrganisationId organisation) = 0;
};

// Failure counters for login throttling, keyed by "account:<name>" or "address:<ip>". Kept in the
// database so several app servers share them.
class LoginThrottleRepository {
  public:
    virtual ~LoginThrottleRepository() = default;
    virtual Result<domain::FailureRecord> Load(std::string_view key) = 0;
    virtual Status Save(std::string_view key, const domain::FailureRecord& record) = 0;
    virtual Status Clear(std::string_view key) = 0;
};

class ChildRepository {
  public:
    virtual ~ChildRepository() = default;
    // kConflict ("child.exists") when the personal number is already registered.
    virtual Result<ChildId> Insert(const domain::Child& child) = 0;
    virtual Result<std::int64_t> Count() = 0;
    // Guardians are not loaded by these two (the family view loads them when it needs them).
    virtual Result<std::optional<domain::Child>> Find(ChildId id) = 0;
    virtual Result<std::optional<domain::Child>> FindByPersonalNumber(std::string_view normalised) = 0;
    virtual Result<std::vector<domain::Guardian>> GuardiansOf(ChildId child) = 0;
};

class AuditRepository {
  public:
    virtual ~AuditRepository() = default;
    // Appends one row chained to the latest; the caller's transaction must be a write transaction.
    virtual Status Append(const domain::AuditEvent& event) = 0;
    // The same for many rows in order, reading the chain's head once (group commit, bulk loads).
    virtual Status AppendAll(const std::vector<domain::AuditEvent>& events) = 0;
    // Visits every row in chain order; stops early when `visit` returns false.
    virtual Status ForEach(const std::function<bool(const AuditRow&)>& visit) = 0;
    virtual Result<std::int64_t> Count() = 0;

    // The row retention would cut after for `cutoff`: the last one written before the first row at
    // or after it, never the newest row (nullopt when there is none).
    virtual Result<std::optional<AuditRow>> RetentionBoundary(Timestamp cutoff) = 0;
    // Records `run` (with the number of rows it deletes) and deletes every row up to
    // run.through_sequence; returns the rows deleted.
    // Needs a write transaction; the schema refuses deletions not covered by a recorded run.
    virtual Result<std::int64_t> DeleteByRetention(const AuditRetentionRun& run) = 0;
    virtual Result<std::optional<AuditRetentionRun>> LatestRetentionRun() = 0;
};

// One transaction. Destroying it without Commit() rolls back.
class UnitOfWork {
  public:
    virtual ~UnitOfWork() = default;
    virtual OrganisationRepository& Organisations() = 0;
    virtual UserRepository& Users() = 0;
    virtual SessionRepository& Sessions() = 0;
    virtual LoginThrottleRepository& LoginThrottle() = 0;
    virtual SecondFactorRepository& SecondFactors() = 0;
    virtual ChildRepository& Children() = 0;
    virtual AuditRepository& Audit() = 0;
    virtual WheelRepository& Wheel() = 0;
    virtual CoordinationRepository& Coordination() = 0;
    virtual ConcernRepository& Concerns() = 0;
    virtual ConsentRepository& Consents() = 0;
    virtual PlanRepository& Plans() = 0;
    virtual FamilyRepository& Family() = 0;
    virtual EmergencyAccessRepository& Emergency() = 0;
    virtual LogReviewRepository& LogReviews() = 0;   // log_review_repository.hpp
    virtual StatisticsRepository& Statistics() = 0;  // statistics_repository.hpp
    virtual OutboxRepository& Outbox() = 0;          // outbox_repository.hpp
    virtual Status Commit() = 0;
    // An audit row for the case that this unit of work is NOT committed: written durably on its own
    // once the unit has rolled back. A write the actor was allowed to attempt but that was then
    // refused (a form error, a stale version) rolls its allowed row back with it; this row says
    // what happened instead, so that every attempt stays on record.
    virtual void AuditIfRolledBack(domain::AuditEvent event) = 0;
};

enum class TransactionMode { kRead, kWrite };

class Store {
  public:
    virtual ~Store() = default;
    virtual Result<std::unique_ptr<UnitOfWork>> Begin(TransactionMode mode) = 0;
    // Where audited READS put their rows (group commit); see durable_audit_log.hpp.
    virtual DurableAuditLog& AuditLog() = 0;
    // Applies every migration newer than the current schema version, each in its own transaction.
    virtual Status Migrate() = 0;
    virtual Result<int> SchemaVersion() = 0;
    virtual int LatestSchemaVersion() const = 0;
};

}  // namespace kronobarn::store
