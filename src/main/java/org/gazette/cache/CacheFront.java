package org.gazette.cache;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers requests for kept pages straight from Jetty, before the web framework sees them: the
 * hot path of a page under heavy traffic. Anything else (a page not kept, a query string, the
 * back office, a signed-in reader, another method) goes on to the routes, where
 * {@link PageCache#page} renders and keeps it. Same rules and headers as the routes' own answers.
 */
public final class CacheFront extends Handler.Wrapper {

    private final PageCache cache;

    public CacheFront(PageCache cache) {
        this.cache = cache;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        // The routes answer GET only (Javalin's own HEAD answer is an empty 200 for any path): a HEAD
        // goes to them as a GET, and Jetty sends the headers of that answer without its body.
        Request routed = head ? new AsGet(request) : request;
        if (!head && !HttpMethod.GET.is(method) || request.getHttpURI().getQuery() != null) {
            return super.handle(routed, response, callback);
        }
        String path = request.getHttpURI().getPath();
        var headers = request.getHeaders();
        if (!PageCache.isPublic(path, headers.get(HttpHeader.AUTHORIZATION), headers.get(HttpHeader.COOKIE))) {
            return super.handle(routed, response, callback);
        }
        CachedPage page = cache.peek(path);
        if (page == null) {
            return super.handle(routed, response, callback);
        }
        boolean gzip = page.gzip() != null && PageCache.acceptsGzip(headers.get(HttpHeader.ACCEPT_ENCODING));
        var out = response.getHeaders();
        out.put(HttpHeader.ETAG, gzip ? page.gzipEtag() : page.etag());
        out.put(HttpHeader.LAST_MODIFIED, page.lastModified());
        out.put(HttpHeader.CACHE_CONTROL, cache.cacheControl());
        out.put(HttpHeader.VARY, "Accept-Encoding");
        out.put("X-Cache", "HIT");
        page.headers().forEach(out::put);
        if (PageCache.notModified(page, headers.get(HttpHeader.IF_NONE_MATCH), headers.get(HttpHeader.IF_MODIFIED_SINCE))) {
            response.setStatus(304);
            response.write(true, null, callback);
            return true;
        }
        // A view of its own: writing moves a buffer's position, and other requests send the same page.
        ByteBuffer body = (gzip ? page.gzip() : page.body()).slice();
        response.setStatus(200);
        out.put(HttpHeader.CONTENT_TYPE, page.contentType());
        if (gzip) {
            out.put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        out.put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.remaining()));
        response.write(true, head ? null : body, callback);
        return true;
    }

    /** A HEAD request as the routes see it. */
    private static final class AsGet extends Request.Wrapper {
        AsGet(Request request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return HttpMethod.GET.asString();
        }
    }
}
