package fr.maillage.workshop.attendance;

import java.util.Map;

/** What the group needs of attendance when it ends: how many group sessions each participant came to. */
public interface AttendanceLedger {

    /** enrolmentId -> number of GROUP sessions marked PRESENT in this group (absent key: none). */
    Map<String, Integer> groupSessionsAttended(String groupId);
}
