package tyndau;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The allowed picture of dependencies between tyndau's top-level packages (STYLE "Arrows point
 * downstream"): the layers below, read from the code as it is, bottom first. A package may use the
 * packages of lower layers only: never one of its own layer, never one above. Checked twice: on the
 * compiled classes (ArchUnit: every type used, written out in full or imported) and on the {@code import}
 * lines of {@code src/main/java} (which also sees an import the compiler dropped as unused). Top-level
 * packages must be free of cycles, and a new package fails here until it is given a layer.
 *
 * <pre>
 * 8  alerts  export
 * 7  responsiveness  preview  ui
 * 6  signals  search  tone
 * 5  ingest  topics
 * 4  index
 * 3  document
 * 2  source  events
 * 1  cluster  web
 * 0  tyndau, the root package: database, configuration, Row, YamlDefaults
 * </pre>
 *
 * {@link #everyTopLevelPackageHasALayerAndEveryLayerAPackage} prints the dependencies each package actually
 * has, layer by layer, for the design notes.
 */
class PackageDependenciesTest {
    /** The root package {@code tyndau} itself, shared by all. */
    static final String ROOT = "tyndau";

    /** Bottom first. */
    static final List<List<String>> LAYERS = List.of(
            List.of(ROOT),
            List.of("cluster", "http", "language", "fetch"),
            List.of("source", "events"),
            List.of("document"),
            List.of("index"),
            List.of("ingest", "topics"),
            List.of("signals", "search", "tone"),
            List.of("responsiveness", "preview", "ui"),
            List.of("alerts", "export", "overview"));

    static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?tyndau\\.([a-z][a-z0-9]*)\\.", Pattern.MULTILINE);

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    static int layerOf(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    /** The top-level package of a class or package name under tyndau ({@link #ROOT} for the root), or null outside. */
    static String topLevel(String packageName) {
        if (packageName.equals(ROOT)) {
            return ROOT;
        }
        if (!packageName.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** What each top-level package uses of the others, from the compiled classes. */
    static Map<String, Set<String>> actualDependencies() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (JavaClass c : classes) {
            String from = topLevel(c.getPackageName());
            if (from == null) {
                continue;
            }
            Set<String> to = out.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = topLevel(d.getTargetClass().getBaseComponentType().getPackageName());
                if (target != null && !target.equals(from)) {
                    to.add(target);
                }
            }
        }
        return out;
    }

    /** Prints the picture, layer by layer from the top, as the design notes quote it. */
    @Test
    void everyTopLevelPackageHasALayerAndEveryLayerAPackage() {
        Map<String, Set<String>> actual = actualDependencies();
        StringBuilder out = new StringBuilder("tyndau packages by layer, top first; each uses only layers below it:\n");
        for (int i = LAYERS.size() - 1; i >= 0; i--) {
            for (String pkg : LAYERS.get(i)) {
                Set<String> uses = actual.getOrDefault(pkg, Set.of());
                out.append(String.format("  %d  %-15s -> %s%n", i, pkg, uses.isEmpty() ? "(nothing)" : String.join(", ", uses)));
            }
        }
        System.out.print(out);
        Set<String> layered = new TreeSet<>();
        LAYERS.forEach(layered::addAll);
        assertEquals(layered, actual.keySet(), "a new top-level package needs a place in LAYERS (and a removed one leaves it)");
    }

    @Test
    void noPackageUsesOneOfItsOwnLayerOrAbove() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> layer : LAYERS) {
            for (String pkg : layer) {
                architecture = architecture.layer(pkg).definedBy(pkg.equals(ROOT) ? ROOT : ROOT + "." + pkg + "..");
            }
        }
        List<String> below = new ArrayList<>();
        for (List<String> layer : LAYERS) {
            for (String pkg : layer) {
                architecture = below.isEmpty() ? architecture.whereLayer(pkg).mayNotAccessAnyLayer()
                        : architecture.whereLayer(pkg).mayOnlyAccessLayers(below.toArray(String[]::new));
            }
            below.addAll(layer);
        }
        architecture.because("a package uses only packages of lower layers (PackageDependenciesTest.LAYERS)").check(classes);
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("tyndau.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The import lines as written, unused ones included (the compiler leaves no trace of those). */
    @Test
    void importLinesFollowTheLayersToo() throws IOException {
        Path sources = Path.of("src", "main", "java", ROOT);
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path rel = sources.relativize(file);
                String from = rel.getNameCount() == 1 ? ROOT : rel.getName(0).toString();
                Matcher m = IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String to = m.group(1);
                    if (!to.equals(from) && layerOf(to) >= layerOf(from)) {
                        upward.add(rel + " imports tyndau." + to + " (layer " + layerOf(to) + ") from layer " + layerOf(from));
                    }
                }
            }
        }
        assertEquals(List.of(), upward);
    }
}
