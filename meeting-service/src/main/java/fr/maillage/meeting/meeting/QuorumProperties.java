package fr.maillage.meeting.meeting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code maillage.meeting.quorum.*}: how many distinct professions must be present for a decision about a
 * person (default 3).
 */
@Validated
@ConfigurationProperties("maillage.meeting.quorum")
record QuorumProperties(
        @DefaultValue("" + Quorum.DEFAULT_MIN_PROFESSIONS) @Min(1) @Max(20)
        int minProfessions) {}
