package io.lineone.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * {@code lineone loadgen}: drives a running backend over HTTP at a fixed rate while holding N event streams open,
 * and reports what it achieved — the tool a team runs against its deployment before a sales peak.
 */
public final class LoadGenerator {

    static final String USAGE = """
            Usage: java -jar lineone.jar loadgen [traffic|issues|updates|health] [options]

              traffic  (the default) the marketplace feed's traffic: new issues and listing changes mixed by
                       --listings, while --subscribers consoles listen on GET /events
              issues   POST /issues only, for the signed-in user's merchants (a MANAGER's own book, or all
                       for SERVICE/ADMIN), with a realistic mix of categories and priorities
              updates  first posts --issues issues, then PATCHes a note onto them in turn (If-Match kept
                       from each answer): a burst of issue.updated events without a growing queue
              health   GET /health, the bare baseline the API's throughput is compared with

            Options:
              --url URL          backend root (default http://127.0.0.1:8080)
              --login L          account to sign in as (default feed for traffic, li.na otherwise)
              --password P       its password (default: the demo password)
              --token T          a session token instead of signing in
              --rate N           requests per second (default 200; 0 = as fast as --connections allow)
              --duration S       seconds to run (default 60)
              --connections C    requests in flight at most (default 32)
              --subscribers N    event streams held open during the run, as that account (default 0); each
                                 posted issue or listing change must reach every one of them exactly once
              --listings PCT     traffic: percentage of requests that change a listing's title (default 10;
                                 needs a SERVICE or ADMIN account)
              --drain S          seconds to wait after the last request for the events still owed (default 10)
              --issues K         issues the updates mode cycles through (default 500; more than C)

            A line a second shows progress; the last lines give p50/p99/max latency, throughput and errors of
            the requests and, with subscribers, post → delivery latency and any event missed or repeated.
            The exit code is 1 when an event was missed or repeated (failed requests are counted, not fatal).

            Usage: java -jar lineone.jar loadgen (detectors|fixes) [options]

            """ + FixesBench.USAGE;

    private LoadGenerator() {
    }

    public static void main(String[] args) {
        try {
            if (ConversationBench.handles(args)) {
                ConversationBench.main(args, System.out);
                return;
            }
            if (args.length > 0 && (args[0].equals("detectors") || args[0].equals("fixes"))) {
                FixesBench.main(args, System.out);
                return;
            }
            Options options = Options.parse(args);
            if (options == null) {
                System.out.print(USAGE);
                return;
            }
            Result result = run(options, System.out);
            System.exit(result.eventsMissing() == 0 && result.eventsBeyondOnce() == 0 ? 0 : 1);
        } catch (IllegalArgumentException e) {
            System.err.println("lineone loadgen: " + e.getMessage() + " (see --help)");
            System.exit(2);
        } catch (IOException e) {
            System.err.println("lineone loadgen: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    /** What a run achieved: its requests, and (with subscribers) the events owed and not delivered or repeated. */
    record Result(Driver.Report requests, long eventsMissing, long eventsBeyondOnce) {

        boolean clean() {
            return requests.failures() == 0 && eventsMissing == 0 && eventsBeyondOnce == 0;
        }
    }

    static Result run(Options options, PrintStream out) throws IOException, InterruptedException {
        // A failed request is counted, never sent again behind the run's back.
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(60)).retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(options.connections(), 5, TimeUnit.MINUTES)).build();
        Workload workload = Workload.signIn(http, options);
        Workload.Requests requests = workload.requests(options);
        // Only new issues and listing changes carry the run's marker; a PATCHed note is not tracked per request.
        boolean tracked = options.mode().equals("traffic") || options.mode().equals("issues");
        long planned = !tracked ? 0 : options.rate() > 0 ? (long) options.rate() * options.durationSeconds() : 2_000_000L;
        Subscribers subscribers = options.subscribers() == 0 ? null
                : new Subscribers(workload.api(), workload.token(), workload.marker, (int) Math.min(planned, 20_000_000L));
        try {
            if (subscribers != null) {
                long opening = System.nanoTime();
                subscribers.open(options.subscribers(), Duration.ofSeconds(60));
                out.printf(Locale.ROOT, "%d event streams open in %.1f s%n", options.subscribers(),
                        (System.nanoTime() - opening) / 1e9);
            }
            out.printf(Locale.ROOT, "loadgen %s: %s at %s/s for %d s, %d in flight at most%s%n", options.mode(),
                    options.url(), options.rate() == 0 ? "max" : Integer.toString(options.rate()),
                    options.durationSeconds(), options.connections(), options.mode().equals("traffic")
                            ? ", " + options.listingShare() + " % listing changes" : "");
            Driver.Report report = new Driver(http, options, out, subscribers).drive(requests);
            out.println(report.describe());
            if (subscribers == null) {
                return new Result(report, 0, 0);
            }
            if (tracked) {
                subscribers.awaitDelivered(report.sent(), Duration.ofSeconds(options.drainSeconds()));
            }
            out.println(subscribers.describe(report.sent(), report.seconds()));
            return tracked ? new Result(report, subscribers.missing(report.sent()), subscribers.beyondOnce(report.sent()))
                    : new Result(report, 0, 0);
        } finally {
            if (subscribers != null) {
                subscribers.close();
            }
        }
    }
}
