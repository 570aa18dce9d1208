#include "web/routes/scim_routes.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <regex>

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"

namespace kronobarn::web {
namespace {

namespace json = boost::json;

constexpr std::string_view kUserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
constexpr std::string_view kListSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
constexpr std::string_view kPatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
constexpr std::string_view kBase = "/scim/v2";
constexpr std::int64_t kMaxResults = 200;

Response ScimJson(int status, const json::value& body) {
    Response response;
    response.status = status;
    response.content_type = "application/scim+json";
    response.body = json::serialize(body);
    return response;
}

std::string Lower(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

json::object UserJson(const std::string& origin, const app::KeyedStaff& person) {
    const auto& record = person.record;
    const std::string id = std::to_string(person.id);
    json::object user{{"schemas", json::array{kUserSchema, kScimRolesSchema}},
                      {"id", id},
                      {"externalId", record.external_id},
                      {"userName", record.username},
                      {"displayName", record.display_name},
                      {"name", json::object{{"formatted", record.display_name}}},
                      {"active", record.active}};
    if (!record.email.empty()) {
        user["emails"] = json::array{json::object{{"value", record.email}, {"type", "work"}, {"primary", true}}};
    }
    if (!record.phone.empty()) {
        user["phoneNumbers"] = json::array{json::object{{"value", record.phone}, {"type", "work"}}};
    }
    json::array roles;
    for (const auto& [unit, role] : record.roles) roles.push_back(json::object{{"unit", unit}, {"role", role}});
    user[kScimRolesSchema] = json::object{{"roles", std::move(roles)}};
    user["meta"] = json::object{{"resourceType", "User"}, {"location", origin + std::string(kBase) + "/Users/" + id}};
    return user;
}

// What went wrong with a request body, as RFC 7644 §3.12 names it.
struct Problem {
    int status = 400;
    std::string scim_type;
    std::string detail;
};

Response ProblemResponse(const Problem& problem) {
    return PageKit::ScimError(problem.status, problem.scim_type, problem.detail);
}

std::optional<std::string> StringOf(const json::value& value) {
    if (!value.is_string()) return std::nullopt;
    return std::string(value.as_string());
}

// A multi-valued attribute's value: the primary entry's, else the first's; a plain string as it is.
std::optional<std::string> FirstValueOf(const json::value& value) {
    if (value.is_string()) return std::string(value.as_string());
    if (!value.is_array()) return std::nullopt;
    const json::value* chosen = nullptr;
    for (const auto& entry : value.as_array()) {
        if (!entry.is_object()) return std::nullopt;
        const auto* primary = entry.as_object().if_contains("primary");
        if (chosen == nullptr || (primary != nullptr && primary->is_bool() && primary->as_bool())) chosen = &entry;
    }
    if (chosen == nullptr) return std::string();
    const auto* inner = chosen->as_object().if_contains("value");
    return inner == nullptr ? std::nullopt : StringOf(*inner);
}

std::optional<bool> BoolOf(const json::value& value) {
    if (value.is_bool()) return value.as_bool();
    // Some identity providers send "True"/"False" as strings in a PATCH.
    if (value.is_string()) {
        const std::string text = Lower(value.as_string());
        if (text == "true") return true;
        if (text == "false") return false;
    }
    return std::nullopt;
}

// Sets one attribute (named as in the schema, case-insensitively; a PATCH path may add a filter or
// a sub-attribute, "emails[type eq \"work\"].value") on the record.
std::optional<Problem> Apply(app::StaffRecord& record, std::string_view attribute, const json::value& value,
                             bool may_change_external_id) {
    const std::string path = Lower(attribute);
    const auto invalid = [&](std::string_view what) {
        return Problem{400, "invalidValue", std::string(attribute) + ": " + std::string(what)};
    };
    const auto starts = [&](std::string_view prefix) { return path.starts_with(prefix); };
    if (path == "username") {
        auto text = StringOf(value);
        if (!text) return invalid("a string is expected");
        record.username = *text;
    } else if (path == "externalid") {
        auto text = StringOf(value);
        if (!text) return invalid("a string is expected");
        if (!may_change_external_id && *text != record.external_id) {
            return Problem{400, "mutability", "externalId: the organisation's id for a person does not change"};
        }
        record.external_id = *text;
    } else if (path == "displayname" || path == "name.formatted") {
        auto text = StringOf(value);
        if (!text) return invalid("a string is expected");
        record.display_name = *text;
    } else if (path == "name") {
        if (!value.is_object()) return invalid("an object is expected");
        const auto& name = value.as_object();
        if (const auto* formatted = name.if_contains("formatted"); formatted != nullptr && formatted->is_string()) {
            record.display_name = std::string(formatted->as_string());
        } else {
            const auto* given = name.if_contains("givenName");
            const auto* family = name.if_contains("familyName");
            std::string joined;
            if (given != nullptr && given->is_string()) joined = std::string(given->as_string());
            if (family != nullptr && family->is_string()) {
                joined += (joined.empty() ? "" : " ") + std::string(family->as_string());
            }
            if (!joined.empty()) record.display_name = joined;
        }
    } else if (starts("emails")) {
        auto text = FirstValueOf(value);
        if (!text) return invalid("an e-mail address is expected");
        record.email = *text;
    } else if (starts("phonenumbers")) {
        auto text = FirstValueOf(value);
        if (!text) return invalid("a phone number is expected");
        record.phone = *text;
    } else if (path == "active") {
        auto active = BoolOf(value);
        if (!active) return invalid("true or false is expected");
        record.active = *active;
    } else if (path == Lower(kScimRolesSchema) || path == Lower(kScimRolesSchema) + ":roles") {
        const json::value* list = &value;
        if (value.is_object()) list = value.as_object().if_contains("roles");
        if (list == nullptr || !list->is_array()) return invalid("a list of {unit, role} is expected");
        record.roles.clear();
        for (const auto& entry : list->as_array()) {
            const auto* object = entry.if_object();
            const auto* unit = object == nullptr ? nullptr : object->if_contains("unit");
            const auto* role = object == nullptr ? nullptr : object->if_contains("role");
            if (unit == nullptr || role == nullptr || !unit->is_string() || !role->is_string()) {
                return invalid("each role is {\"unit\": \"UNIT-ID\", \"role\": \"role_code\"}");
            }
            record.roles.emplace_back(std::string(unit->as_string()), std::string(role->as_string()));
        }
    } else if (path == "schemas" || path == "id" || path == "meta") {
        // Set by the service: what a client sends is ignored (RFC 7643 §3.1).
    } else {
        return Problem{400, "invalidSyntax", std::string(attribute) + ": not an attribute of this service's users"};
    }
    return std::nullopt;
}

// A whole user as POST and PUT send it, applied onto `record`.
std::optional<Problem> ApplyUser(app::StaffRecord& record, const json::value& body, bool creating) {
    if (!body.is_object()) return Problem{400, "invalidSyntax", "a JSON object is expected"};
    const auto& user = body.as_object();
    const auto* schemas = user.if_contains("schemas");
    const bool is_user = schemas != nullptr && schemas->is_array() &&
                         std::any_of(schemas->as_array().begin(), schemas->as_array().end(), [](const auto& schema) {
                             return schema.is_string() && schema.as_string() == kUserSchema;
                         });
    if (!is_user) return Problem{400, "invalidSyntax", std::string("schemas must include ") + std::string(kUserSchema)};
    if (!creating) {
        // A replacement sets every attribute it sends and clears the optional ones it leaves out.
        record.phone.clear();
        record.roles.clear();
        record.active = true;
    }
    // The name first: a displayName beside it wins.
    if (const auto* name = user.if_contains("name")) {
        if (auto problem = Apply(record, "name", *name, creating)) return problem;
    }
    for (const auto& [key, value] : user) {
        if (key == "name") continue;
        if (auto problem = Apply(record, key, value, creating)) return problem;
    }
    if (creating && record.external_id.empty()) record.external_id = record.username;
    return std::nullopt;
}

std::optional<json::value> ParseBody(const Request& request, Problem& problem) {
    boost::system::error_code ec;
    json::value body = json::parse(request.body, ec);
    if (ec) {
        problem = {400, "invalidSyntax", "the body is not JSON: " + ec.message()};
        return std::nullopt;
    }
    return body;
}

Response FromError(const Error& error) {
    if (error.code == ErrorCode::kConflict) return PageKit::ScimError(409, "uniqueness", "userName is taken");
    if (error.code == ErrorCode::kNotFound) return PageKit::ScimError(404, "", "not found");
    if (error.code == ErrorCode::kInvalidArgument) {
        const Translator t("en");
        std::string detail;
        for (const auto& field : error.fields) {
            detail += (detail.empty() ? "" : "; ") + field.field + ": " + std::string(t(field.message_key));
        }
        if (detail.empty()) detail = std::string(t(error.message_key));
        return PageKit::ScimError(400, "invalidValue", detail);
    }
    return PageKit::ScimError(500, "", "internal error");
}

json::object ListOf(json::array resources, std::int64_t total, std::int64_t start) {
    const auto count = static_cast<std::int64_t>(resources.size());
    return {{"schemas", json::array{kListSchema}},
            {"totalResults", total},
            {"startIndex", start},
            {"itemsPerPage", count},
            {"Resources", std::move(resources)}};
}

std::int64_t IntegerParameter(std::string_view query, std::string_view name, std::int64_t fallback) {
    const std::string text = QueryValue(query, name);
    if (text.empty()) return fallback;
    const auto parsed = ParsePositiveId(text);
    return parsed ? *parsed : (text == "0" ? 0 : fallback);
}

json::object Attribute(std::string_view name, std::string_view type, bool required, std::string_view mutability,
                       std::string_view uniqueness = "none", bool multi_valued = false) {
    return {{"name", name},
            {"type", type},
            {"multiValued", multi_valued},
            {"description", ""},
            {"required", required},
            {"caseExact", false},
            {"mutability", mutability},
            {"returned", "default"},
            {"uniqueness", uniqueness}};
}

json::object MultiValued(std::string_view name) {
    json::object attribute = Attribute(name, "complex", false, "readWrite", "none", true);
    attribute["subAttributes"] =
        json::array{Attribute("value", "string", false, "readWrite"), Attribute("type", "string", false, "readWrite"),
                    Attribute("primary", "boolean", false, "readWrite")};
    return attribute;
}

}  // namespace

void ScimRoutes::Register(RouteTable& routes) const {
    routes.AddProvisioning("GET", "/scim/v2/Users", Bind(this, &ScimRoutes::List));
    routes.AddProvisioning("POST", "/scim/v2/Users", Bind(this, &ScimRoutes::Create));
    routes.AddProvisioning("GET", "/scim/v2/Users/{id}", Bind(this, &ScimRoutes::Get));
    routes.AddProvisioning("PUT", "/scim/v2/Users/{id}", Bind(this, &ScimRoutes::Replace));
    routes.AddProvisioning("PATCH", "/scim/v2/Users/{id}", Bind(this, &ScimRoutes::Patch));
    routes.AddProvisioning("DELETE", "/scim/v2/Users/{id}", Bind(this, &ScimRoutes::Delete));
    routes.AddProvisioning("GET", "/scim/v2/ServiceProviderConfig", Bind(this, &ScimRoutes::ServiceProviderConfig));
    routes.AddProvisioning("GET", "/scim/v2/ResourceTypes", Bind(this, &ScimRoutes::ResourceTypes));
    routes.AddProvisioning("GET", "/scim/v2/Schemas", Bind(this, &ScimRoutes::Schemas));
}

Result<std::optional<app::KeyedStaff>> ScimRoutes::Find(const std::string& organisation, const std::string& id) const {
    const auto wanted = ParsePositiveId(id);
    if (!wanted) return std::optional<app::KeyedStaff>{};
    return directory_.KeyedStaffMember(organisation, *wanted);
}

Response ScimRoutes::Provisioned(const Request& request, const std::string& organisation,
                                 const app::StaffRecord& record, int status) const {
    auto id = directory_.Provision(organisation, record, ContextOf(request));
    if (!id) return FromError(id.error());
    auto person = Find(organisation, std::to_string(*id));
    if (!person || !*person) return PageKit::ScimError(500, "", "the user was written but cannot be read back");
    Response response = ScimJson(status, UserJson(OriginOf(request), **person));
    if (status == 201)
        response.SetHeader("Location", OriginOf(request) + std::string(kBase) + "/Users/" + std::to_string(*id));
    return response;
}

Response ScimRoutes::List(const Request& request, const RouteParams&, const std::string& organisation) const {
    const std::string filter = QueryValue(request.query, "filter");
    std::optional<std::pair<std::string, std::string>> wanted;  // attribute, value
    if (!filter.empty()) {
        static const std::regex kEquals(R"re(^\s*(userName|externalId)\s+eq\s+"([^"]*)"\s*$)re", std::regex::icase);
        std::smatch match;
        if (!std::regex_match(filter, match, kEquals)) {
            return PageKit::ScimError(400, "invalidFilter",
                                      "only userName eq \"…\" and externalId eq \"…\" are supported");
        }
        wanted.emplace(Lower(match[1].str()), match[2].str());
    }
    auto staff = directory_.KeyedStaffOf(organisation);
    if (!staff) return FromError(staff.error());
    std::vector<const app::KeyedStaff*> matching;
    for (const auto& person : *staff) {
        // userName is compared as usernames are kept (lower case); externalId exactly (RFC 7643 caseExact).
        if (wanted && wanted->first == "username" && person.record.username != Lower(wanted->second)) continue;
        if (wanted && wanted->first == "externalid" && person.record.external_id != wanted->second) continue;
        matching.push_back(&person);
    }
    std::sort(matching.begin(), matching.end(), [](auto a, auto b) { return a->id < b->id; });
    const std::int64_t start = std::max<std::int64_t>(1, IntegerParameter(request.query, "startIndex", 1));
    const std::int64_t count = std::min(kMaxResults, IntegerParameter(request.query, "count", kMaxResults));
    json::array resources;
    for (std::int64_t i = start - 1; i < static_cast<std::int64_t>(matching.size()) && i < start - 1 + count; ++i) {
        resources.push_back(UserJson(OriginOf(request), *matching[static_cast<std::size_t>(i)]));
    }
    return ScimJson(200, ListOf(std::move(resources), static_cast<std::int64_t>(matching.size()), start));
}

Response ScimRoutes::Get(const Request& request, const RouteParams& params, const std::string& organisation) const {
    auto person = Find(organisation, params.at("id"));
    if (!person) return FromError(person.error());
    if (!*person) return PageKit::ScimError(404, "", "no such user");
    return ScimJson(200, UserJson(OriginOf(request), **person));
}

Response ScimRoutes::Create(const Request& request, const RouteParams&, const std::string& organisation) const {
    Problem problem;
    const auto body = ParseBody(request, problem);
    if (!body) return ProblemResponse(problem);
    app::StaffRecord record;
    record.roles_required = false;  // identity management may give roles later, or the administrator
    if (auto refused = ApplyUser(record, *body, /*creating=*/true)) return ProblemResponse(*refused);
    auto staff = directory_.KeyedStaffOf(organisation);
    if (!staff) return FromError(staff.error());
    const bool keyed = std::any_of(staff->begin(), staff->end(),
                                   [&](const auto& person) { return person.record.external_id == record.external_id; });
    if (keyed) return PageKit::ScimError(409, "uniqueness", "externalId is taken");
    return Provisioned(request, organisation, record, 201);
}

Response ScimRoutes::Changing(const Request& request, const RouteParams& params, const std::string& organisation,
                              const std::function<Response(app::StaffRecord&, const json::value&)>& change) const {
    auto person = Find(organisation, params.at("id"));
    if (!person) return FromError(person.error());
    if (!*person) return PageKit::ScimError(404, "", "no such user");
    Problem problem;
    const auto body = ParseBody(request, problem);
    if (!body) return ProblemResponse(problem);
    app::StaffRecord record = (*person)->record;
    record.roles_required = false;
    Response refused = change(record, *body);
    if (refused.status != 200) return refused;
    return Provisioned(request, organisation, record, 200);
}

Response ScimRoutes::Replace(const Request& request, const RouteParams& params, const std::string& organisation) const {
    return Changing(request, params, organisation, [](app::StaffRecord& record, const json::value& body) {
        if (auto refused = ApplyUser(record, body, /*creating=*/false)) return ProblemResponse(*refused);
        return Response{};
    });
}

Response ScimRoutes::Patch(const Request& request, const RouteParams& params, const std::string& organisation) const {
    return Changing(request, params, organisation, [](app::StaffRecord& record, const json::value& body) {
        const auto* object = body.if_object();
        const auto* schemas = object == nullptr ? nullptr : object->if_contains("schemas");
        const auto* operations = object == nullptr ? nullptr : object->if_contains("Operations");
        const bool is_patch =
            schemas != nullptr && schemas->is_array() &&
            std::any_of(schemas->as_array().begin(), schemas->as_array().end(),
                        [](const auto& schema) { return schema.is_string() && schema.as_string() == kPatchSchema; });
        if (!is_patch || operations == nullptr || !operations->is_array()) {
            return PageKit::ScimError(400, "invalidSyntax", "a PatchOp with Operations is expected");
        }
        for (const auto& operation : operations->as_array()) {
            const auto* op_object = operation.if_object();
            const auto* op = op_object == nullptr ? nullptr : op_object->if_contains("op");
            if (op == nullptr || !op->is_string())
                return PageKit::ScimError(400, "invalidSyntax", "each operation has an op");
            const std::string verb = Lower(op->as_string());
            const auto* path = op_object->if_contains("path");
            const auto* value = op_object->if_contains("value");
            if (path != nullptr && !path->is_string())
                return PageKit::ScimError(400, "invalidPath", "path is a string");
            if (verb == "remove") {
                if (path == nullptr) return PageKit::ScimError(400, "noTarget", "remove needs a path");
                const std::string target = Lower(path->as_string());
                if (target.starts_with("phonenumbers")) {
                    record.phone.clear();
                } else if (target.starts_with(Lower(kScimRolesSchema))) {
                    record.roles.clear();
                } else {
                    return PageKit::ScimError(400, "invalidPath",
                                              std::string(path->as_string()) + " cannot be removed");
                }
                continue;
            }
            if (verb != "add" && verb != "replace") {
                return PageKit::ScimError(400, "invalidSyntax", "op is add, replace or remove");
            }
            if (value == nullptr) return PageKit::ScimError(400, "invalidValue", "add and replace need a value");
            if (path == nullptr) {
                if (!value->is_object())
                    return PageKit::ScimError(400, "invalidValue", "a value without a path is an object");
                for (const auto& [key, inner] : value->as_object()) {
                    if (auto refused = Apply(record, key, inner, false)) return ProblemResponse(*refused);
                }
                continue;
            }
            auto refused = Apply(record, path->as_string(), *value, false);
            if (refused && refused->scim_type == "invalidSyntax") refused->scim_type = "invalidPath";
            if (refused) return ProblemResponse(*refused);
        }
        return Response{};
    });
}

Response ScimRoutes::Delete(const Request&, const RouteParams&, const std::string&) const {
    // History and the audit log keep pointing at an account: identity management closes it instead.
    return PageKit::ScimError(501, "", "accounts are never deleted; PATCH active false closes one");
}

Response ScimRoutes::ServiceProviderConfig(const Request& request, const RouteParams&, const std::string&) const {
    const std::string origin = OriginOf(request);
    return ScimJson(
        200,
        json::object{{"schemas", json::array{"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"}},
                     {"patch", json::object{{"supported", true}}},
                     {"bulk", json::object{{"supported", false}, {"maxOperations", 0}, {"maxPayloadSize", 0}}},
                     {"filter", json::object{{"supported", true}, {"maxResults", kMaxResults}}},
                     {"changePassword", json::object{{"supported", false}}},
                     {"sort", json::object{{"supported", false}}},
                     {"etag", json::object{{"supported", false}}},
                     {"authenticationSchemes",
                      json::array{json::object{{"type", "oauthbearertoken"},
                                               {"name", "Bearer token"},
                                               {"description", "One token per organisation, from --scim-token-file"}}}},
                     {"meta", json::object{{"resourceType", "ServiceProviderConfig"},
                                           {"location", origin + std::string(kBase) + "/ServiceProviderConfig"}}}});
}

Response ScimRoutes::ResourceTypes(const Request& request, const RouteParams&, const std::string&) const {
    json::object user{
        {"schemas", json::array{"urn:ietf:params:scim:schemas:core:2.0:ResourceType"}},
        {"id", "User"},
        {"name", "User"},
        {"endpoint", "/Users"},
        {"description", "A member of staff of the organisation"},
        {"schema", kUserSchema},
        {"schemaExtensions", json::array{json::object{{"schema", kScimRolesSchema}, {"required", false}}}},
        {"meta", json::object{{"resourceType", "ResourceType"},
                              {"location", OriginOf(request) + std::string(kBase) + "/ResourceTypes/User"}}}};
    return ScimJson(200, ListOf(json::array{std::move(user)}, 1, 1));
}

Response ScimRoutes::Schemas(const Request& request, const RouteParams&, const std::string&) const {
    const std::string origin = OriginOf(request);
    json::object name = Attribute("name", "complex", false, "readWrite");
    name["subAttributes"] = json::array{Attribute("formatted", "string", false, "readWrite"),
                                        Attribute("givenName", "string", false, "readWrite"),
                                        Attribute("familyName", "string", false, "readWrite")};
    json::object user{
        {"schemas", json::array{"urn:ietf:params:scim:schemas:core:2.0:Schema"}},
        {"id", kUserSchema},
        {"name", "User"},
        {"description", "A member of staff"},
        {"attributes", json::array{Attribute("userName", "string", true, "readWrite", "server"), std::move(name),
                                   Attribute("displayName", "string", false, "readWrite"),
                                   Attribute("active", "boolean", false, "readWrite"), MultiValued("emails"),
                                   MultiValued("phoneNumbers")}},
        {"meta", json::object{{"resourceType", "Schema"},
                              {"location", origin + std::string(kBase) + "/Schemas/" + std::string(kUserSchema)}}}};
    json::object role = Attribute("roles", "complex", false, "readWrite", "none", true);
    role["subAttributes"] =
        json::array{Attribute("unit", "string", true, "readWrite"), Attribute("role", "string", true, "readWrite")};
    json::object roles{{"schemas", json::array{"urn:ietf:params:scim:schemas:core:2.0:Schema"}},
                       {"id", kScimRolesSchema},
                       {"name", "KronobarnRoles"},
                       {"description", "Roles per unit: the unit's external id and a role code"},
                       {"attributes", json::array{std::move(role)}},
                       {"meta", json::object{{"resourceType", "Schema"},
                                             {"location", origin + std::string(kBase) + "/Schemas/" +
                                                              std::string(kScimRolesSchema)}}}};
    return ScimJson(200, ListOf(json::array{std::move(user), std::move(roles)}, 2, 1));
}

}  // namespace kronobarn::web
