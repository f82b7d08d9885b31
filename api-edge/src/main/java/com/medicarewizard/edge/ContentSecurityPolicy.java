package com.medicarewizard.edge;

/**
 * The website's Content-Security-Policy, one text for both places that serve the pages: the local
 * gateway and, in AWS, CloudFront's response headers policy (the CDK stack's test holds it to this).
 * Only this origin's scripts, styles, images and API; no framing; no {@code <base>}; forms post here.
 */
public final class ContentSecurityPolicy {
    public static final String VALUE = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'";

    private ContentSecurityPolicy() {
    }
}
