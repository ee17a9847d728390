/**
 * Syndication: partner outlets' RSS, Atom and JSON feeds republished as attributed articles.
 *
 * <p>The path of a poll: {@link org.gazette.syndication.PollScheduler} claims due feeds from the
 * queue in {@code feed_subscription.next_poll_at} and hands them to a bounded pool;
 * {@link org.gazette.syndication.Syndication#poll(long)} fetches ({@link org.gazette.syndication.FeedFetcher},
 * every hop checked by {@link org.gazette.syndication.AddressGuard}), parses
 * ({@link org.gazette.syndication.FeedParser}: DOCTYPE refused, secure SAX, ROME or Jackson), cleans each item
 * ({@link org.gazette.syndication.ItemCleaner}), and stores it ({@code ItemIngester} with {@code Deduplicator}:
 * GUID, normalized link, MinHash near-duplicates over 14 days) through the shared {@code Publisher}, so every
 * article gets its outbox entry and the search index follows. Every failure becomes the feed's readable
 * "last error" and a retry with back-off; nothing a partner sends can stop the scheduler or the site.
 *
 * <p>Known limits: the address check resolves the host itself and the JDK client resolves it again, so a DNS
 * server answering differently the second time (rebinding) is not caught; Atom {@code xml:base} is not applied
 * to item content (addresses resolve against the item's link, then the feed's); video iframes are dropped like
 * all iframes; other outlets that ran the same story are recorded ({@code article_also_from},
 * {@link org.gazette.syndication.Syndication#alsoFrom(long)}) and named on the article page ("Also reported by").
 */
package org.gazette.syndication;
