package fr.maillage.localstack.launch;

import fr.maillage.localstack.kafka.KafkaMain;
import fr.maillage.localstack.keycloak.KeycloakDistribution;
import fr.maillage.localstack.keycloak.KeycloakLogin;
import fr.maillage.localstack.mongo.MongoMain;
import java.util.Arrays;

/**
 * Entry point of the exec jar: {@code java -jar local-stack-<version>-exec.jar kafka|mongo|keycloak|token
 * <options>} dispatches to {@link KafkaMain}, {@link MongoMain}, {@link KeycloakDistribution} or prints
 * a demo access token ({@code token <keycloak-url> <demo user or partner client>}).
 */
public final class LocalStackMain {

    private static final String USAGE = "usage: java -jar local-stack-exec.jar kafka|mongo|keycloak|token <options>";

    private LocalStackMain() {}

    /**
     * A demo access token, obtained as real clients do: client credentials for a partner client
     * (demo secret {@code <client>-secret}), a scripted authorization code + PKCE login for a user.
     */
    private static void printDemoToken(String[] args) {
        if (args.length != 2) {
            System.err.println(
                    "usage: java -jar local-stack-exec.jar token <keycloak-url> <demo user or partner client>");
            System.exit(Launcher.EXIT_USAGE);
        }
        try {
            String name = args[1];
            System.out.println(
                    name.startsWith("partner-")
                            ? KeycloakLogin.clientCredentials(args[0], name, name + "-secret")
                            : KeycloakLogin.authorizationCodeWithPkce(args[0], name, KeycloakLogin.DEMO_PASSWORD));
        } catch (RuntimeException e) {
            System.err.println("No token for " + args[1] + ": " + e.getMessage());
            System.exit(Launcher.EXIT_FAILURE);
        }
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(Launcher.EXIT_USAGE);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "kafka" -> KafkaMain.main(rest);
            case "mongo" -> MongoMain.main(rest);
            case "keycloak" -> KeycloakDistribution.main(rest);
            case "token" -> printDemoToken(rest);
            default -> {
                System.err.println("Unknown command '" + args[0] + "'. " + USAGE);
                System.exit(Launcher.EXIT_USAGE);
            }
        }
    }
}
