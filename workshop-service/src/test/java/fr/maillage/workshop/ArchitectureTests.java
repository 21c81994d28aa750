package fr.maillage.workshop;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import fr.maillage.platform.testing.ServiceArchitecture;

@AnalyzeClasses(packages = "fr.maillage.workshop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchTests conventions = ArchTests.in(ServiceArchitecture.class);
}
