package io.lineone.server;

import io.lineone.server.issues.SlaPolicy;
import io.lineone.server.merchants.LighthouseTargets;
import io.lineone.server.merchants.LighthouseWeights;
import io.lineone.server.releases.BellPolicy;
import io.lineone.server.http.HttpPolicy;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** {@code lineone server [--port N] [--db JDBC_URL] [--demo]}: the backend alone, for a team. */
public final class ServerMain {

    static final String USAGE = """
            Usage: java -jar lineone.jar server [options]

            Runs the LineOne backend (REST API under /api/v1) until stopped.

            Options:
              --port N         TCP port to listen on (default 8080; 0 picks a free one)
              --host ADDRESS   interface to listen on (default 0.0.0.0, every interface)
              --db JDBC_URL    database (default: H2 file in the data directory). For a team:
                               jdbc:postgresql://HOST:5432/lineone, with the user and password in
                               LINEONE_DB_USER and LINEONE_DB_PASSWORD (or in the URL)
              --db-pool N      connections to the database (default 16, or LINEONE_DB_POOL); with
                               several backends on one PostgreSQL, all pools together should stay
                               well under its max_connections
              --cors-origin O  let browser pages from origin O (https://host[:port]) call the API;
                               repeat or separate with commas. Without it no origin may (the
                               console is a desktop program and needs none)
              --demo           seed the demo workspace into an empty database
              --no-demo-traffic
                               with --demo: no simulated merchants' traffic (for load tests, so the
                               backend's figures are the load's alone)
              --merchants N    how many merchants a new demo workspace gets (default 360: 85 for each
                               of the four managers and 20 nobody's; 50000 takes seconds)
              --lighthouse-weights W
                               weights of the lighthouse score, e.g.
                               shipping=0.2,preSale=0.15,afterSale=0.25,dsr=0.25,dispute=0.15
              --lighthouse-targets T
                               each metric's target on the scorecard, e.g. (the defaults)
                               shipping=24,preSale=30,afterSale=19,dsr=4.8,dispute=0.005
              --sla TARGETS    first-response/resolution targets per priority, e.g.
                               P1=60s/4h,P2=5m/24h,P3=30m/72h,P4=4h/7d (those are the defaults;
                               priorities left out keep theirs)
              --bell-response TIMES
                               how soon a release owner must acknowledge a bell before it is
                               raised to the supervisors: BLOCKER=30m,MAJOR=4h (the defaults)
              --help           show this help

            Environment:
              LINEONE_ADMIN_PASSWORD  password of the ADMIN account 'admin', created on an empty
                                      database (required then, unless --demo)
              LINEONE_HOME            data directory (default: the platform's application data folder)
              LINEONE_DB_POOL         connections to the database, like --db-pool
              LINEONE_CORS_ORIGINS    origins allowed to call the API, like --cors-origin
              LINEONE_DB_OWNER_USER, LINEONE_DB_OWNER_PASSWORD
                                      the account that owns the schema and runs the migrations,
                                      when it is not LINEONE_DB_USER (a team's PostgreSQL: see
                                      the README); needed only by a start that upgrades
            """;

