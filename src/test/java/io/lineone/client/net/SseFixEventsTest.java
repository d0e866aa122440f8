package io.lineone.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.lineone.api.Band;
import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.FixStatus;
import io.lineone.api.Issue;
import io.lineone.api.Json;
import io.lineone.api.Listing;
import io.lineone.api.ListingStatus;
import io.lineone.api.Merchant;
import io.lineone.api.Tier;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stream reads listing, fix and merchant events into their records and hands each to its own callback. */
class SseFixEventsTest {

    private HttpServer server;
    private EventStream stream;

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void listingFixAndMerchantEventsArriveTyped() throws Exception {
        Listing listing = Listings.with(Listings.slipped("l-1", "m-1"), ListingStatus.DELISTED);
        Fix fix = new Fix("f-1", FixKind.DELIST_LISTING, "l-1", "Tea set 茶具", "m-1", "张记茶庄", "i-1", "u-1", "李娜",
                Map.of("status", "LIVE"), Map.of("status", "DELISTED"), 1_234_56, FixStatus.APPLIED, Bells.T0, null,
                Bells.T0.plusSeconds(86_400), 1);
        var mapper = Json.mapper();
        String body = "id: 1\nevent: listing.updated\ndata: " + mapper.writeValueAsString(listing) + "\n\n"
                + "id: 2\nevent: fix.applied\ndata: " + mapper.writeValueAsString(fix) + "\n\n"
                + "id: 3\nevent: fix.undone\ndata: " + mapper.writeValueAsString(fix) + "\n\n"
                + "id: 4\nevent: merchant.updated\ndata: " + mapper.writeValueAsString(new Merchant("m-1", "张记茶庄", "张记",
                Tier.KA, "tea", "杭州", "u-1", null, null, 80, Band.GREEN, 0, 0, null, true, 3)) + "\n\n";
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/events", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        stream = SseEventStream.open(new OkHttpClient(), last -> new Request.Builder().url(url).build(),
                new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(5), () -> 0.5), null, new EventStream.Listener() {
                    @Override
                    public void onOpen(EventStream.Opened how) {
                    }

                    @Override
                    public void onIssue(long eventId, String type, Issue issue) {
                        seen.add("issue");
                    }

                    @Override
                    public void onListing(long eventId, String type, Listing received) {
                        seen.add(eventId + " " + type + " " + received.id() + " " + received.status()
                                + " " + received.anomalies());
                    }

                    @Override
                    public void onFix(long eventId, String type, Fix received) {
                        seen.add(eventId + " " + type + " " + received.id() + " " + received.lossAvertedCents());
                    }

                    @Override
                    public void onMerchant(long eventId, String type, Merchant merchant) {
                        seen.add(eventId + " " + type + " " + merchant.name() + " v" + merchant.version());
                    }

                    @Override
                    public void onDown(boolean offline, Exception cause) {
                    }

                    @Override
                    public void onStopped(BackendException reason) {
                    }
                });

        assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("1 listing.updated l-1 DELISTED [DECIMAL_SLIP, BELOW_COST]");
        assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("2 fix.applied f-1 123456");
        assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("3 fix.undone f-1 123456");
        assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("4 merchant.updated 张记茶庄 v3");
    }
}
