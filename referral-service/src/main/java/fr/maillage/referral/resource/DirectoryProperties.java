package fr.maillage.referral.resource;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code maillage.referral.directory.*}.
 *
 * @param staleAfter a record not verified for this long is flagged {@code stale} (six months by default)
 */
@ConfigurationProperties("maillage.referral.directory")
public record DirectoryProperties(@DefaultValue("P180D") Duration staleAfter) {}
