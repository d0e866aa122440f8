package io.lineone.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP relay between a console and its backend that can make the backend "go away" in the middle of one chosen
 * request, deterministically: the request is either never delivered or delivered and its answer lost, then every
 * connection (the event stream too) is closed and new ones are refused — what a client sees of a backend killed
 * at that moment — until {@link #restore()}. Plain HTTP/1.1 only (what the console speaks to {@code http://}).
 */
public final class DyingLink implements AutoCloseable {

    /** What happens to the request the link dies on. */
    public enum Death {
        /** The backend never received it: nothing was done. */
        BEFORE_IT_ARRIVES,
        /** The backend did it and answered, but the answer never arrived. */
        AFTER_IT_IS_DONE
    }

    private record Armed(String requestStart, Death death) {
    }

    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private final AtomicInteger deaths = new AtomicInteger();
    private volatile boolean down;

    public DyingLink(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "dying-link-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The URL to give the console instead of the backend's. */
    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /**
     * The backend goes away at the next request whose first line starts with {@code requestStart} (such as
     * {@code "POST /api/v1/fixes "}), as {@code death} says.
     */
    public void dieOn(String requestStart, Death death) {
        armed.set(new Armed(requestStart, death));
    }

    /** How many times the link has died so far. */
    public int deaths() {
        return deaths.get();
    }

    /** Whether the link still waits for the request it is to die on. */
    public boolean isArmed() {
        return armed.get() != null;
    }

    public boolean isDown() {
        return down;
    }

    /** The backend is back: new connections reach it again. */
    public void restore() {
        down = false;
    }

    private void die() {
        down = true;
        deaths.incrementAndGet();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (down) {
                    closeQuietly(client);
                    continue;
                }
                Socket backend = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(backend);
                AtomicReference<Death> dying = new AtomicReference<>();
                start(() -> toBackend(client, backend, dying));
                start(() -> toClient(backend, client, dying));
            } catch (IOException e) {
                // The listener closed, or the backend refused: the client sees its connection end.
            }
        }
    }

    private void toBackend(Socket client, Socket backend, AtomicReference<Death> dying) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = client.getInputStream(); OutputStream out = backend.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                Armed target = armed.get();
                if (target != null && startsWith(buffer, n, target.requestStart()) && armed.compareAndSet(target, null)) {
                    if (target.death() == Death.BEFORE_IT_ARRIVES) {
                        die();
                        return;
                    }
                    dying.set(target.death());
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // Either side closed: so does the other.
        } finally {
            closeBoth(client, backend);
        }
    }

    private void toClient(Socket backend, Socket client, AtomicReference<Death> dying) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = backend.getInputStream(); OutputStream out = client.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (dying.get() == Death.AFTER_IT_IS_DONE) {
                    // The backend has answered, so it has committed: the answer is what gets lost.
                    die();
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // Either side closed: so does the other.
        } finally {
            closeBoth(client, backend);
        }
    }

    private static boolean startsWith(byte[] buffer, int length, String prefix) {
        byte[] wanted = prefix.getBytes(StandardCharsets.US_ASCII);
        if (length < wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (buffer[i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }

    private void closeBoth(Socket a, Socket b) {
        closeQuietly(a);
        closeQuietly(b);
        open.remove(a);
        open.remove(b);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all we wanted.
        }
    }

    private static void start(Runnable pump) {
        Thread thread = new Thread(pump, "dying-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing is all we wanted.
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }
}
