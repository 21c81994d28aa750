package fr.maillage.alert.alert;

import java.util.List;

/**
 * What an emitter reports when raising an alert (the body of {@code POST /api/alerts}, or what the
 * platform itself generates for a follow-up alert).
 *
 * @param commune the INSEE code of the commune where help is needed, may be null
 * @param personRef the person when known (issued by referral-service), else null and a {@code subject}
 */
public record Raising(
        Channel channel,
        String territory,
        String commune,
        Emitter emitter,
        String personRef,
        Subject subject,
        String situation,
        List<RiskFactor> riskFactors,
        boolean personAware) {

    public Raising {
        riskFactors = riskFactors == null ? List.of() : List.copyOf(riskFactors);
    }

    @Override
    public String toString() {
        return "Raising[channel=" + channel + ", territory=" + territory + ", riskFactors=" + riskFactors
                + ", redacted]";
    }
}
