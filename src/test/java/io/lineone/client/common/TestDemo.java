package io.lineone.client.common;

import io.lineone.api.Role;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A demo launcher for tests: offers the demo workspace's accounts and signs in however the test says. */
public final class TestDemo implements DemoLauncher {

    /** Signs one of the accounts in. */
    @FunctionalInterface
    public interface SignIn {
        SignedIn as(String login) throws Exception;
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(new DemoAccount("li.na", "李娜", Role.MANAGER),
            new DemoAccount("chen.jing", "陈静", Role.SUPERVISOR),
            new DemoAccount("zhao.lei", "赵磊", Role.PRODUCT_OWNER),
            new DemoAccount("admin", "管理员", Role.ADMIN));

    private final SignIn signIn;
    private final AtomicInteger resets = new AtomicInteger();

    private TestDemo(SignIn signIn) {
        this.signIn = signIn;
    }

    public static TestDemo of(SignIn signIn) {
        return new TestDemo(signIn);
    }

    @Override
    public List<DemoAccount> accounts() {
        return ACCOUNTS;
    }

    @Override
    public SignedIn open(String login) throws Exception {
        return signIn.as(login);
    }

    /** The test's server is shared by the test: a reset is counted, and its data stays. */
    @Override
    public void reset() {
        resets.incrementAndGet();
    }

    public int resets() {
        return resets.get();
    }
}
