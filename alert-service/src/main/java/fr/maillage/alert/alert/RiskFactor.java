package fr.maillage.alert.alert;

/** The closed list of risk factors an emitter reports; {@link TriagePolicy} suggests an urgency from them. */
public enum RiskFactor {
    SUICIDAL_IDEATION,
    SUICIDE_PLAN_OR_ATTEMPT,
    VIOLENCE_TO_OTHERS,
    SEVERE_AGITATION,
    PSYCHOTIC_SYMPTOMS,
    INTOXICATION,
    REFUSAL_OF_CARE,
    ISOLATION,
    CARE_DISRUPTION,
    DEPENDANTS_AT_RISK,
    NO_SUPPORT
}
