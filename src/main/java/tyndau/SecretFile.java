package tyndau;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/** A secret kept in a file under {@code tyndau.home} (the API key, the embedded database's password): owner-only, always. */
public final class SecretFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {
    }

    /** 32 random bytes, URL-safe base64. */
    public static String random() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * Creates {@code file} with owner-only permissions holding {@code secret}, so it is never readable by
     * others even briefly; false when it exists already (its content is left as it is).
     */
    public static boolean create(Path file, String secret) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return false;
            }
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return true;
    }

    /**
     * The secret in {@code file}, after checking nobody else can read it: a copy or a restore from a
     * backup can widen the mode, and a secret others can read is none. {@code fix} says what else to do.
     */
    public static String read(Path file, String what, String fix) throws IOException {
        refuseIfOthersCanRead(file, what, fix);
        String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (stored.isEmpty()) {
            throw new IllegalStateException("the " + what + " file " + file + " is empty; " + fix);
        }
        return stored;
    }

    /** Refuses (a clear message, the fix) when group or others may read {@code file}. */
    public static void refuseIfOthersCanRead(Path file, String what, String fix) throws IOException {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        for (PosixFilePermission p : mode) {
            String name = p.name();
            if (name.startsWith("GROUP_") || name.startsWith("OTHERS_")) {
                throw new IllegalStateException("the " + what + " file " + file + " can be read by other users (mode "
                        + PosixFilePermissions.toString(mode) + "); run: chmod 600 " + file + "  (" + fix + ")");
            }
        }
    }
}
