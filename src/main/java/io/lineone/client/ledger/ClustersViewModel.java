package io.lineone.client.ledger;

import io.lineone.api.ClusterKind;
import io.lineone.api.IssueCluster;
import io.lineone.api.Page;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.InsightsApi;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Issues of many merchants that share one root cause or one release, as the server ranks them (merchants touched,
 * then money). Opening one shows its first issue in the queue, where its siblings are a search away.
 */
public final class ClustersViewModel extends InsightsSection<Page<IssueCluster>> {

    /** Clusters listed; the server ranks them, the tail is rarely worth a look. */
    static final int LIMIT = 100;

    private final InsightsApi insights;
    private final InsightsText text;
    private final Consumer<String> openIssue;
    private final ObservableList<IssueCluster> rows = FXCollections.observableArrayList();

    /** @param openIssue shows an issue in the queue */
    ClustersViewModel(InsightsApi insights, TaskExecutor executor, ErrorMessages errors, ConnectionStatus connection,
                      InsightsText text, Consumer<String> openIssue) {
        super(executor, errors, connection);
        this.insights = insights;
        this.text = text;
        this.openIssue = openIssue;
    }

    @Override
    protected Page<IssueCluster> read(InsightsQuery query) throws Exception {
        return insights.clusters(query.from(), query.to(), LIMIT);
    }

    @Override
    protected boolean show(Page<IssueCluster> answer, InsightsQuery query) {
        List<IssueCluster> items = answer.items() == null ? List.of() : answer.items();
        rows.setAll(items);
        return !items.isEmpty();
    }

    /** Shows the cluster's first issue in the queue; false if it lists none. */
    public boolean open(IssueCluster cluster) {
        if (cluster == null || cluster.issueIds() == null || cluster.issueIds().isEmpty()) {
            return false;
        }
        openIssue.accept(cluster.issueIds().get(0));
        return true;
    }

    /** What the cluster shares: the root cause, or the release by name. */
    public String subject(IssueCluster cluster) {
        if (cluster.kind() == ClusterKind.RELEASE) {
            String name = cluster.releaseName() != null ? cluster.releaseName() : cluster.releaseId();
            return text.messages().format("insights.clusters.release", name);
        }
        return cluster.rootCause() == null ? "—" : cluster.rootCause();
    }

    public String kind(IssueCluster cluster) {
        return text.messages().get("insights.clusters.kind." + cluster.kind().name());
    }

    public ObservableList<IssueCluster> rows() {
        return rows;
    }

    public InsightsText text() {
        return text;
    }
}
