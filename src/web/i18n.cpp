#include "web/i18n.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <stdexcept>

#include "common/log.hpp"
#include "web/embedded_catalogues.hpp"

namespace kronobarn::web {

Catalogue::Catalogue() {
    for (std::string_view lang : CatalogueFileNames()) {
        boost::system::error_code ec;
        const auto parsed = boost::json::parse(CatalogueFile(lang), ec);
        if (ec || !parsed.is_object())
            throw std::runtime_error("catalogue " + std::string(lang) + " is not a JSON object");
        auto& texts = texts_[std::string(lang)];
        for (const auto& [key, value] : parsed.as_object()) {
            if (!value.is_string()) throw std::runtime_error("catalogue entry is not a string: " + std::string(key));
            texts.emplace(std::string(key), std::string(value.as_string()));
        }
    }
}

const Catalogue& Catalogue::Instance() {
    static const Catalogue catalogue;
    return catalogue;
}

std::string_view Catalogue::Text(std::string_view lang, std::string_view key) const {
    if (const auto texts = texts_.find(lang); texts != texts_.end()) {
        if (const auto it = texts->second.find(key); it != texts->second.end()) return it->second;
    }
    log::Warn("i18n_missing_key", {{"lang", lang}, {"key", key}});
    return key;
}

std::string Catalogue::Format(std::string_view lang, std::string_view key,
                              std::initializer_list<std::pair<std::string_view, std::string_view>> values) const {
    std::string text(Text(lang, key));
    for (const auto& [name, value] : values) {
        const std::string placeholder = "{" + std::string(name) + "}";
        for (auto pos = text.find(placeholder); pos != std::string::npos;
             pos = text.find(placeholder, pos + value.size())) {
            text.replace(pos, placeholder.size(), value);
        }
    }
    return text;
}

std::vector<std::string> Catalogue::Languages() const {
    std::vector<std::string> out;
    for (const auto& [lang, texts] : texts_) out.push_back(lang);
    return out;
}

std::vector<std::string> Catalogue::Keys(std::string_view lang) const {
    std::vector<std::string> out;
    if (const auto texts = texts_.find(lang); texts != texts_.end()) {
        for (const auto& [key, text] : texts->second) out.push_back(key);
    }
    return out;
}

bool Catalogue::Has(std::string_view lang, std::string_view key) const {
    const auto texts = texts_.find(lang);
    return texts != texts_.end() && texts->second.count(key) > 0;
}

std::string_view Catalogue::Resolve(std::string_view requested) const {
    if (const auto it = texts_.find(requested); it != texts_.end()) return it->first;
    return texts_.find(std::string_view("sv"))->first;  // sv.json is always embedded (build requirement)
}

std::string_view Catalogue::Direction(std::string_view lang) { return lang == "ar" ? "rtl" : "ltr"; }

}  // namespace kronobarn::web
