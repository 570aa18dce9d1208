// The single sign-on settings: each provider's name, issuer, client, secret file and claim; the URL
// browsers reach Kronobarn at (the redirect URIs registered at the providers); the acr values that
// count as two-factor. A problem names the setting and the provider, never a secret.
#include <filesystem>
#include <fstream>
#include <set>

#include "cli/config.hpp"
#include "oidc/http_client.hpp"

namespace kronobarn::cli {
namespace {

bool IsProviderName(std::string_view name) {
    if (name.empty() || name.size() > 32) return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::vector<std::string> SplitCommas(const std::string& text) {
    std::vector<std::string> parts;
    for (std::size_t start = 0; start <= text.size();) {
        const auto comma = std::min(text.find(',', start), text.size());
        parts.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return parts;
}

}  // namespace

bool IsPrivateFile(std::string_view flag, const std::string& path, std::vector<std::string>& problems) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::is_regular_file(status)) {
        problems.push_back(std::string(flag) + ": cannot read " + path);
        return false;
    }
    if ((status.permissions() & std::filesystem::perms::others_read) != std::filesystem::perms::none) {
        problems.push_back(std::string(flag) + ": " + path + " is readable by others (chmod 600 it)");
        return false;
    }
    return true;
}

void RegisterSingleSignOnOptions(CLI::App& app, Config& config) {
    app.add_option("--oidc-provider", config.oidc_providers,
                   "Single sign-on through an OpenID Connect provider: NAME,ISSUER,CLIENT_ID,CLIENT_SECRET_FILE,"
                   "CLAIM[,LABEL] (repeatable); CLAIM's value is matched to a staff username")
        ->envname("KRONOBARN_OIDC_PROVIDER")
        ->delimiter(';');
    app.add_option("--eid-provider", config.eid_providers,
                   "Swedish e-ID for guardians and children through an e-ID broker's OpenID Connect: NAME,ISSUER,"
                   "CLIENT_ID,CLIENT_SECRET_FILE,CLAIM[,LABEL] (repeatable); CLAIM carries the personal identity "
                   "number, e.g. https://id.oidc.se/claim/personalIdentityNumber")
        ->envname("KRONOBARN_EID_PROVIDER")
        ->delimiter(';');
    app.add_option("--eid-acr", config.eid_acrs,
                   "acr values (comma-separated) a family's e-ID sign-in must have (the Swedish eID framework's LoA 3 "
                   "and up)")
        ->envname("KRONOBARN_EID_ACR")
        ->capture_default_str();
    app.add_option("--eid-scope", config.eid_scope,
                   "The scope (space-separated) asked of an e-ID broker; it must give the personal identity number")
        ->envname("KRONOBARN_EID_SCOPE")
        ->capture_default_str();
    app.add_option("--public-url", config.public_url,
                   "The address browsers reach Kronobarn at, e.g. https://kronobarn.kronoberg.se (the providers' "
                   "redirect URIs are PUBLIC_URL/logga-in/sso/NAME/svar)")
        ->envname("KRONOBARN_PUBLIC_URL");
    app.add_option("--two-factor-acr", config.two_factor_acrs,
                   "acr values (comma-separated) that a provider's sign-in counts as two-factor for "
                   "--require-second-factor")
        ->envname("KRONOBARN_TWO_FACTOR_ACR");
}

namespace {

// One --oidc-provider or --eid-provider setting, added to the list when it is usable.
void ParseProvider(const std::string& setting, std::string_view flag, bool family, std::set<std::string>& names,
                   Config& config, std::vector<std::string>& problems) {
    const auto fields = SplitCommas(setting);
    const std::string name = fields.empty() ? "" : fields[0];
    const std::string where = std::string(flag) + " " + (IsProviderName(name) ? name : "\"" + name + "\"");
    if (fields.size() < 5 || fields.size() > 6) {
        problems.push_back(where + ": expected NAME,ISSUER,CLIENT_ID,CLIENT_SECRET_FILE,CLAIM[,LABEL]");
        return;
    }
    Config::OidcProvider provider{
        fields[0], fields[1], fields[2], "", fields[4], fields.size() == 6 ? fields[5] : fields[0], family};
    bool ok = true;
    if (!IsProviderName(provider.name)) {
        problems.push_back(where + ": NAME must be 1–32 of a–z, 0–9 and -");
        ok = false;
    } else if (!names.insert(provider.name).second) {
        problems.push_back(where + ": NAME given twice (--oidc-provider and --eid-provider share names)");
        ok = false;
    }
    if (!oidc::IsAllowedProviderUrl(provider.issuer)) {
        problems.push_back(where + ": ISSUER must be an https address");
        ok = false;
    }
    if (provider.client_id.empty() || provider.claim.empty()) {
        problems.push_back(where + ": CLIENT_ID and CLAIM must not be empty");
        ok = false;
    }
    if (IsPrivateFile(where + " CLIENT_SECRET_FILE", fields[3], problems)) {
        std::ifstream file(fields[3]);
        std::getline(file, provider.client_secret);
        if (provider.client_secret.empty()) {
            problems.push_back(where + ": CLIENT_SECRET_FILE " + fields[3] + " is empty");
            ok = false;
        }
    } else {
        ok = false;
    }
    if (ok) config.oidc_provider_list.push_back(std::move(provider));
}

}  // namespace

void ValidateSingleSignOn(Config& config, std::vector<std::string>& problems) {
    config.oidc_provider_list.clear();
    config.two_factor_acr_list.clear();
    config.eid_acr_list.clear();
    for (const std::string& acr : SplitCommas(config.two_factor_acrs)) {
        if (!acr.empty()) config.two_factor_acr_list.push_back(acr);
    }
    for (const std::string& acr : SplitCommas(config.eid_acrs)) {
        if (!acr.empty()) config.eid_acr_list.push_back(acr);
    }
    if (config.oidc_providers.empty() && config.eid_providers.empty()) return;
    if (!config.eid_providers.empty() && config.eid_acr_list.empty()) {
        problems.push_back("--eid-acr must name at least one assurance level when --eid-provider is given");
    }
    while (config.public_url.ends_with('/')) config.public_url.pop_back();
    if (!oidc::IsAllowedProviderUrl(config.public_url)) {
        problems.push_back(
            "--public-url must be an https address (http only on this machine) when --oidc-provider or "
            "--eid-provider is given");
    }
    std::set<std::string> names;
    for (const std::string& setting : config.oidc_providers) {
        ParseProvider(setting, "--oidc-provider", false, names, config, problems);
    }
    for (const std::string& setting : config.eid_providers) {
        ParseProvider(setting, "--eid-provider", true, names, config, problems);
    }
}

}  // namespace kronobarn::cli
