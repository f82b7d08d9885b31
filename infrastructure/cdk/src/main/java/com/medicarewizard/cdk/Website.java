package com.medicarewizard.cdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.medicarewizard.functions.IntakeSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.AccessLevel;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.Function;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.RestApiOrigin;
import software.amazon.awscdk.services.cloudfront.origins.RestApiOriginProps;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOriginWithOACProps;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The static website (the built site of {@code web/}, hashed assets): a private bucket behind
 * CloudFront (origin access control), the clean paths ({@code /login}) answered by their pages, the
 * API on the same origin under {@code /api/*}, and on every answer the headers the local edge
 * sends too: a CSP allowing only this origin with {@code frame-ancestors 'none'}, nosniff,
 * {@code Referrer-Policy: no-referrer}, DENY framing, and HSTS.
 *
 * <p>A missing page answers 404 with the site's {@code 404.html}, as the local edge does, and the API's
 * own answers (problem+json 404s included) pass untouched. A viewer-request function on the site's
 * behaviour alone knows the built site's paths (listed at synth time from the directory this stack
 * uploads): it maps {@code /} and the clean paths to their pages and answers any other path itself.
 * Not a viewer-response function on S3's 404: CloudFront does not run edge functions on viewer
 * responses when the origin's status is 400 or more. Not a distribution-wide error response: it
 * would turn the API's 404s into HTML too. CloudFront may also list the bucket: unknown paths never
 * reach S3, but a file the function knows and the bucket no longer holds (a deployment under way, a
 * file removed by hand) then answers S3's 404, not a 403 that reads as "forbidden". No listing can
 * reach a viewer: {@code /} is always rewritten to a page before the origin.
 *
 * <p>Requests to the API carry the viewer's address in {@value IntakeSpec#CLIENT_ADDRESS_HEADER_IN_AWS},
 * written by a viewer-request function from the address CloudFront saw (whatever the client sent under
 * that name is replaced), and the origin secret header that the API's web ACL requires.
 */
final class Website extends Construct {

    /** The local gateway's too ({@code com.medicarewizard.edge.ContentSecurityPolicy}; WebsiteHeadersTest holds them equal). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'";
    /** CloudFront Functions' quota on a function's code, in bytes. */
    static final int FUNCTION_CODE_QUOTA = 10 * 1024;
    /** HSTS's max-age, for the response headers policy and for the answers CloudFront makes itself. */
    private static final long HSTS_MAX_AGE_SECONDS = java.time.Duration.ofDays(365).toSeconds();
    /**
     * The site's pages ({@code FILES}: the built site's {@code .html} files) and its 404 answer
     * ({@code NOT_FOUND}). A file with another extension (a hashed asset, {@code robots.txt}) goes to S3
     * as it is, and a missing one gets S3's 404: while a deployment is under way, pages of the previous
     * build, cached at the edge, still find their assets, and the function (which reaches the edges before
     * the files are uploaded) never refuses an asset it has not heard of yet.
     * A path is its file, else {@code /login} is {@code /login.html} or {@code /login/index.html} and
     * {@code /} or {@code /dir/} is {@code index.html} below it or {@code /dir.html}: the first that is a
     * file of the site, in the local edge's order ({@code /login/} as {@code /login}, as before). Anything
     * else is answered here, before the origin: 404 with the site's page (a generated answer: status,
     * headers and a text body).
     */
    private static final String SITE_PAGES = """
            var FILES = %s;
            var NOT_FOUND = %s;
            function handler(event) {
              var request = event.request;
              var uri = request.uri;
              var last = uri.substring(uri.lastIndexOf('/') + 1);
              var dot = last.lastIndexOf('.');
              if (dot > 0 && last.substring(dot) !== '.html') {
                return request;
              }
              var candidates = uri.charAt(uri.length - 1) === '/'
                  ? [uri + 'index.html', uri.slice(0, -1) + '.html']
                  : [uri, uri + '.html', uri + '/index.html'];
              for (var i = 0; i < candidates.length; i++) {
                if (FILES[candidates[i]] === 1) {
                  request.uri = candidates[i];
                  return request;
                }
              }
              return {
                statusCode: 404,
                statusDescription: 'Not Found',
                headers: NOT_FOUND.headers,
                body: { encoding: 'text', data: NOT_FOUND.page }
              };
            }
            """;
    /** The viewer's address, as CloudFront saw it, for the intake's per-address limits. */
    static final String CLIENT_ADDRESS = """
            function handler(event) {
              var request = event.request;
              request.headers['%s'] = { value: event.viewer.ip };
              return request;
            }
            """.formatted(IntakeSpec.CLIENT_ADDRESS_HEADER_IN_AWS.toLowerCase(Locale.ROOT));
    private final Distribution distribution;

    Website(Construct scope, String id, DeploymentSettings settings, PublicApi api) {
        super(scope, id);
        Bucket bucket = Bucket.Builder.create(this, "Files")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .autoDeleteObjects(true)
                .build();
        ResponseHeadersPolicy headers = ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(CONTENT_SECURITY_POLICY).override(true).build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .frameOptions(ResponseHeadersFrameOptions.builder()
                                .frameOption(HeadersFrameOption.DENY).override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.NO_REFERRER).override(true).build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.seconds(HSTS_MAX_AGE_SECONDS)).includeSubdomains(true)
                                .override(true).build())
                        .build())
                .build();
        distribution = Distribution.Builder.create(this, "Cdn")
                .defaultRootObject("index.html")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket, S3BucketOriginWithOACProps.builder()
                                .originAccessLevels(List.of(AccessLevel.READ, AccessLevel.LIST)).build()))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .responseHeadersPolicy(headers)
                        .functionAssociations(List.of(
                                on(FunctionEventType.VIEWER_REQUEST, "SitePages", sitePages(settings.webSite()))))
                        .build())
                .additionalBehaviors(Map.of("/api/*", BehaviorOptions.builder()
                        .origin(new RestApiOrigin(api.api(), RestApiOriginProps.builder()
                                .customHeaders(Map.of(PublicApi.ORIGIN_HEADER, api.originSecret().unsafeUnwrap()))
                                .build()))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .allowedMethods(AllowedMethods.ALLOW_ALL)
                        .cachePolicy(CachePolicy.CACHING_DISABLED)
                        .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                        .responseHeadersPolicy(headers)
                        .functionAssociations(List.of(
                                on(FunctionEventType.VIEWER_REQUEST, "ClientAddress", CLIENT_ADDRESS)))
                        .build()))
                .build();
        BucketDeployment.Builder.create(this, "Upload")
                .sources(List.of(Source.asset(settings.webSite().toString())))
                .destinationBucket(bucket)
                .distribution(distribution)
                .build();
    }

    private FunctionAssociation on(FunctionEventType event, String id, String code) {
        return FunctionAssociation.builder().eventType(event)
                .function(Function.Builder.create(this, id).code(FunctionCode.fromInline(code))
                        .runtime(FunctionRuntime.JS_2_0).build())
                .build();
    }

    /**
     * The site-pages function for the built site in {@code site}: its files' paths and its own 404 page
     * (whose hashed asset names are this deployment's), with the security headers the response headers
     * policy sends, which AWS documents for answers from the cache or the origin, and this one is
     * neither. Refused at synth time when it exceeds CloudFront Functions' code quota.
     */
    static String sitePages(Path site) {
        Map<String, Integer> paths = new TreeMap<>();
        try (Stream<Path> files = Files.walk(site)) {
            files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(".html"))
                    .forEach(file -> paths.put("/" + site.relativize(file).toString()
                    .replace(site.getFileSystem().getSeparator(), "/"), 1));
            Map<String, String> headers = new TreeMap<>(securityHeaders());
            headers.put("content-type", "text/html; charset=utf-8");
            headers.put("cache-control", "no-cache");
            Map<String, Object> notFound = Map.of("page", Files.readString(site.resolve("404.html")),
                    "headers", headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            e -> Map.of("value", e.getValue()), (a, b) -> a, TreeMap::new)));
            ObjectMapper json = new ObjectMapper();
            String code = SITE_PAGES.formatted(json.writeValueAsString(paths), json.writeValueAsString(notFound));
            int size = code.getBytes(StandardCharsets.UTF_8).length;
            if (size > FUNCTION_CODE_QUOTA) {
                throw new IllegalStateException("the site-pages function is " + size + " bytes, over CloudFront"
                        + " Functions' quota of " + FUNCTION_CODE_QUOTA + ": fewer files in " + site
                        + " or a smaller 404.html");
            }
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException("the built site has no readable 404 page or files: " + site
                    + " (build web/ first)", e);
        }
    }

    /** The headers of the response headers policy, by lower-case name as CloudFront Functions writes them. */
    static Map<String, String> securityHeaders() {
        return Map.of("content-security-policy", CONTENT_SECURITY_POLICY,
                "x-content-type-options", "nosniff",
                "x-frame-options", "DENY",
                "referrer-policy", "no-referrer",
                "strict-transport-security", "max-age=" + HSTS_MAX_AGE_SECONDS + "; includeSubDomains");
    }

    String domainName() {
        return distribution.getDistributionDomainName();
    }
}
