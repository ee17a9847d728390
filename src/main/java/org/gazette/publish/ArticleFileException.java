package org.gazette.publish;

/** A Markdown article file that cannot be published, with where and why, in words a writer can act on. */
public final class ArticleFileException extends Exception {

    private final String file;
    private final int line;
    private final String reason;

    public ArticleFileException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
