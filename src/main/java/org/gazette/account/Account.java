package org.gazette.account;

/** A person who can log in to the back office; {@code authorId} links them to their byline, if any. */
public record Account(long id, String username, Role role, Long authorId) {

    public boolean can(Role needed) {
        return role.atLeast(needed);
    }
}
