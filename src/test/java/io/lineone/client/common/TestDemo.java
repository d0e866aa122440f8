package io.lineone.client.common;

import io.lineone.api.Role;
import java.util.List;

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

    private TestDemo(SignIn signIn) {
        this.signIn = signIn;
    }

    public static DemoLauncher of(SignIn signIn) {
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
}
