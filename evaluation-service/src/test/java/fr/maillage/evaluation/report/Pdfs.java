package fr.maillage.evaluation.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF back with PDFBox, as a reader's viewer would: it opens, its text, its images. */
final class Pdfs {

    private Pdfs() {}

    /** What PDFBox found in a PDF. */
    record Read(int pages, String text, int images, String title) {

        /** The text with every run of white space (line ends included) made one space. */
        String flat() {
            return text.replaceAll("\\s+", " ");
        }
    }

    /** Opens the PDF (fails if it does not) and reads its text and images. */
    static Read read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int images = 0;
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof PDImageXObject image
                            && image.getWidth() > 0
                            && image.getHeight() > 0) {
                        images++;
                    }
                }
            }
            return new Read(
                    document.getNumberOfPages(),
                    new PDFTextStripper().getText(document),
                    images,
                    document.getDocumentInformation().getTitle());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
