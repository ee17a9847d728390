package org.gazette.admin;

import org.gazette.account.Account;
import org.gazette.account.Role;
import org.gazette.article.ArticleStatus;

/** The buttons the editor shows: exactly the steps the server would allow this user. */
public record EditorActions(boolean save, boolean submit, boolean publish, boolean unpublish, boolean trash,
                            boolean addNote, boolean autosave, boolean live) {

    static EditorActions forNew(Account me) {
        return new EditorActions(true, true, me.can(Role.AUTHOR), false, false, false, true, false);
    }

    static EditorActions of(Account me, EditorialStore.Owned a) {
        return new EditorActions(Permissions.canEdit(me, a), Permissions.canSubmit(me, a), Permissions.canPublish(me, a),
                Permissions.canUnpublish(me, a), Permissions.canTrash(me, a), Permissions.canAddNote(me, a),
                Permissions.autosaves(a.status()), a.status() == ArticleStatus.PUBLISHED);
    }
}
