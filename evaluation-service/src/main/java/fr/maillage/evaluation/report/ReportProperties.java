package fr.maillage.evaluation.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code maillage.evaluation.reports.*}, checked when bound (and the indicator ids against the catalogue
 * when the reports start): a wrong value stops the service.
 *
 * @param trendIndicators the indicators whose monthly values the report's trend chart draws (1 to 6
 *     catalogue ids)
 */
@Validated
@ConfigurationProperties("maillage.evaluation.reports")
public record ReportProperties(
        @NotNull
        @Size(min = 1, max = 6)
        @DefaultValue({
            "alerts.responded-within-target",
            "referrals.answered-within-target",
            "workshops.attendance-rate",
            "meetings.held-vs-planned"
        })
        List<@NotBlank String> trendIndicators) {

    public ReportProperties {
        trendIndicators = trendIndicators == null ? null : List.copyOf(trendIndicators);
    }
}
