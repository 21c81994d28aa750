package fr.maillage.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The PDF read back with PDFBox: it opens, says what it is about, shows the disclosed figures only. */
class ReportPdfTests {

    private static Pdfs.Read pdf(ReportContent content) {
        return Pdfs.read(ReportPdf.render(content, ReportCharts.of(content)));
    }

    @Test
    void opensWithItsTitleTerritoryQuarterAndFigures() {
        Pdfs.Read pdf = pdf(TestReports.openQuarter());

        assertThat(pdf.pages()).isGreaterThanOrEqualTo(2);
        assertThat(pdf.title()).isEqualTo("Quarterly report — bievre — 2026-Q4");
        assertThat(pdf.flat())
                .contains("Quarterly report — bievre — 2026-Q4")
                .contains("Territory bievre, quarter 2026-Q4: 1 October 2026 to 31 December 2026")
                .contains("Referrals", "Alerts", "Workshops", "Meetings", "Questionnaires")
                .contains("Referrals answered within target")
                .contains("84.2 %", "71.4 %", "23.5 %", "26.4 h", "3.4", "57")
                .contains("≥ 80 %", "≤ 20 %")
                .contains("ACCEPTED: 31", "DECLINED: < 5")
                .contains("Met", "At risk", "No target", "No data");
    }

    @Test
    void anOpenQuarterIsMarkedProvisional() {
        Pdfs.Read open = pdf(TestReports.openQuarter());
        Pdfs.Read closed = pdf(TestReports.closedQuarter());

        assertThat(open.flat()).contains("PROVISIONAL: the quarter is not over");
        assertThat(closed.flat()).doesNotContain("PROVISIONAL").contains("Missed");
    }

    @Test
    void showsLessThanFiveWhereSuppressedAndNeverTheWithheldValue() {
        Pdfs.Read pdf = pdf(TestReports.closedQuarter());

        assertThat(pdf.flat()).contains("< 5");
        for (String withheld : TestFigures.WITHHELD_TEXTS) {
            assertThat(pdf.flat()).doesNotContain(withheld);
        }
    }

    @Test
    void embedsTheChartsAsImages() {
        Pdfs.Read pdf = pdf(TestReports.openQuarter());

        assertThat(pdf.images()).isEqualTo(2);
        assertThat(pdf.flat()).contains("Charts");
    }
}
