package com.medicarewizard.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.adapter.json.JsonCenterCatalog;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.lambda.common.TablePorts;
import org.junit.jupiter.api.Test;

/** The center the deployed functions read: every exam type's name and preparation also in Italian (issue 16, finding 8). */
class CenterDocumentTest {

    @Test
    void everyExamTypeHasItsItalianTexts() {
        Center center = JsonCenterCatalog.fromResource(TablePorts.CENTER_DOCUMENT).current();
        assertThat(center.examTypes()).isNotEmpty().allSatisfy(exam -> {
            assertThat(exam.translations()).containsOnlyKeys("it");
            assertThat(exam.name("it")).isNotBlank().isNotEqualTo(exam.name());
            assertThat(exam.preparation("it")).isNotBlank().isNotEqualTo(exam.preparation());
        });
    }
}
