package io.lineone.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The tests' embedded PostgreSQL, started alone for the benchmarks (`docs/bench/postgres.sh`): a real server on a
 * loopback port with user and password {@code postgres}, until the process is stopped.
 */
public final class BenchPostgres {

    private BenchPostgres() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 54329;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(port).setCleanDataDirectory(true).start()) {
            System.out.println("PostgreSQL on jdbc:postgresql://127.0.0.1:" + port + "/postgres (user postgres)");
            Thread.currentThread().join();
        }
    }
}
