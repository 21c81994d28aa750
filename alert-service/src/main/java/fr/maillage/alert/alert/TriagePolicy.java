package fr.maillage.alert.alert;

import static fr.maillage.alert.alert.RiskFactor.CARE_DISRUPTION;
import static fr.maillage.alert.alert.RiskFactor.DEPENDANTS_AT_RISK;
import static fr.maillage.alert.alert.RiskFactor.INTOXICATION;
import static fr.maillage.alert.alert.RiskFactor.ISOLATION;
import static fr.maillage.alert.alert.RiskFactor.NO_SUPPORT;
import static fr.maillage.alert.alert.RiskFactor.PSYCHOTIC_SYMPTOMS;
import static fr.maillage.alert.alert.RiskFactor.REFUSAL_OF_CARE;
import static fr.maillage.alert.alert.RiskFactor.SEVERE_AGITATION;
import static fr.maillage.alert.alert.RiskFactor.SUICIDAL_IDEATION;
import static fr.maillage.alert.alert.RiskFactor.SUICIDE_PLAN_OR_ATTEMPT;
import static fr.maillage.alert.alert.RiskFactor.VIOLENCE_TO_OTHERS;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Suggests an urgency from the reported risk factors: the first matching rule wins, and its name is
 * kept with the alert so the suggestion can be explained. A suggestion only: the qualifying
 * professional decides, and must give a reason to depart from it.
 *
 * <p>The levels follow the shape of the UK Mental Health Triage Scale and the Victorian Statewide Mental
 * Health Triage Scale (see {@link Urgency}); the rules below are ours.
 */
public final class TriagePolicy {

    /** An urgency and the name of the rule that chose it. */
    public record Suggestion(Urgency urgency, String rule) {}

    /** One named rule of the table. */
    public record Rule(String name, Urgency urgency, Predicate<Set<RiskFactor>> when) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    "imminent-danger",
                    Urgency.A,
                    risks -> (risks.contains(SUICIDE_PLAN_OR_ATTEMPT)
                                    && (risks.contains(INTOXICATION) || risks.contains(SEVERE_AGITATION)))
                            || (risks.contains(VIOLENCE_TO_OTHERS) && risks.contains(SEVERE_AGITATION))),
            new Rule("suicide-plan-or-attempt", Urgency.B, risks -> risks.contains(SUICIDE_PLAN_OR_ATTEMPT)),
            new Rule("violence-to-others", Urgency.B, risks -> risks.contains(VIOLENCE_TO_OTHERS)),
            new Rule(
                    "suicidal-ideation-without-support",
                    Urgency.B,
                    risks -> risks.contains(SUICIDAL_IDEATION) && anyOf(risks, NO_SUPPORT, ISOLATION, INTOXICATION)),
            new Rule("acute-symptoms", Urgency.C, risks -> anyOf(risks, SEVERE_AGITATION, PSYCHOTIC_SYMPTOMS)),
            new Rule("suicidal-ideation", Urgency.C, risks -> risks.contains(SUICIDAL_IDEATION)),
            new Rule("dependants-at-risk", Urgency.C, risks -> risks.contains(DEPENDANTS_AT_RISK)),
            new Rule("intoxication", Urgency.D, risks -> risks.contains(INTOXICATION)),
            // "aller-vers": people who refuse care are sought out, not left waiting (DOMAIN §4).
            new Rule("refusal-of-care", Urgency.D, risks -> risks.contains(REFUSAL_OF_CARE)),
            new Rule("care-disruption", Urgency.E, risks -> anyOf(risks, CARE_DISRUPTION, ISOLATION, NO_SUPPORT)),
            new Rule("no-risk-factor", Urgency.G, risks -> true));

    private TriagePolicy() {}

    /** The rules in the order they are tried. */
    public static List<Rule> rules() {
        return RULES;
    }

    /** The urgency the first matching rule gives these risk factors. */
    public static Suggestion suggest(Collection<RiskFactor> riskFactors) {
        Set<RiskFactor> risks = riskFactors == null || riskFactors.isEmpty()
                ? EnumSet.noneOf(RiskFactor.class)
                : EnumSet.copyOf(riskFactors);
        for (Rule rule : RULES) {
            if (rule.when().test(risks)) {
                return new Suggestion(rule.urgency(), rule.name());
            }
        }
        throw new IllegalStateException("The last rule matches everything");
    }

    private static boolean anyOf(Set<RiskFactor> risks, RiskFactor... candidates) {
        for (RiskFactor candidate : candidates) {
            if (risks.contains(candidate)) {
                return true;
            }
        }
        return false;
    }
}
