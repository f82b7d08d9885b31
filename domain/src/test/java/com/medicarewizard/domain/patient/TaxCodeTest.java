package com.medicarewizard.domain.patient;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaxCodeTest {

    @Test
    void acceptsAValidCodeInAnyCaseAndMasksAllButTheLastFour() {
        TaxCode code = new TaxCode("rssmra85t10a562s");
        assertThat(code.value()).isEqualTo("RSSMRA85T10A562S");
        assertThat(code.masked()).isEqualTo("************562S");
    }

    @Test
    void rejectsAWrongCheckCharacterOrShape() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TaxCode("RSSMRA85T10A562T"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TaxCode("RSSMRA85T10A562"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TaxCode("1SSMRA85T10A562S"));
    }

    @Test
    void completesFifteenCharactersWithTheirCheckCharacter() {
        assertThat(TaxCode.completing("rssmra85t10a562").value()).isEqualTo("RSSMRA85T10A562S");
        assertThatIllegalArgumentException().isThrownBy(() -> TaxCode.completing("RSSMRA85T10A56"));
        assertThatIllegalArgumentException().isThrownBy(() -> TaxCode.completing("RSSMRA85T10A5620"));
    }
}
