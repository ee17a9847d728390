package org.gazette.article;

/** The picture at the top of an article. The alt text is required: readers who cannot see it get the words. */
public record LeadImage(String url, String alt, String caption) {

    /** Widths the media library keeps of each upload (back office, issue 5). */
    public static final int[] WIDTHS = {320, 640, 1024, 1600};

    private static final java.util.regex.Pattern MEDIA = java.util.regex.Pattern.compile("/media/(\\d+)/\\d+");

    /** For an image from the media library, the resized copies for a responsive srcset; otherwise null. */
    public String srcset() {
        var m = url == null ? null : MEDIA.matcher(url);
        if (m == null || !m.matches()) {
            return null;
        }
        StringBuilder set = new StringBuilder();
        for (int width : WIDTHS) {
            set.append(set.length() == 0 ? "" : ", ").append("/media/").append(m.group(1)).append('/').append(width)
                    .append(' ').append(width).append('w');
        }
        return set.toString();
    }

    public String sizes() {
        return srcset() == null ? null : "(max-width: 44rem) 100vw, 42rem";
    }
}
