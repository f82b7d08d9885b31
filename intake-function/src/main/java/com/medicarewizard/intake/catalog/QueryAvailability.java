package com.medicarewizard.intake.catalog;

import com.medicarewizard.domain.availability.AvailabilityCalculator;
import com.medicarewizard.domain.availability.BookingRules;
import com.medicarewizard.domain.availability.Slot;
import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.intake.http.Times;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.SlotLedger;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/v1/availability}: the starts of an exam over local days, one entry per site and
 * start, with how many more bookings each can take. Only the ledger cells of the exam's candidate
 * resources within the asked span (plus the exam's buffers) are read.
 */
public final class QueryAvailability implements Route {
    private final CenterCatalog catalog;
    private final SlotLedger ledger;
    private final Clock clock;

    public QueryAvailability(CenterCatalog catalog, SlotLedger ledger, Clock clock) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Response handle(Request request) {
        Center center = catalog.current();
        AvailabilityQuery query = AvailabilityQuery.of(request, center);
        List<Site> sites = query.sites().stream().filter(center.sitesOffering(query.exam())::contains).toList();
        if (sites.isEmpty()) {
            return Response.json(200, List.of());
        }
        var calculator = new AvailabilityCalculator(BookingRules.of(center));
        List<Slot> slots = calculator.compute(query.exam(), sites, query.from(), query.to(), clock.instant(),
                taken(center, query, sites));
        return Response.json(200, slots.stream().map(SlotBody::of).toList());
    }

    private TakenCells taken(Center center, AvailabilityQuery query, List<Site> sites) {
        List<ResourceId> resources = sites.stream()
                .flatMap(site -> query.exam().needs().stream().map(kind -> center.candidates(query.exam(), site.id(), kind)))
                .flatMap(List::stream).map(Resource::id).distinct().toList();
        Instant from = sites.stream().map(s -> query.from().atStartOfDay(s.zone()).toInstant())
                .min(Comparator.naturalOrder()).orElseThrow().minus(query.exam().setUp());
        Instant to = sites.stream().map(s -> query.to().plusDays(1).atStartOfDay(s.zone()).toInstant())
                .max(Comparator.naturalOrder()).orElseThrow().plus(query.exam().occupancy());
        return ledger.taken(resources, from, to);
    }

    /** One bookable start as the API shows it, in its site's offset. */
    public record SlotBody(String start, String end, String site, int available) {
        static SlotBody of(Slot slot) {
            return new SlotBody(Times.iso(slot.start(), slot.site().zone()), Times.iso(slot.end(), slot.site().zone()),
                    slot.site().id().value(), slot.available());
        }
    }
}