    private ServerMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Starts the server and returns 0, or returns a non-zero exit code after one line on {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        ServerConfig defaults;
        try {
            defaults = ServerConfig.defaults();
        } catch (IllegalArgumentException e) {
            err.println("lineone server: " + e.getMessage());
            return 2;
        }
        Started started = start(args, out, err, defaults);
        if (started.server() != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(started.server()::close, "lineone-shutdown"));
        }
        return started.exitCode();
    }

    /** The exit code, and the server if one started (then its caller owns it). */
    record Started(int exitCode, LineOneServer server) {
    }

    /**
     * What {@link #run} does, over a given base configuration, handing the started server back instead of
     * registering a shutdown hook: so a test can close it.
     */
    static Started start(String[] args, PrintStream out, PrintStream err, ServerConfig base) {
        ServerConfig config;
        try {
            config = parse(List.of(args), base);
        } catch (UsageException e) {
            if (e.getMessage() == null) {
                out.print(USAGE);
                return new Started(0, null);
            }
            err.println("lineone server: " + e.getMessage() + " (see --help)");
            return new Started(2, null);
        }
        try {
            LineOneServer server = LineOneServer.start(config);
            out.println("LineOne backend " + LineOneServer.version() + " listening on " + server.url() + "/api/v1"
                    + " (database: " + server.databaseDescription() + (config.demo() ? ", demo workspace" : "") + ")");
            return new Started(0, server);
        } catch (ServerStartException e) {
            err.println("lineone server: cannot start: " + e.getMessage());
            return new Started(1, null);
        }
    }

    static ServerConfig parse(List<String> args, ServerConfig defaults) {
        ServerConfig.Builder config = defaults.toBuilder();
        boolean demo = false;
        boolean traffic = true;
        boolean merchantsAsked = false;
        List<String> corsOrigins = new ArrayList<>(defaults.http().corsOrigins());
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> throw new UsageException(null);
                case "--demo" -> demo = true;
                case "--no-demo-traffic" -> traffic = false;
                case "--port" -> config.port(port(value(args, ++i, arg)));
                case "--host" -> config.host(value(args, ++i, arg));
                case "--db" -> {
                    String url = value(args, ++i, arg);
                    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
                        throw new UsageException("--db takes a jdbc:postgresql:… or jdbc:h2:… URL, not '" + url + "'");
                    }
                    config.database(url, defaults.dbUser(), defaults.dbPassword());
                }
                case "--db-pool" -> {
                    String size = value(args, ++i, arg);
                    try {
                        int connections = Integer.parseInt(size);
                        if (connections < 1 || connections > 1000) {
                            throw new NumberFormatException();
                        }
                        config.dbPoolSize(connections);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--db-pool takes a number of connections from 1 to 1000, not '" + size + "'");
                    }
                }
                case "--cors-origin" -> {
                    try {
                        corsOrigins.addAll(HttpPolicy.parseOrigins(value(args, ++i, arg)));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--cors-origin: " + e.getMessage());
                    }
                }
                case "--lighthouse-weights" -> {
                    try {
                        config.lighthouseWeights(LighthouseWeights.parse(value(args, ++i, arg)));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--lighthouse-weights: " + e.getMessage());
                    }
                }
                case "--merchants" -> {
                    String text = value(args, ++i, arg);
                    try {
                        int count = Integer.parseInt(text);
                        if (count < 1 || count > 200_000) {
                            throw new NumberFormatException();
                        }
                        config.demoMerchants(count);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--merchants takes a number from 1 to 200000, not '" + text + "'");
                    }
                    merchantsAsked = true;
                }
                case "--lighthouse-targets" -> {
                    try {
                        config.lighthouseTargets(LighthouseTargets.parse(value(args, ++i, arg)));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--lighthouse-targets: " + e.getMessage());
                    }
                }
                case "--bell-response" -> {
                    try {
                        config.bells(BellPolicy.parse(value(args, ++i, arg)));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--bell-response: " + e.getMessage());
                    }
                }
                case "--sla" -> {
                    try {
                        config.sla(SlaPolicy.parse(value(args, ++i, arg)));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--sla: " + e.getMessage());
                    }
                }
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (merchantsAsked && !demo) {
            throw new UsageException("--merchants sizes the demo workspace: use it with --demo");
        }
        if (!traffic && !demo) {
            throw new UsageException("--no-demo-traffic quiets the demo workspace: use it with --demo");
        }
        return config.demo(demo, demo && traffic).http(defaults.http().withCorsOrigins(corsOrigins)).build();
    }

    private static String value(List<String> args, int index, String flag) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return args.get(index);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UsageException("--port takes a number from 0 to 65535, not '" + text + "'");
    }

    /** A wrong command line; a null message asks for the help text. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
