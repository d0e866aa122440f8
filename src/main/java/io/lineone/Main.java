package io.lineone;

import io.lineone.client.ConsoleLauncher;

/** The jar's entry point: the console by default. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ConsoleLauncher.launch(args);
    }
}
