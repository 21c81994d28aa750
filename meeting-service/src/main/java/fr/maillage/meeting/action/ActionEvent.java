package fr.maillage.meeting.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * What happened to an action: returned by {@link Action}, published by {@code ActionMessages}. Never the
 * title: it stays in this service.
 */
public sealed interface ActionEvent {

    String actionId();

    String meetingId();

    String territory();

    /** The institutions told (the meeting's participants'). */
    Set<String> audience();

    String ownerId();

    LocalDate dueOn();

    record ActionAssigned(
            String actionId,
            String meetingId,
            String territory,
            Set<String> audience,
            String ownerId,
            LocalDate dueOn,
            Instant assignedAt)
            implements ActionEvent {}

    /** An open action's due day ended; {@code overdueAt} is when that was noticed. */
    record ActionOverdue(
            String actionId,
            String meetingId,
            String territory,
            Set<String> audience,
            String ownerId,
            LocalDate dueOn,
            Instant overdueAt)
            implements ActionEvent {}

    /** {@code onTime}: done before the end of its due day (Paris). */
    record ActionCompleted(
            String actionId,
            String meetingId,
            String territory,
            Set<String> audience,
            String ownerId,
            LocalDate dueOn,
            Instant completedAt,
            boolean onTime)
            implements ActionEvent {}
}
