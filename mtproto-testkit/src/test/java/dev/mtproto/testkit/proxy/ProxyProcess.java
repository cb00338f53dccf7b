package dev.mtproto.testkit.proxy;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A proxy server from the distribution's packages, started by a test on 127.0.0.1 and stopped by it. */
final class ProxyProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;

    private ProxyProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Aborts the calling test, loudly, if the binary is not installed.
     *
     * @param binary the program's name
     * @param installHint how to install it
     * @return its path
     */
    static Path require(String binary, String installHint) {
        Optional<Path> found = find(binary);
        if (found.isEmpty()) {
            String message = "SKIPPED: " + binary + " is not installed, so the test against a real " + binary
                    + " server did not run (" + installHint + "; .ci/run installs it)";
            System.err.println(message);
            Assumptions.abort(message);
        }
        return found.get();
    }

    private static Optional<Path> find(String binary) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, binary)).filter(Files::isExecutable).findFirst();
    }

    /** @return a port nothing listens on now (the server started next takes it) */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts a server and waits until it accepts connections on the port.
     *
     * @param port the port it was told to listen on
     * @param log where its output goes
     * @param command the command line
     * @return the running server
     * @throws IOException if it cannot start, exits, or does not listen within 10 seconds
     */
    static ProxyProcess start(int port, Path log, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ProxyProcess server = new ProxyProcess(p, log, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException(command[0] + " exited with " + p.exitValue() + ": " + server.output());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return server;
            } catch (IOException notYet) {
                Thread.sleep(50); // an external process: nothing to wait on but its port
            }
        }
        server.close();
        throw new IOException(command[0] + " did not listen on port " + port + " within 10 s: " + server.output());
    }

    int port() {
        return port;
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
