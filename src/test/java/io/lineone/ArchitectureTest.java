package io.lineone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code: the wire types stand alone, the server never reaches into the console and back, and
 * inside the server features build on a few infrastructure packages, never the reverse.
 */
class ArchitectureTest {

    private static final String[] INFRASTRUCTURE = {"io.lineone.server.core..", "io.lineone.server.db..",
        "io.lineone.server.audit..", "io.lineone.server.auth..", "io.lineone.server.http..",
        "io.lineone.server.events.."};
    private static final String[] FEATURES = {"io.lineone.server.issues..", "io.lineone.server.merchants..",
        "io.lineone.server.users..", "io.lineone.server.system..", "io.lineone.server.listings..",
        "io.lineone.server.fixes..", "io.lineone.server.insights.."};

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
                .because("client and server share io.lineone.api; it must import neither");
        rule.check(classes);
    }

    @Test
    void theServerNeverUsesTheConsole() {
        ArchRule rule = noClasses().that().resideInAPackage("io.lineone.server..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.lineone.client..", "okhttp3..")
                .because("the backend runs headless on a team server");
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
                .or().haveNameMatching(
                        "io\\.lineone\\.client\\.queue\\.(LiveIssues|IssueFeed|IssueBatch|QueueFilters|IssueActions|IssueText)")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models and the models behind them are tested with plain JUnit, without a toolkit")
                .check(classes);
    }

    @Test
    void theConsolesNetworkLayerKnowsNoJavaFx() {
        noClasses().that().resideInAPackage("io.lineone.client.net..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("backend calls run on worker threads and are tested without a toolkit")
                .check(classes);
    }

    @Test
    void infrastructureNeverDependsOnAFeature() {
        noClasses().that().resideInAnyPackage(INFRASTRUCTURE)
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .orShould().dependOnClassesThat().resideInAnyPackage("io.lineone.server", "io.lineone.server.sim..")
                .because("features use the HTTP plumbing, database, auth and event hub; a feature added or removed"
                        + " leaves them untouched")
                .check(classes);
    }

    @Test
    void aFeaturesStoreIsReachedOnlyThroughItsService() {
        for (String feature : FEATURES) {
            classes().that().resideInAPackage(feature).and().haveSimpleNameEndingWith("Store")
                    .should().onlyBeAccessed().byClassesThat()
                    .resideInAnyPackage(feature, "io.lineone.server", "io.lineone.server.sim..")
                    .because("other features go through the service, where visibility and audit are decided")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void servicesAndRoutesNeverTouchJdbc() {
        noClasses().that().resideInAPackage("io.lineone.server..")
                .and().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Routes")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("SQL lives in the stores; a service holds a transaction only to pass it from store to store")
                .check(classes);
    }

    @Test
    void serverPackagesHaveNoCycles() {
        slices().matching("io.lineone.server.(*)..").should().beFreeOfCycles()
                .because("a cycle between packages makes neither movable nor testable alone")
                .check(classes);
    }
}
