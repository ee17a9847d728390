package org.gazette.syndication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/**
 * Downloads a feed with strict limits: conditional GET, gzip, at most five redirects (each hop's
 * address checked by the {@link AddressGuard}), a connect time-out, one deadline for the whole
 * download (so a server that drips a byte a second is cut off), and a size cap that also applies
 * after decompression (so a small gzip bomb cannot fill the memory).
 */
public final class FeedFetcher {

    static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final AddressGuard guard;
    private final long maxBytes;
    private final Duration deadline;
    private final String userAgent;
    private final Clock clock;

    public FeedFetcher(AddressGuard guard, long maxBytes, Duration connectTimeout, Duration deadline, String userAgent, Clock clock) {
        this.guard = guard;
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.userAgent = userAgent;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** What came back: a feed body, or "not modified" (status 304, no body). */
    public record Result(int status, URI finalUri, byte[] body, String contentType, String etag, String lastModified) {
        public boolean notModified() {
            return status == 304;
        }
    }

    /** The server asked us to come back later (429 or 503 with Retry-After). */
    public static final class RetryLater extends FeedProblem {
        private final Instant notBefore;

        RetryLater(String message, int status, Instant notBefore) {
            super(message, status, null);
            this.notBefore = notBefore;
        }

        public Instant notBefore() {
            return notBefore;
        }
    }

    public Result fetch(URI uri, String etag, String lastModified) throws FeedProblem {
        Instant giveUpAt = clock.instant().plus(deadline);
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            guard.check(current);
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                    .GET()
                    .timeout(remaining(giveUpAt))
                    .header("User-Agent", userAgent)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1")
                    .header("Accept-Encoding", "gzip");
            // Validators belong to the address they came from; a redirect target gets a plain GET.
            if (hop == 0 && etag != null) {
                request.header("If-None-Match", etag);
            }
            if (hop == 0 && lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<byte[]> response = send(request.build(), giveUpAt, current);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FeedProblem("The server answered " + status + " (redirect) without saying where to", status, null);
                }
                try {
                    current = current.resolve(new URI(location.strip().replace(" ", "%20")));
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    throw new FeedProblem("The server redirected to an invalid address: " + location, status, null);
                }
                continue;
            }
            if (status == 304) {
                return new Result(304, current, new byte[0], null, etag, lastModified);
            }
            if (status == 429 || status == 503) {
                Instant retryAt = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                throw new RetryLater("The server is busy (HTTP " + status + ")"
                        + (retryAt == null ? "" : "; it asked us to come back after " + retryAt), status, retryAt);
            }
            if (status != 200) {
                throw new FeedProblem("The server answered HTTP " + status + describe(status) + " for " + current, status, null);
            }
            byte[] body = decode(response);
            return new Result(status, current, body, response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
        throw new FeedProblem("Too many redirects (more than " + MAX_REDIRECTS + "), starting at " + uri);
    }

    private HttpResponse<byte[]> send(HttpRequest request, Instant giveUpAt, URI uri) throws FeedProblem {
        AtomicReference<CappedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            CappedBody subscriber = new CappedBody(maxBytes, declared);
            body.set(subscriber);
            return subscriber;
        });
        try {
            return future.get(remaining(giveUpAt).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            CappedBody subscriber = body.get();
            if (subscriber != null) {
                subscriber.abort();
            }
            future.cancel(true);
            throw new FeedProblem("The feed did not arrive in full within " + deadline.toSeconds() + " s (server too slow)");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FeedProblem("Fetching was interrupted (Gazette is shutting down)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof IOException && cause.getCause() instanceof TooLarge) {
                cause = cause.getCause();
            }
            if (cause instanceof TooLarge) {
                throw new FeedProblem(cause.getMessage());
            }
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                throw new FeedProblem("Could not connect to " + uri.getHost() + " (" + messageOf(cause) + ")", cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw new FeedProblem("The server did not answer within " + deadline.toSeconds() + " s", cause);
            }
            throw new FeedProblem("Could not fetch " + uri + " (" + messageOf(cause) + ")", cause);
        }
    }

    private byte[] decode(HttpResponse<byte[]> response) throws FeedProblem {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        if (encoding.equals("identity") || encoding.isEmpty()) {
            return response.body();
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new FeedProblem("The server sent the feed in an encoding Gazette cannot read (" + encoding + ")");
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw new FeedProblem("The feed is larger than " + maxBytes + " bytes once decompressed; refused");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FeedProblem("The feed's gzip compression is broken (" + messageOf(e) + ")", e);
        }
    }

    private Duration remaining(Instant giveUpAt) throws FeedProblem {
        Duration left = Duration.between(clock.instant(), giveUpAt);
        if (left.isNegative() || left.isZero()) {
            throw new FeedProblem("The feed did not arrive in full within " + deadline.toSeconds() + " s (server too slow)");
        }
        return left;
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    Instant retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : clock.instant().plusSeconds(Math.min(seconds, Duration.ofDays(7).toSeconds()));
        } catch (NumberFormatException e) {
            try {
                return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String describe(int status) {
        return switch (status) {
            case 401, 403 -> " (access denied)";
            case 404 -> " (not found)";
            case 410 -> " (gone: the partner removed this feed)";
            default -> status >= 500 ? " (server error)" : "";
        };
    }

    static String messageOf(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** Collects the body, refusing it as soon as it grows past the cap; can be aborted from outside. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final long declared;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile Flow.Subscription subscription;

        CappedBody(long max, long declared) {
            this.max = max;
            this.declared = declared;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > max) {
                s.cancel();
                result.completeExceptionally(new TooLarge("The feed is " + declared + " bytes, more than the limit of " + max + " bytes; refused"));
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge("The feed is larger than the limit of " + max + " bytes; refused"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }

        @Override
        public CompletableFuture<byte[]> getBody() {
            return result;
        }

        void abort() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            result.completeExceptionally(new IOException("aborted"));
        }
    }
}
