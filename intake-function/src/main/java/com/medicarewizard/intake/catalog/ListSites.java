package com.medicarewizard.intake.catalog;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.OpeningHours;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.port.CenterCatalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/v1/sites}: where the center's sites are and when they are open, in the catalogue's
 * order: name, address, a map link (a plain link to OpenStreetMap's search for the address: no map
 * script on the site, nothing sent to a third party until the patient follows it), the time zone,
 * the opening hours per day (when at least one of its resources is open) and the exam types it offers.
 */
public final class ListSites implements Route {
    private static final String MAP_SEARCH = "https://www.openstreetmap.org/search?query=";
    private final CenterCatalog catalog;

    public ListSites(CenterCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Response handle(Request request) {
        Center center = catalog.current();
        return Response.json(200, center.sites().stream().map(site -> SiteBody.of(center, site)).toList());
    }

    /** One site as the API shows it. */
    public record SiteBody(String id, String name, String address, String mapUrl, String zone, List<DayHours> hours,
                           List<String> examTypes) {
        static SiteBody of(Center center, Site site) {
            OpeningHours open = center.siteHours(site.id());
            List<DayHours> week = Arrays.stream(DayOfWeek.values()).filter(day -> !open.on(day).isEmpty())
                    .map(day -> new DayHours(day.name(), open.on(day).stream().map(PeriodBody::of).toList())).toList();
            List<String> offered = center.examTypes().stream().filter(exam -> center.sitesOffering(exam).contains(site))
                    .map(exam -> exam.code().value()).toList();
            return new SiteBody(site.id().value(), site.name(), site.address(),
                    MAP_SEARCH + URLEncoder.encode(site.address(), StandardCharsets.UTF_8), site.zone().getId(), week,
                    offered);
        }
    }

    /** The periods of one day of the week ({@code MONDAY} …) the site is open. */
    public record DayHours(String day, List<PeriodBody> periods) {
    }

    /** {@code from} and {@code to} as {@code HH:mm} in the site's zone; {@code 24:00} for midnight at the end. */
    public record PeriodBody(String from, String to) {
        static PeriodBody of(OpeningHours.Period period) {
            return new PeriodBody(hhmm(period.from()), period.to().equals(LocalTime.MAX) ? "24:00" : hhmm(period.to()));
        }

        private static String hhmm(LocalTime time) {
            return String.format("%02d:%02d", time.getHour(), time.getMinute());
        }
    }
}
