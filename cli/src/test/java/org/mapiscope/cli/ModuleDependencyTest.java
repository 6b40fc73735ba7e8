package org.mapiscope.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dependencies flow one way (docs/decisions.md): a wrong import anywhere fails the build. The spark
 * module (which nothing depends on) checks its own side in its ModuleDependencyTest.
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

  @ParameterizedTest(name = "{0} must not use {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "evtx     | model, ingest, analysis, sim, report, cli, spark",
        "model    | evtx, ingest, analysis, sim, report, cli, spark",
        "ingest   | analysis, sim, report, cli, spark",
        "analysis | evtx, ingest, sim, report, cli, spark",
        "sim      | evtx, ingest, analysis, report, cli, spark",
        "report   | evtx, ingest, cli, spark",
        "cli      | spark",
      })
  void dependenciesFlowOneWay(String module, String forbidden) {
    String[] packages =
        java.util.Arrays.stream(forbidden.split(","))
            .map(String::strip)
            .map(m -> "org.mapiscope." + m + "..")
            .toArray(String[]::new);
    noClasses()
        .that()
        .resideInAPackage("org.mapiscope." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages)
        .allowEmptyShould(true)
        .check(classes);
  }
}
