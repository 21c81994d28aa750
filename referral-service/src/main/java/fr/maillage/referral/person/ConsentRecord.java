package fr.maillage.referral.person;

import java.time.Instant;
import java.util.Set;

// PLACEHOLDER (issue 4 merge): contract §2, owned by the registry helper.
/** A consent as recorded, withdrawn or not. */
public record ConsentRecord(
        String id,
        String personRef,
        ConsentPurpose purpose,
        Set<String> institutions,
        Set<String> resources,
        Instant givenAt,
        String recordedBy,
        String recordedByInstitution,
        Instant withdrawnAt,
        String withdrawnBy) {}
