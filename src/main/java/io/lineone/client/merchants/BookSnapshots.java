package io.lineone.client.merchants;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Json;
import io.lineone.api.User;
import io.lineone.client.common.TaskExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where the console keeps the last book each user saw on each server (in the data directory, one small JSON file
 * per server and login), so the merchants table can fill from it at the next start while the server is still
 * coming up. A file of another format, from another Java runtime, for another server or user, or one that does not
 * parse is ignored (and removed), never a failure. Blocking: run it off the FX thread ({@link Slot} does).
 */
public final class BookSnapshots {

    /** The file format; a change to it, to the rows' keys or to how search text is folded counts up. */
    public static final int FORMAT = 2;
    /** The server key of the embedded demo workspace, whose address changes every start. */
    public static final String DEMO = "demo";
    /** A bigger book is not kept: it would not be small, and its first page arrives quickly anyway. */
    static final int MOST_ROWS = 5_000;

    private static final System.Logger LOG = System.getLogger(BookSnapshots.class.getName());

    private final Path folder;
    /** Reads begun early (by server and login), whose answer the next read of that book takes. */
    private final Map<String, CompletableFuture<Optional<BookSnapshot>>> ahead = new ConcurrentHashMap<>();

    private BookSnapshots(Path folder) {
        this.folder = folder;
    }

    /** Snapshots under {@code dataDirectory}. */
    public static BookSnapshots in(Path dataDirectory) {
        return new BookSnapshots(dataDirectory.resolve("book-snapshots"));
    }

    /** Keeps nothing (a console that should not remember books). */
    public static BookSnapshots none() {
        return new BookSnapshots(null);
    }

    static String keysBy() {
        return System.getProperty("java.vm.version", "") + " " + System.getProperty("java.vendor", "");
    }

    /**
     * Begins reading {@code login}'s book on {@code server} now, on a thread of its own (at launch, before JavaFX has
     * started, so the table need not wait for the file and the JSON classes); the next {@link #read} of it waits
     * for that answer instead of reading again.
     *
     * @return that answer, when it comes
     */
    public CompletableFuture<Optional<BookSnapshot>> readAhead(String server, String login) {
        CompletableFuture<Optional<BookSnapshot>> answer = new CompletableFuture<>();
        if (folder == null) {
            answer.complete(Optional.empty());
            return answer;
        }
        ahead.put(server + '\n' + login, answer);
        Thread reader = new Thread(() -> answer.complete(readNow(server, login)), "lineone-book-snapshot");
        reader.setDaemon(true);
        reader.start();
        return answer;
    }

