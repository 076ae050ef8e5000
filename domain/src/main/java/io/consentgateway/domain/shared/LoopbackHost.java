package io.consentgateway.domain.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a URL's host is this machine, the one place where plain {@code http} is allowed (local development, the
 * demo's sandbox): {@code localhost}, an IPv4 literal in 127.0.0.0/8, or an IPv6 loopback literal ({@code ::1} in any of its
 * spellings, {@code ::ffff:127.0.0.1}), with or without brackets. Decided from the text alone, never by a DNS lookup, so a name that
 * merely starts with "127." or resolves to this machine is not taken for loopback.
 */
public final class LoopbackHost {
    private static final Pattern IPV4 = Pattern.compile("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");

    private LoopbackHost() {
    }

    public static boolean is(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.toLowerCase(Locale.ROOT).equals("localhost") || IPV4.matcher(bare).matches()
                || bare.contains(":") && isIpv6Loopback(bare);
    }

    /**
     * Read in brackets, a text can only be an IPv6 literal: {@link InetAddress} parses it or refuses it, and never looks
     * a name up.
     */
    private static boolean isIpv6Loopback(String literal) {
        try {
            return InetAddress.getByName("[" + literal + "]").isLoopbackAddress();
        } catch (UnknownHostException notALiteral) {
            return false;
        }
    }
}
