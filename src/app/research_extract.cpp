#include "app/research_extract.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <functional>
#include <system_error>

#include "app/audit_events.hpp"
#include "app/statistics.hpp"
#include "common/crypto.hpp"
#include "common/text.hpp"
#include "domain/research_extract.hpp"
#include "domain/statistics.hpp"
#include "store/statistics_repository.hpp"

namespace kronobarn::app {
namespace {

constexpr std::size_t kPseudonymLength = 20;  // hex characters: 80 bits

using Row = std::vector<std::string>;

struct Column {
    std::string_view name;
    std::string_view type;
    std::string_view meaning;
    std::string_view codes;
};

struct Table {
    std::string name;
    std::vector<Column> columns;
    std::vector<Row> rows;
};

// A key made for this extract alone; it never leaves memory, so no later extract shares it.
class Pseudonyms {
  public:
    Pseudonyms() : key_(crypto::RandomToken(32)) {}
    std::string Of(std::string_view kind, std::int64_t id) const {
        return crypto::HashHex(std::string(kind) + ":" + std::to_string(id), key_).substr(0, kPseudonymLength);
    }

  private:
    std::string key_;
};

std::string DateText(Timestamp at) { return FormatDate(SwedishDate(at)); }

std::string Sector(domain::UnitKind kind) { return std::string(domain::Code(domain::SectorOf(kind))); }

int DaysBetween(Date from, Date to) {
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

std::string CsvLine(const Row& row) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += (i == 0 ? "" : ",") + CsvField(row[i]);
    return line + "\r\n";
}

constexpr std::string_view kSectors = "preschool, school, health, social_services, police, association, other";

std::vector<Table> BuildTables(const Pseudonyms& pseudonyms, const std::vector<store::SignalRecord>& signals,
                               const std::vector<store::PlanRecord>& plans,
                               const std::vector<store::PlanActionRecord>& actions,
                               const std::vector<store::MeetingRecord>& meetings,
                               const std::vector<store::ConsentRecord>& consents,
                               const std::vector<store::HandoverRecord>& handovers,
                               const std::vector<store::WheelStatusRecord>& statuses) {
    const Column child{"child", "text", "pseudonym of the child, valid in this extract only", ""};
    const Column birth{"birth_quarter", "text", "the child's year and quarter of birth", "YYYY-Qn"};
    const Column municipality{"municipality", "text",
                              "municipality of the child's school unit, else of its BVC; empty when county-wide", ""};
    const Column plan{"plan", "text", "pseudonym of the plan, valid in this extract only", ""};
    std::vector<Table> tables;

    Table signal_table{"signals.csv",
                       {child,
                        birth,
                        municipality,
                        {"registered_on", "date", "day the signal (oro) was registered", "YYYY-MM-DD"},
                        {"noticing_organisation_type", "code", "organisation type of the unit that noticed", kSectors},
                        {"wheel_areas", "codes", "wheel areas named with the signal, separated by ';'",
                         "trygg, ma_bra, utvecklas, omvardad, aktiv, respekterad, ansvarstagande, delaktig"},
                        {"decision", "code", "decision on the signal; empty while undecided",
                         "A own organisation, B other organisation, C collaboration"},
                        {"decided_on", "date", "day of the decision", "YYYY-MM-DD"},
                        {"days_to_decision", "integer", "days from registration to decision", ""},
                        {"deciding_organisation_type", "code", "organisation type of the deciding unit", kSectors},
                        {"report_of_concern", "boolean", "an orosanmälan to social services was recorded", "yes, no"}},
                       {}};
    for (const auto& signal : signals) {
        std::string areas;
        for (const auto& area : signal.wheel_areas) areas += (areas.empty() ? "" : ";") + area;
        const bool decided = !signal.outcome.empty() && signal.decided_at.has_value();
        signal_table.rows.push_back(
            {pseudonyms.Of("child", signal.child.child_id), domain::BirthQuarter(signal.child.birth_date),
             signal.child.municipality, DateText(signal.registered_at), Sector(signal.noticing_kind), areas,
             signal.outcome, decided ? DateText(*signal.decided_at) : "",
             decided ? std::to_string(DaysBetween(SwedishDate(signal.registered_at), SwedishDate(*signal.decided_at)))
                     : "",
             decided ? Sector(signal.deciding_kind) : "", signal.report_date ? "yes" : "no"});
    }
    tables.push_back(std::move(signal_table));

    Table plan_table{"plans.csv",
                     {plan,
                      child,
                      birth,
                      municipality,
                      {"created_on", "date", "day the plan was started", "YYYY-MM-DD"},
                      {"state", "code", "the plan's state now", "draft, agreed, active, closed"},
                      {"participating_units", "integer", "units taking part", ""},
                      {"actions", "integer", "actions in the plan", ""},
                      {"child_view_recorded", "boolean", "the child's own view is written in the plan", "yes, no"}},
                     {}};
    for (const auto& each : plans) {
        plan_table.rows.push_back({pseudonyms.Of("plan", each.plan_id), pseudonyms.Of("child", each.child.child_id),
                                   domain::BirthQuarter(each.child.birth_date), each.child.municipality,
                                   DateText(each.created_at), each.state, std::to_string(each.participants),
                                   std::to_string(each.actions), each.child_view_recorded ? "yes" : "no"});
    }
    tables.push_back(std::move(plan_table));

    Table action_table{
        "plan_actions.csv",
        {plan,
         {"organisation_type", "code", "who carries out the action; 'family' for the family or the child",
          "preschool, school, health, social_services, police, association, other, family"},
         {"status", "code", "the action's status now", "planned, ongoing, done, changed, stopped"},
         {"start_on", "date", "planned start", "YYYY-MM-DD"},
         {"due_on", "date", "planned end", "YYYY-MM-DD"}},
        {}};
    for (const auto& action : actions) {
        action_table.rows.push_back({pseudonyms.Of("plan", action.plan_id),
                                     action.unit_kind ? Sector(*action.unit_kind) : "family", action.status,
                                     FormatDate(action.start_on), FormatDate(action.due_on)});
    }
    tables.push_back(std::move(action_table));

    Table meeting_table{"meetings.csv",
                        {plan,
                         child,
                         {"held_on", "date", "day of the meeting", "YYYY-MM-DD"},
                         {"kind", "code", "kind of meeting", "collaboration, follow_up"},
                         {"child_present", "boolean", "the child took part", "yes, no"}},
                        {}};
    for (const auto& meeting : meetings) {
        meeting_table.rows.push_back({pseudonyms.Of("plan", meeting.plan_id),
                                      pseudonyms.Of("child", meeting.child.child_id), FormatDate(meeting.held_on),
                                      meeting.kind, meeting.child_present ? "yes" : "no"});
    }
    tables.push_back(std::move(meeting_table));

    Table consent_table{
        "consents.csv",
        {child,
         birth,
         municipality,
         {"recorded_on", "date", "day the consent was recorded", "YYYY-MM-DD"},
         {"valid_to", "date", "last day the consent is valid", "YYYY-MM-DD"},
         {"withdrawn_on", "date", "day it was withdrawn; empty when not withdrawn", "YYYY-MM-DD"},
         {"categories", "codes", "kinds of organisation it covers, separated by ';'", "school, health, social, other"},
         {"answer", "code", "the parties' answer to the request; a refused consent lifts nothing", "given, refused"}},
        {}};
    for (const auto& consent : consents) {
        std::string categories = consent.categories;
        std::replace(categories.begin(), categories.end(), ',', ';');
        consent_table.rows.push_back({pseudonyms.Of("child", consent.child.child_id),
                                      domain::BirthQuarter(consent.child.birth_date), consent.child.municipality,
                                      DateText(consent.recorded_at), FormatDate(consent.valid_to),
                                      consent.withdrawn_at ? DateText(*consent.withdrawn_at) : "", categories,
                                      consent.refused ? "refused" : "given"});
    }
    tables.push_back(std::move(consent_table));

    Table handover_table{
        "handovers.csv",
        {child,
         {"requested_on", "date", "day the handover was asked for", "YYYY-MM-DD"},
         {"answered_on", "date", "day it was accepted or declined; empty while pending", "YYYY-MM-DD"},
         {"state", "code", "state now", "pending, accepted, declined, cancelled"},
         {"kind", "code", "what is handed over", "coordination, collaboration"},
         {"from_organisation_type", "code", "organisation type handing over", kSectors},
         {"to_organisation_type", "code", "organisation type receiving", kSectors},
         {"after_decision_b", "boolean",
          "asked for by decision B on a signal; otherwise a stage transition, school change or move", "yes, no"},
         {"plan", "code",
          "for an accepted coordination handover: whether the child's open plan followed to the new "
          "holder (a consent covered it) or stayed with the former one; empty without a plan",
          "followed, stayed"}},
        {}};
    for (const auto& handover : handovers) {
        handover_table.rows.push_back({pseudonyms.Of("child", handover.child.child_id), DateText(handover.requested_at),
                                       handover.answered_at ? DateText(*handover.answered_at) : "", handover.state,
                                       handover.kind, Sector(handover.from_kind), Sector(handover.to_kind),
                                       handover.after_decision ? "yes" : "no", handover.plan_outcome});
    }
    tables.push_back(std::move(handover_table));

    Table status_table{
        "wheel_statuses.csv",
        {child,
         birth,
         municipality,
         {"assessed_on", "date", "day of the wheel assessment", "YYYY-MM-DD"},
         {"area", "code", "wheel area",
          "trygg, ma_bra, utvecklas, omvardad, aktiv, respekterad, ansvarstagande, delaktig"},
         {"status", "code", "the area's status at that assessment", "not_known, works_well, challenging"},
         {"support_needed", "boolean", "support is needed in the area", "yes, no"}},
        {}};
    for (const auto& status : statuses) {
        status_table.rows.push_back({pseudonyms.Of("child", status.child.child_id),
                                     domain::BirthQuarter(status.child.birth_date), status.child.municipality,
                                     FormatDate(status.assessed_on), status.area_code, status.status,
                                     status.support_needed ? "yes" : "no"});
    }
    tables.push_back(std::move(status_table));
    return tables;
}

Status WriteFile(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) return Error::Internal("could not write " + path.string());
    return {};
}

Status WriteExtract(const std::filesystem::path& out, const std::vector<Table>& tables, const std::string& approval,
                    const domain::ResearchPeriod& period, Timestamp now, const std::string& researcher) {
    std::string dictionary = CsvLine({"file", "column", "type", "meaning", "codes"});
    boost::json::array files;
    for (const auto& table : tables) {
        Row header;
        for (const auto& column : table.columns) {
            header.emplace_back(column.name);
            dictionary += CsvLine({table.name, std::string(column.name), std::string(column.type),
                                   std::string(column.meaning), std::string(column.codes)});
        }
        std::string content = CsvLine(header);
        for (const auto& row : table.rows) content += CsvLine(row);
        KB_RETURN_IF_ERROR(WriteFile(out / table.name, content));
        files.push_back({{"file", table.name}, {"rows", table.rows.size()}});
    }
    KB_RETURN_IF_ERROR(WriteFile(out / "data_dictionary.csv", dictionary));
    const boost::json::object manifest{
        {"approval", approval},
        {"period", {{"from", FormatDate(period.from)}, {"to", FormatDate(period.to)}}},
        {"generated_at", FormatIso8601(now)},
        {"researcher", researcher},
        {"files", files},
        {"pseudonyms",
         "keyed BLAKE2b of the internal id with a random key made for this extract and not kept: "
         "pseudonyms of two extracts cannot be linked"},
        {"excluded", "names, personal numbers, addresses, phone numbers, free text, exact birth dates"}};
    return WriteFile(out / "manifest.json", boost::json::serialize(manifest) + "\n");
}

domain::AuditEvent ExtractEvent(const Actor& actor, std::string object_id, const domain::AccessDecision& decision,
                                const RequestContext& context, Timestamp now) {
    return EventActingAs(actor, domain::Role::kResearcher, std::nullopt,
                         {"research_extract", std::move(object_id), "export"}, decision, context, now);
}

}  // namespace

