package fr.maillage.evaluation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EvaluationServiceApplication {

    public static void main(String[] args) {
        // the report's charts are drawn without a display (servers and CI have none)
        System.setProperty("java.awt.headless", "true");
        SpringApplication.run(EvaluationServiceApplication.class, args);
    }
}
