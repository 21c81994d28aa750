package fr.maillage.evaluation.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * What meeting-service reads of {@code report-published}: its record
 * {@code meeting-service/.../proposal/EvaluationEventsListener.ReportPublished} with the formats of its
 * {@code IncomingFormats}, copied as they are. Binding our event's data to it with the kit's codec (which
 * validates, as meeting-service's listener does) proves meeting-service takes it rather than sending it
 * to the dead-letter topic.
 */
final class MeetingServiceFormats {

    static final String OPAQUE_ID = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$";
    static final String TERRITORY = "^[a-z0-9][a-z0-9-]{0,63}$";
    static final String QUARTER = "^\\d{4}-Q[1-4]$";

    private MeetingServiceFormats() {}

    record ReportPublished(
            @NotBlank @Pattern(regexp = OPAQUE_ID) String reportId,

            @NotBlank @Pattern(regexp = TERRITORY) String territory,

            @NotBlank @Pattern(regexp = QUARTER) String quarter,

            @NotNull Instant publishedAt) {}
}
