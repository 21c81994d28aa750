package fr.maillage.evaluation.report;

import fr.maillage.evaluation.indicator.DisclosedIndicator;
import fr.maillage.evaluation.indicator.TargetStatus;
import fr.maillage.evaluation.period.Period;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.FontSelector;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfGState;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The report as a PDF (OpenPDF): title, territory and quarter, a notice and a watermark while the quarter
 * is open, the small-number rule, a summary of the statuses, a table per domain (value, n, target, status,
 * breakdown) and the charts of {@link ReportCharts}. Everything shown is the disclosed figures of the
 * {@link ReportContent}: {@code < 5} where a number is withheld. The standard PDF fonts (Helvetica, and
 * Symbol for {@code ≥ ≤}), so nothing is embedded and no font needs installing.
 */
public final class ReportPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final Color GREY = new Color(0x616161);
    private static final Color HEADER = new Color(0xECEFF1);
    private static final Color NOTICE = new Color(0xFFF3E0);
    private static final Color MET = new Color(0x2E7D32);
    private static final Color AT_RISK = new Color(0xB26A00);
    private static final Color MISSED = new Color(0xC62828);

    /** The width a chart takes on the page, in points (its PNG has twice as many pixels). */
    private static final float CHART_WIDTH = 500;

    private ReportPdf() {}

    /** The PDF's bytes. */
    public static byte[] render(ReportContent content, List<ReportCharts.Chart> charts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 42, 42, 48, 54);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Decorations(content));
            document.addTitle(content.title());
            document.addSubject("Indicators of territory " + content.territory() + " against its targets, quarter "
                    + content.quarter().code());
            document.addCreator("Maillage evaluation-service");
            document.addCreationDate();
            document.open();
            header(document, content);
            for (Map.Entry<String, List<DisclosedIndicator>> domain :
                    content.byDomain().entrySet()) {
                domain(document, domain.getKey(), domain.getValue());
            }
            if (!charts.isEmpty()) {
                document.newPage();
                document.add(paragraph("Charts", 14, Font.BOLD, Color.BLACK, 0, 6));
                document.add(paragraph(
                        "Values withheld because they rest on fewer than " + content.smallNumberThreshold()
                                + " cases are not drawn.",
                        9,
                        Font.ITALIC,
                        GREY,
                        0,
                        8));
                for (ReportCharts.Chart chart : charts) {
                    Image image = Image.getInstance(chart.png());
                    image.scaleToFit(CHART_WIDTH, CHART_WIDTH * chart.height() / chart.width());
                    image.setAlignment(Element.ALIGN_CENTER);
                    image.setAlt(chart.title());
                    document.add(image);
                    document.add(paragraph(" ", 6, Font.NORMAL, Color.BLACK, 0, 6));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    private static void header(Document document, ReportContent content) {
        Period quarter = content.quarter();
        document.add(paragraph(content.title(), 18, Font.BOLD, Color.BLACK, 0, 6));
        document.add(paragraph(
                "Territory " + content.territory() + ", quarter " + quarter.code() + ": "
                        + DAY.format(quarter.firstDay()) + " to " + DAY.format(quarter.lastDay())
                        + " (Paris time).",
                10,
                Font.NORMAL,
                Color.BLACK,
                0,
                2));
        document.add(paragraph(
                "Published " + INSTANT.format(content.publishedAt()) + "; figures computed "
                        + INSTANT.format(content.computedAt() == null ? content.publishedAt() : content.computedAt())
                        + ". Report " + content.reportId() + ".",
                9,
                Font.NORMAL,
                GREY,
                0,
                8));
        if (content.provisional()) {
            PdfPTable notice = new PdfPTable(1);
            notice.setWidthPercentage(100);
            PdfPCell cell = new PdfPCell(phrase(
                    "PROVISIONAL: the quarter is not over (it ends on " + DAY.format(quarter.lastDay())
                            + "). Figures may still change, and a status \"At risk\" is not final.",
                    10,
                    Font.BOLD,
                    AT_RISK));
            cell.setBackgroundColor(NOTICE);
            cell.setBorderColor(AT_RISK);
            cell.setPadding(6);
            notice.addCell(cell);
            notice.setSpacingAfter(8);
            document.add(notice);
        }
        int threshold = content.smallNumberThreshold();
        document.add(paragraph(
                "Small numbers: counts from 1 to " + (threshold - 1) + " are shown as \"< " + threshold
                        + "\", and a share, median or mean resting on fewer than " + threshold
                        + " cases is withheld, so that no person can be singled out.",
                9,
                Font.ITALIC,
                GREY,
                0,
                6));
        Map<TargetStatus, Integer> counts = content.statusCounts();
        document.add(paragraph(
                "Against the territory's targets: " + counts.get(TargetStatus.MET) + " met, "
                        + counts.get(TargetStatus.AT_RISK) + " at risk, " + counts.get(TargetStatus.MISSED)
                        + " missed; " + counts.get(TargetStatus.NO_TARGET) + " indicators without a target, "
                        + counts.get(TargetStatus.NO_DATA) + " without data.",
                10,
                Font.BOLD,
                Color.BLACK,
                0,
                4));
    }

    private static void domain(Document document, String domain, List<DisclosedIndicator> indicators) {
        document.add(paragraph(title(domain), 13, Font.BOLD, Color.BLACK, 10, 4));
        PdfPTable table = new PdfPTable(new float[] {50, 14, 9, 13, 14});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String heading : List.of("Indicator", "Value", "n", "Target", "Status")) {
            PdfPCell cell = new PdfPCell(phrase(heading, 9, Font.BOLD, Color.BLACK));
            cell.setBackgroundColor(HEADER);
            cell.setPadding(4);
            table.addCell(cell);
        }
        for (DisclosedIndicator indicator : indicators) {
            PdfPCell name = new PdfPCell();
            name.setPadding(4);
            name.setPaddingTop(0);
            name.setVerticalAlignment(Element.ALIGN_MIDDLE);
            name.addElement(paragraph(indicator.name(), 9, Font.NORMAL, Color.BLACK, 0, 0));
            if (!indicator.breakdown().isEmpty()) {
                name.addElement(paragraph(
                        indicator.breakdown().entrySet().stream()
                                .map(category -> category.getKey() + ": " + category.getValue())
                                .collect(Collectors.joining(" · ")),
                        8,
                        Font.NORMAL,
                        GREY,
                        1,
                        0));
            }
            table.addCell(name);
            table.addCell(cell(indicator.display(), Font.BOLD, Color.BLACK));
            table.addCell(cell(indicator.n(), Font.NORMAL, Color.BLACK));
            table.addCell(cell(
                    indicator.targetDisplay() == null ? "—" : indicator.targetDisplay(), Font.NORMAL, Color.BLACK));
            table.addCell(cell(status(indicator.status()), Font.BOLD, colour(indicator.status())));
        }
        document.add(table);
    }

    private static PdfPCell cell(String text, int style, Color colour) {
        PdfPCell cell = new PdfPCell(phrase(text, 9, style, colour));
        cell.setPadding(4);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    /** {@code REFERRALS} -> {@code Referrals}. */
    static String title(String domain) {
        return domain.isEmpty()
                ? domain
                : domain.charAt(0)
                        + domain.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String status(TargetStatus status) {
        return switch (status) {
            case MET -> "Met";
            case AT_RISK -> "At risk";
            case MISSED -> "Missed";
            case NO_TARGET -> "No target";
            case NO_DATA -> "No data";
        };
    }

    private static Color colour(TargetStatus status) {
        return switch (status) {
            case MET -> MET;
            case AT_RISK -> AT_RISK;
            case MISSED -> MISSED;
            case NO_TARGET, NO_DATA -> GREY;
        };
    }

    private static Paragraph paragraph(
            String text, float size, int style, Color colour, float spacingBefore, float spacingAfter) {
        Paragraph paragraph = new Paragraph(phrase(text, size, style, colour));
        paragraph.setSpacingBefore(spacingBefore);
        paragraph.setSpacingAfter(spacingAfter);
        return paragraph;
    }

    /** Text in Helvetica, with the characters it lacks (≥, ≤) taken from Symbol. */
    private static Phrase phrase(String text, float size, int style, Color colour) {
        FontSelector selector = new FontSelector();
        selector.addFont(new Font(Font.HELVETICA, size, style, colour));
        selector.addFont(new Font(Font.SYMBOL, size, Font.NORMAL, colour));
        return selector.process(text);
    }

    /** The footer of every page, and the watermark of a provisional report. */
    private static final class Decorations extends PdfPageEventHelper {

        private final ReportContent content;

        Decorations(ReportContent content) {
            this.content = content;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Rectangle page = document.getPageSize();
            ColumnText.showTextAligned(
                    writer.getDirectContent(),
                    Element.ALIGN_CENTER,
                    phrase(
                            "Maillage · " + content.territory() + " · "
                                    + content.quarter().code() + " · page " + writer.getPageNumber(),
                            8,
                            Font.NORMAL,
                            GREY),
                    (page.getLeft() + page.getRight()) / 2,
                    page.getBottom() + 28,
                    0);
            if (content.provisional()) {
                watermark(writer.getDirectContentUnder(), page);
            }
        }

        private static void watermark(PdfContentByte under, Rectangle page) {
            try {
                BaseFont bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
                PdfGState faint = new PdfGState();
                faint.setFillOpacity(0.10f);
                under.saveState();
                under.setGState(faint);
                under.setColorFill(AT_RISK);
                under.beginText();
                under.setFontAndSize(bold, 86);
                under.showTextAligned(
                        Element.ALIGN_CENTER,
                        "PROVISIONAL",
                        (page.getLeft() + page.getRight()) / 2,
                        (page.getBottom() + page.getTop()) / 2,
                        55);
                under.endText();
                under.restoreState();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
