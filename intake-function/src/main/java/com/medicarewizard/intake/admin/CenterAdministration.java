package com.medicarewizard.intake.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Closure;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.OpeningHours;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.ResourceKind;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.center.Stranding;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.intake.http.Form;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.StaffRoute;
import com.medicarewizard.port.CenterVersions;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.SlotLedger;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.time.Clock;

/**
 * The administrators' routes over the center, which the table keeps versioned ({@link CenterVersions}):
 * read it, and change a site, an exam type, a resource (with its weekly hours and breaks) or the closures.
 * Every change names the version it was made from ({@code If-Match: "v<n>"}, as the read's {@code ETag}
 * gives it: 428 without, 412 when another change came first) and is saved with its audit entry as the next
 * version; it applies to the requests decided after it.
 *
 * <p>A change that strands booked patients (a closure, shorter hours, a resource removed: {@link Stranding})
 * shows them first: {@code ?dryRun=true} answers what the change would do without saving it, and the change
 * itself is refused (409 {@code strands-bookings}) unless it says {@code ?cancelStranded=true}. Then, once it
 * is saved, each stranded reservation is cancelled through the queue and the allocator with reason
 * {@code CENTER_CLOSED}, and the notifier tells its patient.
 */
public final class CenterAdministration {
    private static final Logger LOG = LogManager.getLogger(CenterAdministration.class);
    private static final int MAX_TEXT = 2_000;
    private final CenterVersions versions;
    private final SlotLedger ledger;
    private final Reservations reservations;
    private final Patients patients;
    private final ReservationQueue queue;
    private final Clock clock;

    public CenterAdministration(CenterVersions versions, SlotLedger ledger, Reservations reservations,
                                Patients patients, ReservationQueue queue, Clock clock) {
        this.versions = versions;
        this.ledger = ledger;
        this.reservations = reservations;
        this.patients = patients;
        this.queue = queue;
        this.clock = clock;
    }

    /** {@code GET /api/v1/admin/center}: the current version, with its {@code ETag}. */
    public StaffRoute read() {
        return (request, caller) -> {
            CenterVersions.Version current = current();
            return Response.json(200, CenterBody.of(current)).header("ETag", current.etag()).noStore();
        };
    }

    /** {@code PUT /api/v1/admin/sites/{id}}: a site made or changed. */
    public StaffRoute putSite() {
        return (request, caller) -> {
            CenterVersions.Version current = current();
            SiteId id = code(request, SiteId::new);
            Form form = new Form(JsonBody.object(request));
            Optional<String> name = form.required("name", 200);
            Optional<String> address = form.required("address", 300);
            Optional<ZoneId> zone = form.required("zone", 60).flatMap(text -> zone(form, text));
            form.check();
            Site site = new Site(id, name.orElseThrow(), address.orElseThrow(), zone.orElseThrow());
            Center c = current.center();
            Optional<Site> before = c.site(id);
            List<Site> sites = replaced(c.sites(), Site::id, id, Optional.of(site));
            return change(request, caller, current, () -> new Center(sites, c.examTypes(), c.resources(), c.closures(),
                    c.policy()), before.isPresent() ? "center.site-changed" : "center.site-added", "site/" + id,
                    before.map(CenterAdministration::fields).orElse(Map.of()), fields(site));
        };
    }

    /** {@code PUT /api/v1/admin/exam-types/{code}}: an exam type made or changed. */
    public StaffRoute putExamType() {
        return (request, caller) -> {
            CenterVersions.Version current = current();
            ExamTypeCode code = code(request, ExamTypeCode::new);
            ObjectNode body = JsonBody.object(request);
            Form form = new Form(body);
            Map<String, String> name = texts(form, body, "name", 200);
            Map<String, String> preparation = texts(form, body, "preparation", MAX_TEXT);
            Optional<Duration> duration = minutes(form, body, "durationMinutes", false);
            Optional<Duration> setUp = minutes(form, body, "setUpMinutes", true);
            Optional<Duration> turnover = minutes(form, body, "turnoverMinutes", true);
            Set<ResourceKind> needs = codes(form, body, "needs", ResourceKind::new, true);
            form.check();
            Map<String, ExamType.Texts> translations = Map.of("it", new ExamType.Texts(name.get("it"),
                    preparation.get("it")));
            ExamType exam = domain(() -> new ExamType(code, name.get("en"), duration.orElseThrow(),
                    preparation.get("en"), setUp.orElse(Duration.ZERO), turnover.orElse(Duration.ZERO), needs,
                    translations));
            Center c = current.center();
            Optional<ExamType> before = c.examType(code);
            List<ExamType> exams = replaced(c.examTypes(), ExamType::code, code, Optional.of(exam));
            return change(request, caller, current, () -> new Center(c.sites(), exams, c.resources(), c.closures(),
                    c.policy()), before.isPresent() ? "center.exam-type-changed" : "center.exam-type-added",
                    "exam-type/" + code, before.map(CenterAdministration::fields).orElse(Map.of()), fields(exam));
        };
    }

