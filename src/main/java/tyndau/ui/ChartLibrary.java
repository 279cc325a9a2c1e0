package tyndau.ui;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the charting library (uPlot, shipped as a WebJar on the classpath, never from a CDN) is served.
 * Its version is read from the WebJar's own {@code pom.properties}, so pom.xml is the only place that names it.
 */
@Singleton
class ChartLibrary {
    private static final String POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private final String base;

    ChartLibrary() {
        Properties p = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar is not on the classpath (" + POM + ")");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = "/webjars/uplot/" + p.getProperty("version") + "/dist/";
    }

    /** The ES module. */
    String script() {
        return base + "uPlot.esm.js";
    }

    String stylesheet() {
        return base + "uPlot.min.css";
    }
}
