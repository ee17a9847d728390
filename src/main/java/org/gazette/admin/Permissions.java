package org.gazette.admin;

import org.gazette.account.Account;
import org.gazette.account.Role;
import org.gazette.article.ArticleStatus;

/**
 * Who may do what to an article. Contributors write and submit their own drafts; authors also
 * publish and edit their own articles; editors and admins do anything to anyone's.
 */
public final class Permissions {

    private Permissions() {
    }

    static boolean owns(Account a, EditorialStore.Owned article) {
        return article.createdBy() != null && article.createdBy() == a.id();
    }

    public static boolean canEdit(Account a, EditorialStore.Owned article) {
        if (article.status() == ArticleStatus.TRASHED) {
            return false;
        }
        if (a.can(Role.EDITOR)) {
            return true;
        }
        if (a.can(Role.AUTHOR)) {
            return owns(a, article);
        }
        return owns(a, article) && article.status() == ArticleStatus.DRAFT;
    }

    public static boolean canSubmit(Account a, EditorialStore.Owned article) {
        return canEdit(a, article) && article.status() == ArticleStatus.DRAFT;
    }

    /** Publishing, scheduling and taking back offline. */
    public static boolean canPublish(Account a, EditorialStore.Owned article) {
        return canEdit(a, article) && a.can(Role.AUTHOR);
    }

    public static boolean canUnpublish(Account a, EditorialStore.Owned article) {
        return canPublish(a, article) && article.status() != ArticleStatus.DRAFT;
    }

    public static boolean canTrash(Account a, EditorialStore.Owned article) {
        return a.can(Role.EDITOR) && article.status() != ArticleStatus.TRASHED;
    }

    public static boolean canRestore(Account a, EditorialStore.Owned article) {
        return a.can(Role.EDITOR) && article.status() == ArticleStatus.TRASHED;
    }

    /** Corrections and update notes on a published article. */
    public static boolean canAddNote(Account a, EditorialStore.Owned article) {
        return a.can(Role.EDITOR) && article.status() == ArticleStatus.PUBLISHED;
    }

    /** Whether autosave may write the article straight away: never while it is live or queued to go live. */
    public static boolean autosaves(ArticleStatus status) {
        return status == ArticleStatus.DRAFT || status == ArticleStatus.IN_REVIEW;
    }
}
