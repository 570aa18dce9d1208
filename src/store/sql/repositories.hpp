// The repositories, written once for both SQL engines. Each borrows the unit of work's connection; none
// outlives it.
#pragma once

#include "store/log_review_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/sql/area_cache.hpp"
#include "store/sql/connection.hpp"
#include "store/sql/unit_cache.hpp"
#include "store/statistics_repository.hpp"
#include "store/store.hpp"

namespace kronobarn::store::sql {

// An audit row from columns 0–12 in the order of audit_log's definition (sequence … request_id).
AuditRow ReadAuditRow(Statement& stmt);

class SqlOrganisationRepository final : public OrganisationRepository {
  public:
    // `keep_units`: only a read transaction's units go into the cache (a write's may roll back).
    SqlOrganisationRepository(Connection& db, AreaCache& areas, UnitCache& units, bool keep_units)
        : db_(db), areas_(areas), units_(units), keep_units_(keep_units) {}
    Result<OrganisationId> Insert(const domain::Organisation& organisation) override;
    Status Update(const domain::Organisation& organisation) override;
    Result<std::optional<domain::Organisation>> Find(OrganisationId id) override;
    Result<std::optional<domain::Organisation>> FindByCode(std::string_view code) override;
    Result<UnitId> InsertUnit(const domain::Unit& unit) override;
    Status UpdateUnit(const domain::Unit& unit) override;
    Result<UnitObligations> ObligationsOf(UnitId unit) override;
    Result<UnitMerge> MergeInto(UnitId from, UnitId into, Timestamp now) override;
    Result<std::int64_t> ConsentsNaming(UnitId unit, Date today) override;
    Result<std::vector<domain::Organisation>> List() override;
    Result<std::vector<domain::Unit>> ListUnits() override;
    Result<std::optional<domain::Unit>> FindUnit(UnitId id) override;
    Result<std::vector<domain::Unit>> ListUnitsOfKind(domain::UnitKind kind, std::optional<std::string> area) override;
    Result<std::vector<domain::Unit>> ListUnitsServing(const std::string& area) override;
    Result<std::vector<std::string>> ListAreas() override;

  private:
    // The unit generation this unit of work reads its units under, read once (the first unit it
    // looks up) and again after it changes a unit itself.
    Result<std::int64_t> Generation();

    Connection& db_;
    AreaCache& areas_;
    UnitCache& units_;
    bool keep_units_;
    std::optional<std::int64_t> generation_;
};

class SqlUserRepository final : public UserRepository {
  public:
    explicit SqlUserRepository(Connection& db) : db_(db) {}
    Result<UserId> Insert(const domain::UserAccount& user, std::string_view password_hash) override;
    Result<std::optional<UserCredentials>> FindByUsername(std::string_view username) override;
    Result<std::optional<domain::UserAccount>> Find(UserId id) override;
    Result<std::vector<domain::UserAccount>> List() override;
    Result<std::vector<domain::UserAccount>> ListStaffOf(OrganisationId organisation) override;
    Status SetDisabled(UserId id, bool disabled) override;
    Status SetPasswordHash(UserId id, std::string_view password_hash) override;
    Status SetUsername(UserId id, std::string_view username) override;
    Status SetPreferredLanguage(UserId id, std::string_view lang) override;
    Status SetProfile(UserId id, std::string_view display_name, std::string_view email,
                      std::string_view phone) override;
    Result<std::vector<std::pair<std::string, UserId>>> StaffExternalIds(OrganisationId organisation) override;
    Result<std::optional<std::string>> StaffExternalIdOf(OrganisationId organisation, UserId id) override;
    Status AddStaffExternalId(OrganisationId organisation, std::string_view external_id, UserId id) override;
    Status AddRole(UserId id, const domain::RoleAssignment& assignment) override;
    Status RemoveRole(UserId id, UnitId unit, domain::Role role) override;

  private:
    Result<std::optional<UserCredentials>> FindOne(Statement& stmt);
    Status LoadRoles(domain::UserAccount& user);
    Connection& db_;
};

class SqlSessionRepository final : public SessionRepository {
  public:
    explicit SqlSessionRepository(Connection& db) : db_(db) {}
    Status Insert(const SessionRecord& session) override;
    Result<std::optional<SessionWithUser>> FindWithUser(std::string_view token_hash, Date today) override;
    Status Touch(std::string_view token_hash, Timestamp last_seen_at) override;
    Status Delete(std::string_view token_hash) override;
    Status DeleteAllOf(UserId user_id) override;
    Status InsertLoginStep(const LoginStepRecord& step, Timestamp forget_before) override;
    Result<std::optional<LoginStepRecord>> FindLoginStep(std::string_view token_hash) override;
    Status DeleteLoginStep(std::string_view token_hash) override;
    Status InsertSsoRequest(const SsoRequestRecord& request, Timestamp forget_before) override;
    Result<std::optional<SsoRequestRecord>> TakeSsoRequest(std::string_view state_hash) override;

