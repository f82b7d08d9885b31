package com.medicarewizard.cdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.medicarewizard.functions.IntakeSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>A missing page answers 404 with the site's {@code 404.html}, as the local edge does, and nothing
 * else is touched: CloudFront may list the bucket (so S3 answers a missing key with 404, not 403), and
 * a viewer-response function on the site's behaviour alone puts the page in that 404. No
 * distribution-wide error response: it would turn the API's problem+json 404s into HTML too.
 *
 * <p>Requests to the API carry the viewer's address in {@value IntakeSpec#CLIENT_ADDRESS_HEADER_IN_AWS},
 * written by a viewer-request function from the address CloudFront saw (whatever the client sent under
 * that name is replaced), and the origin secret header that the API's web ACL requires.
 */
final class Website extends Construct {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";
    /** {@code /login} → {@code /login.html}; {@code /} is the default root object. */
    static final String CLEAN_PATHS = """
            function handler(event) {
              var request = event.request;
              var uri = request.uri;
              if (uri !== '/' && uri.indexOf('.') < 0 && uri.indexOf('/api/') !== 0) {
                request.uri = uri.replace(/\\/$/, '') + '.html';
              }
              return request;
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
    /** The page S3 has no object for: the site's 404 page, with status 404 (%s: the page, as a JS string). */
    private static final String NOT_FOUND = """
            var PAGE = %s;
            function handler(event) {
              var response = event.response;
              if (response.statusCode !== 404) {
                return response;
              }
              response.statusDescription = 'Not Found';
              response.headers['content-type'] = { value: 'text/html; charset=utf-8' };
              response.headers['cache-control'] = { value: 'no-cache' };
              response.body = { encoding: 'text', data: PAGE };
              return response;
            }
            """;
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
                                .accessControlMaxAge(Duration.days(365)).includeSubdomains(true).override(true).build())
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
                                on(FunctionEventType.VIEWER_REQUEST, "CleanPaths", CLEAN_PATHS),
                                on(FunctionEventType.VIEWER_RESPONSE, "NotFoundPage", notFound(settings))))
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

    /** The not-found function with the built site's own 404 page (its hashed asset names are this deployment's). */
    static String notFound(DeploymentSettings settings) {
        Path page = settings.webSite().resolve("404.html");
        try {
            return NOT_FOUND.formatted(new ObjectMapper().writeValueAsString(Files.readString(page)));
        } catch (IOException e) {
            throw new UncheckedIOException("the built site has no readable 404 page: " + page
                    + " (build web/ first)", e);
        }
    }

    String domainName() {
        return distribution.getDistributionDomainName();
    }
}
