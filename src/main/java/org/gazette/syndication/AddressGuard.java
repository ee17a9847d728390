package org.gazette.syndication;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps feed fetching off the site's own network: a partner's feed (or a redirect it sends)
 * must not make Gazette reach loopback, private, link-local or other internal addresses.
 *
 * <p>Every address the host name resolves to is checked, so a name with one public and one
 * private address is refused too. The JDK client resolves the name again when it connects;
 * a DNS server that answers differently the second time (rebinding) is not caught here.
 */
public final class AddressGuard {

    private final boolean allowPrivate;

    public AddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Throws with a readable reason when the address may not be fetched. */
    public void check(URI uri) throws FeedProblem {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FeedProblem("Only http and https feed addresses are allowed, not '" + uri + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new FeedProblem("The address '" + uri + "' names no host");
        }
        if (uri.getUserInfo() != null) {
            throw new FeedProblem("Feed addresses with a user name or password are not allowed");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FeedProblem("The host '" + host + "' does not exist (DNS lookup failed)");
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new FeedProblem("Refused to connect to " + host + " (" + address.getHostAddress()
                        + "): it is a private, loopback or link-local address");
            }
        }
    }

    /** Whether an address belongs to this machine or a private network rather than the public internet. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))    // benchmarking
                    || first >= 240;                            // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