    /** {@code PUT /api/v1/admin/resources/{id}}: a resource, what it performs and its weekly hours. */
    public StaffRoute putResource() {
        return (request, caller) -> {
            CenterVersions.Version current = current();
            ResourceId id = code(request, ResourceId::new);
            ObjectNode body = JsonBody.object(request);
            Form form = new Form(body);
            Optional<SiteId> site = form.required("site", 40).flatMap(text -> parsed(form, "site", text, SiteId::new));
            Optional<String> name = form.required("name", 200);
            Optional<ResourceKind> kind = form.required("kind", 40)
                    .flatMap(text -> parsed(form, "kind", text, ResourceKind::new));
            Set<ExamTypeCode> performs = codes(form, body, "performs", ExamTypeCode::new, false);
            Optional<OpeningHours> hours = hours(form, body.get("hours"));
            form.check();
            Resource resource = domain(() -> new Resource(id, site.orElseThrow(), name.orElseThrow(), kind.orElseThrow(),
                    performs, hours.orElseThrow()));
            Center c = current.center();
            Optional<Resource> before = c.resource(id);
            List<Resource> resources = replaced(c.resources(), Resource::id, id, Optional.of(resource));
            return change(request, caller, current, () -> new Center(c.sites(), c.examTypes(), resources, c.closures(),
                    c.policy()), before.isPresent() ? "center.resource-changed" : "center.resource-added",
                    "resource/" + id, before.map(CenterAdministration::fields).orElse(Map.of()), fields(resource));
        };
    }

    /** {@code DELETE /api/v1/admin/resources/{id}}: a resource taken out of the center. */
    public StaffRoute deleteResource() {
        return (request, caller) -> {
            CenterVersions.Version current = current();
            ResourceId id = code(request, ResourceId::new);
            Center c = current.center();
            Resource before = c.resource(id).orElseThrow(() -> Problems.notFound().raise());
            List<Resource> resources = replaced(c.resources(), Resource::id, id, Optional.empty());
            List<Closure> closures = c.closures().stream().filter(cl -> !cl.resource().equals(Optional.of(id))).toList();
            return change(request, caller, current, () -> new Center(c.sites(), c.examTypes(), resources, closures,
                    c.policy()), "center.resource-removed", "resource/" + id, fields(before), Map.of());
        };
    }

    /** {@code POST /api/v1/admin/closures}: a closure of a site, or of one resource, over days. */
    public StaffRoute addClosure() {
        return (request, caller) -> {
            CenterVersions.Version current = current();
            Form form = new Form(JsonBody.object(request));
            Optional<SiteId> site = form.required("site", 40).flatMap(text -> parsed(form, "site", text, SiteId::new));
            Optional<ResourceId> resource = form.optional("resource", 40)
                    .flatMap(text -> parsed(form, "resource", text, ResourceId::new));
            Optional<LocalDate> first = form.required("first", 10).flatMap(text -> date(form, "first", text));
            Optional<LocalDate> last = form.required("last", 10).flatMap(text -> date(form, "last", text));
            Optional<String> reason = form.required("reason", 200);
            if (first.isPresent() && last.isPresent() && last.get().isBefore(first.get())) {
                form.reject("last", "must be on or after first");
            }
            form.check();
            Closure closure = new Closure(site.orElseThrow(), resource, first.orElseThrow(), last.orElseThrow(),
                    reason.orElseThrow());
            Center c = current.center();
            if (c.closures().contains(closure)) {
                return Response.json(200, Map.of("version", current.number(), "closure", CenterBody.ClosureBody.of(closure),
                        "cancelled", List.of())).header("ETag", current.etag()).noStore();
            }
            List<Closure> closures = new ArrayList<>(c.closures());
            closures.add(closure);
            return change(request, caller, current, () -> new Center(c.sites(), c.examTypes(), c.resources(), closures,
                    c.policy()), "center.closure-added", "closure/" + CenterBody.id(closure), Map.of(), fields(closure));
        };
    }

