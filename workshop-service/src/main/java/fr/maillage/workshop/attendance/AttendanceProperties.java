package fr.maillage.workshop.attendance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The attendance keys under {@code maillage.workshop.*} (other workshop keys live beside them and
 * are bound elsewhere). Checked when bound: a wrong value stops the service at start-up.
 *
 * @param disengagement {@code maillage.workshop.disengagement.*}
 * @param attendance {@code maillage.workshop.attendance.*}
 */
@Validated
@ConfigurationProperties("maillage.workshop")
public record AttendanceProperties(
        @Valid @DefaultValue Disengagement disengagement,
        @Valid @DefaultValue Attendance attendance) {

    /**
     * @param consecutiveAbsences unexcused absences in a row that make a disengagement episode (default 2)
     */
    public record Disengagement(
            @Min(1) @DefaultValue("" + DisengagementPolicy.DEFAULT_CONSECUTIVE_ABSENCES)
            int consecutiveAbsences) {}

    /**
     * @param recordableBeforeStart how long before a session starts its attendance may be recorded (default PT30M)
     */
    public record Attendance(@NotNull @DefaultValue("PT30M") Duration recordableBeforeStart) {

        public Attendance {
            if (recordableBeforeStart != null && recordableBeforeStart.isNegative()) {
                throw new IllegalArgumentException(
                        "maillage.workshop.attendance.recordable-before-start must not be negative");
            }
        }
    }
}
