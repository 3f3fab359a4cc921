package de.ringportal.auth.internal;

import java.net.URI;
import java.net.URISyntaxException;

import de.ringportal.core.pages.Answers;

/** Where to go after login: only a path of this site, never another host (no open redirect). */
final class LocalTarget {

    private LocalTarget() {
    }

    /** The target if it is a site-relative path, else "/". */
    static String of(String target) {
        // Answers.isSitePath: one leading slash, no backslash, no spaces or control characters
        if (!Answers.isSitePath(target) || target.length() > 2000) {
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
