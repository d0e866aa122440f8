package io.lineone.client.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Bell;
import io.lineone.api.EventTypes;
import io.lineone.api.Fix;
import io.lineone.api.Issue;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.Json;
import io.lineone.api.Listing;
import io.lineone.api.Merchant;
import io.lineone.api.Problem;
import io.lineone.api.Release;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * {@link EventStream} over OkHttp's SSE reader. One connection at a time; after a drop it waits
 * {@link Backoff#delay} and reconnects with {@code Last-Event-ID}, so the server replays what was missed.
 * Events whose id is not above the last one seen are dropped, so nothing arrives twice.
 */
public final class SseEventStream implements EventStream {

    /** Builds the request for one connection attempt; {@code lastEventId} null means "from now on". */
    @FunctionalInterface
    public interface Requests {
        Request create(Long lastEventId) throws BackendException;
    }

    /** Failed attempts in a row after which the stream reports itself offline rather than reconnecting. */
    static final int OFFLINE_AFTER = 3;
    private static final System.Logger LOG = System.getLogger(SseEventStream.class.getName());

    private final EventSource.Factory sources;
    private final Requests requests;
    private final Backoff backoff;
    private final Listener listener;
    private final ObjectMapper mapper = Json.mapper();
    private final ScheduledExecutorService timer;

    // Guarded by this.
    private EventSource current;
    /** The attempt waiting out its backoff; null while connected or connecting. */
    private ScheduledFuture<?> pending;
    private int generation;
    private int failures;
    private boolean opened;
    private boolean closed;
    private volatile long lastEventId;

    private SseEventStream(OkHttpClient http, Requests requests, Backoff backoff, Listener listener, Long since) {
        this.sources = EventSources.createFactory(http);
        this.requests = requests;
        this.backoff = backoff;
        this.listener = listener;
        this.lastEventId = since == null ? 0 : since;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "lineone-events-reconnect");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    /**
     * Opens a stream and starts connecting at once.
     *
     * @param http an ordinary client; the stream takes a copy without a call timeout, with a read timeout of
     *             three server heartbeats so that a silently dead connection is noticed
     */
    public static SseEventStream open(OkHttpClient http, Requests requests, Backoff backoff, Long since,
                                      Listener listener) {
        OkHttpClient streaming = http.newBuilder()
                .callTimeout(Duration.ZERO)
                .readTimeout(Duration.ofSeconds(45))
                .retryOnConnectionFailure(false)
                .build();
        SseEventStream stream = new SseEventStream(streaming, requests, backoff, listener, since);
        stream.connect();
        return stream;
    }

    @Override
    public long lastEventId() {
        return lastEventId;
    }

    private void connect() {
        Request request;
        synchronized (this) {
            pending = null;
            if (closed) {
                return;
            }
            Long resumeAfter = lastEventId > 0 ? lastEventId : null;
            try {
                request = requests.create(resumeAfter);
            } catch (BackendException e) {
                closed = true;
                listener.onStopped(e);
                return;
            }
            int mine = ++generation;
            current = sources.newEventSource(request, new Handler(mine, resumeAfter != null));
        }
    }

    private synchronized boolean isCurrent(int handlerGeneration) {
        return !closed && handlerGeneration == generation;
    }

    private void dropped(int handlerGeneration, Exception cause) {
        Duration wait;
        boolean offline;
        synchronized (this) {
            if (!isCurrent(handlerGeneration)) {
                return;
            }
            // Any later callback of this connection is stale from here on.
            generation++;
            wait = backoff.delay(failures);
            failures++;
            offline = failures >= OFFLINE_AFTER;
            pending = timer.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        LOG.log(System.Logger.Level.DEBUG, "event stream down (" + cause + "), retrying in " + wait.toMillis() + " ms");
        listener.onDown(offline, cause);
    }

    @Override
    public void reconnectNow() {
        synchronized (this) {
            if (closed || pending == null || !pending.cancel(false)) {
                // Connected, already connecting, or the attempt is starting this very moment.
                return;
            }
            pending = null;
        }
        LOG.log(System.Logger.Level.DEBUG, "event stream: reconnecting now, as asked");
        timer.execute(this::connect);
    }

    @Override
    public void close() {
        EventSource source;
        synchronized (this) {
            closed = true;
            source = current;
            current = null;
        }
        if (source != null) {
            source.cancel();
        }
        timer.shutdownNow();
    }

    private final class Handler extends EventSourceListener {

        private final int mine;
        /** Whether this connection asked to resume after an event id (the server answers 400 if it cannot). */
        private final boolean resuming;

        Handler(int mine, boolean resuming) {
            this.mine = mine;
            this.resuming = resuming;
        }

        @Override
        public void onOpen(EventSource source, Response response) {
            Opened how;
            synchronized (SseEventStream.this) {
                if (!isCurrent(mine)) {
                    return;
                }
                failures = 0;
                how = !opened ? Opened.FIRST : resuming ? Opened.RESUMED : Opened.RESTARTED;
                opened = true;
            }
            listener.onOpen(how);
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            if (!isCurrent(mine) || id == null) {
                return;
            }
            long eventId;
            try {
                eventId = Long.parseLong(id.strip());
            } catch (NumberFormatException e) {
                return;
            }
            if (eventId <= lastEventId) {
                return;
            }
            lastEventId = eventId;
            if (type == null) {
                return;
            }
            try {
                if (type.equals(EventTypes.ISSUE_MESSAGE)) {
                    listener.onMessage(eventId, mapper.readValue(data, IssueMessage.class));
                } else if (type.equals(EventTypes.ISSUE_NOTE)) {
                    listener.onNote(eventId, mapper.readValue(data, IssueNote.class));
                } else if (type.equals(EventTypes.ISSUE_CREATED) || type.equals(EventTypes.ISSUE_UPDATED)) {
                    listener.onIssue(eventId, type, mapper.readValue(data, Issue.class));
                } else if (type.equals(EventTypes.BELL_PULLED) || type.equals(EventTypes.BELL_UPDATED)) {
                    listener.onBell(eventId, type, mapper.readValue(data, Bell.class));
                } else if (type.equals(EventTypes.RELEASE_UPDATED)) {
                    listener.onRelease(eventId, type, mapper.readValue(data, Release.class));
                } else if (type.equals(EventTypes.LISTING_UPDATED)) {
                    listener.onListing(eventId, type, mapper.readValue(data, Listing.class));
                } else if (type.equals(EventTypes.FIX_APPLIED) || type.equals(EventTypes.FIX_UNDONE)) {
                    listener.onFix(eventId, type, mapper.readValue(data, Fix.class));
                } else if (type.equals(EventTypes.MERCHANT_UPDATED)) {
                    listener.onMerchant(eventId, type, mapper.readValue(data, Merchant.class));
                }
            } catch (JsonProcessingException e) {
                LOG.log(System.Logger.Level.WARNING, "unreadable " + type + " event " + eventId + ": " + e.getMessage());
            }
        }

        @Override
        public void onClosed(EventSource source) {
            dropped(mine, new IOException("the server ended the event stream"));
        }

        @Override
        public void onFailure(EventSource source, Throwable failure, Response response) {
            int status = response == null ? 0 : response.code();
            if (status == 401 || status == 403) {
                synchronized (SseEventStream.this) {
                    if (!isCurrent(mine)) {
                        return;
                    }
                    closed = true;
                }
                listener.onStopped(BackendException.problem(String.valueOf(source.request().url()),
                        new Problem(null, "HTTP " + status, status, null, List.of())));
                timer.shutdownNow();
                return;
            }
            if (status == 400 && lastEventId > 0) {
                // The server cannot resume from our id: start afresh, and the next open says so (RESTARTED).
                lastEventId = 0;
            }
            Exception cause = failure instanceof Exception e ? e
                    : new IOException(status == 0 ? "event stream failed" : "event stream answered HTTP " + status);
            dropped(mine, cause);
        }
    }
}
