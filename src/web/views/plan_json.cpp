#include "web/views/plan_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>
#include <boost/pfr/core.hpp>
#include <type_traits>

#include "domain/plan_fields.hpp"

namespace kronobarn::web::views {
namespace {

using domain::PlanPart;

template <typename T>
struct PartOf;
template <>
struct PartOf<domain::Plan> : std::integral_constant<PlanPart, PlanPart::kPlan> {};
template <>
struct PartOf<domain::PlanBasics> : std::integral_constant<PlanPart, PlanPart::kBasics> {};
template <>
struct PartOf<domain::GuardianView> : std::integral_constant<PlanPart, PlanPart::kGuardianView> {};
template <>
struct PartOf<domain::PlanGoal> : std::integral_constant<PlanPart, PlanPart::kGoal> {};
template <>
struct PartOf<domain::PlanAction> : std::integral_constant<PlanPart, PlanPart::kAction> {};
template <>
struct PartOf<domain::Participant> : std::integral_constant<PlanPart, PlanPart::kParticipant> {};
template <>
struct PartOf<domain::Meeting> : std::integral_constant<PlanPart, PlanPart::kMeeting> {};
template <>
struct PartOf<domain::ActionEvaluation> : std::integral_constant<PlanPart, PlanPart::kEvaluation> {};
template <>
struct PartOf<domain::RemovedParticipant> : std::integral_constant<PlanPart, PlanPart::kRemovedParticipant> {};
template <>
struct PartOf<domain::PlannedMeeting> : std::integral_constant<PlanPart, PlanPart::kPlannedMeeting> {};
template <>
struct PartOf<domain::GuardianPart> : std::integral_constant<PlanPart, PlanPart::kGuardianPart> {};

template <typename T>
concept PlanStruct = requires {
    PartOf<T>::value;
};

template <PlanStruct T>
boost::json::object ToJson(const T& part, const domain::PlanReading& reading);

boost::json::value ToJson(const std::string& text) { return boost::json::value(text); }
boost::json::value ToJson(bool flag) { return boost::json::value(flag); }
boost::json::value ToJson(int number) { return boost::json::value(number); }
boost::json::value ToJson(std::int64_t number) { return boost::json::value(number); }
boost::json::value ToJson(const Date& date) { return boost::json::value(FormatDate(date)); }
boost::json::value ToJson(const Timestamp& at) { return boost::json::value(FormatIso8601(at)); }
boost::json::value ToJson(std::chrono::minutes time_of_day) { return boost::json::value(FormatTimeOfDay(time_of_day)); }
template <typename Enum>
requires std::is_enum_v<Enum> boost::json::value ToJson(Enum value) { return boost::json::value(domain::Code(value)); }
template <typename T>
boost::json::value ToJson(const std::optional<T>& value) {
    return value ? ToJson(*value) : boost::json::value(nullptr);
}
boost::json::value ToJson(const std::vector<std::string>& values) {
    boost::json::array array;
    for (const auto& value : values) array.push_back(ToJson(value));
    return array;
}
boost::json::value ToJson(const std::vector<std::int64_t>& ids) { return boost::json::value_from(ids); }

template <PlanStruct T>
boost::json::object ToJson(const T& part, const domain::PlanReading& reading) {
    boost::json::object object;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        const auto put = [&](std::size_t member, const auto& value) {
            const auto* field = domain::FindPlanField(PartOf<T>::value, member);
            if (field == nullptr || !domain::Sees(reading.reader, *field)) return;
            const std::string_view code = field->code;
            const std::string key(code.substr(code.find('.') + 1));
            using Member = std::remove_cvref_t<decltype(value)>;
            if constexpr (PlanStruct<Member>) {
                object[key] = ToJson(value, reading);
            } else if constexpr (std::is_same_v<Member, std::optional<domain::PlannedMeeting>>) {
                object[key] = value ? boost::json::value(ToJson(*value, reading)) : boost::json::value(nullptr);
            } else if constexpr (requires { requires PlanStruct<typename Member::value_type>; }) {
                boost::json::array array;  // goals, actions, participants, meetings, evaluations
                for (const auto& element : value) array.push_back(ToJson(element, reading));
                object[key] = std::move(array);
            } else {
                object[key] = ToJson(value);
            }
        };
        (put(I, boost::pfr::get<I>(part)), ...);
    }
    (std::make_index_sequence<boost::pfr::tuple_size_v<T>>{});
    return object;
}

}  // namespace

boost::json::object PlanJson(const app::PlanView& view) {
    boost::json::object child;
    if (view.reading.Sees("child.name")) child["name"] = view.child_name;
    if (view.reading.Sees("child.personal_number") && !view.child_personal_number.empty()) {
        child["personal_number"] = view.child_personal_number;
    }
    boost::json::object units;
    for (const auto& [id, name] : view.unit_names) units[std::to_string(id)] = name;
    return {{"reader", domain::Code(view.reading.reader)},
            {"child", std::move(child)},
            {"plan", ToJson(view.plan, view.reading)},
            {"units", std::move(units)}};
}

}  // namespace kronobarn::web::views
