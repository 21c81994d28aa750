package fr.maillage.evaluation.indicator;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code maillage.evaluation.small-numbers.*}: the smallest count shown as it is in the API and in
 * reports (below it: {@code < threshold}).
 */
@Validated
@ConfigurationProperties("maillage.evaluation.small-numbers")
public record SmallNumbersProperties(@Min(1) Integer threshold) {

    public SmallNumbersProperties {
        threshold = threshold == null ? 5 : threshold;
    }
}