    /** {@code DELETE /api/v1/admin/closures/{id}}: a closure lifted. */
    public StaffRoute deleteClosure() {
        return (request, caller) -> {
            CenterVersions.Version current = current();
            String id = request.pathParameter("id").orElseThrow(() -> Problems.notFound().raise());
            Center c = current.center();
            Closure before = c.closures().stream().filter(cl -> CenterBody.id(cl).equals(id)).findFirst()
                    .orElseThrow(() -> Problems.notFound().raise());
            List<Closure> closures = c.closures().stream().filter(cl -> !cl.equals(before)).toList();
            return change(request, caller, current, () -> new Center(c.sites(), c.examTypes(), c.resources(), closures,
                    c.policy()), "center.closure-removed", "closure/" + id, fields(before), Map.of());
        };
    }

    private CenterVersions.Version current() {
        return versions.current().orElseThrow(() -> new IllegalStateException("the table holds no center"));
    }

    /**
     * Saves {@code next} over {@code current} as the request asks (or only shows what it would do), stranded
     * bookings and all.
     */
    private Response change(Request request, StaffMember caller, CenterVersions.Version current,
                            java.util.function.Supplier<Center> next, String action, String subject,
                            Map<String, String> before, Map<String, String> after) {
        requireVersion(request, current);
        Center changed = domain(next::get);
        Instant now = clock.instant();
        List<Reservation> stranded = stranded(current.center(), changed, now);
        boolean dryRun = flag(request, "dryRun");
        if (dryRun) {
            return Response.json(200, new Preview(current.number(), false, strandedBodies(stranded), List.of())).noStore();
        }
        if (!stranded.isEmpty() && !flag(request, "cancelStranded")) {
            throw Problem.of(409, "strands-bookings", "Conflict", stranded.size() + " booked "
                    + (stranded.size() == 1 ? "patient loses their time" : "patients lose their time")
                    + " with this change: see them with dryRun=true, and confirm with cancelStranded=true.").raise();
        }
        Map<String, String> audited = new LinkedHashMap<>(after);
        if (!stranded.isEmpty()) {
            audited.put("cancelled", String.join(",", stranded.stream().map(r -> r.id().value()).toList()));
        }
        CenterVersions.Version saved = versions.save(current.number(), changed, now,
                        AuditEntry.of(caller, now, action, subject, before, audited))
                .orElseThrow(() -> changedMeanwhile().raise());
        List<String> cancelled = cancel(stranded, now);
        return Response.json(200, new Preview(saved.number(), true, strandedBodies(stranded), cancelled))
                .header("ETag", saved.etag()).noStore();
    }

    /** What a change does: the version it made (or would be made from), the bookings it strands, those cancelled. */
    public record Preview(long version, boolean saved, List<StrandedBody> stranded, List<String> cancelled) {
    }

    /** A stranded booking as the administrator sees it: the patient's name, their contact data masked. */
    public record StrandedBody(String id, String start, String end, String site, String examType,
                               List<String> resources, String patient, String email, String phone) {
    }

    private List<StrandedBody> strandedBodies(List<Reservation> stranded) {
        var people = patients.findAll(stranded.stream().map(Reservation::patient).toList());
        return stranded.stream().map(r -> {
            var patient = Optional.ofNullable(people.get(r.patient()));
            return new StrandedBody(r.id().value(), r.start().toString(), r.end().toString(), r.site().value(),
                    r.examType().value(), r.resources().stream().map(ResourceId::value).toList(),
                    patient.map(p -> p.firstName() + " " + p.lastName()).orElse("—"),
                    patient.map(p -> p.email().masked()).orElse("—"), patient.map(p -> p.phone().masked()).orElse("—"));
        }).toList();
    }

    /**
     * The booked reservations {@code next} strands: those holding a cell of a resource the change may strand
     * ({@link Stranding#affected}) from now to the furthest bookable day, that it cannot hold.
     */
    private List<Reservation> stranded(Center before, Center next, Instant now) {
        Set<ResourceId> affected = Stranding.affected(before, next);
        if (affected.isEmpty()) {
            return List.of();
        }
        Duration horizon = before.policy().horizon().compareTo(next.policy().horizon()) > 0
                ? before.policy().horizon() : next.policy().horizon();
        Set<ReservationId> owners = new LinkedHashSet<>(ledger.holders(affected, now.minus(Occupancy.WIDEST_BUFFERS),
                now.plus(horizon).plus(Duration.ofDays(2))).values());
        Stranding stranding = new Stranding(next);
        List<Reservation> stranded = new ArrayList<>();
        List<ReservationId> ids = List.copyOf(owners);
        for (int from = 0; from < ids.size(); from += Reservations.MAX_FIND_ALL) {
            reservations.findAll(ids.subList(from, Math.min(ids.size(), from + Reservations.MAX_FIND_ALL)))
                    .forEach(found -> found.filter(r -> stranding.strands(r, now)).ifPresent(stranded::add));
        }
        stranded.sort(java.util.Comparator.comparing(Reservation::start));
        return stranded;
    }