  private:
    Connection& db_;
};

class SqlSecondFactorRepository final : public SecondFactorRepository {
  public:
    explicit SqlSecondFactorRepository(Connection& db) : db_(db) {}
    Result<std::optional<SecondFactorRecord>> Find(UserId user_id) override;
    Status SaveUnconfirmed(UserId user_id, std::string_view secret) override;
    Status Confirm(UserId user_id, Timestamp at, std::int64_t step) override;
    Result<bool> UseStep(UserId user_id, std::int64_t step) override;
    Status ReplaceRecoveryCodes(UserId user_id, const std::vector<std::string>& code_hashes) override;
    Result<bool> UseRecoveryCode(UserId user_id, std::string_view code_hash, Timestamp at) override;
    Status Remove(UserId user_id) override;
    Result<std::vector<UserId>> UsersWithAppIn(OrganisationId organisation) override;

  private:
    Connection& db_;
};

class SqlLoginThrottleRepository final : public LoginThrottleRepository {
  public:
    explicit SqlLoginThrottleRepository(Connection& db) : db_(db) {}
    Result<domain::FailureRecord> Load(std::string_view key) override;
    Status Save(std::string_view key, const domain::FailureRecord& record) override;
    Status Clear(std::string_view key) override;

  private:
    Connection& db_;
};

class SqlChildRepository final : public ChildRepository {
  public:
    explicit SqlChildRepository(Connection& db) : db_(db) {}
    Result<ChildId> Insert(const domain::Child& child) override;
    Result<std::int64_t> Count() override;
    Result<std::optional<domain::Child>> Find(ChildId id) override;
    Result<std::optional<domain::Child>> FindByPersonalNumber(std::string_view normalised) override;
    Result<std::vector<domain::Guardian>> GuardiansOf(ChildId child) override;

  private:
    Result<std::optional<domain::Child>> FindOne(Statement& stmt);
    Connection& db_;
};

class SqlAuditRepository final : public AuditRepository {
  public:
    explicit SqlAuditRepository(Connection& db) : db_(db) {}
    Status Append(const domain::AuditEvent& event) override;
    Status AppendAll(const std::vector<domain::AuditEvent>& events) override;
    Status ForEach(const std::function<bool(const AuditRow&)>& visit) override;
    Result<std::int64_t> Count() override;
    Result<std::optional<AuditRow>> RetentionBoundary(Timestamp cutoff) override;
    Result<std::int64_t> DeleteByRetention(const AuditRetentionRun& run) override;
    Result<std::optional<AuditRetentionRun>> LatestRetentionRun() override;

  private:
    Connection& db_;
};

class SqlWheelRepository final : public WheelRepository {
  public:
    explicit SqlWheelRepository(Connection& db) : db_(db) {}
    Result<std::vector<WheelArea>> CurrentAreas() override;
    Result<int> InsertCatalogueVersion(const std::string& note, const std::vector<WheelArea>& areas) override;
    Result<domain::AssessmentId> InsertAssessment(const domain::WheelAssessment& assessment) override;
    Result<std::vector<domain::WheelAssessment>> AssessmentsOf(domain::ChildId child) override;

  private:
    Connection& db_;
};

class SqlCoordinationRepository final : public CoordinationRepository {
  public:
    explicit SqlCoordinationRepository(Connection& db) : db_(db) {}
    Result<std::optional<domain::UnitId>> FindHolder(domain::ChildId child) override;
    Status SetHolder(domain::ChildId child, domain::UnitId unit, Timestamp since) override;
    Result<std::vector<HeldChild>> HeldChildrenBornBetween(domain::UnitId unit, const std::array<DateRange, 3>& born,
                                                           int limit) override;
    Result<domain::HandoverId> InsertHandover(const domain::Handover& handover) override;
    Result<std::optional<domain::Handover>> FindHandover(domain::HandoverId id) override;
    Result<std::optional<domain::Handover>> PendingHandoverOf(domain::ChildId child) override;
    Status SaveAnswer(const domain::Handover& handover) override;
    Result<std::vector<domain::Handover>> PendingTo(domain::UnitId unit, int limit) override;
    Result<std::vector<domain::Handover>> SentFrom(domain::UnitId unit, int limit) override;
    Status InsertPlanFollowAnswer(const domain::PlanFollowAnswer& answer) override;
    Result<std::vector<domain::PlanFollowAnswer>> PlanFollowAnswersOf(domain::HandoverId handover) override;

