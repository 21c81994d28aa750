package fr.maillage.referral.person;

import java.util.Set;

// PLACEHOLDER (issue 4 merge): contract §2, owned by the registry helper.
/** A consent to record: its purpose and the institutions / resources it covers. */
public record ConsentRequest(ConsentPurpose purpose, Set<String> institutions, Set<String> resources) {}
