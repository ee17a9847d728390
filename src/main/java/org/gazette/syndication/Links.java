package org.gazette.syndication;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Addresses as feeds give them: resolved, checked, and normalized so one article has one key. */
final class Links {

    private static final Pattern TRACKING_PARAM = Pattern.compile(
            "(?i)^(utm_[a-z_]*|fbclid|gclid|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|cmpid|ref|ref_src|src|ns_campaign|ns_mchannel|ito|wt\\.mc_id)$");

    private Links() {
    }

    /** The address resolved against a base and kept only when it is http(s) and of sane length; else null. */
    static String absolute(String address, String base) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(address.strip().replace(" ", "%20"));
            if (!uri.isAbsolute() && base != null) {
                uri = new URI(base).resolve(uri);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            String text = uri.toString();
            return text.length() > 2000 ? null : text;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * One spelling per article address: http and https alike, host in lower case, no default port,
     * no fragment, no trailing slash, no tracking parameters (utm_*, fbclid, ...), the rest sorted.
     */
    static String normalize(String absolute) {
        try {
            URI uri = new URI(absolute);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            while (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            List<String> params = new ArrayList<>();
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String name = pair.split("=", 2)[0];
                    if (!pair.isEmpty() && !TRACKING_PARAM.matcher(name).matches()) {
                        params.add(pair);
                    }
                }
            }
            params.sort(null);
            return "https://" + host + (defaultPort ? "" : ":" + port) + path + (params.isEmpty() ? "" : "?" + String.join("&", params));
        } catch (URISyntaxException | RuntimeException e) {
            return absolute;
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
