package io.lineone.client.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Json;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.NewMerchant;
import io.lineone.api.NewUser;
import io.lineone.api.Role;
import io.lineone.api.Session;
import io.lineone.api.SessionRequest;
import io.lineone.api.Tier;
import io.lineone.api.User;
import io.lineone.server.LineOneServer;
import io.lineone.server.ServerConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The real backend in-process on an in-memory database, seeded over HTTP as its ADMIN: two managers
 * with their own merchants and one with none.
 */
public final class TestBackend implements AutoCloseable {

    public static final String PASSWORD = "manager-password-1";
    public static final String LI_NA = "li.na";
    public static final String WANG_WEI = "wang.wei";
    public static final String NOBODY = "zhao.kong";

    private static final MediaType JSON = MediaType.get("application/json");

    private final LineOneServer server;
    private final OkHttpClient http = new OkHttpClient();
    private final ObjectMapper mapper = Json.mapper();
    private final String adminToken;
    public final List<Merchant> liNasMerchants = new ArrayList<>();
    public final List<Merchant> wangWeisMerchants = new ArrayList<>();

    private TestBackend(ServerConfig config) throws IOException {
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
        TestBackend backend = new TestBackend(ServerConfig.forTests());
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
