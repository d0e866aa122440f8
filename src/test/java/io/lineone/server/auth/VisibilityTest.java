package io.lineone.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.server.core.Caller;
import org.junit.jupiter.api.Test;

class VisibilityTest {

    private static Caller caller(Role role) {
        return new Caller(new User("usr_me", "me", "Me", role), "req_1");
    }

    @Test
    void aManagerSeesTheirOwnBookOnly() {
        Visibility shown = Visibility.of(caller(Role.MANAGER));
        assertThat(shown.seesBookOf("usr_me")).isTrue();
        assertThat(shown.seesBookOf("usr_other")).isFalse();
        assertThat(shown.seesBookOf(null)).as("an unassigned merchant").isFalse();
        assertThat(shown.seesEvent(null, null)).as("a release or bell event").isTrue();
        assertThat(shown.seesEvent("mer_1", "usr_other")).isFalse();
        assertThat(shown.sql("m.manager")).isEqualTo("m.manager = ?");
        assertThat(shown.parameters()).containsExactly("usr_me");
    }

    @Test
    void aProductOwnerSeesNoBookButEveryEventOfNoMerchant() {
        Visibility shown = Visibility.of(caller(Role.PRODUCT_OWNER));
        assertThat(shown.seesBookOf("usr_me")).isFalse();
        assertThat(shown.seesBookOf(null)).isFalse();
        assertThat(shown.seesEvent(null, null)).isTrue();
        assertThat(shown.seesEvent("mer_1", null)).isFalse();
        assertThat(shown.parameters()).isEmpty();
    }

    @Test
    void everyoneElseSeesEveryBook() {
        for (Role role : new Role[] {Role.SUPERVISOR, Role.ADMIN, Role.SERVICE}) {
            Visibility shown = Visibility.of(caller(role));
            assertThat(shown).as("%s", role).isEqualTo(Visibility.EVERYTHING);
            assertThat(shown.seesBookOf("usr_other")).isTrue();
            assertThat(shown.seesBookOf(null)).isTrue();
        }
    }

    @Test
    void aBookNeedsItsManagerAndOnlyABookHasOne() {
        assertThatThrownBy(() -> new Visibility(Visibility.Kind.BOOK, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Visibility(Visibility.Kind.ALL, "usr_me"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
