package com.medicarewizard.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.edge.ContentSecurityPolicy;
import org.junit.jupiter.api.Test;

/** The pages carry one Content-Security-Policy whoever serves them: CloudFront in AWS, the edge locally. */
class WebsiteHeadersTest {

    @Test
    void cloudFrontSendsTheSamePolicyAsTheLocalGateway() {
        assertThat(Website.CONTENT_SECURITY_POLICY).isEqualTo(ContentSecurityPolicy.VALUE);
    }
}
