package org.demarche;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * The package layers of docs/architecture.md, checked on the compiled main classes. Each top-level package
 * of {@code org.demarche} sits on one level and may use only packages on lower levels (and its own
 * sub-packages); packages on one level do not use each other. Lowest first:
 *
 * <ol>
 * <li>{@code common}: HTTP, paging, streams, validation and problem details, knowing no feature
 * <li>{@code record}: the record life cycle (tracked entity, record service, revisions, change clock)
 * <li>{@code history}, {@code key}: reading revisions back; API keys
 * <li>{@code official}, {@code topic}, {@code source}: the records statements refer to
 * <li>{@code event}: occasions statements were made at, with their host, participants and sources
 * <li>{@code statement}: statements, and the search port and query language the engines implement
 * <li>{@code position}, {@code search}: positions citing statements; the search engines
 * <li>{@code timeline}, {@code bulk}, {@code ingest}, {@code sample}, {@code backup}, {@code duplicate},
 * {@code ops}, {@code storage}, {@code idempotency}, {@code subscription}: what works over the records, and
 * operations
 * </ol>
 *
 * A new top-level package must be given a level here.
 */
@AnalyzeClasses(packages = "org.demarche", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final List<List<String>> LEVELS = List.of(
            List.of("common"),
            List.of("record"),
            List.of("history", "key"),
            List.of("official", "topic", "source"),
            List.of("event"),
            List.of("statement"),
            List.of("position", "search"),
            List.of(
                    "timeline",
                    "bulk",
                    "ingest",
                    "sample",
                    "backup",
                    "duplicate",
                    "ops",
                    "storage",
                    "idempotency",
                    "subscription"));

    // Rules are checked in methods: Surefire 3.5.3 runs no @ArchTest fields (TNG/ArchUnit#1442).

    @ArchTest
    static void noCycleBetweenTopLevelPackages(JavaClasses classes) {
        slices().matching("org.demarche.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Inside a package too, such as common and common.http. */
    @ArchTest
    static void noCycleBetweenAnyPackages(JavaClasses classes) {
        slices().matching("org.demarche.(**)").should().beFreeOfCycles().check(classes);
    }

    @ArchTest
    static void commonKnowsNoFeature(JavaClasses classes) {
        classes()
                .that()
                .resideInAPackage("org.demarche.common..")
                .should()
                .onlyDependOnClassesThat(
                        resideOutsideOfPackage("org.demarche..").or(resideInAPackage("org.demarche.common..")))
                .check(classes);
    }

    @ArchTest
    static void recordUsesOnlyCommon(JavaClasses classes) {
        classes()
                .that()
                .resideInAPackage("org.demarche.record..")
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("org.demarche..")
                        .or(resideInAnyPackage("org.demarche.record..", "org.demarche.common..")))
                .check(classes);
    }

    /** Subscriptions match statements through search.StatementPercolator, whose compiled searches are opaque. */
    @ArchTest
    static void subscriptionsKnowNoSearchEngine(JavaClasses classes) {
        noClasses()
                .that()
                .resideInAPackage("org.demarche.subscription..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.lucene..", "org.opensearch..")
                .check(classes);
    }

    @ArchTest
    static void packagesDependDownward(JavaClasses classes) {
        downward().check(classes);
    }

    private static LayeredArchitecture downward() {
        LayeredArchitecture layers = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture();
        for (List<String> level : LEVELS) {
            for (String name : level) {
                layers = layers.layer(name).definedBy("org.demarche." + name + "..");
            }
        }
        List<String> below = new ArrayList<>();
        for (List<String> level : LEVELS) {
            for (String name : level) {
                layers = below.isEmpty()
                        ? layers.whereLayer(name).mayNotAccessAnyLayer()
                        : layers.whereLayer(name).mayOnlyAccessLayers(below.toArray(String[]::new));
            }
            below.addAll(level);
        }
        return layers;
    }
}
