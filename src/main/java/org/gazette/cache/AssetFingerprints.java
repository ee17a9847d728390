package org.gazette.cache;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's own stylesheet and script under names that carry a hash of their content
 * ({@code /assets/site.3f2a9c1b.css}), so browsers and CDNs may keep them for a year: a changed
 * file gets a new name. Templates ask {@link #path(String)} for the current name.
 */
public final class AssetFingerprints {

    private static final String FOLDER = "/public/assets/";
    private static final List<String> FINGERPRINTED = List.of("site.css", "text-size.js");
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private record Asset(byte[] body, byte[] gzip, String contentType, String etag) {
    }

    private static final Map<String, String> PATHS = new HashMap<>();
    private static final Map<String, Asset> BY_NAME = new HashMap<>();

    static {
        for (String name : FINGERPRINTED) {
            byte[] body = read(name);
            String hash = CachedPage.hash(body).substring(0, 10).replace('-', 'x').replace('_', 'y');
            int dot = name.lastIndexOf('.');
            String fingerprinted = name.substring(0, dot) + "." + hash + name.substring(dot);
            String type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            PATHS.put(name, "/assets/" + fingerprinted);
            BY_NAME.put(fingerprinted, new Asset(body, CachedPage.gzip(body), type, '"' + hash + '"'));
        }
    }

    private AssetFingerprints() {
    }

    /** The address of an asset under its fingerprinted name; unknown names keep their plain address. */
    public static String path(String name) {
        return PATHS.getOrDefault(name, "/assets/" + name);
    }

    /** Every fingerprinted address, each to be routed to {@link #serve(Context)}. */
    public static java.util.Collection<String> paths() {
        return List.copyOf(PATHS.values());
    }

    /** Serves a fingerprinted address. */
    public static void serve(Context ctx) {
        Asset asset = BY_NAME.get(ctx.path().substring(ctx.path().lastIndexOf('/') + 1));
        if (asset == null) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", IMMUTABLE);
        ctx.header("ETag", asset.etag());
        ctx.header("Vary", "Accept-Encoding");
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType());
        ctx.disableCompression();
        if (PageCache.acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(asset.gzip());
        } else {
            ctx.result(asset.body());
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = AssetFingerprints.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled asset " + FOLDER + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
