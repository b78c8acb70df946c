package io.adclick.router.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestInvoiceCsv {
    @Test
    void oneRowPerLineThenTheTotal() {
        String id = Invoice.idOf("acme", YearMonth.of(2026, 11), 2);
        Invoice invoice = new Invoice(
                id,
                2,
                Optional.of(Invoice.idOf("acme", YearMonth.of(2026, 11), 1)),
                "acme",
                YearMonth.of(2026, 11),
                123L,
                Instant.parse("2026-12-01T00:00:00Z"),
                List.of(
                        new InvoiceLine(Invoice.lineIdOf(id, 1), "c1", 3, 1_500_000),
                        new InvoiceLine(Invoice.lineIdOf(id, 2), "-c2", 1, 250_000)));
        String csv = InvoiceCsv.render(InvoiceAnswer.of(invoice, null, null));
        assertThat(csv.split("\r\n"))
                .containsExactly(
                        InvoiceCsv.HEADER,
                        id + ",2,acme,2026-11,123," + id + "-L001,c1,3,1500000",
                        id + ",2,acme,2026-11,123," + id + "-L002,'-c2,1,250000",
                        id + ",2,acme,2026-11,123,TOTAL,,4,1750000");
    }

    @Test
    void fieldsAreQuotedAndNeutralised() {
        assertThat(InvoiceCsv.field("plain")).isEqualTo("plain");
        assertThat(InvoiceCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(InvoiceCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(InvoiceCsv.field("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(InvoiceCsv.field("@cmd")).isEqualTo("'@cmd");
    }

    @Test
    void idsAreStablePathSafeAndVersioned() {
        String v1 = Invoice.idOf("acme", YearMonth.of(2026, 11), 1);
        assertThat(v1).matches("INV-202611-[0-9a-f]{10}-v1").isEqualTo(Invoice.idOf("acme", YearMonth.of(2026, 11), 1));
        assertThat(Invoice.idOf("globex", YearMonth.of(2026, 11), 1)).isNotEqualTo(v1);
        assertThat(Invoice.lineIdOf(v1, 7)).isEqualTo(v1 + "-L007");
    }
}