    /**
     * The book a {@link #readAhead} of {@code login}'s book on {@code server} found, if that read has answered within
     * {@code wait} and found one: at launch the window can then open on it straight away. Otherwise empty, and the
     * read stays for the next {@link #read} to take.
     */
    public Optional<BookSnapshot> readAheadWithin(String server, String login, Duration wait) {
        String key = server + '\n' + login;
        CompletableFuture<Optional<BookSnapshot>> early = ahead.get(key);
        if (early == null) {
            return Optional.empty();
        }
        Optional<BookSnapshot> found;
        try {
            found = early.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (found.isPresent()) {
            ahead.remove(key, early);
        }
        return found;
    }

    /** The snapshot of {@code login}'s book on {@code server}, if a usable one is kept. */
    public Optional<BookSnapshot> read(String server, String login) {
        CompletableFuture<Optional<BookSnapshot>> early = ahead.remove(server + '\n' + login);
        return early != null ? early.join() : readNow(server, login);
    }

    private Optional<BookSnapshot> readNow(String server, String login) {
        if (folder == null) {
            return Optional.empty();
        }
        Path file = file(server, login);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            BookSnapshot snapshot = mapper().readValue(file.toFile(), BookSnapshot.class);
            if (snapshot.format() == FORMAT && keysBy().equals(snapshot.keysBy()) && server.equals(snapshot.server())
                    && snapshot.user() != null && login.equals(snapshot.user().login()) && snapshot.rows() != null
                    && snapshot.savedAt() != null && snapshot.rows().stream().allMatch(BookSnapshots::whole)) {
                return Optional.of(snapshot);
            }
            LOG.log(System.Logger.Level.INFO, "book snapshot " + file + " is of another format or runtime: ignored");
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.INFO, "book snapshot " + file + " cannot be read, ignored: " + e.getMessage());
        }
        deleteQuietly(file);
        return Optional.empty();
    }

    private static boolean whole(BookSnapshot.Row row) {
        return row != null && row.merchant() != null && row.merchant().id() != null && row.spelled() != null
                && row.name() != null && row.shop() != null && row.region() != null && row.manager() != null;
    }

    /** Keeps {@code snapshot} in place of the one before (written whole, then moved into place). */
    public void write(BookSnapshot snapshot) throws IOException {
        if (folder == null) {
            return;
        }
        Path file = file(snapshot.server(), snapshot.user().login());
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), "book-", ".part");
        try {
            mapper().writeValue(partial.toFile(), snapshot);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Forgets {@code login}'s book on {@code server} (signed out). */
    public void delete(String server, String login) {
        if (folder != null) {
            deleteQuietly(file(server, login));
        }
    }

    /** Forgets every book of {@code server} (the demo workspace was reset). */
    public void deleteServer(String server) {
        if (folder == null) {
            return;
        }
        Path serverFolder = folder.resolve(digest(server));
        if (!Files.isDirectory(serverFolder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(serverFolder)) {
            files.sorted(Comparator.reverseOrder()).forEach(BookSnapshots::deleteQuietly);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "cannot remove the book snapshots in " + serverFolder + ": " + e);
        }
    }

    /** Where {@code login}'s book on {@code server} is kept. */
    public Path file(String server, String login) {
        return folder.resolve(digest(server)).resolve(digest(login) + ".json");
    }

    /** One session's snapshot: {@code user}'s on {@code server}, read and written through {@code executor}. */
    public Slot slot(String server, User user, TaskExecutor executor) {
        return new Slot(this, server, user, executor, null);
    }

    /** A session's snapshot already read (to show at once); written and deleted as {@link #slot} does. */
    public Slot slot(BookSnapshot known, TaskExecutor executor) {
        return new Slot(this, known.server(), known.user(), executor, known);
    }

    private static ObjectMapper mapper() {
        return Json.mapper();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "cannot remove " + file + ": " + e);
        }
    }

    /** The snapshot of one signed-in user's book, as the merchants screen reads and keeps it. */
    public static final class Slot {

        private final BookSnapshots store;
        private final String server;
        private final User user;
        private final TaskExecutor executor;
        private BookSnapshot known;

        private Slot(BookSnapshots store, String server, User user, TaskExecutor executor, BookSnapshot known) {
            this.store = store;
            this.server = server;
            this.user = user;
            this.executor = executor;
            this.known = known;
        }

        /** Hands the user's snapshot (none if another user's account had the login) to {@code then}, UI thread. */
        public void read(Consumer<Optional<BookSnapshot>> then) {
            if (known != null) {
                BookSnapshot snapshot = known;
                known = null;
                then.accept(Optional.of(snapshot));
                return;
            }
            executor.execute(() -> store.read(server, user.login()).filter(s -> s.user().id().equals(user.id())),
                    then::accept, failure -> then.accept(Optional.empty()));
        }

        /** Keeps the book's rows as of {@code at}; {@code then} runs once it is written (or could not be). */
        public void save(List<MerchantRow> rows, Instant at, Runnable then) {
            if (rows.size() > MOST_ROWS) {
                executor.execute(() -> {
                    store.delete(server, user.login());
                    return null;
                }, done -> then.run(), failure -> then.run());
                return;
            }
            BookSnapshot snapshot = BookSnapshot.ofRows(server, user, at, rows);
            executor.execute(() -> {
                store.write(snapshot);
                return null;
            }, done -> then.run(), failure -> {
                LOG.log(System.Logger.Level.INFO, "cannot keep the book snapshot: " + failure);
                then.run();
            });
        }

        /** Forgets it (blocking). */
        public void delete() {
            store.delete(server, user.login());
        }
    }
}
