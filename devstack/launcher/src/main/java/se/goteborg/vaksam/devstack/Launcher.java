package se.goteborg.vaksam.devstack;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

/** {@code java -jar devstack/launcher/target/launcher.jar}: the README's "run everything". */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        int exitCode = run(args, System.getenv(), System::getProperty, System.out, System.err);
        if (exitCode >= 0) {
            System.exit(exitCode);
        }
        // Up and running: only Ctrl-C ends this process; the Devstack's shutdown hook stops the children.
        new CountDownLatch(1).await();
    }

    /** Returns an exit code when the launcher should end now, or -1 once the stack is up. */
    static int run(String[] args, Map<String, String> environment, UnaryOperator<String> systemProperties,
                   PrintStream out, PrintStream err) {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, environment, systemProperties);
        } catch (IllegalArgumentException e) {
            err.println("devstack: " + e.getMessage());
            err.print(LauncherOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(LauncherOptions.USAGE);
            return 0;
        }
        Optional<Path> root = launcherJarFolder().flatMap(Devstack::findRepositoryRoot)
                .or(() -> Devstack.findRepositoryRoot(Path.of("")));
        if (root.isEmpty()) {
            err.println("devstack: cannot find the Vaksam repository (a folder with mvnw and devstack/launcher)"
                    + " above the launcher jar or the working directory");
            return 2;
        }
        Devstack devstack;
        try {
            devstack = Devstack.builder()
                    .repositoryRoot(root.get())
                    .dataDir(options.dataDir() == null ? null : options.dataDir().toAbsolutePath())
                    .ports(options.ports())
                    .components(options.components())
                    .progress(line -> out.println("  " + line))
                    .build();
        } catch (DevstackException e) {
            err.println("devstack: " + e.getMessage());
            return 1;
        }
        out.println("Starting Vaksam from " + root.get() + "; logs in " + devstack.data().logs());
        RunningDevstack running;
        try {
            running = devstack.start();
        } catch (DevstackException e) {
            err.println("Vaksam did not start: " + e.getMessage());
            return 1;
        }
        out.print(Summary.render(running));
        return -1;
    }

    private static Optional<Path> launcherJarFolder() {
        try {
            Path location = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(location.getParent());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
