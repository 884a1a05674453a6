package se.goteborg.vaksam.bench;

import java.util.function.Function;
import java.util.function.Predicate;

/** What every benchmark's {@code main} does: read the options, print the usage when asked or wrong, run, exit. */
final class BenchMain {

    /** A benchmark run on its options; emits the exit status. */
    interface Run<O> {
        int run(O options) throws Exception;
    }

    private BenchMain() {
    }

    /** Exits 64 on bad options (with the usage), 0 after {@code --help}, else with the run's status. */
    static <O> void main(String[] args, String usage, Function<String[], O> parse, Predicate<O> help, Run<O> bench)
            throws Exception {
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(usage);
            System.exit(64);
            return;
        }
        if (help.test(options)) {
            System.out.print(usage);
            return;
        }
        System.exit(bench.run(options));
    }
}
