/**
 * The embedded stand-in for a DynamoDB table and its stream, on which the embedded port
 * adapters build.
 *
 * <p><b>Why a journal and not an embedded SQL database.</b> The journal <em>is</em> the change
 * stream: each commit is one line holding its stream records (sequence numbers, time, old and
 * new images), so commit order is stream order by construction, and recovery rebuilds items,
 * indexes and stream from the same bytes. With an SQL engine we would still have to write
 * DynamoDB's semantics on top of it — condition evaluation with ALL_OLD on failure, per-write
 * cancellation reasons, images, sequence numbers, sparse index rules, 24 h retention — and then
 * keep a second log (the stream) consistent with its tables. Items are small and held in memory
 * in concurrent sorted maps, so reads need no engine either.
 */
package com.medicarewizard.adapter.embedded.table;
