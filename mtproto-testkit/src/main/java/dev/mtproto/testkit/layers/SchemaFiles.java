package dev.mtproto.testkit.layers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the schema file of each layer is: a resource {@code dev/mtproto/testkit/layers/api-layerN.tl}
 * bundled with the testkit (found at run time by its name, so adding one is a drop-in), or a file
 * {@code api-layerN.tl} of a directory given at start, which takes precedence.
 */
final class SchemaFiles {
    /** The file name of a layer's schema. */
    static final Pattern FILE_NAME = Pattern.compile("api-layer(\\d{1,4})\\.tl");
    private static final String RESOURCE_DIR = "dev/mtproto/testkit/layers/";
    /** Bundled layers are looked for up to this far above the generated layer. */
    private static final int LOOK_ABOVE = 64;

    /** Reads a schema's text. */
    @FunctionalInterface
    interface TextReader {
        /** @return the text */
        String read() throws IOException;
    }

    /**
     * One layer's schema, read when first needed.
     *
     * @param name the file or resource, for messages
     * @param reader reads its text
     */
    record Source(String name, TextReader reader) {
        /**
         * @return the text
         * @throws UncheckedIOException if it cannot be read
         */
        String text() {
            try {
                return reader.read();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the schema " + name + ": " + e.getMessage(), e);
            }
        }
    }

    private SchemaFiles() {
    }

    /**
     * @param currentLayer the generated classes' layer
     * @return the bundled schema of every layer from 1 to {@code currentLayer + 64}, by layer
     */
    static Map<Integer, Source> bundled(int currentLayer) {
        Map<Integer, Source> found = new TreeMap<>();
        ClassLoader loader = SchemaFiles.class.getClassLoader();
        for (int layer = 1; layer <= currentLayer + LOOK_ABOVE; layer++) {
            URL url = loader.getResource(RESOURCE_DIR + "api-layer" + layer + ".tl");
            if (url != null) {
                found.put(layer, new Source(url.toString(), () -> {
                    try (InputStream in = url.openStream()) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }));
            }
        }
        return found;
    }

    /**
     * @param dir a directory
     * @return its files named {@code api-layerN.tl}, by layer
     * @throws UncheckedIOException if the directory cannot be listed
     */
    static Map<Integer, Source> in(Path dir) {
        Map<Integer, Source> found = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "api-layer*.tl")) {
            for (Path file : files) {
                Matcher m = FILE_NAME.matcher(file.getFileName().toString());
                if (m.matches() && Files.isRegularFile(file)) {
                    found.put(Integer.parseInt(m.group(1)), new Source(file.toString(), () -> Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the schema directory " + dir + ": " + e.getMessage(), e);
        }
        return found;
    }
}
