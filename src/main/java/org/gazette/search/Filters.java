package org.gazette.search;

import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** The filters of a results page as Lucene clauses: every chosen value must hold (AND), and the date range. */
final class Filters {

    private Filters() {
    }

    /** The index term of one facet value, e.g. tag = Water. */
    static Term term(String dim, String value) {
        return DrillDownQuery.term(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, dim, value);
    }

    /** {@code query} restricted to the request's filters; filters do not change scores. */
    static Query apply(Query query, SearchRequest request, ZoneId zone) {
        if (!request.hasFilters()) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(query == null ? new MatchAllDocsQuery() : query, BooleanClause.Occur.MUST);
        request.filters().forEach((dim, values) -> {
            for (String value : values) {
                b.add(new TermQuery(term(dim, value)), BooleanClause.Occur.FILTER);
            }
        });
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : startOf(request.from(), zone);
            long to = request.to() == null ? Long.MAX_VALUE : startOf(request.to().plusDays(1), zone) - 1;
            b.add(LongPoint.newRangeQuery(IndexFields.PUBLISHED, from, to), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private static long startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
