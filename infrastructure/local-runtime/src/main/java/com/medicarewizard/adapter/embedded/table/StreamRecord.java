package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One committed change of one item, as a DynamoDB stream record with view type
 * NEW_AND_OLD_IMAGES: INSERT has only a new image, REMOVE only an old one, MODIFY both.
 */
public record StreamRecord(long sequenceNumber, String eventName, Key keys, Optional<Item> oldImage,
                           Optional<Item> newImage, Instant approximateCreationTime) {

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
    }

    static StreamRecord of(long sequenceNumber, Optional<Item> oldImage, Optional<Item> newImage, Instant time) {
        Key keys = newImage.or(() -> oldImage).orElseThrow().key();
        return new StreamRecord(sequenceNumber, eventName(oldImage, newImage), keys, oldImage, newImage, time);
    }

    private static String eventName(Optional<Item> oldImage, Optional<Item> newImage) {
        if (oldImage.isEmpty() && newImage.isEmpty()) {
            throw new IllegalArgumentException("a stream record needs an image");
        }
        return oldImage.isEmpty() ? INSERT : newImage.isEmpty() ? REMOVE : MODIFY;
    }
}
