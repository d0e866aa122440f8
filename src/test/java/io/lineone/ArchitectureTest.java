package io.lineone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of SPEC §2: the wire types stand alone, the server never reaches into the console, and back. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lineone");
    }

    @Test
    void theWireTypesDependOnNeitherSide() {
        ArchRule rule = noClasses().that().resideInAPackage("io.lineone.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lineone.server..", "io.lineone.client..",
                        "javafx..", "io.javalin..", "okhttp3..")
                .because("client and server share io.lineone.api; it must import neither (SPEC §2)");
        rule.check(classes);
    }

    @Test
    void theServerNeverUsesTheConsole() {
        ArchRule rule = noClasses().that().resideInAPackage("io.lineone.server..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.lineone.client..", "okhttp3..")
                .because("the backend runs headless on a team server (SPEC §2)");
        rule.check(classes);
    }

    @Test
    void theConsoleTalksToTheServerOnlyOverHttp() {
        ArchRule rule = noClasses().that().resideInAPackage("io.lineone.client..")
                .and().doNotHaveFullyQualifiedName("io.lineone.client.EmbeddedBackend")
                .should().dependOnClassesThat().resideInAPackage("io.lineone.server..")
                .because("the console talks to the server only over HTTP; EmbeddedBackend alone starts one in-process")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void viewModelsNeverTouchControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models are tested with plain JUnit, without a toolkit")
                .check(classes);
    }

    @Test
    void theConsolesNetworkLayerKnowsNoJavaFx() {
        noClasses().that().resideInAPackage("io.lineone.client.net..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("backend calls run on worker threads and are tested without a toolkit")
                .check(classes);
    }
}
