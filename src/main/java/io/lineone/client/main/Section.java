package io.lineone.client.main;

/** The places the navigation rail leads to; only some are built in this release. */
public enum Section {
    MERCHANTS(true),
    ISSUES(true),
    BELLS(false),
    LEDGER(false),
    SETTINGS(false);

    private final boolean built;

    Section(boolean built) {
        this.built = built;
    }

    public boolean built() {
        return built;
    }

    /** The bundle key of the section's name, as on the rail. */
    public String titleKey() {
        return "main.nav." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
