package com.medicarewizard.intake.ops;

import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.port.SentNotifications;

/**
 * {@code GET /api/v1/ops/outbox}: the latest e-mails and text messages of the embedded runtime's
 * outbox, for operators trying the pipeline on one machine (AWS has no outbox: 404 there).
 */
public record OutboxRoute(SentNotifications outbox) implements Route {
    private static final int LIST_LIMIT = 200;

    @Override
    public Response handle(Request request) {
        return Response.json(200, outbox.recent(LIST_LIMIT)).noStore();
    }
}
