-- Page caches must drop the listings an article LEAVES as well as those it joins, so each
-- outbox row remembers where the article was filed before the change: its section, tags,
-- authors and source, as space-separated tags ("section:3 tag:7 author:2"). Null means unknown.
alter table content_change add column facets varchar(4000);

-- recordChange looks up the newest change of one article; without this it scans the whole outbox.
create index content_change_article on content_change (article_id, seq);
