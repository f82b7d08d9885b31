package com.medicarewizard.intake.catalog;

import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.port.CenterCatalog;

/** {@code GET /api/v1/exam-types}: the exam types the center performs, in the catalogue's order. */
public final class ListExamTypes implements Route {
    private final CenterCatalog catalog;

    public ListExamTypes(CenterCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Response handle(Request request) {
        return Response.json(200, catalog.current().examTypes().stream().map(ExamTypeBody::of).toList());
    }

    /** One exam type as the API shows it. */
    public record ExamTypeBody(String code, String name, long durationMinutes, String preparation,
                               java.util.Map<String, ExamType.Texts> translations) {
        static ExamTypeBody of(ExamType exam) {
            return new ExamTypeBody(exam.code().value(), exam.name(), exam.duration().toMinutes(), exam.preparation(),
                    new java.util.TreeMap<>(exam.translations()));
        }
    }
}
