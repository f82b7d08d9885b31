package com.medicarewizard.allocator;

/** One thing that happens to the allocator's queue; {@code pick} chooses among what it can apply to. */
record QueueStep(Action action, int pick) {
    enum Action {
        /** Delivers a queued command, in any order; one that fails goes back to the queue. */
        DELIVER,
        /** Queues a command again, as an at-least-once queue may deliver it twice. */
        DUPLICATE,
        /** Queues a command handled before again, as an operator's redrive of the dead letters does. */
        REPLAY,
        /** A patient asks to cancel a reservation: the intake marks it and queues a CANCEL. */
        CANCEL,
        /** A patient asks to move a confirmed booking to another time: the intake records the move request and queues it. */
        MOVE,
        /** One of the next ledger claims times out. */
        FAIL_A_CLAIM
    }
}
