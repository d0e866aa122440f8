package io.lineone.loadgen;

import java.util.Set;

/**
 * What one {@code lineone loadgen} run does. {@code listingShare} is the percentage of requests that are listing
 * changes rather than new issues ({@code traffic} mode); {@code subscribers} SSE streams are held open during the
 * run and every event posted is expected on each of them exactly once.
 */
record Options(String mode, String url, String login, String password, String token, int rate, int durationSeconds,
               int connections, int issues, int subscribers, int listingShare, int drainSeconds) {

    static final String DEMO_PASSWORD = "lineone-demo";
    private static final Set<String> MODES = Set.of("traffic", "issues", "updates", "health");

    boolean posts() {
        return !mode.equals("health");
    }

    /** Null asks for the usage text. With no mode word (the first argument an option), the mode is traffic. */
    static Options parse(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            return null;
        }
        int first = args[0].startsWith("--") ? 0 : 1;
        String mode = first == 0 ? "traffic" : args[0];
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("unknown mode '" + mode + "' (traffic, issues, updates or health)");
        }
        boolean traffic = mode.equals("traffic");
        String url = "http://127.0.0.1:8080";
        // The marketplace feed posts issues and listing changes for every merchant; a manager only for their book.
        String login = traffic ? "feed" : "li.na";
        String password = DEMO_PASSWORD;
        String token = null;
        int rate = 200;
        int duration = 60;
        int connections = 32;
        int issues = 500;
        int subscribers = 0;
        int listingShare = traffic ? 10 : 0;
        int drain = 10;
        for (int i = first; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--url" -> url = value.replaceAll("/+$", "");
                case "--login" -> login = value;
                case "--password" -> password = value;
                case "--token" -> token = value;
                case "--rate" -> rate = number(flag, value, 0, 1_000_000);
                case "--duration" -> duration = number(flag, value, 1, 86_400);
                case "--connections" -> connections = number(flag, value, 1, 10_000);
                case "--issues" -> issues = number(flag, value, 1, 100_000);
                case "--subscribers" -> subscribers = number(flag, value, 0, 20_000);
                case "--listings" -> listingShare = number(flag, value, 0, 100);
                case "--drain" -> drain = number(flag, value, 0, 600);
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("--url must start with http:// or https://, not '" + url + "'");
        }
        if (mode.equals("updates") && issues <= connections) {
            throw new IllegalArgumentException("--issues must be more than --connections, so no issue is patched twice at once");
        }
        if (listingShare > 0 && !traffic) {
            throw new IllegalArgumentException("--listings is a share of the traffic mode's requests");
        }
        return new Options(mode, url, login, password, token, rate, duration, connections, issues, subscribers,
                listingShare, drain);
    }

    private static int number(String flag, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(flag + " takes a number from " + min + " to " + max + ", not '" + value + "'");
    }
}