  private:
    Connection& db_;
};

class SqlConcernRepository final : public ConcernRepository {
  public:
    explicit SqlConcernRepository(Connection& db) : db_(db) {}
    Result<domain::ConcernId> Insert(const domain::Concern& concern) override;
    Result<std::optional<domain::Concern>> Find(domain::ConcernId id) override;
    Result<std::vector<InboxEntry>> Inbox(domain::UnitId unit, int limit) override;
    Result<std::vector<OwnConcernEntry>> ByNoticingUser(domain::UserId user, int limit) override;
    Status SaveDecision(domain::ConcernId id, const domain::ConcernDecision& decision) override;
    Status Reopen(domain::ConcernId id) override;

  private:
    Connection& db_;
};

class SqlConsentRepository final : public ConsentRepository {
  public:
    explicit SqlConsentRepository(Connection& db) : db_(db) {}
    Result<domain::ConsentId> Insert(const domain::Consent& consent) override;
    Result<std::optional<domain::Consent>> Find(domain::ConsentId id) override;
    Result<std::vector<domain::Consent>> OfChild(domain::ChildId child) override;
    Status SaveWithdrawal(const domain::Consent& consent) override;
    Status AddParty(domain::ConsentId consent, int position, const domain::ConsentParty& party) override;

  private:
    Result<std::vector<domain::Consent>> ReadRows(Statement& stmt);
    Status ReadParts(Statement& parts, std::vector<domain::Consent>& consents);
    Connection& db_;
};

class SqlPlanRepository final : public PlanRepository {
  public:
    explicit SqlPlanRepository(Connection& db) : db_(db) {}
    Result<domain::PlanId> Insert(const domain::Plan& plan) override;
    Result<std::optional<domain::Plan>> Find(domain::PlanId id) override;
    Result<std::optional<domain::Plan>> FindOutline(domain::PlanId id) override;
    Result<std::optional<domain::PlanId>> OpenPlanOf(domain::ChildId child) override;
    Result<std::optional<domain::PlanFacts>> OpenPlanFactsOf(domain::ChildId child) override;
    Status Save(const domain::Plan& before, const domain::Plan& after, domain::UserId by, Timestamp at) override;
    Result<std::vector<domain::PlanId>> OpenPlansOfUnit(domain::UnitId unit, int limit) override;
    Result<std::vector<PlanChange>> History(domain::PlanId id) override;

  private:
    enum class Parts { kOutline, kWhole };
    Result<std::optional<domain::Plan>> FindWith(domain::PlanId id, Parts parts);
    Status LoadParts(domain::Plan& plan, Parts parts);
    Status InsertChange(domain::PlanId plan, int version, const std::vector<domain::FieldChange>& fields,
                        domain::UserId by, Timestamp at);
    Status InsertParticipant(domain::PlanId plan, const domain::Participant& participant);
    Status SaveGoals(const domain::Plan& before, const domain::Plan& after, Timestamp at);
    Status SaveActions(const domain::Plan& before, const domain::Plan& after, domain::UserId by, Timestamp at);
    Status SaveParticipants(const domain::Plan& before, const domain::Plan& after, Timestamp at);
    Status SaveMeetings(const domain::Plan& before, const domain::Plan& after);
    Status LoadPlannedMeeting(domain::Plan& plan);
    Status SavePlannedMeeting(const domain::Plan& before, const domain::Plan& after, Timestamp at);
    Status SaveGuardianParts(const domain::Plan& before, const domain::Plan& after);
    Connection& db_;
};

class SqlFamilyRepository final : public FamilyRepository {
  public:
    explicit SqlFamilyRepository(Connection& db) : db_(db) {}
    Status InsertLink(domain::UserId user, const domain::FamilyLink& link) override;
    Result<std::vector<domain::FamilyLink>> LinksOf(domain::UserId user) override;
    Result<std::vector<FamilyAccount>> AccountsOfChild(domain::ChildId child) override;
    Status InsertActivation(const Activation& activation) override;
    Result<std::optional<Activation>> FindActivation(std::string_view token_hash) override;
    Status UseActivation(std::string_view token_hash, Timestamp at) override;
    Status RevokeActivationsOf(domain::UserId user, Timestamp at) override;
    Status SetGuardianRestriction(domain::GuardianId guardian, bool restricted, const std::string& reason) override;
    Status SetGuardianPersonalNumber(domain::GuardianId guardian,
                                     const std::optional<domain::PersonalNumber>& number) override;
    Result<std::vector<domain::GuardianOfChild>> GuardianRecordsOf(const domain::PersonalNumber& number) override;
    Result<std::int64_t> InsertEntry(const domain::FamilyEntry& entry) override;
    Result<std::vector<domain::FamilyEntry>> EntriesOf(domain::PlanId plan) override;
    Result<std::vector<AccessLogEntry>> AccessLogOf(domain::ChildId child, std::int64_t before_sequence,
                                                    int limit) override;

