package fr.maillage.platform.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The conventions of DESIGN §3, checked in every service by an {@code ArchitectureTests} class:
 *
 * <pre>
 * &#64;AnalyzeClasses(packages = "fr.maillage.alert", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTests {
 *     &#64;ArchTest static final ArchTests conventions = ArchTests.in(ServiceArchitecture.class);
 * }
 * </pre>
 */
public final class ServiceArchitecture {

    /** Adapters may use frameworks; everything else in a feature package is domain. */
    private static final Set<String> ADAPTER_SUFFIXES = Set.of(
            "Application",
            "Controller",
            "Repository",
            "Listener",
            "Messages",
            "Configuration",
            "Config",
            "Properties",
            "Scheduler",
            "Watcher",
            "Service",
            "Client",
            "Store");

    private static final DescribedPredicate<JavaClass> DOMAIN =
            new DescribedPredicate<>("domain classes (aggregates, value objects, policies)") {
                @Override
                public boolean test(JavaClass type) {
                    String name = type.getEnclosingClass()
                            .map(JavaClass::getSimpleName)
                            .orElse(type.getSimpleName());
                    return ADAPTER_SUFFIXES.stream().noneMatch(name::endsWith)
                            && !type.getSimpleName().equals("package-info");
                }
            };

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that(DOMAIN)
            .should()
            .dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.mongodb..")
                    .and(not(resideInAnyPackage(
                            "org.springframework.data.annotation..",
                            "org.springframework.data.mongodb.core.mapping.."))))
            .as("aggregates, value objects and policies are plain Java (mapping annotations aside)")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles =
            slices().matching("fr.maillage.(*).(*)..").should().beFreeOfCycles().allowEmptyShould(true);

    @ArchTest
    static final ArchRule packagedByFeature = noClasses()
            .should()
            .resideInAnyPackage("fr.maillage.*.model..", "fr.maillage.*.web..", "fr.maillage.*.service..")
            .as("no top-level model/web/service packages: package by feature")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule controllersAreAdapters = classes()
            .that()
            .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .should()
            .haveSimpleNameEndingWith("Controller")
            .allowEmptyShould(true);

    private ServiceArchitecture() {}
}
