package io.offsite.examples;

import io.offsite.examples.grid.GridDemo;

/**
 * The runnable demo (README "run" command): every capability on embedded defaults, no external services.
 */
public final class Demo {
    private Demo() {
    }

    /** Runs every demo in turn. */
    public static void main(String[] args) {
        GridDemo.run(System.out);
    }
}
