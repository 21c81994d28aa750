package fr.maillage.platform.config;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's default settings ({@code META-INF/maillage/*-defaults.properties}) with the
 * lowest precedence, so a service's own {@code application.yml}, its environment and its tests
 * override any of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String LOCATION = "classpath*:META-INF/maillage/*-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(resources, Comparator.comparing(Resource::getDescription));
            for (Resource resource : resources) {
                environment
                        .getPropertySources()
                        .addLast(new ResourcePropertySource("maillage:" + resource.getFilename(), resource));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the platform defaults " + LOCATION, e);
        }
    }
}
