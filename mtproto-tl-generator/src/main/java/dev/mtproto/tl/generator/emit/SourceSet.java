package dev.mtproto.tl.generator.emit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files to write under one output directory. {@link #writeTo(Path)} leaves files whose content did not
 * change untouched (so incremental builds do not recompile them) and deletes files that are no longer
 * generated.
 */
public final class SourceSet {
    private final Map<String, String> files = new LinkedHashMap<>();

    void add(String relativePath, String content) {
        if (files.putIfAbsent(relativePath, content) != null) {
            throw new IllegalStateException("generated twice: " + relativePath);
        }
    }

    void addJava(String packageName, String simpleName, String content) {
        add(packageName.replace('.', '/') + "/" + simpleName + ".java", content);
    }

    /** @return how many files the set holds */
    public int size() {
        return files.size();
    }

    /** @return relative path to content */
    public Map<String, String> files() {
        return Map.copyOf(files);
    }

    /**
     * Writes the files.
     *
     * @param dir the output directory, created if needed
     * @return how many files were written or deleted (0 when everything was up to date)
     * @throws UncheckedIOException if the directory cannot be written
     */
    public int writeTo(Path dir) {
        try {
            int changes = 0;
            Set<Path> wanted = new HashSet<>();
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path file = dir.resolve(e.getKey());
                wanted.add(file.toAbsolutePath().normalize());
                byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
                if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
                changes++;
            }
            if (Files.isDirectory(dir)) {
                List<Path> stale = new ArrayList<>();
                try (Stream<Path> all = Files.walk(dir)) {
                    all.filter(Files::isRegularFile)
                            .filter(p -> !wanted.contains(p.toAbsolutePath().normalize()))
                            .forEach(stale::add);
                }
                for (Path p : stale) {
                    Files.delete(p);
                    changes++;
                }
            }
            return changes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated sources to " + dir, e);
        }
    }
}
