package com.medicarewizard.runtime.sqs;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The credentials that open the SQS stand-in: a random access key id per run, which every request
 * of the pipeline's SDK clients carries in its signature's {@code Credential=} scope and which the
 * stand-in compares before anything else (see docs/adr/0007-queue-access.md). Held in memory only,
 * never written or logged.
 *
 * @param accessKeyId what the stand-in checks; 128 random bits
 * @param secretAccessKey what the clients sign with (random too, so nothing static is in the code)
 */
public record QueueCredentials(String accessKeyId, String secretAccessKey) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public QueueCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isBlank() || accessKeyId.indexOf('/') >= 0) {
            throw new IllegalArgumentException("an access key id is not blank and holds no '/'");
        }
    }

    /** Fresh credentials, for one run of the stand-in. */
    public static QueueCredentials random() {
        return new QueueCredentials("MCW" + hex(16).toUpperCase(java.util.Locale.ROOT), hex(32));
    }

    /** What an SDK client is built with to reach the stand-in. */
    public AwsCredentialsProvider provider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    @Override
    public String toString() {
        return "QueueCredentials[hidden]";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