  private:
    Connection& db_;
};

class SqlEmergencyAccessRepository final : public EmergencyAccessRepository {
  public:
    explicit SqlEmergencyAccessRepository(Connection& db) : db_(db) {}
    Result<domain::EmergencyGrantId> Insert(const domain::EmergencyGrant& grant) override;
    Result<std::vector<domain::EmergencyGrant>> OfChild(domain::ChildId child, Timestamp now) override;
    Result<std::vector<domain::EmergencyGrant>> ForHolderUnit(domain::UnitId unit, Timestamp since, int limit) override;

  private:
    Connection& db_;
};

class SqlLogReviewRepository final : public LogReviewRepository {
  public:
    explicit SqlLogReviewRepository(Connection& db) : db_(db) {}
    Result<std::vector<AuditListing>> Search(const AuditSearch& search) override;
    Result<domain::LogReviewId> Insert(const domain::LogReview& review) override;
    Result<std::vector<LogReviewListing>> OfOrganisation(domain::OrganisationId organisation, int limit) override;

  private:
    Connection& db_;
};

class SqlOutboxRepository final : public OutboxRepository {
  public:
    explicit SqlOutboxRepository(Connection& db) : db_(db) {}
    Result<std::optional<std::int64_t>> Add(const domain::Notification& notification, const std::string& message_id,
                                            Timestamp now, const OutboxPlacement& placement) override;
    Result<std::vector<OutboxMessage>> Claim(Timestamp now, Timestamp claim_until, int limit,
                                             int max_attempts) override;
    Status MarkSent(std::int64_t id, Timestamp at) override;
    Status MarkFailed(std::int64_t id, int attempts, const std::string& error, Timestamp next_attempt_at) override;
    Result<std::vector<OutboxMessage>> List() override;
    Result<std::vector<OutboxMessage>> Failed(int limit) override;
    Result<std::vector<OutboxMessage>> WaitingForDigest() override;
    Status AttachToDigest(std::int64_t item, std::int64_t digest) override;
    Result<std::vector<OutboxMessage>> DigestItems(std::int64_t digest) override;
    Result<bool> ClaimDailyJob(std::string_view job, Date day) override;
    Result<std::vector<NotificationRecipient>> UnitStaff(domain::UnitId unit, Date day, std::string_view kind) override;
    Result<std::vector<NotificationRecipient>> Family(domain::ChildId child, std::string_view kind) override;
    Result<std::map<std::string, domain::Delivery>> PreferencesOf(domain::UserId user) override;
    Status SavePreference(domain::UserId user, std::string_view kind, domain::Delivery delivery) override;
    Result<std::vector<DueItem>> ActionsDueBy(Date last_day) override;
    Result<std::vector<DueItem>> FollowUpsDueBy(Date today, Date last_day) override;
    Result<std::vector<DueItem>> ConsentsExpiringBetween(Date first_day, Date last_day) override;

  private:
    Connection& db_;
};

class SqlStatisticsRepository final : public StatisticsRepository {
  public:
    SqlStatisticsRepository(Connection& db, AreaCache& areas) : db_(db), areas_(areas) {}
    Result<std::vector<SignalRecord>> Signals(Timestamp from, Timestamp to) override;
    Result<std::vector<ConsentRecord>> Consents(Timestamp from, Timestamp to) override;
    Result<std::vector<MeetingRecord>> Meetings(Date from, Date to) override;
    Result<std::vector<HandoverRecord>> Handovers(Timestamp from, Timestamp to) override;
    Result<std::vector<PlanRecord>> Plans(Timestamp from, Timestamp to) override;
    Result<std::vector<PlanActionRecord>> PlanActions(Timestamp from, Timestamp to) override;
    Result<std::vector<WheelStatusRecord>> WheelStatuses(Date from, Date to) override;
    Result<std::vector<std::string>> Municipalities() override;

  private:
    Connection& db_;
    AreaCache& areas_;
};

}  // namespace kronobarn::store::sql
