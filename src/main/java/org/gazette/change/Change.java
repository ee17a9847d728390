package org.gazette.change;

/** One entry of the outbox: article {@code articleId} changed, as the {@code seq}-th change overall. */
public record Change(long seq, long articleId) {
}
