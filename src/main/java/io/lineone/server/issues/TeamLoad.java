package io.lineone.server.issues;

import io.lineone.api.Issue;
import io.lineone.api.IssueStatus;
import io.lineone.api.ManagerLoad;
import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.server.auth.UserStore;
import io.lineone.server.core.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The team's open issues per manager, for a supervisor deciding whom to give the next one; and who the managers are. */
public final class TeamLoad {

    private static final int PAGE = 500;

    private final IssueStore issues;
    private final UserStore users;
    private final Clock clock;

    public TeamLoad(IssueStore issues, UserStore users, Clock clock) {
        this.issues = issues;
        this.users = users;
        this.clock = clock;
    }

    /** Every manager's load, busiest (most breaching, then most open) first; SUPERVISOR and ADMIN only. */
    public List<ManagerLoad> load(Caller caller) {
        caller.require(Role.SUPERVISOR, Role.ADMIN);
        Instant now = clock.instant();
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Long> money = new HashMap<>();
        for (IssueStore.Row row : issues.open()) {
            if (row.managerId() == null) {
                continue;
            }
            Issue issue = IssueWorkflow.view(row, now);
            int[] c = counts.computeIfAbsent(row.managerId(), k -> new int[3]);
            c[0]++;
            c[1] += breaching(issue, now) ? 1 : 0;
            c[2] += issue.assigneeId() == null ? 1 : 0;
            money.merge(row.managerId(), issue.moneyAtRiskCents(), Long::sum);
        }
        List<ManagerLoad> load = new ArrayList<>();
        for (User manager : managers()) {
            int[] c = counts.getOrDefault(manager.id(), new int[3]);
            load.add(new ManagerLoad(manager.id(), manager.displayName(), c[0], c[1], c[2],
                    money.getOrDefault(manager.id(), 0L)));
        }
        load.sort(Comparator.comparingInt(ManagerLoad::breaching).reversed()
                .thenComparing(Comparator.comparingInt(ManagerLoad::open).reversed())
                .thenComparing(ManagerLoad::displayName));
        return load;
    }

    /** The managers an issue may be handed to, by name; for anyone who manages issues. */
    public List<User> managers(Caller caller) {
        caller.require(Role.MANAGER, Role.SUPERVISOR, Role.ADMIN);
        List<User> all = new ArrayList<>(managers());
        all.sort(Comparator.comparing(User::displayName));
        return all;
    }

    private List<User> managers() {
        List<User> all = new ArrayList<>();
        String after = null;
        while (true) {
            List<User> page = users.list(Role.MANAGER, after, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /**
     * Past a due time now, the way the console counts it: a NEW issue against its first response; after that against
     * its resolution, and a first response that came late stays a breach.
     */
    static boolean breaching(Issue issue, Instant now) {
        if (issue.status() == IssueStatus.NEW && issue.firstResponseAt() == null) {
            return now.isAfter(issue.firstResponseDueAt());
        }
        boolean lateReply = issue.firstResponseAt() != null && issue.firstResponseAt().isAfter(issue.firstResponseDueAt());
        return lateReply || now.isAfter(issue.resolutionDueAt());
    }
}