Result<ResearchExtractSummary> ExportResearchExtract(store::Store& store, const Clock& clock, const Actor& actor,
                                                     const ResearchExtractRequest& request,
                                                     const RequestContext& context) {
    const Timestamp now = clock.Now();
    const auto decision = domain::DecideResearchExtract(actor.user.roles);
    if (!decision.Allowed()) {
        KB_RETURN_IF_ERROR(store.AuditLog().AppendDurably({ExtractEvent(actor, "", decision, context, now)}));
        return Error::NotFound(actor.user.username + " does not hold the researcher role");
    }
    KB_ASSIGN_OR_RETURN(const std::string approval, domain::CheckApproval(request.approval));
    KB_ASSIGN_OR_RETURN(const auto period, domain::CheckResearchPeriod(request.from, request.to));
    std::error_code error;
    const bool existed = std::filesystem::exists(request.out, error);
    if (existed && !std::filesystem::is_empty(request.out, error)) {
        return Error::InvalidArgument("research.out_not_empty",
                                      request.out.string() + " is not empty; choose a new directory");
    }

    const Timestamp from = StartOfSwedishDay(period.from);
    const Timestamp to = StartOfSwedishDay(Date{std::chrono::sys_days{period.to} + std::chrono::days(1)});
    std::vector<Table> tables;
    {
        KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kRead));
        auto& records = uow->Statistics();
        KB_ASSIGN_OR_RETURN(const auto signals, records.Signals(from, to));
        KB_ASSIGN_OR_RETURN(const auto plans, records.Plans(from, to));
        KB_ASSIGN_OR_RETURN(const auto actions, records.PlanActions(from, to));
        KB_ASSIGN_OR_RETURN(const auto meetings, records.Meetings(period.from, period.to));
        KB_ASSIGN_OR_RETURN(const auto consents, records.Consents(from, to));
        KB_ASSIGN_OR_RETURN(const auto handovers, records.Handovers(from, to));
        KB_ASSIGN_OR_RETURN(const auto statuses, records.WheelStatuses(period.from, period.to));
        tables = BuildTables(Pseudonyms(), signals, plans, actions, meetings, consents, handovers, statuses);
    }

    std::filesystem::create_directories(request.out, error);
    if (error) return Error::Internal("could not create " + request.out.string() + ": " + error.message());
    auto remove_written = [&] {
        std::error_code ignored;
        if (existed) {
            for (const auto& entry : std::filesystem::directory_iterator(request.out, ignored)) {
                std::filesystem::remove(entry.path(), ignored);
            }
        } else {
            std::filesystem::remove_all(request.out, ignored);
        }
    };
    const std::string scope =
        "approval=" + approval + " period=" + FormatDate(period.from) + ".." + FormatDate(period.to);
    if (auto written = WriteExtract(request.out, tables, approval, period, now, actor.user.username); !written) {
        remove_written();
        return written.error();
    }
    if (auto audited = store.AuditLog().AppendDurably({ExtractEvent(actor, scope, decision, context, now)}); !audited) {
        remove_written();  // an extract nobody can account for must not exist
        return audited.error();
    }
    ResearchExtractSummary summary;
    for (const auto& table : tables) summary.files.push_back({table.name, table.rows.size()});
    return summary;
}

}  // namespace kronobarn::app
