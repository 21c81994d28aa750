package fr.maillage.workshop.attendance;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The {@link AttendanceLedger} the groups read when they end. It needs the store only (not the
 * roster), so the groups can depend on it without a cycle back to them.
 */
@Component
class GroupAttendanceStore implements AttendanceLedger {

    private final GroupAttendanceRepository attendances;

    GroupAttendanceStore(GroupAttendanceRepository attendances) {
        this.attendances = attendances;
    }

    @Override
    public Map<String, Integer> groupSessionsAttended(String groupId) {
        return attendances
                .findById(groupId)
                .map(GroupAttendance::groupSessionsAttended)
                .orElse(Map.of());
    }
}
