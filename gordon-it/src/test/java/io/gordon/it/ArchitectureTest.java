package io.gordon.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, checked on the compiled main classes of every module: plugins see only
 * gordon-api, the core never sees a plugin, the API needs nothing but the JDK.
 */
class ArchitectureTest {
  /** The bundled plugins' packages (gordon-kafka's when it is on the class path). */
  static final List<String> PLUGINS =
      List.of("io.gordon.local..", "io.gordon.rfc2136..", "io.gordon.gcp..", "io.gordon.kafka..");

  static final String[] HOST = {"io.gordon.core..", "io.gordon.service..", "io.gordon.testing.."};
  static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gordon");
  }

  @Test
  void pluginsDependOnGordonApiOnlyNeverOnTheCoreTheServiceOrAnotherPlugin() {
    for (String plugin : PLUGINS) {
      List<String> forbidden = new java.util.ArrayList<>(List.of(HOST));
      PLUGINS.stream().filter(p -> !p.equals(plugin)).forEach(forbidden::add);
      noClasses()
          .that()
          .resideInAPackage(plugin)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(forbidden.toArray(String[]::new))
          .allowEmptyShould(true)
          .because("plugins see only gordon-api (docs/plugin-authors.md)")
          .check(main);
    }
  }

  @Test
  void theCoreNeverDependsOnAPluginOrTheService() {
    noClasses()
        .that()
        .resideInAPackage("io.gordon.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(PLUGINS, "io.gordon.service.."))
        .because("plugins are found with ServiceLoader; the core knows them by name only")
        .check(main);
  }

  @Test
  void theApiNeedsOnlyTheJdk() {
    classes()
        .that()
        .resideInAPackage("io.gordon.api..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.gordon.api..", "java..", "javax.annotation..", "org.jspecify.annotations..")
        .because("gordon-api is the plugin SPI: JDK only (and JSpecify's @Nullable)")
        .check(main);
  }

  private static String[] concat(List<String> list, String... more) {
    List<String> all = new java.util.ArrayList<>(list);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
