package org.mapiscope.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fleet job sits on top: it uses ingest, analysis, report, model (and evtx through ingest), not
 * the command line nor the simulator; no other module uses it.
 */
class ModuleDependencyTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importAll() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mapiscope");
  }

  @Test
  void sparkUsesOnlyTheModulesBelowIt() {
    noClasses()
        .that()
        .resideInAPackage("org.mapiscope.spark..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.mapiscope.cli..", "org.mapiscope.sim..")
        .check(classes);
  }

  @Test
  void nothingUsesSpark() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.mapiscope.spark..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.mapiscope.spark..")
        .check(classes);
  }
}
