package io.lineone.api;

/** Colour band of a lighthouse score, from best to worst. */
public enum Band {
    GREEN(85),
    BLUE(70),
    AMBER(55),
    RED(0);

    private final int floor;

    Band(int floor) {
        this.floor = floor;
    }

    /** The lowest score that still falls in this band. */
    public int floor() {
        return floor;
    }

    public static Band of(int score) {
        for (Band band : values()) {
            if (score >= band.floor) {
                return band;
            }
        }
        return RED;
    }
}
