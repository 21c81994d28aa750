package fr.maillage.localstack.launch;

import fr.maillage.localstack.kafka.KafkaMain;
import fr.maillage.localstack.keycloak.KeycloakDistribution;
import fr.maillage.localstack.mongo.MongoMain;
import java.util.Arrays;

/**
 * Entry point of the exec jar: {@code java -jar local-stack-<version>-exec.jar kafka|mongo|keycloak
 * <options>} dispatches to {@link KafkaMain}, {@link MongoMain} or {@link KeycloakDistribution}.
 */
public final class LocalStackMain {

    private static final String USAGE = "usage: java -jar local-stack-exec.jar kafka|mongo|keycloak <options>";

    private LocalStackMain() {}

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
            default -> {
                System.err.println("Unknown command '" + args[0] + "'. " + USAGE);
                System.exit(Launcher.EXIT_USAGE);
            }
        }
    }
}
