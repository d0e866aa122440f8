package io.lineone.client.merchants;

import static io.lineone.client.merchants.BookMerchants.NOW;
import static io.lineone.client.merchants.BookMerchants.merchant;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Merchant;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.api.User;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookSnapshotsTest {

    private static final User LI_NA = new User("u-1", "li.na", "李娜", Role.MANAGER);
    private static final List<Merchant> BOOK = List.of(
            merchant("m1", "杭州西湖茶叶有限公司", "西湖龙井旗舰店", Tier.KA, 91, 2, 1_500_00, NOW, "u-1", "李娜"),
            merchant("m2", "Hangzhou Silk Co.", "Silk Road Outlet", Tier.SME, 72, 0, 0, null, "u-1", "李娜"));

    @TempDir
    Path data;

    @Test
    void aSnapshotReadsBackWithItsRowsKeysAndOwner() throws Exception {
        BookSnapshots store = BookSnapshots.in(data);
        store.write(BookSnapshot.of(BookSnapshots.DEMO, LI_NA, NOW, BOOK));

        BookSnapshot read = store.read(BookSnapshots.DEMO, "li.na").orElseThrow();

        assertThat(read.user()).isEqualTo(LI_NA);
        assertThat(read.savedAt()).isEqualTo(NOW);
        List<MerchantRow> rows = read.toRows();
        assertThat(rows).extracting(MerchantRow::merchant).containsExactlyElementsOf(BOOK);
        // The keys come back as made: pinyin search and the Chinese collation order work without remaking them.
        MerchantRow made = MerchantRow.of(BOOK.get(0), MerchantRow.collator());
        assertThat(rows.get(0).nameKey()).isEqualTo(made.nameKey());
        assertThat(rows.get(0).matches(new String[] {"hzxh"})).isTrue();
        assertThat(rows.get(0).matches(new String[] {"xihu"})).isTrue();
    }

    @Test
    void eachServerAndLoginHasItsOwn() throws Exception {
        BookSnapshots store = BookSnapshots.in(data);
        store.write(BookSnapshot.of("https://lineone.example.com", LI_NA, NOW, BOOK));

        assertThat(store.read(BookSnapshots.DEMO, "li.na")).isEmpty();
        assertThat(store.read("https://lineone.example.com", "wang.wei")).isEmpty();
        assertThat(store.read("https://lineone.example.com", "li.na")).isPresent();
    }

    @Test
    void aCorruptFileIsIgnoredAndRemoved() throws Exception {
        BookSnapshots store = BookSnapshots.in(data);
        Path file = store.file(BookSnapshots.DEMO, "li.na");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"format\":1,\"rows\":[{\"merchant\":");

        assertThat(store.read(BookSnapshots.DEMO, "li.na")).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void anotherFormatOrRuntimeIsIgnored() throws Exception {
        BookSnapshots store = BookSnapshots.in(data);
        BookSnapshot current = BookSnapshot.of(BookSnapshots.DEMO, LI_NA, NOW, BOOK);
        store.write(new BookSnapshot(BookSnapshots.FORMAT + 1, current.keysBy(), current.server(), LI_NA, NOW,
                current.rows()));
        assertThat(store.read(BookSnapshots.DEMO, "li.na")).isEmpty();

        store.write(new BookSnapshot(BookSnapshots.FORMAT, "another runtime", current.server(), LI_NA, NOW,
                current.rows()));
        assertThat(store.read(BookSnapshots.DEMO, "li.na")).isEmpty();

        store.write(current);
        assertThat(store.read(BookSnapshots.DEMO, "li.na")).isPresent();
    }

    @Test
    void aSlotReadsOnlyItsOwnUsersBook() throws Exception {
        BookSnapshots store = BookSnapshots.in(data);
        store.write(BookSnapshot.of(BookSnapshots.DEMO, LI_NA, NOW, BOOK));
        // The same login, but another account (the workspace was made again): not this user's book.
        User other = new User("u-9", "li.na", "李娜", Role.MANAGER);
        AtomicReference<Optional<BookSnapshot>> read = new AtomicReference<>();

        store.slot(BookSnapshots.DEMO, other, new CurrentThreadTaskExecutor()).read(read::set);
        assertThat(read.get()).isEmpty();

        store.slot(BookSnapshots.DEMO, LI_NA, new CurrentThreadTaskExecutor()).read(read::set);
        assertThat(read.get()).isPresent();
    }

    @Test
    void aSlotKeepsTheBookAndForgetsItAndAHugeBookIsNotKept() throws Exception {
        BookSnapshots store = BookSnapshots.in(data);
        BookSnapshots.Slot slot = store.slot(BookSnapshots.DEMO, LI_NA, new CurrentThreadTaskExecutor());
        AtomicBoolean written = new AtomicBoolean();

        slot.save(BookSnapshot.of(BookSnapshots.DEMO, LI_NA, NOW, BOOK).toRows(), NOW, () -> written.set(true));
        assertThat(written).isTrue();
        assertThat(store.read(BookSnapshots.DEMO, "li.na")).isPresent();

        List<MerchantRow> huge = new ArrayList<>();
        MerchantRow one = MerchantRow.of(BOOK.get(1), MerchantRow.collator());
        for (int i = 0; i <= BookSnapshots.MOST_ROWS; i++) {
            huge.add(one);
        }
        slot.save(huge, NOW, () -> { });
        assertThat(store.read(BookSnapshots.DEMO, "li.na")).isEmpty();

        slot.save(List.of(one), NOW, () -> { });
        slot.delete();
        assertThat(store.read(BookSnapshots.DEMO, "li.na")).isEmpty();
    }

    @Test
    void resettingTheDemoForgetsItsBooksOnly() throws Exception {
        BookSnapshots store = BookSnapshots.in(data);
        store.write(BookSnapshot.of(BookSnapshots.DEMO, LI_NA, NOW, BOOK));
        store.write(BookSnapshot.of("https://lineone.example.com", LI_NA, NOW, BOOK));

        store.deleteServer(BookSnapshots.DEMO);

        assertThat(store.read(BookSnapshots.DEMO, "li.na")).isEmpty();
        assertThat(store.read("https://lineone.example.com", "li.na")).isPresent();
    }

    @Test
    void aReadBegunEarlyAnswersTheNextReadOfThatBook() throws Exception {
        BookSnapshots store = BookSnapshots.in(data);
        store.write(BookSnapshot.of(BookSnapshots.DEMO, LI_NA, NOW, BOOK));

        store.readAhead(BookSnapshots.DEMO, "li.na");
        store.readAhead(BookSnapshots.DEMO, "wang.wei");

        assertThat(store.read(BookSnapshots.DEMO, "li.na")).isPresent();
        assertThat(store.read(BookSnapshots.DEMO, "wang.wei")).isEmpty();
        // Later reads go to the file again: a sign-out in between would have removed it.
        store.delete(BookSnapshots.DEMO, "li.na");
        assertThat(store.read(BookSnapshots.DEMO, "li.na")).isEmpty();
    }

    @Test
    void aReadBegunEarlyIsTakenAtLaunchOnlyWhenItFoundABook() throws Exception {
        BookSnapshots store = BookSnapshots.in(data);
        store.write(BookSnapshot.of(BookSnapshots.DEMO, LI_NA, NOW, BOOK));
        // No read begun: nothing to wait for.
        assertThat(store.readAheadWithin(BookSnapshots.DEMO, "li.na", Duration.ofSeconds(5))).isEmpty();

        store.readAhead(BookSnapshots.DEMO, "li.na");
        store.readAhead(BookSnapshots.DEMO, "wang.wei");

        assertThat(store.readAheadWithin(BookSnapshots.DEMO, "li.na", Duration.ofSeconds(5)))
                .hasValueSatisfying(kept -> assertThat(kept.user()).isEqualTo(LI_NA));
        // Taken: the next read goes to the file (a sign-out in between would have removed it).
        store.delete(BookSnapshots.DEMO, "li.na");
        assertThat(store.read(BookSnapshots.DEMO, "li.na")).isEmpty();
        // None kept: the launch shows its spinner, and the read's answer waits for the next read.
        assertThat(store.readAheadWithin(BookSnapshots.DEMO, "wang.wei", Duration.ofSeconds(5))).isEmpty();
        store.write(BookSnapshot.of(BookSnapshots.DEMO, new User("u-2", "wang.wei", "王伟", Role.MANAGER), NOW,
                BOOK));
        assertThat(store.read(BookSnapshots.DEMO, "wang.wei")).isEmpty();
    }

    @Test
    void noStoreKeepsNothing() throws Exception {
        BookSnapshots none = BookSnapshots.none();
        none.write(BookSnapshot.of(BookSnapshots.DEMO, LI_NA, NOW, BOOK));
        assertThat(none.read(BookSnapshots.DEMO, "li.na")).isEmpty();
    }
}
