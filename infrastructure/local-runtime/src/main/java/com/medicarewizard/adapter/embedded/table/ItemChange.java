package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Item;

import java.util.Objects;
import java.util.Optional;

/**
 * What one write does to one item: the item before and after (empty: absent). Equal images mean
 * nothing changes and nothing is streamed — a ConditionCheck, or a write of what is already there.
 */
public record ItemChange(Optional<Item> oldImage, Optional<Item> newImage) {

    public ItemChange {
        Objects.requireNonNull(oldImage, "oldImage");
        Objects.requireNonNull(newImage, "newImage");
    }

    public boolean changesItem() {
        return !oldImage.equals(newImage);
    }
}