    /** Each stranded booking's cancellation recorded, then queued for the allocator; answers those queued. */
    private List<String> cancel(List<Reservation> stranded, Instant now) {
        List<String> queued = new ArrayList<>();
        for (Reservation r : stranded) {
            Optional<Reservation> recorded = reservations.recordCenterCancellation(r.id(), now);
            if (recorded.isEmpty() || recorded.get().cancelRequestedAt().filter(now::equals).isEmpty()) {
                continue; // cancelled or asked to be meanwhile: its own request goes on
            }
            try {
                queue.send(new ReservationCommand(ReservationCommand.Type.CANCEL, r.id(), r.correlationId()));
                queued.add(r.id().value());
            } catch (ReservationQueue.QueueUnavailableException e) {
                LOG.error("the center's cancellation of {} is recorded but could not be queued: {}", r.id(), e.toString());
            }
        }
        LOG.info("a change of the center cancelled {} of {} stranded bookings", queued.size(), stranded.size());
        return queued;
    }

    private static void requireVersion(Request request, CenterVersions.Version current) {
        Optional<String> match = request.header("If-Match");
        if (match.isEmpty()) {
            throw Problem.of(428, "version-required", "Precondition Required",
                    "Say which version of the center this change was made from: If-Match with the ETag of the read.")
                    .raise();
        }
        if (!versionOf(match.get()).equals(current.etag())) {
            throw changedMeanwhile().raise();
        }
    }

    /**
     * The version an {@code If-Match} names. An edge that compresses the read (the local edge, CloudFront)
     * sends its ETag weak ({@code W/"v12"}), and a browser, which always accepts gzip, sends that back: the
     * bytes differ, but the version of the center it names is the same one.
     */
    private static String versionOf(String ifMatch) {
        String tag = ifMatch.strip();
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static Problem changedMeanwhile() {
        return Problem.of(412, "center-changed", "Precondition Failed",
                "The center was changed meanwhile: read it again and make the change on the new version.");
    }

    private static boolean flag(Request request, String name) {
        return request.query(name).map(v -> v.equalsIgnoreCase("true")).orElse(false);
    }

    /** A center the domain refuses (a resource at an unknown site, an exam type no one performs…): 422. */
    private static <T> T domain(java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException refused) {
            throw Problem.of(422, "invalid-center", "Unprocessable Content", refused.getMessage()).raise();
        }
    }

