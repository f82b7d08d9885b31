package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One committed change of one item, as a DynamoDB stream record with view type
 * NEW_AND_OLD_IMAGES: INSERT has only a new image, REMOVE only an old one, MODIFY both. A REMOVE
 * {@code byTimeToLive} is the table's own deletion of an expired item (in DynamoDB, the record's
 * userIdentity is the service {@code dynamodb.amazonaws.com}).
 */
public record StreamRecord(long sequenceNumber, String eventName, Key keys, Optional<Item> oldImage,
                           Optional<Item> newImage, Instant approximateCreationTime, boolean byTimeToLive) {

    public static final String INSERT = "INSERT";
    public static final String MODIFY = "MODIFY";
    public static final String REMOVE = "REMOVE";

    public StreamRecord {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(oldImage, "oldImage");
        Objects.requireNonNull(newImage, "newImage");
        Objects.requireNonNull(approximateCreationTime, "approximateCreationTime");
        if (!eventName.equals(eventName(oldImage, newImage))) {
            throw new IllegalArgumentException(eventName + " does not match the images of " + keys);
        }
        if (byTimeToLive && !REMOVE.equals(eventName)) {
            throw new IllegalArgumentException("only a REMOVE can be a deletion by time to live: " + keys);
        }
    }

    /** A change made by a write. */
    public StreamRecord(long sequenceNumber, String eventName, Key keys, Optional<Item> oldImage,
                        Optional<Item> newImage, Instant approximateCreationTime) {
        this(sequenceNumber, eventName, keys, oldImage, newImage, approximateCreationTime, false);
    }

    static StreamRecord of(long sequenceNumber, Optional<Item> oldImage, Optional<Item> newImage, Instant time,
                           boolean byTimeToLive) {
        Key keys = newImage.or(() -> oldImage).orElseThrow().key();
        return new StreamRecord(sequenceNumber, eventName(oldImage, newImage), keys, oldImage, newImage, time,
                byTimeToLive);
    }

    private static String eventName(Optional<Item> oldImage, Optional<Item> newImage) {
        if (oldImage.isEmpty() && newImage.isEmpty()) {
            throw new IllegalArgumentException("a stream record needs an image");
        }
        return oldImage.isEmpty() ? INSERT : newImage.isEmpty() ? REMOVE : MODIFY;
    }
}
