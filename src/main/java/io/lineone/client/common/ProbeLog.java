package io.lineone.client.common;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Measurement lines for the benchmark ({@code -Dlineone.probe.latency=FILE}), off by default. Callers on the FX
 * thread only enqueue a line; a daemon thread appends them to the file, so measuring never stalls what it
 * measures. Lines: {@code applied <epochMs> <issueId> <version> <delayMs>} and
 * {@code stall <epochMs> <maxGapMs> <fxCpuInItMs>}.
 */
public final class ProbeLog implements AutoCloseable {

    /** The system property that names the file. */
    public static final String PROPERTY = "lineone.probe.latency";
    private static final System.Logger LOG = System.getLogger(ProbeLog.class.getName());
    private static final String END = "\u0000end";

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread writer;

    private ProbeLog(Path file) {
        writer = new Thread(() -> write(file), "lineone-probe-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** A probe log if the property names a file; none otherwise. */
    public static Optional<ProbeLog> fromSystemProperty() {
        return fromSystemProperty(PROPERTY);
    }

    /** A probe log if {@code property} names a file; none otherwise. */
    public static Optional<ProbeLog> fromSystemProperty(String property) {
        String file = System.getProperty(property);
        return file == null || file.isBlank() ? Optional.empty()
                : Optional.of(new ProbeLog(Path.of(file)));
    }

    public void record(String line) {
        lines.add(line);
    }

    private void write(Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            while (true) {
                String line = lines.take();
                if (line.equals(END)) {
                    return;
                }
                out.write(line);
                out.newLine();
                if (lines.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the probe file " + file + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        lines.add(END);
    }
}
