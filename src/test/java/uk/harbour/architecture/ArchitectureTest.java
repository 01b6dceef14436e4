package uk.harbour.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rooms of the house and which way their doors open: features never reach up into the wiring
 * ({@code app}) or down into the Mongo plumbing ({@code store}, which implements interfaces the
 * features own), and no two packages depend on each other in a circle. Each rule's {@code check}
 * throws an {@code AssertionError} listing every offending dependency.
 */
@DisplayName("Imports point one way")
@Timeout(120)
class ArchitectureTest {

  private static final String[] FEATURES = {
    "uk.harbour.audit..", "uk.harbour.calendar..", "uk.harbour.chat..", "uk.harbour.cluster..", "uk.harbour.identity..", "uk.harbour.rota..",
    "uk.harbour.routing..", "uk.harbour.signposting..", "uk.harbour.safety..", "uk.harbour.reports..", "uk.harbour.web.."
  };

  private static JavaClasses main;

  @BeforeAll
  static void importMainCode() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("uk.harbour");
  }

  @Test
  @DisplayName("No cycle between packages (app, web, store and every feature)")
  void noCycles() {
    slices().matching("uk.harbour.(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  @DisplayName("No feature imports app (the wiring) or store (the Mongo plumbing)")
  void featuresDoNotReachUpOrDown() {
    noClasses().that().resideInAnyPackage(FEATURES).should().dependOnClassesThat().resideInAnyPackage("uk.harbour.app..", "uk.harbour.store..")
        .check(main);
  }

  @Test
  @DisplayName("web is the ground floor: it imports no feature")
  void webImportsNoFeature() {
    noClasses().that().resideInAPackage("uk.harbour.web..").should().dependOnClassesThat()
        .resideInAnyPackage("uk.harbour.audit..", "uk.harbour.calendar..", "uk.harbour.chat..", "uk.harbour.identity..", "uk.harbour.rota..",
            "uk.harbour.routing..", "uk.harbour.signposting..", "uk.harbour.safety..", "uk.harbour.reports..")
        .check(main);
  }

  @Test
  @DisplayName("Only the embedded store knows mongo-java-server and H2; only store knows the Mongo driver")
  void libraryInternalsStayInTheStore() {
    noClasses().that().resideOutsideOfPackage("uk.harbour.store.embedded..").should().dependOnClassesThat()
        .resideInAnyPackage("de.bwaldvogel..", "org.h2..").check(main);
    noClasses().that().resideInAnyPackage(FEATURES).should().dependOnClassesThat()
        .resideInAnyPackage("com.mongodb..", "org.bson..", "io.vertx.ext.mongo..").check(main);
  }
}
