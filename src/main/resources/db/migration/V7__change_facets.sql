-- Page caches must drop the listings an article LEAVES as well as those it joins, so each
-- outbox row remembers where the article was filed before the change: its section, tags,
-- authors and source, as space-separated tags ("section:3 tag:7 author:2"). Null means unknown.
alter table content_change add column facets varchar(4000);

-- recordChange looks up the newest change of one article; without this it scans the whole outbox.
-- It replaces V6's single-column index with one that also orders by seq.
drop index content_change_article;
create index content_change_article on content_change (article_id, seq);

-- Listings (home, feeds, sections, sources) read the newest published articles straight off
-- these indexes, however large the archive; ArticleStore orders by their leading columns.
create index article_recent on article (status, published_at desc, id desc);
create index article_section_recent on article (section_id, status, published_at desc, id desc);
create index article_source_recent on article (source_id, status, published_at desc, id desc);
