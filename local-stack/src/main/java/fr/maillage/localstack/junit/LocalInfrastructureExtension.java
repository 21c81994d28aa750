package fr.maillage.localstack.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Starts the {@link SharedInfrastructure} on first use, keeps it in the root store (closed when
 * the test run ends) and (re)applies its system properties before Spring builds a context.
 */
public final class LocalInfrastructureExtension implements BeforeAllCallback, TestInstancePostProcessor {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalInfrastructureExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureStarted(context);
    }

    // with @TestInstance(PER_CLASS) Spring loads its context here, before any beforeAll
    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        ensureStarted(context);
    }

    private static void ensureStarted(ExtensionContext context) {
        SharedInfrastructure infrastructure = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        SharedInfrastructure.class, key -> SharedInfrastructure.start(), SharedInfrastructure.class);
        infrastructure.applySystemProperties();
    }
}