    private static <T> T code(Request request, Function<String, T> parse) {
        String text = request.pathParameter(request.pathParameter("code").isPresent() ? "code" : "id")
                .orElseThrow(() -> Problems.notFound().raise());
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw Problems.validation("id", "must be 1 to 40 upper-case letters, digits or dashes").raise();
        }
    }

    private static <T> Optional<T> parsed(Form form, String field, String text, Function<String, T> parse) {
        try {
            return Optional.of(parse.apply(text));
        } catch (IllegalArgumentException e) {
            form.reject(field, "is not a valid code: upper-case letters, digits and dashes");
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zone(Form form, String text) {
        try {
            return Optional.of(ZoneId.of(text));
        } catch (RuntimeException e) {
            form.reject("zone", "must be a time zone such as Europe/Rome");
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(Form form, String field, String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            form.reject(field, "must be a date, YYYY-MM-DD");
            return Optional.empty();
        }
    }

    /** {@code {"en": …, "it": …}}, both required. */
    private static Map<String, String> texts(Form form, ObjectNode body, String field, int max) {
        JsonNode node = body.get(field);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : List.of("en", "it")) {
            JsonNode text = node == null ? null : node.get(language);
            if (text == null || !text.isTextual() || text.textValue().isBlank() || text.textValue().length() > max) {
                form.reject(field + "." + language, "is required: 1 to " + max + " characters");
            } else {
                texts.put(language, text.textValue().strip());
            }
        }
        return texts;
    }

    private static Optional<Duration> minutes(Form form, ObjectNode body, String field, boolean zeroAllowed) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (!zeroAllowed) {
                form.reject(field, "is required");
            }
            return Optional.empty();
        }
        long cell = Cell.SIZE.toMinutes();
        if (!node.isIntegralNumber() || node.longValue() < (zeroAllowed ? 0 : cell) || node.longValue() > 24 * 60
                || node.longValue() % cell != 0) {
            form.reject(field, "must be a whole number of minutes, a multiple of " + cell + (zeroAllowed ? "" : ", at least "
                    + cell));
            return Optional.empty();
        }
        return Optional.of(Duration.ofMinutes(node.longValue()));
    }

    private static <T> Set<T> codes(Form form, ObjectNode body, String field, Function<String, T> parse, boolean required) {
        JsonNode node = body.get(field);
        Set<T> codes = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            if (required) {
                form.reject(field, "is required: a list of codes");
            }
            return codes;
        }
        if (!node.isArray() || node.size() > 50) {
            form.reject(field, "must be a list of at most 50 codes");
            return codes;
        }
        for (JsonNode code : node) {
            if (!code.isTextual()) {
                form.reject(field, "must hold codes, as strings");
                return codes;
            }
            parsed(form, field, code.textValue(), parse).ifPresent(codes::add);
        }
        if (required && node.isEmpty()) {
            form.reject(field, "must name at least one");
        }
        return codes;
    }

    /** {@code {"MONDAY": [{"from": "08:00", "to": "13:00"}, …], …}}; a day left out is closed. */
    private static Optional<OpeningHours> hours(Form form, JsonNode node) {
        if (node == null || !node.isObject()) {
            form.reject("hours", "is required: periods per day of the week");
            return Optional.empty();
        }
        Map<DayOfWeek, List<OpeningHours.Period>> week = new EnumMap<>(DayOfWeek.class);
        var fields = node.properties().iterator();
        while (fields.hasNext()) {
            var day = fields.next();
            Optional<DayOfWeek> weekday;
            try {
                weekday = Optional.of(DayOfWeek.valueOf(day.getKey().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                form.reject("hours", "names days of the week, MONDAY to SUNDAY, not " + day.getKey());
                continue;
            }
            List<OpeningHours.Period> periods = new ArrayList<>();
            if (!day.getValue().isArray() || day.getValue().size() > 10) {
                form.reject("hours." + day.getKey(), "must be a list of at most 10 periods");
                continue;
            }
            for (JsonNode period : day.getValue()) {
                Optional<LocalTime> from = time(period.get("from"), false);
                Optional<LocalTime> to = time(period.get("to"), true);
                if (from.isEmpty() || to.isEmpty() || !from.get().isBefore(to.get())) {
                    form.reject("hours." + day.getKey(), "periods are {from, to} in HH:MM, from before to");
                    continue;
                }
                periods.add(new OpeningHours.Period(from.get(), to.get()));
            }
            week.put(weekday.get(), periods);
        }
        if (form.hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OpeningHours(week));
        } catch (IllegalArgumentException overlapping) {
            form.reject("hours", overlapping.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> time(JsonNode node, boolean endOfDay) {
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        if (endOfDay && node.textValue().equals("24:00")) {
            return Optional.of(LocalTime.MAX);
        }
        try {
            return Optional.of(LocalTime.parse(node.textValue()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static <T, K> List<T> replaced(List<T> items, Function<T, K> key, K id, Optional<T> replacement) {
        List<T> result = new ArrayList<>();
        boolean found = false;
        for (T item : items) {
            if (key.apply(item).equals(id)) {
                found = true;
                replacement.ifPresent(result::add);
            } else {
                result.add(item);
            }
        }
        if (!found) {
            replacement.ifPresent(result::add);
        }
        return result;
    }

    private static Map<String, String> fields(Site s) {
        return Map.of("name", s.name(), "address", s.address(), "zone", s.zone().getId());
    }

    private static Map<String, String> fields(ExamType e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", e.name());
        f.put("nameIt", e.name("it"));
        f.put("duration", e.duration().toString());
        f.put("setUp", e.setUp().toString());
        f.put("turnover", e.turnover().toString());
        f.put("needs", String.join(",", e.needs().stream().map(ResourceKind::code).sorted().toList()));
        f.put("preparation", e.preparation());
        f.put("preparationIt", e.preparation("it"));
        return f;
    }

    private static Map<String, String> fields(Resource r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("site", r.site().value());
        f.put("name", r.name());
        f.put("kind", r.kind().code());
        f.put("performs", String.join(",", r.performs().stream().map(ExamTypeCode::value).sorted().toList()));
        f.put("hours", CenterBody.ResourceBody.of(r).hours().toString());
        return f;
    }

    private static Map<String, String> fields(Closure c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("site", c.site().value());
        c.resource().ifPresent(r -> f.put("resource", r.value()));
        f.put("first", c.first().toString());
        f.put("last", c.last().toString());
        f.put("reason", c.reason());
        return f;
    }
}
