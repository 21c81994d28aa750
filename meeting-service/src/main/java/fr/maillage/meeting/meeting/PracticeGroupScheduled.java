package fr.maillage.meeting.meeting;

import java.time.Instant;

/** Told in-process when a practice group is scheduled, so proposals waiting for one can land on it. */
public record PracticeGroupScheduled(String meetingId, String territory, Instant startsAt) {}
