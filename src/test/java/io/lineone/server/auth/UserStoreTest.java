package io.lineone.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.server.db.StoreException;
import io.lineone.testing.StoreRows;
import io.lineone.testing.StoreTest;
import io.lineone.testing.TestDatabase;
import java.util.List;

class UserStoreTest {

    @StoreTest
    void startsEmptyAndFindsWhatWasInserted(TestDatabase t) {
        UserStore users = new UserStore(t.db());
        assertThat(users.isEmpty()).isTrue();

        User li = StoreRows.user(t.db(), "usr_a1", "li.na", Role.MANAGER);

        assertThat(users.isEmpty()).isFalse();
        assertThat(users.find("usr_a1")).contains(li);
        assertThat(users.find("usr_missing")).isEmpty();
        assertThat(users.credentials("li.na")).contains(new UserStore.Credentials(li, "hash-of-li.na"));
        assertThat(users.credentials("LI.NA")).as("logins are exact").isEmpty();
        assertThat(t.db().<Boolean>inTransaction(tx -> users.loginExists(tx, "li.na"))).isTrue();
        assertThat(t.db().<Boolean>inTransaction(tx -> users.loginExists(tx, "wang.wei"))).isFalse();
    }

    @StoreTest
    void refusesASecondUserWithTheSameLoginAndKeepsTheFirst(TestDatabase t) {
        StoreRows.user(t.db(), "usr_a1", "li.na", Role.MANAGER);

        assertThatThrownBy(() -> StoreRows.user(t.db(), "usr_a2", "li.na", Role.ADMIN)).isInstanceOf(StoreException.class);

        assertThat(new UserStore(t.db()).list(null, null, 10)).extracting(User::id).containsExactly("usr_a1");
    }

    @StoreTest
    void listsByRoleInIdOrderAfterACursor(TestDatabase t) {
        StoreRows.user(t.db(), "usr_c", "c", Role.MANAGER);
        StoreRows.user(t.db(), "usr_a", "a", Role.MANAGER);
        StoreRows.user(t.db(), "usr_b", "b", Role.SUPERVISOR);
        StoreRows.user(t.db(), "usr_d", "d", Role.MANAGER);
        UserStore users = new UserStore(t.db());

        assertThat(users.list(null, null, 10)).extracting(User::id).containsExactly("usr_a", "usr_b", "usr_c", "usr_d");
        assertThat(users.list(Role.MANAGER, null, 10)).extracting(User::id).containsExactly("usr_a", "usr_c", "usr_d");
        assertThat(users.list(Role.MANAGER, "usr_a", 1)).extracting(User::id).containsExactly("usr_c");
        assertThat(users.list(null, "usr_d", 10)).isEmpty();
        assertThat(users.list(Role.PRODUCT_OWNER, null, 10)).isEmpty();
    }

    @StoreTest
    void keepsChineseNamesAndEveryRole(TestDatabase t) {
        List<User> all = List.of(
                StoreRows.user(t.db(), "usr_1", "m", Role.MANAGER),
                StoreRows.user(t.db(), "usr_2", "s", Role.SUPERVISOR),
                StoreRows.user(t.db(), "usr_3", "p", Role.PRODUCT_OWNER),
                StoreRows.user(t.db(), "usr_4", "a", Role.ADMIN),
                StoreRows.user(t.db(), "usr_5", "f", Role.SERVICE));
        assertThat(new UserStore(t.db()).list(null, null, 10)).isEqualTo(all);
        assertThat(new UserStore(t.db()).find("usr_1").orElseThrow().displayName()).isEqualTo("名字 m");
    }
}
