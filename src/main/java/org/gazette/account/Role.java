package org.gazette.account;

import java.util.Locale;

/** What a person may do in the back office; each role can do everything the ones before it can. */
public enum Role {
    /** Writes drafts and submits them for review. */
    CONTRIBUTOR,
    /** Publishes and edits their own articles. */
    AUTHOR,
    /** Publishes, edits, schedules and unpublishes anyone's; manages sections, tags, sources. */
    EDITOR,
    /** All that, plus users and site settings. */
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a role as typed on the command line or sent by a form; null when it names none. */
    public static Role parse(String text) {
        if (text == null) {
            return null;
        }
        for (Role role : values()) {
            if (role.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        return null;
    }
}
