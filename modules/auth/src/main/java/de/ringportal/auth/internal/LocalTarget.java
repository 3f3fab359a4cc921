package de.ringportal.auth.internal;

import java.net.URI;
import java.net.URISyntaxException;

/** Where to go after login: only a path of this site, never another host (no open redirect). */
final class LocalTarget {

    private LocalTarget() {
    }

    /** The target if it is a site-relative path, else "/". */
    static String of(String target) {
        if (target == null || target.isEmpty() || target.length() > 2000 || !target.startsWith("/")
                || target.startsWith("//") || target.contains("\\") || target.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        try {
            URI uri = new URI(target);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return "/";
            }
        } catch (URISyntaxException e) {
            return "/";
        }
        return target;
    }
}
