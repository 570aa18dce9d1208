// The element of a list whose key is the one asked for: goals and actions by id, participants by
// unit. Shared by the domain's edits and the store's save of a plan, which match the same lists.
#pragma once

#include <algorithm>
#include <vector>

namespace kronobarn {

// nullptr when no element's key_of(element) equals `key`.
template <typename Item, typename Key, typename KeyOf>
Item* FindBy(std::vector<Item>& items, const Key& key, KeyOf key_of) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const Item& item) { return key_of(item) == key; });
    return it == items.end() ? nullptr : &*it;
}
template <typename Item, typename Key, typename KeyOf>
const Item* FindBy(const std::vector<Item>& items, const Key& key, KeyOf key_of) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const Item& item) { return key_of(item) == key; });
    return it == items.end() ? nullptr : &*it;
}

inline constexpr auto kIdOf = [](const auto& item) { return item.id; };
inline constexpr auto kUnitOf = [](const auto& item) { return item.unit_id; };

}  // namespace kronobarn
