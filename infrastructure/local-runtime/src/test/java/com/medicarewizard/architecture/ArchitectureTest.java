package com.medicarewizard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.regex.Pattern;

/**
 * The ports-and-adapters rules of STYLE.md, checked on the main classes of every module this one
 * depends on (all functions, the AWS adapters and the local runtime; the Lambda entry points and
 * the CDK stack are not on this classpath).
 */
@AnalyzeClasses(packages = "com.medicarewizard", importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {

    /** The domain is plain Java: no AWS, HTTP or JSON library. */
    @ArchTest
    static final ArchRule domainUsesNoAwsHttpOrJsonLibrary = noClasses()
            .that().resideInAnyPackage("com.medicarewizard.domain..", "com.medicarewizard.port..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..",
                    "java.net.http..", "org.apache.http..", "org.apache.hc..", "okhttp3..",
                    "com.fasterxml.jackson..", "com.google.gson..", "org.json..", "jakarta.json..");

    /** Handlers and use cases see ports only; adapters are handed to them by a wiring outside. */
    @ArchTest
    static final ArchRule functionsDoNotDependOnAdapters = noClasses()
            .that().resideInAnyPackage("com.medicarewizard.intake..", "com.medicarewizard.allocator..",
                    "com.medicarewizard.notifier..", "com.medicarewizard.edge..")
            .should().dependOnClassesThat().resideInAnyPackage("com.medicarewizard.adapter..",
                    "com.medicarewizard.runtime..", "com.medicarewizard.lambda..");

    /** The top-level packages (domain, port, intake, allocator, notifier, edge, adapter, runtime) form no cycle. */
    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching("com.medicarewizard.(*)..")
            .should().beFreeOfCycles();

    /**
     * Main classes only: neither test classes nor the domain's test-jar (fakes, contract suites),
     * whether the reactor hands over directories ({@code mvn test}) or jars ({@code mvn verify}).
     */
    static final class MainClassesOnly implements ImportOption {
        private static final Pattern TESTS = Pattern.compile(".*(/test-classes/|-tests\\.jar).*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TESTS);
        }
    }
}
