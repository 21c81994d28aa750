package fr.maillage.meeting.meeting;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code maillage.meeting.attendance.*}: how long before its start a meeting's attendance may be recorded
 * (default zero: once it has started). The system tests widen it, as they shorten the alert targets.
 */
@Validated
@ConfigurationProperties("maillage.meeting.attendance")
record AttendanceProperties(@DefaultValue("PT0S") @NotNull Duration recordableBeforeStart) {

    AttendanceProperties {
        if (recordableBeforeStart.isNegative()) {
            throw new IllegalArgumentException(
                    "maillage.meeting.attendance.recordable-before-start must not be negative");
        }
    }
}
