package fr.maillage.referral.person;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the person registry's keys live ({@code maillage.persons.*}).
 *
 * @param keysetFile the JSON file holding the identity AEAD keyset and the blind-index PRF keyset
 * @param createKeysetIfMissing generate the file when it does not exist: developer machines, the local
 *     stack and tests only (a deployment that lost its keys must stop, not start with new ones)
 */
@ConfigurationProperties("maillage.persons")
public record PersonsProperties(Path keysetFile, boolean createKeysetIfMissing) {}
