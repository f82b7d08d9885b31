package com.medicarewizard.intake.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.medicarewizard.domain.availability.AvailabilityCalculator;
import com.medicarewizard.domain.availability.BookingRules;
import com.medicarewizard.domain.availability.Slot;
import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.intake.http.Times;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.SlotLedger;
import com.medicarewizard.port.TakenCellsView;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/v1/availability}: the starts of an exam over local days, one entry per site and
 * start, with how many more bookings each can take. Only the taken cells of the exam's candidate
 * resources within the asked span (plus the exam's buffers) are read, from {@code taken}: the ledger
 * itself locally, availability's read model in AWS (docs/adr/0014), which may lag the ledger by a
 * moment for the same reason an answer may be kept a moment (below). A move's times read the ledger
 * itself, holders and all.
 *
 * <p>Answers are kept for a short while ({@code cacheFor}, 1 s by default): every visitor of the
 * home page asks the same eight questions, and working them out again for each visitor was most of
 * the page's cost under load (docs/performance.md). An answer at most that old is safe to show,
 * because it only guides the choice: the allocator decides each request on the ledger itself, and a
 * start taken in the meantime is rejected with alternatives. {@link Duration#ZERO} keeps nothing.
 */
public final class QueryAvailability implements Route {
    private static final long MAX_ANSWERS = 2_000;
    private final CenterCatalog catalog;
    private final TakenCellsView taken;
    private final SlotLedger ledger;
    private final Clock clock;
    private final Duration cacheFor;
    private volatile Answers answers;

    public QueryAvailability(CenterCatalog catalog, TakenCellsView taken, SlotLedger ledger, Clock clock,
                             Duration cacheFor) {
        this.catalog = catalog;
        this.taken = taken;
        this.ledger = ledger;
        this.clock = clock;
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("the availability cache time must not be negative");
        }
        this.cacheFor = cacheFor;
    }

    @Override
    public Response handle(Request request) {
        Center center = catalog.current();
        AvailabilityQuery query = AvailabilityQuery.of(request, center);
        if (cacheFor.isZero()) {
            return Response.json(200, answer(center, query));
        }
        Question question = new Question(query.exam().code().value(),
                query.sites().stream().map(site -> site.id().value()).toList(), query.from(), query.to(), query.firstFree());
        String json = answersFor(center).cache().get(question, q -> Response.writeJson(answer(center, query)));
        return Response.jsonText(200, json);
    }

    private List<SlotBody> answer(Center center, AvailabilityQuery query) {
        return answer(center, query, Optional.empty());
    }

    /**
     * The starts {@code moving} (a patient's CONFIRMED booking) could be moved to, asked as availability
     * is ({@code from}, {@code to}, {@code site}, {@code firstFree}) for its own exam: its own cells count
     * as free, since a move takes them over (half an hour later in the same room), and its own start and
     * site are left out. Read fresh, holders and all: one patient's question, not the home page's.
     */
    public List<SlotBody> forMove(Request request, Reservation moving) {
        Center center = catalog.current();
        AvailabilityQuery query = AvailabilityQuery.of(request, center, Optional.of(moving.examType()));
        return answer(center, query, Optional.of(moving));
    }

    /** With {@code moving}, its cells count as free and its own start at its own site is left out. */
    private List<SlotBody> answer(Center center, AvailabilityQuery query, Optional<Reservation> moving) {
        List<Site> sites = query.sites().stream().filter(center.sitesOffering(query.exam())::contains).toList();
        if (sites.isEmpty()) {
            return List.of();
        }
        var calculator = new AvailabilityCalculator(BookingRules.of(center));
        List<Slot> slots = calculator.compute(query.exam(), sites, query.from(), query.to(), clock.instant(),
                taken(center, query, sites, moving)).stream()
                .filter(slot -> moving.filter(own -> own.start().equals(slot.start())
                        && own.site().equals(slot.site().id())).isEmpty())
                .toList();
        if (query.firstFree() > 0) {
            return slots.stream().filter(slot -> slot.available() > 0).limit(query.firstFree()).map(SlotBody::of).toList();
        }
        return slots.stream().map(SlotBody::of).toList();
    }

    /** The answers kept for the center in force; a new center (a new deployment) starts afresh. */
    private Answers answersFor(Center center) {
        Answers current = answers;
        if (current == null || current.center() != center) {
            current = new Answers(center, Caffeine.newBuilder()
                    .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                    .expireAfterWrite(cacheFor)
                    .maximumSize(MAX_ANSWERS)
                    .build());
            answers = current;
        }
        return current;
    }

    private record Question(String exam, List<String> sites, LocalDate from, LocalDate to, int firstFree) {
    }

    private record Answers(Center center, Cache<Question, String> cache) {
    }

    private TakenCells taken(Center center, AvailabilityQuery query, List<Site> sites, Optional<Reservation> moving) {
        List<ResourceId> resources = sites.stream()
                .flatMap(site -> query.exam().needs().stream().map(kind -> center.candidates(query.exam(), site.id(), kind)))
                .flatMap(List::stream).map(Resource::id).distinct().toList();
        Instant from = sites.stream().map(s -> query.from().atStartOfDay(s.zone()).toInstant())
                .min(Comparator.naturalOrder()).orElseThrow().minus(query.exam().setUp());
        Instant to = sites.stream().map(s -> query.to().plusDays(1).atStartOfDay(s.zone()).toInstant())
                .max(Comparator.naturalOrder()).orElseThrow().plus(query.exam().occupancy());
        if (moving.isPresent()) {
            ReservationId own = moving.get().id();
            return new TakenCells(ledger.holders(resources, from, to).entrySet().stream()
                    .filter(holder -> !holder.getValue().equals(own)).map(java.util.Map.Entry::getKey).toList());
        }
        return taken.taken(resources, from, to);
    }

    /** One bookable start as the API shows it, in its site's offset. */
    public record SlotBody(String start, String end, String site, int available) {
        static SlotBody of(Slot slot) {
            return new SlotBody(Times.iso(slot.start(), slot.site().zone()), Times.iso(slot.end(), slot.site().zone()),
                    slot.site().id().value(), slot.available());
        }
    }
}
