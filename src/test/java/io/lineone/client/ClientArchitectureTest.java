package io.lineone.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The console's layer rules. */
class ClientArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.lineone");

    @Test
    void onlyTheEmbeddedBackendUsesTheServer() {
        noClasses().that().resideInAPackage("io.lineone.client..")
                .and().doNotHaveFullyQualifiedName(EmbeddedBackend.class.getName())
                .should().dependOnClassesThat().resideInAPackage("io.lineone.server..")
                .because("the console talks to any server, even the embedded one, over HTTP")
                .check(CLASSES);
    }

    @Test
    void viewModelsNeverTouchControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models are tested with plain JUnit, without a toolkit")
                .check(CLASSES);
    }

    @Test
    void theNetworkLayerKnowsNoJavaFx() {
        noClasses().that().resideInAPackage("io.lineone.client.net..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void wireTypesDependOnNeitherSide() {
        noClasses().that().resideInAPackage("io.lineone.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lineone.client..", "io.lineone.server..", "javafx..")
                .check(CLASSES);
    }
}
