package io.lineone.client.ui;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.Json;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.NewIssue;
import io.lineone.api.NewMerchant;
import io.lineone.api.NewUser;
import io.lineone.api.Page;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.api.Session;
import io.lineone.api.SessionRequest;
import io.lineone.api.Tier;
import io.lineone.api.User;
import io.lineone.server.LineOneServer;
import io.lineone.server.ServerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The real backend in-process on an in-memory database, seeded over HTTP as its ADMIN: two managers
 * with their own merchants and one with none. {@link #seededOnFile} puts it on a fixed port and an H2 file
 * database instead, so that {@link #stop()} and {@link #start()} bring back the same server with the same data.
 */
public final class TestBackend implements AutoCloseable {

    public static final String PASSWORD = "manager-password-1";
    public static final String LI_NA = "li.na";
    public static final String WANG_WEI = "wang.wei";
    public static final String NOBODY = "zhao.kong";

    private static final MediaType JSON = MediaType.get("application/json");

    private final ServerConfig config;
    private volatile LineOneServer server;
    private final OkHttpClient http = new OkHttpClient();
    private final ObjectMapper mapper = Json.mapper();
    private final String adminToken;
    public final List<Merchant> liNasMerchants = new ArrayList<>();
    public final List<Merchant> wangWeisMerchants = new ArrayList<>();

    private TestBackend(ServerConfig config) throws IOException {
        this.config = config;
        server = LineOneServer.start(config);
        adminToken = post("/session", new SessionRequest("admin", ServerConfig.TEST_ADMIN_PASSWORD), Session.class, null)
                .token();
    }

    /** A server with nobody but the admin. */
    public static TestBackend bare(ServerConfig config) throws IOException {
        return new TestBackend(config);
    }

    /** A server with li.na's and wang.wei's books and an empty-handed third manager. */
    public static TestBackend seeded() throws IOException {
        return seed(new TestBackend(ServerConfig.forTests()));
    }

    /** Seeded like {@link #seeded()}, on a free port that stays the same and an H2 file database in {@code dir}. */
    public static TestBackend seededOnFile(Path dir) throws IOException {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("lineone");
        return seed(new TestBackend(ServerConfig.forTests().toBuilder().port(freePort()).database(url, null, null).build()));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static TestBackend seed(TestBackend backend) throws IOException {
        User liNa = backend.user(LI_NA, "李娜");
        User wangWei = backend.user(WANG_WEI, "王伟");
        backend.user(NOBODY, "赵空");
        backend.liNasMerchants.add(backend.merchant("杭州西湖茶叶有限公司", "西湖龙井旗舰店", Tier.KA, "食品生鲜", "浙江", liNa, 0.9));
        backend.liNasMerchants.add(backend.merchant("杭州丝绸贸易有限公司", "丝路专营店", Tier.SME, "服饰鞋包", "浙江", liNa, 0.6));
        backend.liNasMerchants.add(backend.merchant("Chengdu Hotpot Foods", "蜀香坊官方店", Tier.SME, "食品生鲜", "四川", liNa, 0.35));
        backend.liNasMerchants.add(backend.merchant("Guangzhou Tea House", "Canton Tea 旗舰店", Tier.KA, "食品生鲜", "广东", liNa, 0.1));
        backend.liNasMerchants.add(backend.merchant("义乌小商品有限公司", "杭州湾百货专卖店", Tier.SME, "家居日用", "浙江", liNa, 0.75));
        backend.wangWeisMerchants.add(backend.merchant("杭州滨江数码有限公司", "滨江数码专营店", Tier.KA, "数码家电", "浙江", wangWei, 0.8));
        backend.wangWeisMerchants.add(backend.merchant("深圳电子贸易有限公司", "深电旗舰店", Tier.SME, "数码家电", "广东", wangWei, 0.5));
        return backend;
    }

    public String url() {
        return server.url();
    }

    /** Stops the server; its database stays (a file database, or an in-memory one kept open). */
    public void stop() {
        server.close();
    }

    /** Starts the server again on the same port and database. */
    public void start() {
        server = LineOneServer.start(config);
    }

    /** Opens an issue as the marketplace feed would (as ADMIN here). */
    public Issue issue(Merchant merchant, Priority priority, IssueCategory category, String title, long moneyCents)
            throws IOException {
        return post("/issues", new NewIssue(merchant.id(), category, null, priority, title,
                "Raised by the test backend.", "lst-" + title.hashCode(), null, moneyCents), Issue.class, adminToken);
    }

    public Issue issue(String id) throws IOException {
        return get("/issues/" + id, mapper.constructType(Issue.class), adminToken);
    }

    /** Changes an issue behind the console's back, as another user (ADMIN here). */
    public Issue patch(String id, IssuePatch patch) throws IOException {
        Issue current = issue(id);
        Request request = new Request.Builder().url(server.url() + "/api/v1/issues/" + id)
                .header("Authorization", "Bearer " + adminToken)
                .header("If-Match", "\"" + current.version() + "\"")
                .patch(RequestBody.create(mapper.writeValueAsBytes(patch), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (response.code() != 200) {
                throw new IOException("PATCH answered " + response.code() + ": " + text);
            }
            return mapper.readValue(text, Issue.class);
        }
    }

    /** Every open issue as {@code login} sees them. */
    public List<Issue> openIssuesOf(String login) throws IOException {
        String token = post("/session", new SessionRequest(login, PASSWORD), Session.class, null).token();
        JavaType page = mapper.getTypeFactory().constructParametricType(Page.class, Issue.class);
        List<Issue> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Issue> items = get("/issues?status=OPEN&limit=500" + (cursor == null ? "" : "&cursor=" + cursor),
                    page, token);
            all.addAll(items.items());
            cursor = items.nextCursor();
        } while (cursor != null);
        return all;
    }

    private <T> T get(String path, JavaType type, String token) throws IOException {
        Request request = new Request.Builder().url(server.url() + "/api/v1" + path)
                .header("Authorization", "Bearer " + token).get().build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (response.code() != 200) {
                throw new IOException("GET " + path + " answered " + response.code() + ": " + text);
            }
            return mapper.readValue(text, type);
        }
    }

    public User user(String login, String displayName) throws IOException {
        return post("/users", new NewUser(login, displayName, Role.MANAGER, PASSWORD), User.class, adminToken);
    }

    /** A merchant whose metrics run from excellent ({@code quality} 1) to poor (0). */
    public Merchant merchant(String name, String shop, Tier tier, String category, String region, User manager,
                             double quality) throws IOException {
        MerchantMetrics metrics = new MerchantMetrics(10 + (1 - quality) * 50, 6 + (1 - quality) * 80,
                12 + (1 - quality) * 220, Math.round((4.1 + quality * 0.85) * 100) / 100.0,
                Math.round((0.0005 + (1 - quality) * 0.018) * 10_000) / 10_000.0);
        return post("/merchants", new NewMerchant(name, shop, tier, category, region, manager.id(), metrics),
                Merchant.class, adminToken);
    }

    private <T> T post(String path, Object body, Class<T> type, String token) throws IOException {
        Request.Builder request = new Request.Builder().url(server.url() + "/api/v1" + path)
                .post(RequestBody.create(mapper.writeValueAsBytes(body), JSON));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body().string();
            if (response.code() != 201) {
                throw new IOException("POST " + path + " answered " + response.code() + ": " + text);
            }
            return mapper.readValue(text, type);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
