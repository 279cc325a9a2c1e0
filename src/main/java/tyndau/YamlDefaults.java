package tyndau;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Defaults shipped as a YAML list under {@code feeds/} (topics, sources, alert rules), read the same
 * way on every start: each entry parsed and validated on its own (a bad one is logged and skipped,
 * the others load), then stored in its own transaction by the feature, which decides what an
 * existing row keeps (an entry edited or deleted through the API is left alone).
 */
public final class YamlDefaults {
    private static final Logger LOG = Logger.getLogger(YamlDefaults.class);

    private YamlDefaults() {
    }

    /**
     * Loads {@code file}'s list {@code key}; a missing file is a warning and an unreadable one an
     * error, never a failed start: what the database holds is kept. Answers how many entries loaded.
     */
    public static <T> int loadOnStart(Path file, String key, Function<JsonNode, T> parse, Consumer<T> store) {
        if (!Files.isRegularFile(file)) {
            LOG.warnf("no default %s: %s does not exist", key, file.toAbsolutePath());
            return 0;
        }
        try {
            return load(file, key, parse, store);
        } catch (IOException | RuntimeException e) {
            LOG.errorf("%s could not be loaded (%s); the %s in the database are kept", file, e.getMessage(), key);
            return 0;
        }
    }

    /** As {@link #loadOnStart}, but a file that is not a YAML document with a list {@code key} is an exception. */
    public static <T> int load(Path file, String key, Function<JsonNode, T> parse, Consumer<T> store) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        JsonNode list = root == null ? null : root.get(key);
        if (list == null || !list.isArray()) {
            throw new IOException("expected a '" + key + "' list");
        }
        int loaded = 0;
        int i = 0;
        for (JsonNode node : list) {
            i++;
            T entry;
            try {
                entry = parse.apply(node);
            } catch (RuntimeException e) {
                LOG.errorf("%s: entry %d ('%s') skipped: %s", file.getFileName(), i, node.path("id").asText("?"), e.getMessage());
                continue;
            }
            QuarkusTransaction.requiringNew().run(() -> store.accept(entry));
            loaded++;
        }
        LOG.infof("loaded %d default %s from %s", loaded, key, file);
        return loaded;
    }
}
