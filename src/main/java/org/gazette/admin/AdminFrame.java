package org.gazette.admin;

import org.gazette.account.Account;
import org.gazette.account.Role;
import org.gazette.site.Dates;
import org.gazette.site.Messages;

/** What every back-office page shows around its content: who is logged in, the menu, the form token. */
public record AdminFrame(String siteName, String language, Messages messages, Dates dates, String title,
                         Account account, String csrfToken, String current) {

    public String t(String key) {
        return messages.t(key);
    }

    public String t(String key, Object... args) {
        return messages.t(key, args);
    }

    public boolean can(String role) {
        return account != null && account.can(Role.valueOf(role));
    }

    public boolean isCurrent(String item) {
        return item.equals(current);
    }

    public String documentTitle() {
        return title + " | " + siteName + " " + messages.t("admin.name");
    }
}
