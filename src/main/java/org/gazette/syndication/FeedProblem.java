package org.gazette.syndication;

/**
 * Why a feed (or one of its items) was refused, in words an editor can act on.
 * The message is what {@code gazette feeds list} and the status page show.
 */
public class FeedProblem extends Exception {

    private final int httpStatus;

    public FeedProblem(String message) {
        this(message, 0, null);
    }

    public FeedProblem(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public FeedProblem(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status that came with the problem, or 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }
}
