package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void keepsCommasQuotesAndLineBreaksInsideQuotedFields() throws IOException {
        CsvReader csv = new CsvReader(new StringReader(
                "a,\"b, with comma\",\"say \"\"hi\"\"\",d\r\n\"two\nlines\",,x\n"));

        assertThat(csv.next()).containsExactly("a", "b, with comma", "say \"hi\"", "d");
        assertThat(csv.next()).containsExactly("two\nlines", "", "x");
        assertThat(csv.next()).isNull();
    }

    @Test
    void readsALastLineWithoutLineBreakAndSkipsBlankLines() throws IOException {
        CsvReader csv = new CsvReader(new StringReader("h1,h2\n\n1,2"));

        assertThat(csv.next()).containsExactly("h1", "h2");
        assertThat(csv.next()).containsExactly("1", "2");
        assertThat(csv.next()).isNull();
    }
}
