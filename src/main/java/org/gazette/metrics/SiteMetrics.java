package org.gazette.metrics;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.gazette.Site;

/**
 * Prometheus metrics for the person who runs the server: request rates and latencies by route,
 * the JVM, and how far the search index trails the database. Served at /metrics to loopback
 * callers only, unless {@code metrics.allow-remote} says otherwise.
 */
public final class SiteMetrics {

    private static final String START = "gazette.metrics.start";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final boolean allowRemote;

    public SiteMetrics(Site site, boolean allowRemote) {
        this.allowRemote = allowRemote;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("gazette.articles.published", site.articles(), a -> a.countPublished()).register(registry);
        if (site.index() != null) {
            Gauge.builder("gazette.search.lag", site, s -> s.changeLog().latestSeq() - s.index().appliedSeq())
                    .description("Outbox changes the search index has not applied yet")
                    .register(registry);
        }
    }

    public void before(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    public void after(Context ctx) {
        Long start = ctx.attribute(START);
        if (start == null) {
            return;
        }
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        // The route pattern, not the raw path: one series per route, whatever slugs readers ask for.
        String route = endpoint == null ? "unmatched" : endpoint.path;
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void scrape(Context ctx) {
        if (!allowRemote && !isLoopback(ctx.ip())) {
            throw new ForbiddenResponse();
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    private static boolean isLoopback(String ip) {
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
